/**
 * What every handler checks before it trusts a request: the method, where it
 * comes from, its content type, and a body read in bytes up to a limit.
 */
import { readLimited } from '../core/checkout/read-limited.js'
import { answer, failure } from './answers.js'

/** Request bodies are a few hundred bytes; anything far larger is not ours. */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * Whether a browser sent this from another site. `Sec-Fetch-Site` comes first,
 * because a proxy in front may change the origin this server sees; same-site
 * siblings (`other.example.com`) count as cross-site. Without it, an `Origin`
 * that differs from the request's own. Server-to-server calls send neither.
 */
function isCrossSite(request: Request, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.get('Origin')
  if (origin !== null && allowedOrigins.includes(origin)) return false
  const site = request.headers.get('Sec-Fetch-Site')
  if (site !== null) return site !== 'same-origin'
  return origin !== null && origin !== new URL(request.url).origin
}

/** The answer refusing the request before anything is read, or undefined to go on. */
export function refuseEarly(request: Request, allowedOrigins: readonly string[]): Response | undefined {
  if (request.method !== 'POST') return answer(405, { type: 'MethodNotAllowedError', description: 'Use POST.' }, { Allow: 'POST' })
  if (isCrossSite(request, allowedOrigins)) return failure(403, 'ForbiddenError')
  // Requiring JSON makes cross-site form posts impossible: browsers preflight it.
  if (!request.headers.get('Content-Type')?.match(/^application\/json\b/i))
    return failure(415, 'UnsupportedMediaTypeError', 'Send Content-Type: application/json.')
  if (Number(request.headers.get('Content-Length')) > MAX_BODY_BYTES) return tooLarge()
  return undefined
}

const tooLarge = () => failure(413, 'PayloadTooLargeError', 'The body is too large.')

/**
 * The body as JSON, read as a stream and stopped at `MAX_BODY_BYTES` without
 * buffering more; or the answer refusing it (413, or 400 when it is not JSON).
 */
export async function readJsonBody(request: Request): Promise<{ json: unknown } | { refused: Response }> {
  const notJson = { refused: failure(400, 'InvalidRequestError', 'The body is not JSON.') }
  const bytes = await readLimited(request.body, MAX_BODY_BYTES)
  if (!bytes) return { refused: tooLarge() }
  try {
    return { json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) }
  } catch {
    return notJson
  }
}
