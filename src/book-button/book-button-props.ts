import type { CSSProperties, HTMLAttributes, ReactNode } from 'react'
import type { ButtonRoute, ButtonState } from '../core/button/button-state.js'
import type { Bookability } from '../core/rules/bookability.js'
import type { CheckoutError } from '../core/checkout/checkout-error.js'
import type { BookingConfig } from '../booking-provider/booking-provider.js'
import type { OpportunityInput, ParentInput } from '../core/types.js'

/**
 * The button's state, exposed as its `data-state` attribute.
 * - `bookable`: `[data-state="bookable"]`, ready to book.
 * - `pending`: `[data-state="pending"]`, a checkout session is being created, or the browser is on its way to Checkout.
 * - `error`: `[data-state="error"]`, the last checkout failed, or a guest link could not be built. It offers
 *   "Try again" after `network`, `timeout`, `http`, `invalid-response` and `unauthorized`; after `invalid-request`
 *   and `unsafe-target` it is `[aria-disabled="true"]`, since retrying cannot help.
 * - any `BookabilityReason`: `[data-state="full"]`, `[data-state="not-yet-open"]`, `[data-state="started"]`, …,
 *   not bookable for that reason (also `[aria-disabled="true"]`). Checkout answering `full` gives `full`, and
 *   `unavailable` gives `opportunity-unavailable`, with the answer beside the control.
 */
export type BookButtonState = ButtonState

/**
 * How a button books (the `route` prop):
 * - `guest`: a link to imin's guest Checkout page;
 * - `authenticated`: a button that creates a checkout session for the signed-in customer;
 * - `standalone`: a button that creates a checkout session through imin's Standalone Checkout, from open data.
 */
export type BookButtonRoute = ButtonRoute

/** What a function child, `className` or `style` receives. */
export interface BookButtonRenderProps {
  /**
   * The current state.
   * @selector [data-state="…"]
   */
  state: BookButtonState
  /** The rules' full answer: reasons, opening and closing times. */
  bookability: Bookability
  /** The default label for the state, in the provider's words ("Book", "Full", "Opens 11 Mar, 09:00"). */
  label: string
  /**
   * A checkout session is being created, or the browser is on its way to Checkout.
   * @selector [data-state="pending"]
   */
  isPending: boolean
  /**
   * Activating the control does nothing now: not bookable, pending, a failure retrying cannot fix, or `disabled`.
   * @selector [aria-disabled="true"] (and `[data-disabled]` when the `disabled` prop is set)
   */
  isDisabled: boolean
}

export interface BookButtonProps
  extends BookingConfig,
    Omit<HTMLAttributes<HTMLElement>, 'children' | 'onError' | 'className' | 'style'> {
  /** The ScheduledSession or Slot, bare or as an RPDE item. */
  opportunity: OpportunityInput
  /** Its SessionSeries or FacilityUse, bare or as an RPDE item. @defaultValue the parent embedded in the opportunity */
  parent?: ParentInput | null
  /** The Offer to book (authenticated route; Standalone Checkout takes none). @defaultValue the parent's `publicAdult` offer */
  offerId?: string
  /** What to render when not bookable: a disabled-looking control that says why, or nothing. @defaultValue 'show' */
  unbookable?: 'show' | 'hide'
  /**
   * Not actionable for the app's own reasons ("already booked", "basket full"): `aria-disabled="true"`,
   * `data-disabled`, no `href`, no request. `data-state` still says what the rules say.
   * @defaultValue false
   */
  disabled?: boolean
  /**
   * Where Checkout opens. `_blank` opens a new tab (with `rel="noopener noreferrer"` on guest links;
   * in authenticated mode the tab opens within the click, so popup blockers allow it).
   * @defaultValue the same tab
   */
  target?: string
  /** The guest link's `rel`. @defaultValue 'noopener noreferrer' when `target="_blank"` */
  rel?: string
  /** Renders your own element (a design-system button, a router link) with the button's props merged in. @defaultValue false */
  asChild?: boolean
  /**
   * Takes over navigation to Checkout, for SPA routers or analytics. Without it, guest
   * links navigate natively and the routes that create a checkout session call
   * `window.location.assign`. After a checkout session is created the button stays
   * locked and pending until the promise it returns settles, or, if it returns
   * nothing, for 2 seconds, so a double click cannot create a second session.
   * @defaultValue undefined
   */
  onNavigate?: (url: string) => void
  /** Called when the state changes (not on mount), with the new state and the rules' answer; the provider's `onStateChange` is called too. @defaultValue undefined */
  onStateChange?: (state: BookButtonState, bookability: Bookability) => void
  /** Called when a checkout session was created, with the address Checkout will open (and nothing else); the provider's `onCheckoutCreated` is called too. @defaultValue undefined */
  onCheckoutCreated?: (session: { target: string }) => void
  /** Called when a checkout fails, with its `CheckoutError` (not when unmounting aborts it); the provider's `onError` is called too. @defaultValue undefined */
  onError?: (error: CheckoutError) => void
  /** Classes after `obb-button`: a string, or a function of `{ state, bookability, label, isPending, isDisabled }`. @defaultValue undefined */
  className?: string | ((values: BookButtonRenderProps) => string | undefined)
  /** Inline style: an object, or a function of `{ state, bookability, label, isPending, isDisabled }`. @defaultValue undefined */
  style?: CSSProperties | ((values: BookButtonRenderProps) => CSSProperties | undefined)
  /** The content: a node, or a function of `{ state, bookability, label, isPending, isDisabled }`. @defaultValue the label for the state */
  children?: ReactNode | ((values: BookButtonRenderProps) => ReactNode)
}
