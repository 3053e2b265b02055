'use client'

import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import type { ButtonState } from '../core/button/button-state.js'
import type { CheckoutError } from '../core/checkout/checkout-error.js'
import type { Bookability } from '../core/rules/bookability.js'

/** Which button a provider-level callback is about: the data it was given. */
export interface BookButtonSource {
  /** The button's `opportunity`. */
  opportunity: unknown
  /** The button's `parent`, if it was given one. */
  parent: unknown
}

/**
 * Callbacks for every `<BookButton>` below a provider. A button's own callback
 * is called first, then its nearest provider's, then each outer provider's.
 */
export interface BookingCallbacks {
  /**
   * A button's state changed (not called on mount), with the new state, the rules' answer and the button's data.
   * @defaultValue undefined
   */
  onStateChange?: (state: ButtonState, bookability: Bookability, button: BookButtonSource) => void
  /**
   * A button created a checkout session, with the address Checkout will open (and nothing else) and the button's data.
   * @defaultValue undefined
   */
  onCheckoutCreated?: (session: { target: string }, button: BookButtonSource) => void
  /**
   * A button's checkout failed, with its `CheckoutError` and the button's data (not when unmounting aborts it).
   * @defaultValue undefined
   */
  onError?: (error: CheckoutError, button: BookButtonSource) => void
}

type Report = Required<BookingCallbacks>

const CallbacksContext = createContext<Report | null>(null)

/**
 * Makes a provider's callbacks reach every button below it, after any outer
 * provider's. The reporting functions stay the same from render to render, so
 * passing new inline callbacks does not re-render every button.
 */
export function ProviderCallbacks({ children, ...callbacks }: BookingCallbacks & { children?: ReactNode }) {
  const outer = useContext(CallbacksContext)
  const latest = useRef(callbacks)
  useEffect(() => {
    latest.current = callbacks
  })
  const report = useMemo<Report>(
    () => ({
      onStateChange: (state, bookability, button) => {
        latest.current.onStateChange?.(state, bookability, button)
        outer?.onStateChange(state, bookability, button)
      },
      onCheckoutCreated: (session, button) => {
        latest.current.onCheckoutCreated?.(session, button)
        outer?.onCheckoutCreated(session, button)
      },
      onError: (error, button) => {
        latest.current.onError?.(error, button)
        outer?.onError(error, button)
      },
    }),
    [outer],
  )
  return <CallbacksContext.Provider value={report}>{children}</CallbacksContext.Provider>
}

/** The callbacks of every provider above, as one; null outside any provider. */
export function useProviderCallbacks(): Report | null {
  return useContext(CallbacksContext)
}
