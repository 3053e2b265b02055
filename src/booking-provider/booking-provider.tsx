'use client'

import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { ButtonRoute } from '../core/button/button-state.js'
import type { Customer, NavigationLinks, Broker } from '../core/checkout/checkout-session.js'
import type { BookabilityRules } from '../core/rules/bookability.js'
import type { BookButtonLabelsInput } from '../labels/labels.js'
import type { UseCheckoutResult } from '../use-checkout/types.js'
import { LiveRegion } from './live-region.js'
import { ProviderCallbacks, type BookingCallbacks } from './provider-callbacks.js'

/**
 * The React Query client type. Empty here, so that guest-only apps type-check without
 * React Query installed; `openactive-book-button/checkout` makes it `QueryClient`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CheckoutQueryClient {}

/** A hook that creates checkout sessions: `useCheckout` from `openactive-book-button/checkout`. */
export type CheckoutHook = (config: BookingConfig) => UseCheckoutResult

/**
 * What every button on a page shares. Give it once to `<BookingProvider>`, or
 * the same props directly to a `<BookButton>` used outside a provider (a
 * button's own prop wins over the provider's).
 */
export interface BookingConfig {
  /**
   * How buttons book:
   * - `'guest'`: a link to imin's guest Checkout page (works without JavaScript);
   * - `'authenticated'`: a button that creates a checkout session for the signed-in customer
   *   (needs `getAuthToken` and `useCheckout`);
   * - `'standalone'`: a button that creates a checkout session through imin's Standalone
   *   Checkout from the opportunity's open-data `@id` (needs `useCheckout`); it evaluates
   *   with `rules: 'open-data'` unless `rules` is set. `getAuthToken` is sent only to your
   *   own `endpoint`, never to the checkout host.
   * @defaultValue 'authenticated' when `getAuthToken` is given, else 'guest'
   */
  route?: ButtonRoute
  /**
   * Which rules decide whether an opportunity is bookable: `'imin-firehose'` for imin's
   * Firehose and Events API data, `'open-data'` for publishers' own OpenActive feeds.
   * @defaultValue 'open-data' on the standalone route, else 'imin-firehose'
   */
  rules?: BookabilityRules
  /**
   * The broker's imin Checkout host, as a host (`checkout.example.com`) or an
   * origin (`https://checkout.example.com`). Required to book.
   */
  checkoutBaseUrl?: string
  /**
   * Switches to the authenticated route: called for each checkout request, it
   * returns (or resolves to) the bearer token of the broker's own login. Nothing
   * (null or undefined) means "not signed in": the checkout fails as `unauthorized`
   * and nothing is sent. Without it, buttons are plain guest links. Needs `useCheckout`.
   * @defaultValue undefined (guest links)
   */
  getAuthToken?: () => string | null | undefined | Promise<string | null | undefined>
  /**
   * What creates checkout sessions for the authenticated and standalone routes: pass
   * `useCheckout` from `openactive-book-button/checkout`. Kept apart so that pages of
   * guest links never load React Query.
   * @defaultValue undefined (buttons on those routes show `data-state="error"`)
   */
  useCheckout?: CheckoutHook
  /**
   * Where checkout sessions are created. Point it at the broker's backend running
   * `createCheckoutSessionHandler` (or, on the standalone route,
   * `createStandaloneCheckoutHandler`) from `openactive-book-button/server`, so
   * imin's API key and the app's sign-in token never reach the checkout host.
   * @defaultValue `https://{checkoutBaseUrl}/api/checkout-sessions/` (standalone: `https://{checkoutBaseUrl}/checkout-sessions`)
   */
  endpoint?: string
  /** The header that carries the bearer token. @defaultValue 'Authorization' */
  authHeader?: string
  /**
   * The booker: the broker's customer id, or a Person with email, givenName and
   * familyName. Needed when posting to imin directly; a `./server` handler as
   * `endpoint` replaces it with the signed-in customer.
   * @defaultValue undefined
   */
  customer?: Customer
  /** The broker, as imin shows it on Checkout: `{ name, url }`. @defaultValue undefined */
  broker?: Broker
  /** Links back to the broker that Checkout shows: `{ backToBroker?, backToBrokerUserProfile? }`. @defaultValue undefined */
  navigationLinks?: NavigationLinks
  /**
   * Hosts, besides the checkout host, that a checkout session or an `imin:checkoutUrlTemplate`
   * may send the browser to, each exactly `host` or `host:port`.
   * @defaultValue []
   */
  allowedTargetHosts?: readonly string[]
  /** How long to wait for a checkout session, in milliseconds. @defaultValue 15000 */
  timeoutMs?: number
  /** The path prefix of guest links for Slots. @defaultValue '/v1/slots/' */
  slotPath?: string
  /** The BCP 47 locale for dates. @defaultValue the browser's (on the server, the runtime's) */
  locale?: string
  /**
   * The IANA time zone for opening times, such as 'Europe/London'. Without it,
   * times appear in the viewer's zone, and only after mount, so server and first
   * client render agree.
   * @defaultValue undefined (viewer's zone, after mount)
   */
  timeZone?: string
  /** Labels over the English defaults; pass `frenchLabels` for French. @defaultValue englishLabels */
  labels?: BookButtonLabelsInput
  /**
   * A fixed clock, for previews, tests and server rendering. When set, time does
   * not pass: no timers run.
   * @defaultValue undefined (live time)
   */
  now?: Date | number
  /** The property that carries imin's bookable flag. @defaultValue 'imin:isPotentiallyBookable' */
  flagProperty?: string
  /**
   * The React Query client for checkout mutations.
   * @defaultValue the app's `QueryClientProvider` client, else a private one
   */
  queryClient?: CheckoutQueryClient
}

const BookingContext = createContext<BookingConfig>({})

/** Lays the props that are set (not undefined) over a shared configuration. */
function mergeConfig(shared: BookingConfig, own: BookingConfig | undefined): BookingConfig {
  let merged: BookingConfig | undefined
  for (const key in own) {
    const value = own[key as keyof BookingConfig]
    // A prop equal to the shared one changes nothing: the shared object is kept, so memos and effects stay put.
    if (value !== undefined && value !== shared[key as keyof BookingConfig]) (merged ??= { ...shared })[key as 'now'] = value as BookingConfig['now']
  }
  return merged ?? shared
}

/**
 * The shared configuration, merged with a component's own props (own props win; undefined ones are
 * not set). When they add nothing (unset, or equal to the shared values) it is the shared object
 * itself, so a memo or effect that depends on it stays put.
 */
export function useBookingConfig(own?: BookingConfig): BookingConfig {
  return mergeConfig(useContext(BookingContext), own)
}

/** How a button books: its `route`, else `'authenticated'` with `getAuthToken`, else `'guest'`. */
export function resolveRoute(config: BookingConfig): ButtonRoute {
  return config.route ?? (config.getAuthToken ? 'authenticated' : 'guest')
}

/** Which rules decide: `rules`, else open data on the standalone route, else imin's. */
export function resolveRules(config: BookingConfig): BookabilityRules {
  return config.rules ?? (resolveRoute(config) === 'standalone' ? 'open-data' : 'imin-firehose')
}

export interface BookingProviderProps extends BookingConfig, BookingCallbacks {
  children?: ReactNode
  /**
   * When the server rendered this page (epoch ms or a Date): pass `Date.now()` from
   * the server (a server component prop, or loader data). Until hydration completes,
   * every button and hook below evaluates at this time, so the server's HTML and the
   * first browser render agree even when a booking window opened in between; then
   * they follow live time. Ignored where `now` is set.
   * @defaultValue undefined (the time of each render, which can differ between server and browser)
   */
  renderedAt?: Date | number
}

/** The provider's `renderedAt` in epoch ms, for the hooks that evaluate during hydration. */
export function useRenderedAt(): number | undefined {
  const { renderedAt } = useContext(BookingContext) as BookingProviderProps
  return renderedAt === undefined ? undefined : +renderedAt
}

/**
 * Shares checkout settings, labels and the clock with every `<BookButton>` below
 * it. A provider inside another overrides only the props it sets; its callbacks
 * add to the outer provider's. It holds the one polite live region that its
 * buttons announce progress and failures through.
 */
export function BookingProvider({ children, onError, onCheckoutCreated, onStateChange, ...own }: BookingProviderProps) {
  const config = useBookingConfig(own)
  // Keyed on each value so that re-rendering the provider with equal props does not re-render every button.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const value = useMemo(() => config, Object.values(configKeys(config)))
  return (
    <BookingContext.Provider value={value}>
      <ProviderCallbacks onError={onError} onCheckoutCreated={onCheckoutCreated} onStateChange={onStateChange}>
        <LiveRegion>{children}</LiveRegion>
      </ProviderCallbacks>
    </BookingContext.Provider>
  )
}

/** The names of every BookingConfig prop, so components can tell them from native props. */
export const configNames = [
  'route', 'rules', 'checkoutBaseUrl', 'getAuthToken', 'useCheckout', 'endpoint', 'authHeader', 'customer', 'broker', 'navigationLinks',
  'allowedTargetHosts', 'timeoutMs', 'slotPath', 'locale', 'timeZone', 'labels', 'now', 'flagProperty', 'queryClient',
] as const satisfies readonly (keyof BookingConfig)[]

function configKeys(config: BookingConfig) {
  const keys: Record<string, unknown> = {}
  for (const name of configNames) keys[name] = config[name] instanceof Date ? +(config[name] as Date) : config[name]
  keys.renderedAt = Number((config as BookingProviderProps).renderedAt)
  return keys
}
