/**
 * The checkout request itself: building, sending and checking it. The button
 * loads this module on the first click, so listings pay for it only once a
 * checkout starts.
 */
import type { ButtonRoute } from '../core/button/button-state.js'
import { createCheckoutSession, type CheckoutSession } from '../core/checkout/checkout-session.js'
import { createStandaloneCheckoutSession } from '../core/checkout/standalone-checkout.js'
import type { BookingConfig } from '../booking-provider/booking-provider.js'
import type { CheckoutInput } from './types.js'

/** Creates the session on the given route: Standalone Checkout, else the authenticated route. */
export function createSession(
  settings: BookingConfig,
  route: ButtonRoute,
  { opportunity, parent, offerId, customer }: CheckoutInput,
  signal: AbortSignal,
): Promise<CheckoutSession> {
  const { checkoutBaseUrl, endpoint, getAuthToken, authHeader, allowedTargetHosts, timeoutMs } = settings
  const transport = { checkoutBaseUrl: checkoutBaseUrl as string, endpoint, authHeader, allowedTargetHosts, timeoutMs, signal }
  if (route === 'standalone')
    // The app's sign-in is for its own backend: imin's Standalone Checkout takes none, so the token goes only to an `endpoint`.
    return createStandaloneCheckoutSession({ opportunity }, { ...transport, getAuthToken: endpoint ? getAuthToken : undefined })
  return createCheckoutSession(
    { opportunity, parent, offerId, customer: customer ?? settings.customer, broker: settings.broker, navigationLinks: settings.navigationLinks } as Parameters<typeof createCheckoutSession>[0],
    { ...transport, getAuthToken },
  )
}
