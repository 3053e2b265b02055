import { requestBody, type CheckoutSessionRequest } from './checkout-body.js'
import { CheckoutError } from './checkout-error.js'
import { checkoutOrigin, isSecureUrl, safeTarget } from './checkout-url.js'
import { isObject, readType, type JsonObject } from './opportunity.js'

export type { Broker, CheckoutSessionRequest, Customer, NavigationLinks, Person } from './checkout-body.js'

export interface CheckoutSessionOptions {
  /** The broker's Checkout host or origin; targets must be on it (or on `allowedTargetHosts`). */
  checkoutBaseUrl: string
  /**
   * Where to POST. Recommended: the broker's own backend (the `./server`
   * handler), so imin's API key never reaches the browser.
   * @defaultValue `https://{checkoutBaseUrl}/api/checkout-sessions/`
   */
  endpoint?: string
  /** Called for every request; its token is sent as `Bearer <token>`. Nothing is sent when it returns no token. */
  getAuthToken?: () => string | null | undefined | Promise<string | null | undefined>
  /** @defaultValue 'Authorization' */
  authHeader?: string
  fetch?: typeof fetch
  /** Cancels the request; the error's kind is then `aborted`. */
  signal?: AbortSignal
  /** @defaultValue 15000 */
  timeoutMs?: number
  /** Further hosts a target may be on, e.g. `['checkout.imin.co']`. */
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
 * handler; `secret` (token or API key) is dropped from anything the server echoes.
 * @internal
 */
export async function postCheckoutSession(
  endpoint: string,
  body: JsonObject,
  headers: Record<string, string>,
  origin: string,
  options: Pick<CheckoutSessionOptions, 'fetch' | 'signal' | 'timeoutMs' | 'allowedTargetHosts'>,
  secret?: string,
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
  let response: Response
  let json: unknown
  try {
    if (signal?.aborted) throw signal.reason
    response = await (options.fetch ?? fetch)(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      // A redirected POST would resend the credentials somewhere unchecked.
      redirect: 'error',
      signal: controller.signal,
    })
    const text = await response.text()
    try {
      json = JSON.parse(text)
    } catch {
      // Not JSON: decided below, from the status.
    }
  } catch {
    // The cause is dropped: it is rarely useful and may describe the request.
    if (signal?.aborted) throw new CheckoutError('aborted')
    if (timedOut) throw new CheckoutError('timeout')
    throw new CheckoutError('network')
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', abort)
  }
  const clean = (value: unknown) =>
    typeof value === 'string' && !(secret && value.includes(secret)) ? value : undefined
  const { status } = response
  const type = isObject(json) ? clean(readType(json)) : undefined
  const fields = { status, type, description: isObject(json) ? clean(json.description) : undefined }
  if (type && UNAVAILABLE.includes(type)) throw new CheckoutError('unavailable', undefined, fields)
  if (type === 'OpportunityIsFullError') throw new CheckoutError('full', undefined, fields)
  if (status === 401 || status === 403) throw new CheckoutError('unauthorized', undefined, fields)
  if (!response.ok) throw new CheckoutError('http', `HTTP ${status}.`, fields)
  if (!isObject(json)) throw new CheckoutError('invalid-response', 'Not JSON.', { status })
  const actions = Array.isArray(json.potentialAction) ? json.potentialAction.filter((a) => isObject(a) && readType(a) === 'OrderAction') : []
  const target: unknown = (actions.find((a) => a.name === 'Checkout') ?? actions[0])?.target
  if (typeof target !== 'string') throw new CheckoutError('invalid-response', 'No checkout target.', { status })
  const safe = safeTarget(target, origin, options.allowedTargetHosts)
  if (!safe) throw new CheckoutError('unsafe-target', undefined, { status })
  const location = response.headers.get('Location')
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
  const endpoint = options.endpoint ?? `${origin}/api/checkout-sessions/`
  let secure = false
  try {
    // Relative endpoints (the broker's own backend) resolve against the page.
    secure = isSecureUrl(new URL(endpoint, 'https://relative.invalid'))
  } catch {
    // Refused below.
  }
  if (!secure) throw new CheckoutError('invalid-request', 'endpoint must be https: (http: only on localhost).')
  const headers: Record<string, string> = {}
  let token: string | null | undefined
  if (options.getAuthToken) {
    try {
      token = await options.getAuthToken()
    } catch {
      // The caller's own error may describe its credentials: not kept.
    }
    if (options.signal?.aborted) throw new CheckoutError('aborted')
    if (!token) throw new CheckoutError('unauthorized', 'No sign-in token.')
    headers[options.authHeader ?? 'Authorization'] = `Bearer ${token}`
  }
  return postCheckoutSession(endpoint, body, headers, origin, options, token ?? undefined)
}
