import type { CheckoutSession } from './checkout-request.js'
import { postFromBrowser, type CheckoutRouteOptions } from './checkout-session.js'
import { standaloneRequestBody } from './standalone-body.js'

export interface StandaloneCheckoutRequest {
  /**
   * The ScheduledSession or Slot from the publisher's open data, bare or as an
   * RPDE item. Its `@id` (else `id`), an http(s) URL, is what Checkout takes.
   * @defaultValue none (required)
   */
  opportunity: unknown
}

export interface StandaloneCheckoutOptions extends CheckoutRouteOptions {
  /**
   * Where to POST: imin's Standalone Checkout, or the broker's own backend
   * (`createStandaloneCheckoutHandler` from `./server`) when imin wants the
   * account's API key. Must be `https:` (`http:` only on localhost); a
   * relative URL resolves against the page.
   * @defaultValue `https://{checkoutBaseUrl}/checkout-sessions`
   */
  endpoint?: string
}

/**
 * Creates a checkout session through imin's Standalone Checkout, for brokers
 * who process OpenActive open data directly, and returns the Checkout page to
 * send the browser to. Sends only the opportunity's open-data `@id`: no
 * customer, broker or offer. Never retries. Rejects only with a CheckoutError:
 * `unavailable` when imin cannot book it, `invalid-request` (nothing sent)
 * when the `@id` is not an http(s) URL.
 */
export function createStandaloneCheckoutSession(
  request: StandaloneCheckoutRequest,
  options: StandaloneCheckoutOptions,
): Promise<CheckoutSession> {
  return postFromBrowser(options, '/checkout-sessions', () => standaloneRequestBody(request.opportunity))
}
