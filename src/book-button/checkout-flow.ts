'use client'

import { useEffect, useRef, type MouseEvent } from 'react'
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
  onCheckoutCreated?: (session: { target: string }) => void
  onError?: (error: CheckoutError) => void
}

/**
 * Clicking Book on a route that creates a checkout session: one request however
 * many clicks, a new tab opened inside the click, then off to Checkout. Returns
 * the function a click calls.
 */
export function useCheckoutFlow(options: CheckoutFlowOptions): () => void {
  const { checkout } = options
  const locked = useRef(false)
  // A request may outlive the render that started it: it reports to the latest callbacks.
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })

  // Back from Checkout through the browser's page cache: the page must not stay pending.
  const navigatingAway = checkout.status === 'success'
  const reset = checkout.reset
  useEffect(() => {
    if (!navigatingAway) return
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return
      locked.current = false
      reset()
    }
    window.addEventListener('pageshow', onPageShow)
    return () => window.removeEventListener('pageshow', onPageShow)
  }, [navigatingAway, reset])

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
}

/** A guest link hands a plain same-tab click to the app's router; modified clicks and new tabs stay native. */
export function followGuestLink(event: MouseEvent<HTMLElement>, href: string | undefined, target: string | undefined, onNavigate: ((url: string) => void) | undefined) {
  if (!onNavigate || !href || target === '_blank') return
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return
  event.preventDefault()
  onNavigate(href)
}
