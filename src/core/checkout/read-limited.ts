/**
 * Reads a body stream up to a byte limit without buffering more: past it, the
 * stream is cancelled and `undefined` returned. Each read is raced against
 * `stopped`, so a timeout or abort ends the read too, whatever the stream does.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null | undefined,
  limit: number,
  stopped?: Promise<never>,
): Promise<Uint8Array | undefined> {
  const reader = body?.getReader()
  if (!reader) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await (stopped ? Promise.race([reader.read(), stopped]) : reader.read())
      if (done) break
      size += value.byteLength
      if (size > limit) return undefined
      chunks.push(value)
    }
  } finally {
    void reader.cancel().catch(() => {})
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}
