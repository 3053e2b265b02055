/**
 * Development warnings about the provider's and buttons' settings: each names
 * the prop and the fix, once per distinct mistake, and none in production.
 */
import type { ButtonRoute } from '../core/button/button-state.js'
import type { CheckoutError } from '../core/checkout/checkout-error.js'
import { warnOnce } from '../dev/warn-once.js'
import type { BookingConfig } from './booking-provider.js'

// None of these checks NODE_ENV itself: `warnOnce` does, so a production build drops its body, then
// the calls to it and their messages (`npm run size` fails if a warning's text reaches a build).

/**
 * Warns about settings that make a button fail or leak the app's sign-in, given
 * why its link or checkout cannot be set up, if it cannot. Its only caller,
 * `BookButton`'s `useSetupWarnings`, is a no-op in production builds, which drops this too.
 */
export function warnAboutSetup(config: BookingConfig, route: ButtonRoute, setupProblem: string | undefined): void {
  if (typeof config.checkoutBaseUrl !== 'string' || !config.checkoutBaseUrl.trim())
    warnOnce(
      'no-checkout-base-url',
      'BookButton: checkoutBaseUrl is not set, so no button can book. Pass your imin Checkout host to <BookingProvider checkoutBaseUrl="checkout.example.com"> (check the environment variable it comes from).',
    )
  else if (setupProblem) warnInvalidRequest(setupProblem)
  if (route === 'authenticated' && !config.endpoint)
    warnOnce(
      'authenticated-without-endpoint',
      'BookButton: getAuthToken is set without endpoint, so the app’s sign-in token is sent to the checkout host. Set endpoint to your backend running createCheckoutSessionHandler from openactive-book-button/server (for example endpoint="/api/checkout").',
    )
}

/** Warns about a checkout that can never succeed as set up: the request itself is wrong. */
export function warnAboutFailure(error: CheckoutError): void {
  if (error.kind === 'invalid-request') warnInvalidRequest(error.message)
}

function warnInvalidRequest(problem: string): void {
  warnOnce(
    `invalid-request:${problem}`,
    `BookButton: a checkout failed as invalid-request, and nothing was sent. ${problem} Fix the prop or the opportunity data it names; retrying cannot help.`,
  )
}
