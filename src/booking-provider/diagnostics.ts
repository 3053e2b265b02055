/**
 * Development warnings about the provider's and buttons' settings: each names
 * the prop and the fix, once per distinct mistake, and none in production.
 */
import type { ButtonRoute } from '../core/button/button-state.js'
import type { CheckoutError } from '../core/checkout/checkout-error.js'
import { warnOnce } from '../dev/warn-once.js'
import type { BookingConfig } from './booking-provider.js'

/** Warns about settings that make buttons fail or leak the app's sign-in. */
export function warnAboutConfig(config: BookingConfig, route: ButtonRoute): void {
  if (typeof config.checkoutBaseUrl !== 'string' || !config.checkoutBaseUrl.trim())
    warnOnce(
      'no-checkout-base-url',
      'BookButton: checkoutBaseUrl is not set, so no button can book. Pass your imin Checkout host to <BookingProvider checkoutBaseUrl="checkout.example.com"> (check the environment variable it comes from).',
    )
  if (route === 'authenticated' && !config.endpoint)
    warnOnce(
      'authenticated-without-endpoint',
      'BookButton: getAuthToken is set without endpoint, so the app’s sign-in token is sent to the checkout host. Set endpoint to your backend running createCheckoutSessionHandler from openactive-book-button/server (for example endpoint="/api/checkout").',
    )
}

/** Warns about a checkout that can never succeed as set up: the request itself is wrong. */
export function warnAboutFailure(error: CheckoutError): void {
  if (error.kind !== 'invalid-request') return
  warnOnce(
    `invalid-request:${error.message}`,
    `BookButton: a checkout failed as invalid-request, and nothing was sent: ${error.message} Fix the prop or the opportunity data it names; retrying cannot help.`,
  )
}
