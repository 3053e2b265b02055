/**
 * `openactive-book-button`: the React layer. Also re-exports the core, so one
 * import serves a whole app. Nothing here imports `@tanstack/react-query`: the
 * authenticated route's `useCheckout` comes from `openactive-book-button/checkout`.
 */
export * from './core/index.js'
export { BookingProvider, useBookingConfig } from './booking-provider/booking-provider.js'
export type { BookingConfig, BookingProviderProps, CheckoutHook } from './booking-provider/booking-provider.js'
export type { BookingCallbacks, BookButtonSource } from './booking-provider/provider-callbacks.js'
export { useBookability, useHydrated } from './use-bookability/use-bookability.js'
export type { UseBookabilityOptions } from './use-bookability/use-bookability.js'
export { useCheckout } from './use-checkout/moved.js'
export type { CheckoutInput, UseCheckoutResult } from './use-checkout/types.js'
export { BookButton } from './book-button/book-button.js'
export type { BookButtonProps, BookButtonRenderProps, BookButtonRoute, BookButtonState } from './book-button/book-button.js'
export { englishLabels, frenchLabels } from './labels/labels.js'
export type { BookButtonLabels, BookButtonLabelsInput } from './labels/labels.js'
