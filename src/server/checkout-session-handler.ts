import {
  checkBroker,
  checkoutBody,
  customerJson,
  isNavigationLink,
  LINKS,
  parseCheckoutBody,
  type Broker,
  type Customer,
  type NavigationLinks,
} from '../core/checkout/checkout-body.js'
import { CheckoutError } from '../core/checkout/checkout-error.js'
import { isObject } from '../core/rules/opportunity.js'
import { failure, forwardToImin, invalidBody } from './answers.js'
import { createHandler, misconfigured, readUpstreamSettings } from './handler-settings.js'
import { readJsonBody, refuseEarly } from './request-guards.js'

/** The options both `./server` handlers share. */
export interface HandlerOptions {
  /**
   * The broker's Checkout host or origin.
   * @defaultValue none (required)
   */
  checkoutBaseUrl: string
  /**
   * Further hosts imin's target may be on, each exactly `host` or `host:port`
   * (a bare host matches only the default port). A malformed entry is a
   * misconfiguration: every request answers 500.
   * @defaultValue [] (only the checkout origin)
   */
  allowedTargetHosts?: readonly string[]
  /**
   * Origins of other sites whose pages may call this handler from a browser,
   * e.g. `['https://www.acmesports.com']` when the API is on `api.acmesports.com`.
   * Any other cross-site browser request (by `Sec-Fetch-Site`, else `Origin`)
   * answers 403 `{"type":"ForbiddenError"}`; same-site sibling subdomains count
   * as other sites. Requests without either header (server to server) pass.
   * @defaultValue [] (same-origin pages only)
   */
  allowedOrigins?: readonly string[]
  /**
   * The fetch used to call imin, e.g. one with a proxy or instrumentation.
   * @defaultValue globalThis.fetch
   */
  fetch?: typeof fetch
  /**
   * How long to wait for imin's whole answer, in milliseconds; then the handler answers 504.
   * @defaultValue 15000
   */
  timeoutMs?: number
}

export interface CheckoutSessionHandlerOptions extends HandlerOptions {
  /**
   * imin's API key, sent upstream as `X-API-KEY` and never in a response or a
   * log line, in any encoding.
   * @defaultValue none (required: without it, every request answers 500)
   */
  apiKey: string
  /**
   * Who is booking, from the request's own sign-in (a session cookie, a bearer
   * token): a customer id or a Person. Return null, or throw, to answer 401.
   * Its answer replaces any customer the browser sent. Read headers and
   * cookies only: the handler reads the body afterwards.
   * @defaultValue none (required: without it, every request answers 500)
   */
  authorize: (request: Request) => Customer | null | undefined | Promise<Customer | null | undefined>
  /**
   * The broker named on Checkout; the browser's is never used.
   * @defaultValue none (required: without it, every request answers 500)
   */
  broker: Broker
  /**
   * The links back to the broker that Checkout shows: `https:` URLs (`http:`
   * only on localhost).
   * @defaultValue undefined (no links, unless `allowNavigationLinksFromClient`)
   */
  navigationLinks?: NavigationLinks
  /**
   * Take the links from the browser's request (each one replacing the same
   * link of `navigationLinks`), for pages that link back to where the booking
   * started. Only `https:` links on `broker.url`'s host are accepted; any
   * other answers 400. Off, the browser's links are ignored, so a signed-in
   * user cannot make Checkout show links to other sites.
   * @defaultValue false
   */
  allowNavigationLinksFromClient?: boolean
  /**
   * imin's checkout sessions endpoint. Must be `https:` (`http:` only on
   * localhost or 127.0.0.1), since the API key travels with every request:
   * any other answers 500 to every request.
   * @defaultValue `https://{checkoutBaseUrl}/api/checkout-sessions/`
   */
  endpoint?: string
}

const LINK_KEYS = LINKS.map(([key]) => key)

function readSettings(options: CheckoutSessionHandlerOptions) {
  if (!isObject(options)) throw misconfigured('options are required.')
  const { apiKey, authorize, broker, navigationLinks = {}, allowNavigationLinksFromClient = false, fetch, timeoutMs } = options
  if (typeof apiKey !== 'string' || !apiKey.trim()) throw misconfigured("apiKey (imin's API key) is missing.")
  if (typeof authorize !== 'function') throw misconfigured('authorize(request) is missing: it decides who is booking.')
  try {
    checkBroker(broker)
  } catch {
    throw misconfigured('broker must be { name, url } with an http(s) url: Checkout shows it to every customer.')
  }
  if (!isObject(navigationLinks)) throw misconfigured('navigationLinks must be an object.')
  const links: Record<string, unknown> = {}
  for (const key of LINK_KEYS) {
    if (navigationLinks[key] === undefined) continue
    if (!isNavigationLink(navigationLinks[key])) throw misconfigured(`navigationLinks.${key} must be an https: URL (http: only on localhost).`)
    links[key] = navigationLinks[key]
  }
  const upstream = readUpstreamSettings(options, '/api/checkout-sessions/')
  return {
    ...upstream,
    apiKey,
    authorize,
    broker: { name: broker.name, url: broker.url },
    brokerHost: new URL(broker.url).host,
    links,
    linksFromClient: allowNavigationLinksFromClient === true,
    fetch,
    timeoutMs,
  }
}

type Settings = ReturnType<typeof readSettings>

/** The browser's links, when allowed: https on the broker's own host, else a CheckoutError. */
function clientLinks(given: Record<string, unknown>, settings: Settings): Record<string, unknown> {
  if (!settings.linksFromClient) return settings.links
  const links = { ...settings.links }
  for (const key of LINK_KEYS) {
    const url = given[key]
    if (url === undefined) continue
    const parsed = isNavigationLink(url) ? new URL(url as string) : undefined
    if (parsed?.protocol !== 'https:' || parsed.host !== settings.brokerHost)
      throw new CheckoutError('invalid-request', `navigationLinks.${key} must be an https: URL on ${settings.brokerHost}.`)
    links[key] = url
  }
  return links
}

async function handle(request: Request, settings: Settings): Promise<Response> {
  const refused = refuseEarly(request, settings.allowedOrigins)
  if (refused) return refused

  let customer: Customer | null | undefined
  try {
    customer = await settings.authorize(request)
  } catch {
    // A throwing authorize refuses the request, as null does.
  }
  if (customer == null) return failure(401, 'UnauthorizedError', 'Sign in, then retry.')
  try {
    customerJson(customer)
  } catch {
    return failure(500, 'ServerError', 'authorize returned neither a customer id nor a Person with email and names.')
  }

  const read = await readJsonBody(request)
  if ('refused' in read) return read.refused
  let body
  try {
    const fields = parseCheckoutBody(read.json)
    body = checkoutBody({
      ...fields,
      customer,
      broker: settings.broker,
      navigationLinks: clientLinks(fields.navigationLinks as Record<string, unknown>, settings),
    })
  } catch (error) {
    return invalidBody(error)
  }

  return forwardToImin(request, body, settings)
}

/**
 * A web-standard `(request: Request) => Promise<Response>` that creates imin
 * checkout sessions for signed-in customers. It answers like imin does, so
 * `createCheckoutSession({ endpoint })` works unchanged against it. Creating
 * it never throws: a missing or unsafe setting answers every request with 500
 * `{"type":"ServerMisconfiguredError"}` and logs one line naming the setting.
 */
export function createCheckoutSessionHandler(options: CheckoutSessionHandlerOptions): (request: Request) => Promise<Response> {
  return createHandler('createCheckoutSessionHandler', () => readSettings(options), handle)
}
