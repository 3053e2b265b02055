import { checkoutBody, customerJson, parseCheckoutBody, type Broker, type Customer, type NavigationLinks } from '../core/checkout/checkout-body.js'
import { CheckoutError } from '../core/checkout/checkout-error.js'
import { postCheckoutSession } from '../core/checkout/checkout-session.js'
import { checkoutOrigin, isSecureEndpoint } from '../core/checkout/checkout-url.js'

export interface CheckoutSessionHandlerOptions {
  /**
   * The broker's Checkout host or origin.
   * @defaultValue none (required)
   */
  checkoutBaseUrl: string
  /**
   * imin's API key, sent upstream as `X-API-KEY` and never in a response.
   * @defaultValue none (required)
   */
  apiKey: string
  /**
   * Who is booking, from the request's own sign-in (a session cookie, a bearer
   * token): a customer id or a Person. Return null, or throw, to answer 401.
   * Its answer replaces any customer the browser sent. Read headers and
   * cookies only: the handler reads the body afterwards.
   * @defaultValue none (required: creating a handler without it throws)
   */
  authorize: (request: Request) => Customer | null | undefined | Promise<Customer | null | undefined>
  /**
   * The broker named on Checkout. When given, it replaces the browser's.
   * Set it, and `navigationLinks`, on the server: otherwise a signed-in user
   * can post any broker name and links, and Checkout would show them links to
   * arbitrary sites under the broker's own checkout host.
   * @defaultValue undefined (the broker the browser sent)
   */
  broker?: Broker
  /**
   * The links back to the broker that Checkout shows. When given, they replace
   * the browser's (`{}` sends none). Set it together with `broker`, for the
   * same reason.
   * @defaultValue undefined (the links the browser sent)
   */
  navigationLinks?: NavigationLinks
  /**
   * imin's checkout sessions endpoint. Must be `https:` (`http:` only on
   * localhost or 127.0.0.1), since the API key travels with every request:
   * creating a handler with any other endpoint throws.
   * @defaultValue `https://{checkoutBaseUrl}/api/checkout-sessions/`
   */
  endpoint?: string
  /**
   * Further hosts imin's target may be on.
   * @defaultValue [] (only the checkout host)
   */
  allowedTargetHosts?: readonly string[]
  /**
   * The fetch used to call imin, e.g. one with a proxy or instrumentation.
   * @defaultValue globalThis.fetch
   */
  fetch?: typeof fetch
  /**
   * How long to wait for imin, in milliseconds; then the handler answers 504.
   * @defaultValue 15000
   */
  timeoutMs?: number
}

/** Request bodies are a few hundred bytes; anything far larger is not ours. */
const MAX_BODY = 64 * 1024

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  })

const failure = (status: number, type: string, description: string) => answer(status, { type, description })

/**
 * A web-standard `(request: Request) => Promise<Response>` that creates imin
 * checkout sessions for signed-in customers. It answers like imin does, so
 * `createCheckoutSession({ endpoint })` works unchanged against it.
 */
export function createCheckoutSessionHandler(options: CheckoutSessionHandlerOptions): (request: Request) => Promise<Response> {
  const { apiKey, authorize } = options
  if (typeof authorize !== 'function')
    throw new TypeError('createCheckoutSessionHandler needs authorize(request): it decides who is booking.')
  if (typeof apiKey !== 'string' || !apiKey.trim()) throw new TypeError('createCheckoutSessionHandler needs imin\'s apiKey.')
  const origin = checkoutOrigin(options.checkoutBaseUrl)
  const endpoint = options.endpoint ?? `${origin}/api/checkout-sessions/`
  // The API key travels with every request: never in clear, never to a relative URL.
  if (!isSecureEndpoint(endpoint))
    throw new TypeError('createCheckoutSessionHandler: endpoint must be an https: URL (http: only on localhost or 127.0.0.1), without credentials.')

  return async (request) => {
    if (request.method !== 'POST')
      return answer(405, { type: 'MethodNotAllowedError', description: 'Use POST.' }, { Allow: 'POST' })
    // Requiring JSON makes cross-site form posts impossible: browsers preflight it.
    if (!/^application\/json\b/i.test(request.headers.get('Content-Type') ?? ''))
      return failure(415, 'UnsupportedMediaTypeError', 'Send Content-Type: application/json.')

    let customer: Customer | null | undefined
    try {
      customer = await authorize(request)
    } catch {
      customer = null
    }
    if (customer == null) return failure(401, 'UnauthorizedError', 'Sign in, then retry.')
    try {
      customerJson(customer)
    } catch {
      return failure(500, 'ServerError', 'authorize returned neither a customer id nor a Person with email and names.')
    }

    let body
    try {
      const text = await request.text()
      if (text.length > MAX_BODY) return failure(413, 'PayloadTooLargeError', 'The body is too large.')
      const fields = parseCheckoutBody(JSON.parse(text))
      body = checkoutBody({
        ...fields,
        customer,
        broker: options.broker ?? fields.broker,
        navigationLinks: options.navigationLinks ?? fields.navigationLinks,
      })
    } catch (error) {
      const detail = error instanceof CheckoutError ? error.message : 'The body is not JSON.'
      return failure(400, 'InvalidRequestError', detail)
    }

    try {
      const session = await postCheckoutSession(
        endpoint,
        body,
        ['X-API-KEY', '', () => apiKey],
        origin,
        { ...options, signal: request.signal },
      )
      // Echo what was sent (as imin does) with only the checked target and
      // Location (both dropped if they repeat the key): nothing else from
      // upstream reaches the browser.
      const checkout = { type: 'OrderAction', name: 'Checkout', target: session.target }
      return answer(201, { ...body, potentialAction: [checkout] }, session.location ? { Location: session.location } : {})
    } catch (error) {
      return upstreamFailure(error)
    }
  }
}

/** imin's error type and description pass through; a fault on imin's side is a 502 (504 for a timeout). */
function upstreamFailure(error: unknown): Response {
  const checkout = error instanceof CheckoutError ? error : new CheckoutError('network')
  const { kind, status = 0, type, description, message } = checkout
  if (kind === 'timeout') return failure(504, 'GatewayTimeoutError', 'Checkout did not answer in time. Try again.')
  if (kind === 'unavailable' || kind === 'full' || (kind === 'http' && status < 500))
    return failure(status >= 400 ? status : 409, type ?? 'HttpError', description ?? message)
  // 401/403 upstream means this server's API key was refused: not the customer's to fix.
  return failure(502, type ?? 'BadGatewayError', kind === 'unauthorized' ? 'Checkout refused the server\'s credentials.' : message)
}
