/**
 * What a Book button shows, as a pure function of the rules' answer, the route
 * and the checkout's progress: no React, no DOM. The React layer only renders it.
 */
import type { Bookability, BookabilityReason } from '../rules/bookability.js'
import type { CheckoutErrorKind } from '../checkout/checkout-error.js'

/**
 * How the button books:
 * - `guest`: a link to imin's guest Checkout page;
 * - `authenticated`: a button that creates a checkout session for the signed-in customer;
 * - `standalone`: a button that creates a checkout session from open data (behaves as `authenticated` here).
 */
export type ButtonRoute = 'guest' | 'authenticated' | 'standalone'

/**
 * The button's state, exposed as `data-state`:
 * - `bookable`: ready to book;
 * - `pending`: a checkout session is being created, or the browser is on its way to Checkout;
 * - `error`: the last checkout failed, or a guest link could not be built;
 * - a `BookabilityReason` (`full`, `not-yet-open`, …): not bookable for that reason, by the rules or,
 *   for `full` and `opportunity-unavailable`, by Checkout's own answer.
 */
export type ButtonState = 'bookable' | 'pending' | 'error' | BookabilityReason

/** The progress of the checkout session request, as React Query's mutation status names it. */
export type CheckoutStatus = 'idle' | 'pending' | 'success' | 'error'

/**
 * Which label the button shows: `book`, `pending`, `retry` (a failure that trying again can fix),
 * `cannotBook` (a failure it cannot), or the reason it is not bookable.
 */
export type ButtonLabelKey = 'book' | 'pending' | 'retry' | 'cannotBook' | BookabilityReason

export interface ButtonStateInput {
  /** The rules' answer for the opportunity now. */
  bookability: Bookability
  /** How the button books. */
  route: ButtonRoute
  /** The checkout session request's progress (routes that create one). @defaultValue 'idle' */
  checkoutStatus?: CheckoutStatus
  /** What went wrong: the checkout's failure, or why a guest link could not be built. @defaultValue null */
  errorKind?: CheckoutErrorKind | null
  /** The app's own reason not to book ("already booked", "basket full"). @defaultValue false */
  disabled?: boolean
  /** The button shows the app's own content, which may not say why it cannot be used. @defaultValue false */
  customContent?: boolean
}

export interface ButtonView {
  /** The state, as `data-state`. */
  state: ButtonState
  /** Which label describes the state. */
  labelKey: ButtonLabelKey
  /** Whether activating the control books (or retries); when false it is `aria-disabled`. */
  actionable: boolean
  /** A link for guests, a button for the routes that create a checkout session. */
  element: 'a' | 'button'
  /** The failure to show beside the control (and describe it by), or null. */
  errorKind: CheckoutErrorKind | null
  /** The label must also be given as the control's description: custom content hides why it cannot be used. */
  describesLabel: boolean
  /** What to announce politely now: the pending label, or a failure Checkout reported; null for nothing. */
  announcement: 'pending' | CheckoutErrorKind | null
}

/**
 * What each Checkout failure does to the button:
 * | kind | state | label | retry |
 * | --- | --- | --- | --- |
 * | `full` | `full` | the `full` reason | no |
 * | `unavailable` | `opportunity-unavailable` | that reason | no |
 * | `invalid-request`, `unsafe-target` | `error` | `cannotBook` | no |
 * | `network`, `timeout`, `http`, `invalid-response`, `unauthorized`, `aborted` | `error` | `retry` | yes |
 */
export const CHECKOUT_ERROR_STATES = {
  full: 'full',
  unavailable: 'opportunity-unavailable',
  'invalid-request': 'error',
  'unsafe-target': 'error',
  network: 'error',
  timeout: 'error',
  http: 'error',
  'invalid-response': 'error',
  unauthorized: 'error',
  aborted: 'error',
} as const satisfies Record<CheckoutErrorKind, ButtonState>

/** Failures that trying again cannot fix: the request or the answer is wrong, not the moment. */
const FINAL_ERRORS: ReadonlySet<CheckoutErrorKind> = new Set(['invalid-request', 'unsafe-target'])

/** Every rule of what a Book button shows. Pure and total: any input gives a view. */
export function buttonState(input: ButtonStateInput): ButtonView {
  const { bookability, route, checkoutStatus, errorKind = null, disabled = false, customContent = false } = input
  const element = route === 'guest' ? 'a' : 'button'
  const view = (
    state: ButtonState,
    labelKey: ButtonLabelKey,
    actionable: boolean,
    shownError: CheckoutErrorKind | null = null,
    announcement: ButtonView['announcement'] = null,
  ): ButtonView => ({
    state,
    labelKey,
    actionable: actionable && !disabled,
    element,
    errorKind: shownError,
    // A reason is what the user must hear; "Book" and pending say nothing the content lacks, and a
    // failure ("Try again", "cannot book") is described by the error shown beside the control.
    describesLabel: customContent && !shownError && labelKey !== 'book' && labelKey !== 'pending',
    announcement,
  })

  // The rules come first: once the session has started or was cancelled, no earlier answer matters.
  if (!bookability.bookable) {
    const reason = bookability.reasons[0] ?? 'invalid-opportunity'
    return view(reason, reason, false)
  }
  if (route === 'guest') return errorKind ? view('error', 'cannotBook', false, errorKind) : view('bookable', 'book', true)
  if (checkoutStatus === 'pending' || checkoutStatus === 'success') return view('pending', 'pending', false, null, 'pending')
  if (!errorKind) return view('bookable', 'book', true)
  const state = CHECKOUT_ERROR_STATES[errorKind]
  if (state !== 'error') return view(state, state, false, errorKind, errorKind)
  return FINAL_ERRORS.has(errorKind)
    ? view('error', 'cannotBook', false, errorKind, errorKind)
    : view('error', 'retry', true, errorKind, errorKind)
}
