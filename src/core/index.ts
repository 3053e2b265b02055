/**
 * `openactive-book-button/core`: the framework-free rules and checkout flows.
 * No React, no DOM access at import time: runs in browsers, Node, workers and
 * React Server Components.
 */
export { evaluateBookability, BOOKABILITY_REASONS } from './bookability.js'
export type { Bookability, BookabilityReason, BookabilityState, EvaluateOptions } from './bookability.js'
export { createParentIndex } from './parent-index.js'
export type { ParentIndex } from './parent-index.js'
export { guestCheckoutUrl } from './guest-checkout.js'
export type { GuestCheckoutOptions } from './guest-checkout.js'
export { createCheckoutSession } from './checkout-session.js'
export type {
  Broker,
  CheckoutSession,
  CheckoutSessionOptions,
  CheckoutSessionRequest,
  Customer,
  NavigationLinks,
  Person,
} from './checkout-session.js'
export { CheckoutError } from './checkout-error.js'
export type { CheckoutErrorKind } from './checkout-error.js'
export type { JsonObject, OpportunityType } from './opportunity.js'
