'use client'

import { QueryClient, QueryClientContext, useMutation } from '@tanstack/react-query'
import { useCallback, useContext, useEffect, useRef } from 'react'
import { CheckoutError } from '../core/checkout/checkout-error.js'
import { createCheckoutSession, type CheckoutSession } from '../core/checkout/checkout-session.js'
import { useBookingConfig, type BookingConfig } from '../booking-provider/booking-provider.js'
import type { CheckoutInput, UseCheckoutResult } from './types.js'

export type { CheckoutInput, UseCheckoutResult }

declare module '../booking-provider/booking-provider.js' {
  /** With the checkout entry in the app, `queryClient` is a React Query `QueryClient`. */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CheckoutQueryClient extends QueryClient {}
}

/**
 * The key of every checkout mutation, so `useIsMutating({ mutationKey: CHECKOUT_MUTATION_KEY })`
 * and `useMutationState` find them.
 */
export const CHECKOUT_MUTATION_KEY = ['openactive-book-button', 'checkout'] as const

let privateClient: QueryClient | undefined

/**
 * The client for checkout mutations: the given one, else the app's, else a
 * private one, so the hook never fails with "No QueryClient set".
 */
function useResolvedQueryClient(given: QueryClient | undefined): QueryClient {
  const appClient = useContext(QueryClientContext)
  return given ?? appClient ?? (privateClient ??= new QueryClient())
}

/**
 * Creates imin checkout sessions (the authenticated route) with a TanStack Query
 * mutation keyed `['openactive-book-button', 'checkout']`, using the settings of
 * the nearest `<BookingProvider>` and any given here. No automatic retry: each
 * request creates a session. Give it to `<BookingProvider useCheckout={useCheckout}>`
 * and the provider's buttons use it.
 */
export function useCheckout(options?: BookingConfig): UseCheckoutResult {
  const config = useBookingConfig(options)
  const queryClient = useResolvedQueryClient(config.queryClient)
  const inFlight = useRef<{ promise: Promise<CheckoutSession>; controller: AbortController } | null>(null)
  const configRef = useRef(config)
  useEffect(() => {
    configRef.current = config
  })

  const mutation = useMutation<CheckoutSession, CheckoutError, CheckoutInput & { signal: AbortSignal }>(
    {
      mutationKey: CHECKOUT_MUTATION_KEY,
      mutationFn: ({ signal, opportunity, parent, offerId, customer }) => {
        const settings = configRef.current
        return createCheckoutSession(
          { opportunity, parent, offerId, customer: customer ?? settings.customer, broker: settings.broker, navigationLinks: settings.navigationLinks } as Parameters<typeof createCheckoutSession>[0],
          {
            checkoutBaseUrl: settings.checkoutBaseUrl as string,
            endpoint: settings.endpoint,
            getAuthToken: settings.getAuthToken,
            authHeader: settings.authHeader,
            allowedTargetHosts: settings.allowedTargetHosts,
            timeoutMs: settings.timeoutMs,
            signal,
          },
        )
      },
      // The app's mutation defaults must not change checkout: no retry (each request creates a session),
      // no waiting for an "online" signal, no throwing into error boundaries, nothing kept after unmount.
      retry: false,
      networkMode: 'always',
      throwOnError: false,
      gcTime: 0,
    },
    queryClient,
  )
  const { mutateAsync, reset } = mutation

  const checkout = useCallback(
    (input: CheckoutInput) => {
      if (inFlight.current) return inFlight.current.promise
      const controller = new AbortController()
      const promise = mutateAsync({ ...input, signal: controller.signal }).finally(() => {
        if (inFlight.current?.controller === controller) inFlight.current = null
      })
      inFlight.current = { promise, controller }
      return promise
    },
    [mutateAsync],
  )
  const abort = useCallback(() => inFlight.current?.controller.abort(), [])

  // Leaving the page section cancels the request rather than navigating later.
  useEffect(() => abort, [abort])

  return {
    checkout,
    abort,
    reset,
    status: mutation.status,
    error: mutation.error ? toCheckoutError(mutation.error) : null,
    data: mutation.data,
  }
}

function toCheckoutError(error: unknown): CheckoutError {
  return error instanceof CheckoutError ? error : new CheckoutError('network')
}
