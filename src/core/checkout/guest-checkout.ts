import { asCheckoutError, invalidRequest } from './checkout-error.js'
import { checkoutOrigin, readAllowedTargetHosts, safeTarget } from './checkout-url.js'
import { checkIdentifier, readOpportunity } from './checkout-body.js'

export interface GuestCheckoutOptions {
  /** The broker's Checkout host (`checkout.example.com`) or origin (`https://checkout.example.com`). */
  checkoutBaseUrl: string
  /**
   * Path prefix for Slots; imin has not published one yet.
   * @defaultValue '/v1/slots/'
   */
  slotPath?: string
  /**
   * Further hosts an `imin:checkoutUrlTemplate` may lead to, each exactly
   * `host` or `host:port`, as for `createCheckoutSession`.
   * @defaultValue [] (only the checkout origin)
   */
  allowedTargetHosts?: readonly string[]
}

const TEMPLATE = 'imin:checkoutUrlTemplate'

/**
 * The guest Checkout page for a ScheduledSession or Slot (bare data or an RPDE
 * item). An opportunity from imin's Events API that carries a string
 * `imin:checkoutUrlTemplate` gets that page, with `{checkoutBaseUrl}` replaced
 * by the checkout origin; otherwise its identifier (never `@id`) is one encoded
 * path segment. Throws only a CheckoutError `invalid-request`, when no safe
 * URL can be built: never a broken or off-host link.
 */
export function guestCheckoutUrl(opportunity: unknown, options: GuestCheckoutOptions): string {
  try {
    const { checkoutBaseUrl, slotPath, allowedTargetHosts } = options
    const origin = checkoutOrigin(checkoutBaseUrl)
    const { data, type } = readOpportunity(opportunity)
    const template = data[TEMPLATE]
    if (typeof template === 'string') return fromTemplate(template, origin, readAllowedTargetHosts(allowedTargetHosts))
    let prefix = type === 'Slot' ? (slotPath ?? '/v1/slots/') : '/v1/scheduled-sessions/'
    // A prefix not starting with `/` could change the host (`@evil.example/`).
    if (typeof prefix !== 'string' || !/^\/(?!\/)[^?#\\\s]*$/.test(prefix))
      throw invalidRequest('slotPath must be a path such as /v1/slots/.')
    if (!prefix.endsWith('/')) prefix += '/'
    const identifier = String(checkIdentifier(data.identifier))
    // URLs resolve `.` and `..` segments away, so those cannot name an opportunity.
    if (identifier === '.' || identifier === '..') throw invalidRequest('The identifier cannot be a path segment.')
    try {
      return origin + prefix + encodeURIComponent(identifier)
    } catch {
      throw invalidRequest('The identifier is not valid Unicode.')
    }
  } catch (error) {
    throw asCheckoutError(error)
  }
}

function fromTemplate(template: string, origin: string, allowedHosts: readonly string[]): string {
  const filled = template.replaceAll('{checkoutBaseUrl}', origin)
  // A placeholder left over would be sent literally, a broken link.
  const url = /[{}]/.test(filled) ? undefined : safeTarget(filled, origin, allowedHosts)
  if (!url) throw invalidRequest(`${TEMPLATE} does not give an https: page on the checkout host.`)
  return url
}
