import { parseStandaloneBody } from '../core/checkout/standalone-body.js'
import { isObject } from '../core/rules/opportunity.js'
import { forwardToImin, invalidBody } from './answers.js'
import type { HandlerOptions } from './checkout-session-handler.js'
import { createHandler, misconfigured, readUpstreamSettings } from './handler-settings.js'
import { readJsonBody, refuseEarly } from './request-guards.js'

export interface StandaloneCheckoutHandlerOptions extends HandlerOptions {
  /**
   * imin's API key, for accounts where imin wants one on Standalone Checkout:
   * sent as `X-API-KEY`, never in a response or a log line.
   * @defaultValue undefined (no key sent)
   */
  apiKey?: string
  /**
   * imin's Standalone Checkout endpoint. Must be `https:` (`http:` only on
   * localhost or 127.0.0.1); any other answers 500 to every request.
   * @defaultValue `https://{checkoutBaseUrl}/checkout-sessions`
   */
  endpoint?: string
}

function readSettings(options: StandaloneCheckoutHandlerOptions) {
  if (!isObject(options)) throw misconfigured('options are required.')
  const { apiKey, fetch, timeoutMs } = options
  if (apiKey !== undefined && (typeof apiKey !== 'string' || !apiKey.trim()))
    throw misconfigured("apiKey must be imin's API key, or left out.")
  return { ...readUpstreamSettings(options, '/checkout-sessions'), apiKey, fetch, timeoutMs }
}

type Settings = ReturnType<typeof readSettings>

async function handle(request: Request, settings: Settings): Promise<Response> {
  const refused = refuseEarly(request, settings.allowedOrigins)
  if (refused) return refused
  const read = await readJsonBody(request)
  if ('refused' in read) return read.refused
  let body
  try {
    body = parseStandaloneBody(read.json)
  } catch (error) {
    return invalidBody(error)
  }
  return forwardToImin(request, body, settings)
}

/**
 * A web-standard `(request: Request) => Promise<Response>` for imin's
 * Standalone Checkout, for accounts where imin wants the API key: the browser
 * posts one opportunity id (`createStandaloneCheckoutSession({ endpoint })`),
 * the handler rebuilds the body and adds the key. Anonymous, like the guest
 * route it serves; otherwise it answers like `createCheckoutSessionHandler`,
 * and creating it never throws either.
 */
export function createStandaloneCheckoutHandler(options: StandaloneCheckoutHandlerOptions): (request: Request) => Promise<Response> {
  return createHandler('createStandaloneCheckoutHandler', () => readSettings(options), handle)
}
