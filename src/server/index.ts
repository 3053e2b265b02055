/**
 * `openactive-book-button/server`: the broker's backend half of Authenticated
 * Checkout. imin's API key can place orders and read customer data, so it stays
 * here; the browser only ever talks to this handler with its own sign-in.
 */
export { createCheckoutSessionHandler } from './checkout-session-handler.js'
export type { CheckoutSessionHandlerOptions } from './checkout-session-handler.js'
export { CheckoutError } from '../core/checkout/checkout-error.js'
export type { CheckoutErrorKind } from '../core/checkout/checkout-error.js'
export type { Broker, Customer, NavigationLinks, Person } from '../core/checkout/checkout-body.js'
