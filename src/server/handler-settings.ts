/**
 * Reading a handler's settings. A handler is never refused when it is created
 * (frameworks build route modules without the production secrets): a missing
 * or unsafe setting makes every request answer 500 `ServerMisconfiguredError`
 * and log one line naming the setting, never its value.
 */
import { asCheckoutError } from '../core/checkout/checkout-error.js'
import { checkTransport } from '../core/checkout/checkout-request.js'
import { checkoutOrigin, isSecureEndpoint, readAllowedTargetHosts } from '../core/checkout/checkout-url.js'
import { answer, failure } from './answers.js'

/** A setting that cannot be used; its message names the setting and what to do. */
export class Misconfiguration extends Error {}

export const misconfigured = (message: string) => new Misconfiguration(message)

/** Runs a core reader, its CheckoutError (which names the setting, never its value) becoming a Misconfiguration. */
function asSetting<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    throw misconfigured(asCheckoutError(error).message.replace(/^.*?: /, ''))
  }
}

/** The settings every handler shares, read once and checked. */
export interface UpstreamSettings {
  origin: string
  endpoint: string
  allowedTargetHosts: readonly string[]
  allowedOrigins: string[]
}

/** The checkout origin, the endpoint (which must be https, since credentials travel with it) and the host lists. */
export function readUpstreamSettings(
  options: { checkoutBaseUrl?: unknown; endpoint?: unknown; allowedTargetHosts?: unknown; allowedOrigins?: unknown; timeoutMs?: unknown; fetch?: unknown },
  defaultPath: string,
): UpstreamSettings {
  asSetting(() => checkTransport(options.timeoutMs, options.fetch))
  const origin = asSetting(() => checkoutOrigin(options.checkoutBaseUrl))
  const endpoint = options.endpoint ?? origin + defaultPath
  if (typeof endpoint !== 'string' || !isSecureEndpoint(endpoint))
    throw misconfigured('endpoint must be an https: URL (http: only on localhost or 127.0.0.1), without credentials.')
  const allowedTargetHosts = asSetting(() => readAllowedTargetHosts(options.allowedTargetHosts))
  return { origin, endpoint, allowedTargetHosts, allowedOrigins: readAllowedOrigins(options.allowedOrigins) }
}

function readAllowedOrigins(value: unknown = []): string[] {
  if (!Array.isArray(value)) throw misconfigured('allowedOrigins must be a list of origins such as https://www.example.com.')
  return Array.from(value, (entry: unknown, index) => {
    try {
      const url = new URL(entry as string)
      // An opaque origin ('null') never equals the entry, so it is refused too.
      if (url.origin === String(entry).replace(/\/$/, '').toLowerCase()) return url.origin
    } catch {
      // Refused below.
    }
    throw misconfigured(`allowedOrigins[${index}] must be an origin such as https://www.example.com (no path).`)
  })
}

/**
 * A handler from a settings reader and a request handler. Settings that fail
 * to read answer every request with 500 and one log line; anything that
 * throws while answering is a 500 too, never an unhandled rejection.
 */
export function createHandler<Settings>(
  name: string,
  readSettings: () => Settings,
  handle: (request: Request, settings: Settings) => Promise<Response>,
): (request: Request) => Promise<Response> {
  let settings: Settings
  let problem: string | undefined
  try {
    settings = readSettings()
  } catch (error) {
    // Only our own messages name a setting; anything else (a throwing getter) says which options.
    problem = error instanceof Misconfiguration ? error.message : 'its options could not be read.'
  }
  return async (request) => {
    if (problem !== undefined) {
      console.error(`openactive-book-button/server ${name}: ${problem}`)
      return failure(500, 'ServerMisconfiguredError', 'The checkout service is not set up. Try again later.')
    }
    try {
      return await handle(request, settings)
    } catch {
      return answer(500, { type: 'ServerError', description: 'Something went wrong. Try again.' })
    }
  }
}
