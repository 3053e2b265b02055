import { requestBody, type CheckoutSessionRequest } from './checkout-body.js'
import { asCheckoutError, invalidRequest } from './checkout-error.js'
import { checkTransport, postCheckoutSession, type CheckoutPost, type CheckoutSession } from './checkout-request.js'
import { checkoutOrigin, isSecureEndpoint, readAllowedTargetHosts } from './checkout-url.js'

export type { Broker, CheckoutSessionRequest, Customer, NavigationLinks, Person } from './checkout-body.js'
export type { CheckoutSession } from './checkout-request.js'

/** The options every browser-side checkout route shares. */
export interface CheckoutRouteOptions {
  /**
   * The broker's Checkout host or origin; targets must be on it (or on `allowedTargetHosts`).
   * @defaultValue none (required)
   */
  checkoutBaseUrl: string
  /**
   * Called for every request, under the same `timeoutMs` and `signal` as the
   * request itself; its token is sent as `Bearer <token>`. Nothing is sent
   * when it returns no token or throws (`unauthorized`). An answer that
   * repeats the token, in any encoding, is not passed on.
   * @defaultValue undefined (no Authorization header)
   */
  getAuthToken?: () => string | null | undefined | Promise<string | null | undefined>
  /**
   * The header that carries the bearer token.
   * @defaultValue 'Authorization'
   */
  authHeader?: string
  /**
   * The fetch to send the request with, e.g. one with instrumentation. The
   * timeout and the size limit hold whatever it does.
   * @defaultValue globalThis.fetch
   */
  fetch?: typeof fetch
  /**
   * Cancels the request (and a pending `getAuthToken`); the error's kind is then `aborted`.
   * @defaultValue undefined (not cancellable)
   */
  signal?: AbortSignal
  /**
   * How long to wait, in milliseconds, for the token and the whole answer together; then `timeout`.
   * @defaultValue 15000
   */
  timeoutMs?: number
  /**
   * Further hosts a target may be on, each exactly `host` or `host:port`
   * (e.g. `['checkout.imin.co']`): a bare host matches only the default port.
   * An entry with a scheme, path, credentials or non-ASCII characters (write
   * punycode) rejects the call with `invalid-request` naming the entry.
   * @defaultValue [] (only the checkout origin)
   */
  allowedTargetHosts?: readonly string[]
}

export interface CheckoutSessionOptions extends CheckoutRouteOptions {
  /**
   * Where to POST. Recommended: the broker's own backend (the `./server`
   * handler), so imin's API key never reaches the browser. Must be `https:`
   * (`http:` only on localhost); a relative URL resolves against the page.
   * With it, the handler supplies the customer, the broker and the links;
   * without it, the request must carry a `customer` and a `broker`.
   * @defaultValue `https://{checkoutBaseUrl}/api/checkout-sessions/`
   */
  endpoint?: string
}

/**
 * Reads a route's options once, checks them, and POSTs the body they build.
 * Every failure, a throwing getter included, is a CheckoutError.
 * @internal
 */
export async function postFromBrowser(
  options: CheckoutRouteOptions & { endpoint?: string },
  defaultPath: string,
  buildBody: (hasEndpoint: boolean) => CheckoutPost['body'],
): Promise<CheckoutSession> {
  let post: CheckoutPost
  try {
    const { checkoutBaseUrl, endpoint: given, getAuthToken, authHeader, fetch, signal, timeoutMs } = options
    const origin = checkoutOrigin(checkoutBaseUrl)
    const allowedTargetHosts = readAllowedTargetHosts(options.allowedTargetHosts)
    const body = buildBody(given !== undefined)
    const endpoint = given ?? origin + defaultPath
    // Relative endpoints (the broker's own backend) resolve against the page.
    if (!isSecureEndpoint(endpoint, 'https://relative.invalid'))
      throw invalidRequest('endpoint must be https: (http: only on localhost).')
    checkTransport(timeoutMs, fetch)
    if (getAuthToken !== undefined && typeof getAuthToken !== 'function')
      throw invalidRequest('getAuthToken must be a function.')
    const auth: CheckoutPost['auth'] = getAuthToken && [String(authHeader ?? 'Authorization'), 'Bearer ', getAuthToken]
    post = { endpoint, body, origin, allowedTargetHosts, fetch, signal, timeoutMs, auth }
  } catch (error) {
    throw asCheckoutError(error)
  }
  return postCheckoutSession(post)
}

/**
 * Creates an imin checkout session for the customer and returns the Checkout
 * page to send the browser to. Never retries: each POST creates a session.
 * Rejects only with a CheckoutError, whatever it is given; branch on its `kind`.
 */
export function createCheckoutSession(request: CheckoutSessionRequest, options: CheckoutSessionOptions): Promise<CheckoutSession> {
  return postFromBrowser(options, '/api/checkout-sessions/', (viaEndpoint) => requestBody(request, viaEndpoint))
}
