/**
 * `openactive-book-button/server`: the broker's backend half of checkout.
 * imin's API key can place orders and read customer data, so it stays here;
 * the browser only ever talks to these handlers with its own sign-in.
 */
export { createCheckoutSessionHandler } from './checkout-session-handler.js'
export type { CheckoutSessionHandlerOptions, HandlerOptions } from './checkout-session-handler.js'
export { createStandaloneCheckoutHandler } from './standalone-checkout-handler.js'
export type { StandaloneCheckoutHandlerOptions } from './standalone-checkout-handler.js'
export { CheckoutError } from '../core/checkout/checkout-error.js'
export type { CheckoutErrorKind } from '../core/checkout/checkout-error.js'
export type { Broker, Customer, NavigationLinks, Person } from '../core/checkout/checkout-body.js'
