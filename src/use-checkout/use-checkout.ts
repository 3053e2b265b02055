import { QueryClient, QueryClientContext, useMutation } from '@tanstack/react-query'
import { useCallback, useContext, useEffect, useRef } from 'react'
import { CheckoutError } from '../core/checkout/checkout-error.js'
import { createCheckoutSession, type CheckoutSession, type Customer } from '../core/checkout/checkout-session.js'
import { useBookingConfig, type BookingConfig } from '../booking-provider/booking-provider.js'

/** What to book: the opportunity and its parent, as the Firehose gives them. */
export interface CheckoutInput {
  /** The ScheduledSession or Slot (bare data or an RPDE item). */
  opportunity: unknown
  /** Its SessionSeries or FacilityUse (bare data or an RPDE item). @defaultValue the parent embedded in the opportunity */
  parent?: unknown
  /** The Offer to book. @defaultValue the parent's `publicAdult` offer (a Slot's own) */
  offerId?: string
  /** The booker, when it differs from the provider's `customer`. @defaultValue the provider's `customer` */
  customer?: Customer
}

export interface UseCheckoutResult {
  /**
   * Creates a checkout session. While one is in flight, further calls return the
   * same promise, so a burst of clicks makes one request. Rejects with a `CheckoutError`.
   */
  checkout: (input: CheckoutInput) => Promise<CheckoutSession>
  /** Cancels the request in flight (it fails with kind `aborted`). Unmounting does this too. */
  abort: () => void
  /** Forgets the last result or error, back to `idle`. */
  reset: () => void
  /** `idle`, `pending`, `error` or `success`. */
  status: 'idle' | 'pending' | 'error' | 'success'
  /** The failure of the last attempt, or null. */
  error: CheckoutError | null
  /** The created session (`target` is where to send the browser), once there is one. */
  data: CheckoutSession | undefined
}

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
 * mutation, using the settings of the nearest `<BookingProvider>` and any given here.
 * No automatic retry: each request creates a session.
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
