/**
 * The network half of every checkout route, shared by the browser functions
 * and the `./server` handlers: one POST, its answer read within limits, and
 * only checked values passed on.
 */
import { asCheckoutError, CheckoutError, invalidRequest } from './checkout-error.js'
import { safeTarget } from './checkout-url.js'
import { readLimited } from './read-limited.js'
import { secretCheck } from './secret.js'
import { isObject, readType, type JsonObject } from '../rules/opportunity.js'

/** A created checkout session: send the browser to `target`. */
export interface CheckoutSession {
  /** The checked, absolute URL of the Checkout page. */
  target: string
  /** The server's answer, parsed; undefined when it repeats the credentials sent. */
  body: unknown
  /** The server's `Location` header, resolved and checked like `target`, when it sent one that passes. */
  location?: string
}

/** How one POST is sent, after its options have been read and checked. */
export interface CheckoutPost {
  endpoint: string
  body: JsonObject
  /** `[header, prefix, getSecret]`: the secret (token or API key) is awaited under the same timeout and abort as the request. */
  auth?: [header: string, prefix: string, getSecret: () => unknown]
  origin: string
  allowedTargetHosts: readonly string[]
  fetch?: typeof fetch
  signal?: AbortSignal
  timeoutMs?: number
  /** Which upstream error types are kept. @defaultValue any bare `…Error` name */
  isKnownErrorType?: (type: string) => boolean
}

/** Checkout answers are a few kilobytes; anything far larger is not one. */
export const MAX_ANSWER_BYTES = 256 * 1024

/** The longest `description` passed on. */
export const MAX_DESCRIPTION = 500

/**
 * What an error type must look like to be kept, unless the caller passes a
 * list (the `./server` handlers pass imin's and OpenActive's): a bare name
 * such as `OpportunityIsFullError`, never markup or a sentence.
 */
const looksLikeErrorType = (type: string) => /^[A-Za-z]{1,80}Error$/.test(type)

/** The timeout in milliseconds: the given one when it is a positive finite number, else 15 s (`checkTransport` refuses a wrong one first). */
export function readTimeout(value: unknown): number {
  return Number.isFinite(value) && (value as number) > 0 ? (value as number) : 15_000
}

/** Throws a CheckoutError `invalid-request` unless `timeoutMs` and `fetch` are missing or usable. */
export function checkTransport(timeoutMs: unknown, fetcher: unknown): void {
  if (timeoutMs !== undefined && readTimeout(timeoutMs) !== timeoutMs)
    throw invalidRequest('timeoutMs must be a positive number of milliseconds.')
  if (fetcher !== undefined && typeof fetcher !== 'function') throw invalidRequest('fetch must be a function.')
}

const UNAVAILABLE = ['UnavailableOpportunityError', 'OpportunityOfferPairNotBookableError']

/** At most `MAX_ANSWER_BYTES` of the answer, within the timeout whatever the fetch: the size is checked before reading when declared. */
async function readAnswer(response: Response, stopped: Promise<never>): Promise<string> {
  const declared = Number(response.headers.get('Content-Length'))
  const bytes = declared > MAX_ANSWER_BYTES ? undefined : await readLimited(response.body, MAX_ANSWER_BYTES, stopped)
  if (!bytes) {
    void response.body?.cancel().catch(() => {})
    throw new CheckoutError('invalid-response', 'The answer is too large.', { status: response.status })
  }
  return new TextDecoder().decode(bytes)
}

/** At most `MAX_DESCRIPTION` characters, never ending inside a surrogate pair. */
const cut = (text: string) => text.slice(0, MAX_DESCRIPTION).replace(/[\uD800-\uDBFF]$/, '')

/**
 * POSTs a checkout session body and checks the answer. Rejects only with a
 * CheckoutError. Nothing that fails the secret check for the credential sent
 * is kept: not the error type or description, not the target (`unsafe-target`),
 * not the Location, not the body.
 */
export async function postCheckoutSession(post: CheckoutPost): Promise<CheckoutSession> {
  const { signal, auth } = post
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, readTimeout(post.timeoutMs))
  const abort = () => controller.abort()
  const callerAborted = () => {
    try {
      return signal?.aborted === true
    } catch {
      return false
    }
  }
  // Rejects on timeout or abort, so nothing awaited against it can hang.
  const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', reject))
  stopped.catch(() => {})
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' }
  let secret: string | undefined
  let response: Response
  let text: string
  try {
    signal?.addEventListener('abort', abort)
    if (callerAborted()) throw 0
    if (auth) {
      let given: unknown
      try {
        given = await Promise.race([auth[2](), stopped])
      } catch {
        // The caller's own error may describe its credentials: not kept.
      }
      if (controller.signal.aborted) throw 0
      if (typeof given !== 'string' || !given) throw new CheckoutError('unauthorized', 'No sign-in token.')
      secret = given
      headers[auth[0]] = auth[1] + secret
    }
    response = await Promise.race([
      (post.fetch ?? fetch)(post.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify(post.body),
        // A redirected POST would resend the credentials somewhere unchecked.
        redirect: 'error',
        signal: controller.signal,
      }),
      stopped,
    ])
    text = await readAnswer(response, stopped)
  } catch (error) {
    // The cause is dropped: it is rarely useful and may describe the request.
    if (error instanceof CheckoutError && !controller.signal.aborted) throw error
    throw new CheckoutError(callerAborted() ? 'aborted' : timedOut ? 'timeout' : 'network')
  } finally {
    clearTimeout(timer)
    try {
      signal?.removeEventListener('abort', abort)
    } catch {
      // A signal that cannot be unsubscribed from keeps only a finished controller.
    }
  }
  try {
    return checkAnswer(response, text, secretCheck(secret), post)
  } catch (error) {
    // A fetch of the caller's may return an object that is not quite a Response.
    throw asCheckoutError(error, 'invalid-response')
  }
}

/** Whether any key or string in parsed JSON fails the check: JSON escapes hide control characters from the text. */
function holdsLeak(value: unknown, leaks: (text: unknown) => boolean): boolean {
  if (typeof value === 'string') return leaks(value)
  // Numbers, booleans and null have no entries.
  return Object.entries(value ?? {}).some(([key, item]) => leaks(key) || holdsLeak(item, leaks))
}

function checkAnswer(response: Response, text: string, leaks: (text: unknown) => boolean, post: CheckoutPost): CheckoutSession {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // Not JSON: decided below, from the status.
  }
  const { status } = response
  const given = isObject(json) ? readType(json) : undefined
  const known = post.isKnownErrorType ?? looksLikeErrorType
  const type = typeof given === 'string' && known(given) && !leaks(given) ? given : undefined
  const description = isObject(json) && typeof json.description === 'string' && !leaks(json.description) ? cut(json.description) : undefined
  const fields = { status, type, description }
  if (UNAVAILABLE.includes(given as string)) throw new CheckoutError('unavailable', undefined, fields)
  if (given === 'OpportunityIsFullError') throw new CheckoutError('full', undefined, fields)
  if (status === 401 || status === 403) throw new CheckoutError('unauthorized', undefined, fields)
  if (!response.ok) throw new CheckoutError('http', `HTTP ${status}.`, fields)
  if (!isObject(json)) throw new CheckoutError('invalid-response', 'Not JSON.', { status })
  const actions = Array.isArray(json.potentialAction) ? json.potentialAction.filter((a) => isObject(a) && readType(a) === 'OrderAction') : []
  const target: unknown = (actions.find((a) => a.name === 'Checkout') ?? actions[0])?.target
  if (typeof target !== 'string') throw new CheckoutError('invalid-response', 'No checkout target.', { status })
  const checked = (value: unknown, base?: string) => {
    const safe = !leaks(value) && safeTarget(value, post.origin, post.allowedTargetHosts, base)
    return safe && !leaks(safe) ? safe : undefined
  }
  const safe = checked(target)
  if (!safe) throw new CheckoutError('unsafe-target', undefined, { status })
  // A Location resolves against the URL it answers, as imin's relative `/checkout-sessions/{id}` does.
  const location = checked(response.headers.get('Location'), post.endpoint)
  const body = leaks(text) || holdsLeak(json, leaks) ? undefined : json
  return location ? { target: safe, body, location } : { target: safe, body }
}
