import { clsx } from 'clsx'
import {
  cloneElement,
  forwardRef,
  isValidElement,
  useEffect,
  useId,
  useRef,
  type HTMLAttributes,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react'
import type { Bookability, BookabilityReason } from '../core/rules/bookability.js'
import { CheckoutError } from '../core/checkout/checkout-error.js'
import { guestCheckoutUrl } from '../core/checkout/guest-checkout.js'
import { configNames, useBookingConfig, type BookingConfig } from '../booking-provider/booking-provider.js'
import { resolveLabels } from '../labels/labels.js'
import { useLiveBookability } from '../use-bookability/use-bookability.js'
import { useCheckout, type UseCheckoutResult } from '../use-checkout/use-checkout.js'
import { Slot } from './slot.js'

/**
 * The button's state, exposed as its `data-state` attribute.
 * - `bookable`: `[data-state="bookable"]`, ready to book.
 * - `pending`: `[data-state="pending"]`, a checkout session is being created, or the browser is on its way to Checkout.
 * - `error`: `[data-state="error"]`, the last checkout failed (the button retries), or a guest link could not be built.
 * - any `BookabilityReason`: `[data-state="full"]`, `[data-state="not-yet-open"]`, `[data-state="started"]`, …,
 *   not bookable for that reason (also `[aria-disabled="true"]`).
 */
export type BookButtonState = 'bookable' | 'pending' | 'error' | BookabilityReason

/** What a function child receives. */
export interface BookButtonRenderProps {
  /** The current state, as in `data-state`. */
  state: BookButtonState
  /** The rules' full answer: reasons, opening and closing times. */
  bookability: Bookability
}

export interface BookButtonProps
  extends BookingConfig,
    Omit<HTMLAttributes<HTMLElement>, 'children' | 'onError'> {
  /** The ScheduledSession or Slot, bare or as an RPDE item. */
  opportunity: unknown
  /** Its SessionSeries or FacilityUse, bare or as an RPDE item. @defaultValue the parent embedded in the opportunity */
  parent?: unknown
  /** The Offer to book (authenticated route). @defaultValue the parent's `publicAdult` offer */
  offerId?: string
  /** What to render when not bookable: a disabled-looking control that says why, or nothing. @defaultValue 'show' */
  unbookable?: 'show' | 'hide'
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
   * links navigate natively and the authenticated route calls `window.location.assign`.
   * @defaultValue undefined
   */
  onNavigate?: (url: string) => void
  /** Called when the state changes (not on mount), with the new state and the rules' answer. @defaultValue undefined */
  onStateChange?: (state: BookButtonState, bookability: Bookability) => void
  /** Called when a checkout session was created, with the address Checkout will open (and nothing else). @defaultValue undefined */
  onCheckoutCreated?: (session: { target: string }) => void
  /** Called when a checkout fails, with its `CheckoutError` (not when unmounting aborts it). @defaultValue undefined */
  onError?: (error: CheckoutError) => void
  /** The content: a node, or a function of `{ state, bookability }`. @defaultValue the label for the state */
  children?: ReactNode | ((props: BookButtonRenderProps) => ReactNode)
}


type ControlProps = Omit<BookButtonProps, keyof BookingConfig> & { config: BookingConfig }

/**
 * A Book button for one session or facility slot. It shows whether the opportunity
 * can be booked now, and why not; it is a real link to guest Checkout, or, with
 * `getAuthToken`, a button that creates an authenticated checkout session.
 */
export const BookButton = forwardRef<HTMLElement, BookButtonProps>(function BookButton(props, ref) {
  const own: BookingConfig = {}
  const rest: Record<string, unknown> = {}
  for (const key in props) {
    if ((configNames as readonly string[]).includes(key)) (own as Record<string, unknown>)[key] = props[key as keyof BookButtonProps]
    else rest[key] = props[key as keyof BookButtonProps]
  }
  const config = useBookingConfig(own)
  const controlProps = { ...(rest as Omit<ControlProps, 'config'>), config, forwardedRef: ref }
  return config.getAuthToken ? <AuthenticatedControl {...controlProps} /> : <Control {...controlProps} checkout={null} />
})

function AuthenticatedControl(props: ControlProps & { forwardedRef: Ref<HTMLElement> }) {
  return <Control {...props} checkout={useCheckout(props.config)} />
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatOpening(date: Date, locale: string | undefined, timeZone: string | undefined): string | null {
  const key = `${locale}|${timeZone}`
  try {
    let formatter = formatters.get(key)
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
      formatters.set(key, formatter)
    }
    return formatter.format(date)
  } catch {
    // An unknown locale or time zone falls back to the plain label rather than breaking the render.
    return null
  }
}

function Control({
  opportunity,
  parent,
  offerId,
  unbookable = 'show',
  target,
  rel,
  asChild = false,
  onNavigate,
  onStateChange,
  onCheckoutCreated,
  onError,
  children,
  className,
  onClick,
  config,
  checkout,
  forwardedRef,
  ...native
}: ControlProps & { checkout: UseCheckoutResult | null; forwardedRef: Ref<HTMLElement> }) {
  const { bookability, hydrated } = useLiveBookability(opportunity, parent, config.now, config.flagProperty)
  const messageId = useId()
  const locked = useRef(false)
  const labels = resolveLabels(config.labels)

  let href: string | undefined
  let guestError: CheckoutError | null = null
  if (!checkout && bookability.bookable) {
    try {
      href = guestCheckoutUrl(opportunity, { checkoutBaseUrl: config.checkoutBaseUrl as string, slotPath: config.slotPath })
    } catch (error) {
      guestError = error instanceof CheckoutError ? error : new CheckoutError('invalid-request')
    }
  }
  const checkoutError = guestError ?? checkout?.error ?? null

  const state: BookButtonState = !bookability.bookable
    ? bookability.state
    : checkoutError
      ? 'error'
      : checkout?.status === 'pending' || checkout?.status === 'success'
        ? 'pending'
        : 'bookable'

  // After each render: remember the latest callbacks (a request may outlive the render that started it)
  // and report a changed state. One effect for both, since a page renders buttons by the thousand.
  const previousState = useRef(state)
  const latest = useRef({ onCheckoutCreated, onNavigate, onError })
  useEffect(() => {
    latest.current = { onCheckoutCreated, onNavigate, onError }
    if (previousState.current === state) return
    previousState.current = state
    onStateChange?.(state, bookability)
  })

  // Back from Checkout through the browser's page cache: the page must not stay pending.
  const navigatingAway = checkout?.status === 'success'
  const reset = checkout?.reset
  useEffect(() => {
    if (!navigatingAway || !reset) return
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return
      locked.current = false
      reset()
    }
    window.addEventListener('pageshow', onPageShow)
    return () => window.removeEventListener('pageshow', onPageShow)
  }, [navigatingAway, reset])

  if (!bookability.bookable && unbookable === 'hide') return null

  const actionable = state === 'bookable' || (state === 'error' && !guestError)

  const startCheckout = (checkout: UseCheckoutResult) => {
    if (locked.current) return
    locked.current = true
    // A new tab must open inside the click, before any await, or popup blockers stop it.
    const tab = target === '_blank' ? window.open('', '_blank') : null
    if (tab) tab.opener = null
    checkout.checkout({ opportunity, parent, offerId }).then(
      ({ target: url }) => {
        const { onCheckoutCreated, onNavigate } = latest.current
        let leaving = false
        try {
          onCheckoutCreated?.({ target: url })
          if (tab) tab.location.href = url
          else if (onNavigate) onNavigate(url)
          else {
            window.location.assign(url)
            leaving = true // stays pending and locked while the browser leaves
          }
        } finally {
          // Even when a callback throws, the button must not stay locked.
          if (!leaving) {
            locked.current = false
            checkout.reset()
          }
        }
      },
      (error: CheckoutError) => {
        locked.current = false
        tab?.close()
        if (error.kind !== 'aborted') latest.current.onError?.(error)
      },
    )
  }

  const handleClick = (event: MouseEvent<HTMLElement>) => {
    onClick?.(event)
    if (event.defaultPrevented) return
    if (!actionable) return event.preventDefault()
    if (checkout) {
      // An asChild link must not navigate on its own while the session is created.
      event.preventDefault()
      return startCheckout(checkout)
    }
    // Guest link: hand a plain same-tab click to the router; modified clicks stay native.
    if (onNavigate && href && target !== '_blank' && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && event.button === 0) {
      event.preventDefault()
      onNavigate(href)
    }
  }

  let label: string
  if (state === 'bookable') label = labels.book
  else if (state === 'pending') label = labels.pending
  else if (state === 'error') label = guestError ? labels.book : labels.retry
  else if (state === 'not-yet-open' && bookability.opensAt && (hydrated || (config.timeZone && config.locale))) {
    const when = formatOpening(bookability.opensAt, config.locale, config.timeZone)
    label = when ? labels.opensAt(when) : labels.notYetOpen
  } else label = labels.reasons[state]

  const child = asChild && isValidElement<{ children?: ReactNode }>(children) ? children : null
  // Custom content may not say why the button is disabled, so the reason goes in its description.
  const showsLabel = child ? child.props.children == null : children == null
  const message =
    state === 'pending' ? labels.pending : checkoutError ? labels.errors[checkoutError.kind] : !actionable && !showsLabel ? label : ''
  const content = typeof children === 'function' ? children({ state, bookability }) : (children ?? label)
  // What the element is: a plain asChild element says; a component is taken to render what the mode
  // needs (a link for guests, a button for the authenticated route), as ours does.
  const element = child && typeof child.type === 'string' ? child.type : checkout ? 'button' : 'a'
  const controlProps: Record<string, unknown> = {
    ...native,
    className: clsx('obb-button', className),
    'data-state': state,
    'aria-disabled': actionable ? undefined : true,
    'aria-busy': state === 'pending' ? true : undefined,
    'aria-describedby': clsx(native['aria-describedby'], message && state !== 'pending' && messageId) || undefined,
    onClick: handleClick,
  }
  if (element === 'button') controlProps.type = 'button'
  if (!checkout) {
    controlProps.href = href
    controlProps.target = target
    controlProps.rel = rel ?? (target === '_blank' ? 'noopener noreferrer' : undefined)
  }
  if (element === 'a' && !href) {
    // A link without href leaves the tab order and its role; a disabled-looking one must stay focusable.
    controlProps.role = checkout ? 'button' : 'link'
    controlProps.tabIndex = native.tabIndex ?? 0
  }

  const Tag = checkout ? 'button' : 'a'
  const control = child ? (
    <Slot {...controlProps} slotRef={forwardedRef}>
      {withLabel(child, label)}
    </Slot>
  ) : (
    <Tag ref={forwardedRef as Ref<never>} {...(controlProps as HTMLAttributes<HTMLElement>)}>
      {content}
    </Tag>
  )

  // The authenticated route announces progress and failure through a polite live region that is always present.
  if (!checkout && !message) return control
  return (
    <>
      {control}
      <span id={messageId} role={checkout ? 'status' : undefined} className="obb-message" data-state={state}>
        {message}
      </span>
    </>
  )
}

/** An `asChild` element with no content of its own shows the button's label. */
function withLabel(child: ReactElement<{ children?: ReactNode }>, label: string) {
  return child.props.children == null ? cloneElement(child, undefined, label) : child
}
