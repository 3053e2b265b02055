import { CheckoutError } from './checkout-error.js'
import { checkoutOrigin } from './checkout-url.js'
import { checkIdentifier, readOpportunity } from './checkout-body.js'

export interface GuestCheckoutOptions {
  /** The broker's Checkout host (`checkout.example.com`) or origin (`https://checkout.example.com`). */
  checkoutBaseUrl: string
  /**
   * Path prefix for Slots; imin has not published one yet.
   * @defaultValue '/v1/slots/'
   */
  slotPath?: string
}

/**
 * The guest Checkout page for a ScheduledSession or Slot (bare data or an RPDE
 * item). The identifier (never `@id`) is one encoded path segment.
 * Throws a CheckoutError `invalid-request` when a URL cannot be built safely.
 */
export function guestCheckoutUrl(opportunity: unknown, options: GuestCheckoutOptions): string {
  const origin = checkoutOrigin(options.checkoutBaseUrl)
  const { data, type } = readOpportunity(opportunity)
  let prefix = type === 'Slot' ? (options.slotPath ?? '/v1/slots/') : '/v1/scheduled-sessions/'
  // A prefix not starting with `/` could change the host (`@evil.example/`).
  if (!/^\/(?!\/)[^?#\\\s]*$/.test(prefix)) throw new CheckoutError('invalid-request', 'slotPath must be a path such as /v1/slots/.')
  if (!prefix.endsWith('/')) prefix += '/'
  const identifier = String(checkIdentifier(data.identifier))
  // URLs resolve `.` and `..` segments away, so those cannot name an opportunity.
  if (identifier === '.' || identifier === '..')
    throw new CheckoutError('invalid-request', 'The identifier cannot be a path segment.')
  try {
    return origin + prefix + encodeURIComponent(identifier)
  } catch {
    throw new CheckoutError('invalid-request', 'The identifier is not valid Unicode.')
  }
}
