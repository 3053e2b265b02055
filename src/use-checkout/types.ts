import type { CheckoutStatus } from '../core/button/button-state.js'
import type { CheckoutError } from '../core/checkout/checkout-error.js'
import type { CheckoutSession, Customer } from '../core/checkout/checkout-session.js'
import type { OpportunityInput, ParentInput } from '../core/types.js'

/** What to book: the opportunity and its parent, as the Firehose gives them. */
export interface CheckoutInput {
  /** The ScheduledSession or Slot (bare data or an RPDE item). */
  opportunity: OpportunityInput
  /** Its SessionSeries or FacilityUse (bare data or an RPDE item). @defaultValue the parent embedded in the opportunity */
  parent?: ParentInput | null
  /** The Offer to book (authenticated route; Standalone Checkout takes none). @defaultValue the parent's `publicAdult` offer (a Slot's own) */
  offerId?: string
  /** The booker, when it differs from the provider's `customer` (authenticated route). @defaultValue the provider's `customer` */
  customer?: Customer
}

export interface UseCheckoutResult {
  /**
   * Creates a checkout session. Rejects with a `CheckoutError`; while one is in
   * flight, a further call rejects at once with kind `invalid-request` ("a checkout
   * is already in progress") and sends nothing, so it never gets another call's session.
   */
  checkout: (input: CheckoutInput) => Promise<CheckoutSession>
  /** Cancels the request in flight (it fails with kind `aborted`). Unmounting does this too. */
  abort: () => void
  /** Forgets the last result or error, back to `idle`. */
  reset: () => void
  /** `idle`, `pending`, `error` or `success`. */
  status: CheckoutStatus
  /** The failure of the last attempt, or null. */
  error: CheckoutError | null
  /** The created session (`target` is where to send the browser), once there is one. */
  data: CheckoutSession | undefined
}
