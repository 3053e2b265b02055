/**
 * The secret check: whether a text carries a secret (imin's API key, the
 * browser's bearer token) in any form that an upstream, or anything between,
 * might echo it in. Anything that fails it never reaches the browser.
 */

/** Control and format characters (zero-width spaces and joiners, BOM, soft hyphen): invisible, so removed before comparing. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu

/** Deeper nesting than this is refused outright rather than decoded further. */
const MAX_PERCENT_DECODES = 8

/** Decodes every run of `%XX` escapes; a run that is not UTF-8 is read byte by byte. */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    }
  })
}

/**
 * The base64 text of the secret wherever it sits in a longer encoded value:
 * one core per byte alignment, without the characters its neighbours share.
 */
function base64Cores(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret)
  const cores = [0, 1, 2].map((offset) => {
    const padded = new Uint8Array(offset + bytes.length)
    padded.set(bytes, offset)
    // The slice ends before the characters (and the `=` padding) that the next bytes would change.
    return btoa(String.fromCharCode(...padded)).slice(Math.ceil((8 * offset) / 6), Math.floor((8 * padded.length) / 6))
  })
  // Shorter cores would match ordinary text.
  return cores.filter((core) => core.length >= 4)
}

/** Prepares the check for one secret once, so it can run on many texts. */
export function secretCheck(secret: string | undefined): (text: unknown) => boolean {
  const needle = secret?.replace(INVISIBLE, '')
  if (!needle) return () => false
  const lower = needle.toLowerCase()
  const cores = [needle, lower, needle.toUpperCase()].flatMap(base64Cores)
  return (text) => {
    if (typeof text !== 'string') return false
    let current = text
    for (let round = 0; round <= MAX_PERCENT_DECODES; round++) {
      const visible = current.replace(INVISIBLE, '')
      if (visible.toLowerCase().includes(lower)) return true
      // base64url's alphabet, read as base64's.
      const base64 = visible.replace(/-/g, '+').replace(/_/g, '/')
      if (cores.some((core) => base64.includes(core))) return true
      const decoded = percentDecode(visible)
      if (decoded === visible) return false
      current = decoded
    }
    // Still encoded after this many rounds: no real answer looks like that.
    return true
  }
}
