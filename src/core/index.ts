/**
 * `openactive-book-button/core`: the framework-free rules and checkout flows.
 * No React, no DOM access at import time: runs in browsers, Node, workers and
 * React Server Components.
 */
export { evaluateBookability, BOOKABILITY_REASONS } from './rules/bookability.js'
export type { Bookability, BookabilityReason, BookabilityRules, BookabilityState, EvaluateOptions } from './rules/bookability.js'
export { createParentIndex } from './rules/parent-index.js'
export type { ParentIndex } from './rules/parent-index.js'
export { guestCheckoutUrl } from './checkout/guest-checkout.js'
export type { GuestCheckoutOptions } from './checkout/guest-checkout.js'
export { createCheckoutSession } from './checkout/checkout-session.js'
export type {
  Broker,
  CheckoutRouteOptions,
  CheckoutSession,
  CheckoutSessionOptions,
  CheckoutSessionRequest,
  Customer,
  NavigationLinks,
  Person,
} from './checkout/checkout-session.js'
export { createStandaloneCheckoutSession } from './checkout/standalone-checkout.js'
export type { StandaloneCheckoutOptions, StandaloneCheckoutRequest } from './checkout/standalone-checkout.js'
export { CheckoutError } from './checkout/checkout-error.js'
export type { CheckoutErrorKind } from './checkout/checkout-error.js'
export type { JsonObject, OpportunityType } from './rules/opportunity.js'
export type {
  AggregateOffer,
  EventSeries,
  FacilityUse,
  IndividualFacilityUse,
  Offer,
  OpportunityInput,
  ParentInput,
  RpdeItem,
  ScheduledSession,
  SessionSeries,
  Slot,
} from './types.js'
