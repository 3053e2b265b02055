'use client'

import { useCallback, useEffect, useRef, type MouseEvent } from 'react'
import type { CheckoutError } from '../core/checkout/checkout-error.js'
import type { UseCheckoutResult } from '../use-checkout/types.js'
import type { OpportunityInput, ParentInput } from '../core/types.js'

export interface CheckoutFlowOptions {
  checkout: UseCheckoutResult
  opportunity: OpportunityInput
  parent?: ParentInput | null
  offerId?: string
  target?: string
  onNavigate?: (url: string) => void
  onCheckoutCreated: (session: { target: string }) => void
  onError: (error: CheckoutError) => void
}

/**
 * How long the button stays locked after handing the address to `onNavigate` (or a
 * new tab) when nothing says the navigation is done: longer than a double click.
 */
export const NAVIGATION_HOLD_MS = 2000

/**
 * Clicking Book on a route that creates a checkout session: one request however
 * many clicks, a new tab opened inside the click, then off to Checkout. Once the
 * session exists the button stays locked and pending while the browser leaves,
 * so a click during the navigation cannot create a second one. Returns the
 * function a click calls.
 */
export function useCheckoutFlow(options: CheckoutFlowOptions): () => void {
  const { checkout } = options
  const locked = useRef(false)
  const holdTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // A request may outlive the render that started it: it reports to the latest callbacks.
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })

  const release = useCallback(() => {
    clearTimeout(holdTimer.current)
    locked.current = false
    latest.current.checkout.reset()
  }, [])

  // Native navigation holds until the page is hidden; back through the browser's page cache
  // (the only `pageshow` a page sees after it has loaded), it is ready again.
  const navigatingAway = checkout.status === 'success'
  useEffect(() => {
    if (!navigatingAway) return
    window.addEventListener('pagehide', release)
    window.addEventListener('pageshow', release)
    return () => {
      window.removeEventListener('pagehide', release)
      window.removeEventListener('pageshow', release)
    }
  }, [navigatingAway, release])

  const holdThenRelease = () => {
    holdTimer.current = setTimeout(release, NAVIGATION_HOLD_MS)
  }

  return () => {
    if (locked.current) return
    locked.current = true
    const { opportunity, parent, offerId, target } = latest.current
    // A new tab must open inside the click, before any await, or popup blockers stop it.
    const tab = target === '_blank' ? window.open('', '_blank') : null
    if (tab) tab.opener = null
    checkout.checkout({ opportunity, parent, offerId }).then(
      ({ target: url }) => {
        const { onCheckoutCreated, onNavigate } = latest.current
        try {
          onCheckoutCreated({ target: url })
          if (tab) {
            tab.location.href = url
            holdThenRelease()
          } else if (onNavigate) {
            const navigated: unknown = onNavigate(url)
            // The app's promise says when its navigation is done; a rejection still reaches the app, unhandled.
            if (isThenable(navigated)) void Promise.resolve(navigated).finally(release)
            else holdThenRelease()
          } else {
            window.location.assign(url) // held until `pagehide`
          }
        } catch (error) {
          // Even when a callback throws, the button must not stay locked.
          release()
          throw error
        }
      },
      (error: CheckoutError) => {
        locked.current = false
        tab?.close()
        if (error.kind !== 'aborted') latest.current.onError(error)
      },
    )
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as Partial<PromiseLike<unknown>> | null | undefined)?.then === 'function'
}

/** A guest link hands a plain same-tab click to the app's router; modified clicks and new tabs stay native. */
export function followGuestLink(event: MouseEvent<HTMLElement>, href: string | undefined, target: string | undefined, onNavigate: ((url: string) => void) | undefined) {
  if (!onNavigate || !href || target === '_blank') return
  // Only the primary button clicks: a middle click is `auxclick`, which leaves the link to the browser anyway.
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  onNavigate(href)
}
