'use client'

import { QueryClient, QueryClientContext, useMutation } from '@tanstack/react-query'
import { useCallback, useContext, useEffect, useRef } from 'react'
import { CheckoutError } from '../core/checkout/checkout-error.js'
import type { CheckoutSession } from '../core/checkout/checkout-session.js'
import { resolveRoute, useBookingConfig, type BookingConfig } from '../booking-provider/booking-provider.js'
import { warnAboutFailure } from '../booking-provider/diagnostics.js'
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

const IN_PROGRESS = 'A checkout is already in progress; wait for it to settle (or call abort()) before starting another.'

/**
 * Creates imin checkout sessions with a TanStack Query mutation keyed
 * `['openactive-book-button', 'checkout']`, using the settings of the nearest
 * `<BookingProvider>` and any given here: through Standalone Checkout when
 * `route` is `'standalone'`, else on the authenticated route. No automatic
 * retry: each request creates a session. Give it to
 * `<BookingProvider useCheckout={useCheckout}>` and the provider's buttons use it.
 */
export function useCheckout(options?: BookingConfig): UseCheckoutResult {
  const config = useBookingConfig(options)
  const queryClient = useResolvedQueryClient(config.queryClient)
  const inFlight = useRef<AbortController | null>(null)
  const configRef = useRef(config)
  useEffect(() => {
    configRef.current = config
  })

  const mutation = useMutation<CheckoutSession, CheckoutError, CheckoutInput & { signal: AbortSignal }>(
    {
      mutationKey: CHECKOUT_MUTATION_KEY,
      mutationFn: async ({ signal, ...input }) => {
        const settings = configRef.current
        // Loaded on the first checkout, not with the listing; a chunk that fails to load is a network failure.
        const { createSession } = await import('./create-session.js')
        return createSession(settings, resolveRoute(settings), input, signal)
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
    (input: CheckoutInput): Promise<CheckoutSession> => {
      // Never A's session for B: a second call while one is in flight is refused, and changes nothing.
      // Not the app's mistake to fix, only a moment to wait: no development warning.
      if (inFlight.current) return Promise.reject(new CheckoutError('invalid-request', IN_PROGRESS))
      const controller = new AbortController()
      inFlight.current = controller
      return mutateAsync({ ...input, signal: controller.signal })
        .catch((error: unknown) => Promise.reject(failed(toCheckoutError(error))))
        .finally(() => {
          // A second call is refused while this one is in flight, so the one in flight is this one.
          inFlight.current = null
        })
    },
    [mutateAsync],
  )
  const abort = useCallback(() => inFlight.current?.abort(), [])

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

/** A failure, after telling the developer about one that is theirs to fix. */
function failed(error: CheckoutError): CheckoutError {
  warnAboutFailure(error)
  return error
}

function toCheckoutError(error: unknown): CheckoutError {
  return error instanceof CheckoutError ? error : new CheckoutError('network')
}
