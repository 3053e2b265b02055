import { requestBody, type CheckoutSessionRequest } from './checkout-body.js'
import { CheckoutError } from './checkout-error.js'
import { checkoutOrigin, isSecureEndpoint, safeTarget } from './checkout-url.js'
import { isObject, readType, type JsonObject } from '../rules/opportunity.js'

export type { Broker, CheckoutSessionRequest, Customer, NavigationLinks, Person } from './checkout-body.js'

export interface CheckoutSessionOptions {
  /**
   * The broker's Checkout host or origin; targets must be on it (or on `allowedTargetHosts`).
   * @defaultValue none (required)
   */
  checkoutBaseUrl: string
  /**
   * Where to POST. Recommended: the broker's own backend (the `./server`
   * handler), so imin's API key never reaches the browser. Must be `https:`
   * (`http:` only on localhost); a relative URL resolves against the page.
   * Without it, the request must carry a `customer`.
   * @defaultValue `https://{checkoutBaseUrl}/api/checkout-sessions/`
   */
  endpoint?: string
  /**
   * Called for every request, under the same `timeoutMs` and `signal` as the
   * request itself; its token is sent as `Bearer <token>`. Nothing is sent
   * when it returns no token or throws (`unauthorized`).
   * @defaultValue undefined (no Authorization header)
   */
  getAuthToken?: () => string | null | undefined | Promise<string | null | undefined>
  /**
   * The header that carries the bearer token.
   * @defaultValue 'Authorization'
   */
  authHeader?: string
  /**
   * The fetch to send the request with, e.g. one with instrumentation.
   * @defaultValue globalThis.fetch
   */
  fetch?: typeof fetch
  /**
   * Cancels the request (and a pending `getAuthToken`); the error's kind is then `aborted`.
   * @defaultValue undefined (not cancellable)
   */
  signal?: AbortSignal
  /**
   * How long to wait, in milliseconds, for the token and the answer together; then `timeout`.
   * @defaultValue 15000
   */
  timeoutMs?: number
  /**
   * Further hosts a target may be on, e.g. `['checkout.imin.co']`.
   * @defaultValue [] (only the checkout host)
   */
  allowedTargetHosts?: readonly string[]
}

/** A created checkout session: send the browser to `target`. */
export interface CheckoutSession {
  /** The checked, absolute URL of the Checkout page. */
  target: string
  /** The server's answer, parsed. */
  body: unknown
  /** The server's `Location` header, when it sent one. */
  location?: string
}

const UNAVAILABLE = ['UnavailableOpportunityError', 'OpportunityOfferPairNotBookableError']

/**
 * POSTs a checkout session body and checks the answer. Shared with the server
 * handler. `auth` is `[header, prefix, getSecret]`: the secret (token or API key)
 * is awaited under the same timeout and abort as the request, and dropped from
 * anything the server echoes.
 * @internal
 */
export async function postCheckoutSession(
  endpoint: string,
  body: JsonObject,
  auth: [header: string, prefix: string, getSecret: () => unknown] | undefined,
  origin: string,
  options: Pick<CheckoutSessionOptions, 'fetch' | 'signal' | 'timeoutMs' | 'allowedTargetHosts'>,
): Promise<CheckoutSession> {
  const { signal } = options
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, options.timeoutMs ?? 15_000)
  const abort = () => controller.abort()
  signal?.addEventListener('abort', abort)
  // Rejects on timeout or abort, so nothing awaited against it can hang.
  const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', reject))
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' }
  let secret: unknown
  let response: Response
  let json: unknown
  try {
    if (signal?.aborted) throw 0
    if (auth) {
      try {
        secret = await Promise.race([auth[2](), stopped])
      } catch {
        // The caller's own error may describe its credentials: not kept.
      }
      if (controller.signal.aborted) throw 0
      if (!secret) throw new CheckoutError('unauthorized', 'No sign-in token.')
      headers[auth[0]] = auth[1] + secret
    }
    response = await Promise.race([
      (options.fetch ?? fetch)(endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        // A redirected POST would resend the credentials somewhere unchecked.
        redirect: 'error',
        signal: controller.signal,
      }),
      stopped,
    ])
    const text = await response.text()
    try {
      json = JSON.parse(text)
    } catch {
      // Not JSON: decided below, from the status.
    }
  } catch (error) {
    // The cause is dropped: it is rarely useful and may describe the request.
    throw error instanceof CheckoutError ? error : new CheckoutError(signal?.aborted ? 'aborted' : timedOut ? 'timeout' : 'network')
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', abort)
  }
  const clean = (value: unknown) =>
    typeof value === 'string' && !(secret && value.includes(secret as string)) ? value : undefined
  const { status } = response
  // Classified on the raw type, so a secret that happens to be part of it changes nothing.
  const type = isObject(json) ? readType(json) : undefined
  const fields = { status, type: clean(type), description: isObject(json) ? clean(json.description) : undefined }
  if (UNAVAILABLE.includes(type as string)) throw new CheckoutError('unavailable', undefined, fields)
  if (type === 'OpportunityIsFullError') throw new CheckoutError('full', undefined, fields)
  if (status === 401 || status === 403) throw new CheckoutError('unauthorized', undefined, fields)
  if (!response.ok) throw new CheckoutError('http', `HTTP ${status}.`, fields)
  if (!isObject(json)) throw new CheckoutError('invalid-response', 'Not JSON.', { status })
  const actions = Array.isArray(json.potentialAction) ? json.potentialAction.filter((a) => isObject(a) && readType(a) === 'OrderAction') : []
  const target: unknown = (actions.find((a) => a.name === 'Checkout') ?? actions[0])?.target
  if (typeof target !== 'string') throw new CheckoutError('invalid-response', 'No checkout target.', { status })
  // A target or Location that repeats the secret is treated as unsafe: never followed, never passed on.
  const safe = clean(target) && clean(safeTarget(target, origin, options.allowedTargetHosts))
  if (!safe) throw new CheckoutError('unsafe-target', undefined, { status })
  const location = clean(response.headers.get('Location'))
  return location ? { target: safe, body: json, location } : { target: safe, body: json }
}

/**
 * Creates an imin checkout session for the customer and returns the Checkout
 * page to send the browser to. Never retries: each POST creates a session.
 * Throws a CheckoutError; branch on its `kind`.
 */
export async function createCheckoutSession(
  request: CheckoutSessionRequest,
  options: CheckoutSessionOptions,
): Promise<CheckoutSession> {
  const origin = checkoutOrigin(options.checkoutBaseUrl)
  const body = requestBody(request)
  const { endpoint = `${origin}/api/checkout-sessions/`, getAuthToken } = options
  // Only the broker's own backend (which sets the customer itself) may be sent none.
  if (!options.endpoint && !request.customer) throw new CheckoutError('invalid-request', 'customer is required.')
  // Relative endpoints (the broker's own backend) resolve against the page.
  if (!isSecureEndpoint(endpoint, 'https://relative.invalid'))
    throw new CheckoutError('invalid-request', 'endpoint must be https: (http: only on localhost).')
  return postCheckoutSession(endpoint, body, getAuthToken && [options.authHeader ?? 'Authorization', 'Bearer ', getAuthToken], origin, options)
}
