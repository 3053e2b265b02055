'use client'

import { clsx } from 'clsx'
import {
  cloneElement,
  forwardRef,
  isValidElement,
  useEffect,
  useId,
  useRef,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react'
import { buttonState, type ButtonRoute, type CheckoutStatus } from '../core/button/button-state.js'
import { CheckoutError } from '../core/checkout/checkout-error.js'
import { checkoutOrigin } from '../core/checkout/checkout-url.js'
import { guestCheckoutUrl } from '../core/checkout/guest-checkout.js'
import type { Bookability } from '../core/rules/bookability.js'
import { configNames, resolveRoute, resolveRules, useBookingConfig, type BookingConfig, type CheckoutHook } from '../booking-provider/booking-provider.js'
import { warnAboutSetup } from '../booking-provider/diagnostics.js'
import { warnOnce } from '../dev/warn-once.js'
import { useAnnounce, type Announce } from '../booking-provider/live-region.js'
import { useProviderCallbacks } from '../booking-provider/provider-callbacks.js'
import { resolveLabels } from '../labels/labels.js'
import { labelText } from '../labels/label-text.js'
import { useLiveBookability } from '../use-bookability/use-bookability.js'
import type { BookButtonProps, BookButtonRenderProps, BookButtonRoute, BookButtonState } from './book-button-props.js'
import { followGuestLink, useCheckoutFlow } from './checkout-flow.js'
import { pressOnKeyDown, pressOnKeyUp } from './press-keys.js'
import { Slot } from './slot.js'
import { useStateReports } from './use-state-reports.js'

export type { BookButtonProps, BookButtonRenderProps, BookButtonRoute, BookButtonState }

/** What a route that creates checkout sessions lends the control. */
interface Session {
  status: CheckoutStatus
  error: CheckoutError | null
  activate: () => void
  announce: Announce
}

interface ControlProps extends Omit<BookButtonProps, keyof BookingConfig> {
  config: BookingConfig
  route: ButtonRoute
  forwardedRef: Ref<HTMLElement>
}

/**
 * A Book button for one session or facility slot. It shows whether the opportunity
 * can be booked now, and why not; it is a real link to guest Checkout, or, on the
 * authenticated and standalone routes (with `useCheckout`), a button that creates a
 * checkout session.
 */
export const BookButton = forwardRef<HTMLElement, BookButtonProps>(function BookButton(props, ref) {
  const own: BookingConfig = {}
  const rest: Record<string, unknown> = {}
  for (const key in props) {
    if ((configNames as readonly string[]).includes(key)) (own as Record<string, unknown>)[key] = props[key as keyof BookButtonProps]
    else rest[key] = props[key as keyof BookButtonProps]
  }
  const config = useBookingConfig(own)
  const route = resolveRoute(config)
  const controlProps = { ...(rest as Omit<ControlProps, 'config' | 'route' | 'forwardedRef'>), config, route, forwardedRef: ref }
  if (route === 'guest') return <Control {...controlProps} session={null} />
  if (!config.useCheckout) return <UnregisteredControl {...controlProps} />
  return <SessionControl {...controlProps} useCheckout={config.useCheckout} />
})

function SessionControl({ useCheckout, ...props }: ControlProps & { useCheckout: CheckoutHook }) {
  const checkout = useCheckout(props.config)
  const provider = useProviderCallbacks()
  const { opportunity, parent, onCheckoutCreated, onError } = props
  const activate = useCheckoutFlow({
    ...props,
    checkout,
    onCheckoutCreated: (session) => {
      onCheckoutCreated?.(session)
      provider?.onCheckoutCreated(session, { opportunity, parent })
    },
    onError: (error) => {
      onError?.(error)
      provider?.onError(error, { opportunity, parent })
    },
  })
  const announce = useAnnounce()
  return <Control {...props} session={{ status: checkout.status, error: checkout.error, activate, announce }} />
}

// The app's bundler replaces `process.env.NODE_ENV`.
declare const process: { env: { NODE_ENV?: string } }

/** Development only: in production builds this is a no-op, so a listing mounts no effect per button for it. */
const useSetupWarnings =
  typeof process === 'undefined' || process.env.NODE_ENV === 'production'
    ? () => {}
    : function useSetupWarnings(config: BookingConfig, route: ButtonRoute, setupProblem: string | undefined) {
        useEffect(() => warnAboutSetup(config, route, setupProblem), [config, route, setupProblem])
      }

const REGISTER_CHECKOUT = 'Pass useCheckout from openactive-book-button/checkout to BookingProvider.'
const UNREGISTERED = new CheckoutError('invalid-request', REGISTER_CHECKOUT)

/** A route that creates checkout sessions without `useCheckout`: a button that says it cannot book, and tells the developer why, once. */
function UnregisteredControl(props: ControlProps) {
  const { route } = props
  useEffect(() => {
    const why = route === 'standalone' ? 'route is standalone' : 'getAuthToken is set'
    warnOnce(`unregistered-checkout:${route}`, `BookButton: ${why} but no checkout is registered. ${REGISTER_CHECKOUT}`)
  }, [route])
  return <Control {...props} session={{ status: 'error', error: UNREGISTERED, activate: () => {}, announce: () => {} }} />
}

function Control({
  opportunity,
  parent,
  offerId: _offerId,
  unbookable,
  disabled = false,
  target,
  rel,
  asChild = false,
  onNavigate,
  onStateChange,
  onCheckoutCreated: _onCheckoutCreated,
  onError: _onError,
  children,
  className,
  style,
  onClick,
  onKeyDown,
  onKeyUp,
  config,
  route,
  session,
  forwardedRef,
  ...native
}: ControlProps & { session: Session | null }) {
  const { bookability, hydrated } = useLiveBookability(opportunity, parent, config.now, config.flagProperty, resolveRules(config))
  const messageId = useId()
  const labels = resolveLabels(config.labels)
  const provider = useProviderCallbacks()

  // A link, or a checkout, that cannot be set up is an error on every render: never a broken href or a doomed request.
  let href: string | undefined
  let setupError: CheckoutError | null = null
  if (bookability.bookable && !disabled) {
    try {
      if (route === 'guest')
        href = guestCheckoutUrl(opportunity, { checkoutBaseUrl: config.checkoutBaseUrl as string, slotPath: config.slotPath, allowedTargetHosts: config.allowedTargetHosts })
      else checkoutOrigin(config.checkoutBaseUrl)
    } catch (error) {
      setupError = error instanceof CheckoutError ? error : new CheckoutError('invalid-request')
    }
  }
  const setupProblem = setupError?.message
  useSetupWarnings(config, route, setupProblem)

  const child = asChild && isValidElement<{ children?: ReactNode }>(children) ? children : null
  const view = buttonState({
    bookability,
    route,
    checkoutStatus: session?.status,
    errorKind: (setupError ?? session?.error)?.kind ?? null,
    disabled,
    customContent: child ? child.props.children != null : children != null,
  })
  const label = labelText(labels, view.labelKey, {
    opensAt: bookability.opensAt,
    canWrite: hydrated || Boolean(config.timeZone && config.locale),
    locale: config.locale,
    timeZone: config.timeZone,
  })
  const isPending = view.state === 'pending'
  // While pending, the label it had stays in place (hidden), so the button keeps its width.
  const steadyLabel = useRef(label)
  if (!isPending) steadyLabel.current = label

  const announcement = view.announcement === 'pending' ? labels.pending : view.announcement ? labels.errors[view.announcement] : null
  const reportStateChange = (state: BookButtonState, answer: Bookability) => {
    onStateChange?.(state, answer)
    provider?.onStateChange(state, answer, { opportunity, parent })
  }
  useStateReports(view.state, bookability, announcement, reportStateChange, session?.announce)

  if (!bookability.bookable && unbookable === 'hide') return null

  const values: BookButtonRenderProps = { state: view.state, bookability, label, isPending, isDisabled: !view.actionable }

  const handleClick = (event: MouseEvent<HTMLElement>) => {
    onClick?.(event)
    if (event.defaultPrevented) return
    if (!view.actionable) return event.preventDefault()
    if (session) {
      // An asChild link must not navigate on its own while the session is created.
      event.preventDefault()
      return session.activate()
    }
    followGuestLink(event, href, target, onNavigate)
  }

  const message = view.errorKind ? (
    <span id={messageId} className="obb-message" data-state={view.state}>
      {labels.errors[view.errorKind]}
    </span>
  ) : view.describesLabel ? (
    // Custom content may not say why the button cannot be used, so the reason is its description.
    <span id={messageId} className="obb-visually-hidden">
      {label}
    </span>
  ) : null

  const defaultContent = isPending ? <PendingLabel steady={steadyLabel.current} pending={labels.pending} /> : label
  const content = typeof children === 'function' ? children(values) : (children ?? defaultContent)
  // What the element is: a plain asChild element says; a component is taken to render what the route
  // needs (a link for guests, a button for checkout sessions), as ours does.
  const element = child && typeof child.type === 'string' ? child.type : view.element
  const controlProps: Record<string, unknown> = {
    ...native,
    className: clsx('obb-button', typeof className === 'function' ? className(values) : className),
    style: typeof style === 'function' ? style(values) : style,
    'data-state': view.state,
    'data-disabled': disabled ? '' : undefined,
    'aria-disabled': view.actionable ? undefined : true,
    'aria-busy': isPending ? true : undefined,
    'aria-describedby': clsx(native['aria-describedby'], message && messageId) || undefined,
    onClick: handleClick,
    onKeyDown,
    onKeyUp,
  }
  if (element === 'button') controlProps.type = 'button'
  if (route === 'guest') {
    controlProps.href = href
    controlProps.target = target
    controlProps.rel = rel ?? (target === '_blank' ? 'noopener noreferrer' : undefined)
  } else if (child) {
    // The broker's element may not be a <button>: it must still answer Enter and Space.
    controlProps.onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
      onKeyDown?.(event)
      if (!event.defaultPrevented) pressOnKeyDown(event)
    }
    controlProps.onKeyUp = (event: KeyboardEvent<HTMLElement>) => {
      onKeyUp?.(event)
      if (!event.defaultPrevented) pressOnKeyUp(event)
    }
  }
  if (element === 'a' && !href) {
    // A link without href leaves the tab order and its role; a disabled-looking one must stay focusable.
    controlProps.role = route === 'guest' ? 'link' : 'button'
    controlProps.tabIndex = native.tabIndex ?? 0
  }

  const Tag = view.element
  const control = child ? (
    <Slot {...controlProps} slotRef={forwardedRef}>
      {withContent(child, defaultContent)}
    </Slot>
  ) : (
    <Tag ref={forwardedRef as Ref<never>} {...(controlProps as HTMLAttributes<HTMLElement>)}>
      {content}
    </Tag>
  )

  // Where a failure can be shown, the control and its message sit side by side in one group; the
  // group is there from the start on the routes that create checkout sessions, so a failure never
  // moves the control (nor its focus) to a new parent.
  if (route === 'guest' && !view.errorKind)
    return (
      <>
        {control}
        {message}
      </>
    )
  return (
    <span className="obb-group">
      {control}
      {message}
    </span>
  )
}

/** Pending: the last label keeps the width (hidden), the pending words are for assistive technology, a small indicator shows progress. */
function PendingLabel({ steady, pending }: { steady: string; pending: string }) {
  return (
    <>
      <span className="obb-steady-label" aria-hidden="true">
        {steady}
      </span>
      <span className="obb-visually-hidden">{pending}</span>
      <span className="obb-indicator" aria-hidden="true" />
    </>
  )
}

/** An `asChild` element with no content of its own shows the button's label. */
function withContent(child: ReactElement<{ children?: ReactNode }>, content: ReactNode) {
  return child.props.children == null ? cloneElement(child, undefined, content) : child
}
