/**
 * `openactive-book-button/checkout`: the authenticated route, which needs
 * `@tanstack/react-query`. Pass `useCheckout` to `<BookingProvider>`; pages of
 * guest links never import this entry, so they never load React Query.
 */
export { useCheckout, CHECKOUT_MUTATION_KEY } from './use-checkout.js'
export type { CheckoutInput, UseCheckoutResult } from './types.js'
