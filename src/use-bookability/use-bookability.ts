'use client'

import { useEffect, useReducer, useSyncExternalStore } from 'react'
import { evaluateBookability, type Bookability, type BookabilityRules, type EvaluateOptions } from '../core/rules/bookability.js'
import { resolveRules, useBookingConfig, useRenderedAt } from '../booking-provider/booking-provider.js'
import { warnOnce } from '../dev/warn-once.js'
import type { OpportunityInput, ParentInput } from '../core/types.js'
import { subscribeAt } from './shared-clock.js'

export interface UseBookabilityOptions {
  /**
   * A fixed clock. When set, time does not pass and no timer runs.
   * @defaultValue the provider's `now`, else live time
   */
  now?: Date | number
  /** The property that carries imin's bookable flag. @defaultValue the provider's, else 'imin:isPotentiallyBookable' */
  flagProperty?: string
  /** Which rules decide. @defaultValue the provider's `rules`, else 'open-data' on its standalone route, else 'imin-firehose' */
  rules?: BookabilityRules
}

const noSubscription = () => () => {}

const MISSING_RENDERED_AT =
  'BookingProvider: this page renders on the server without `renderedAt`, so a booking window that opens or closes ' +
  'between the server render and hydration makes a hydration mismatch. Pass the time of the server render: ' +
  '`<BookingProvider renderedAt={Date.now()}>` in a server component, or `renderedAt` from loader data.'

/**
 * True once the component has hydrated (false on the server and during
 * hydration), so that time- and zone-dependent output waits for the client.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
}

/**
 * Whether an opportunity is bookable now, kept current as time passes: the
 * component re-renders exactly when the result can next change (booking opens,
 * the session starts), through one clock shared by every mounted hook.
 *
 * On the server and while hydrating it evaluates at the provider's `now`, else
 * its `renderedAt`, so the server's HTML and the first browser render agree; once
 * hydrated it follows live time.
 */
export function useBookability(
  opportunity: OpportunityInput,
  parent: ParentInput | null | undefined,
  options?: UseBookabilityOptions,
): Bookability {
  const config = useBookingConfig()
  return useLiveBookability(opportunity, parent, options?.now ?? config.now, options?.flagProperty ?? config.flagProperty, options?.rules ?? resolveRules(config)).bookability
}

/**
 * The work behind useBookability, for components that already hold the
 * configuration: it also says whether the component has hydrated, so a button
 * asks React once, not twice.
 * @internal
 */
export function useLiveBookability(
  opportunity: unknown,
  parent: unknown,
  fixedNow: Date | number | undefined,
  flagProperty: string | undefined,
  rules?: BookabilityRules,
): { bookability: Bookability; hydrated: boolean } {
  const renderedAt = useRenderedAt()
  const hydrated = useHydrated()
  const [, refresh] = useReducer((count: number) => count + 1, 0)

  if (!hydrated && fixedNow === undefined && renderedAt === undefined) warnOnce('rendered-at', MISSING_RENDERED_AT)
  const evaluateOptions: EvaluateOptions = {
    now: fixedNow ?? (hydrated ? Date.now() : (renderedAt ?? Date.now())),
    flagProperty,
    rules,
  }
  const bookability = evaluateBookability(opportunity, parent, evaluateOptions)

  const changeAt = fixedNow === undefined && hydrated ? (bookability.nextChangeAt?.getTime() ?? null) : null
  useEffect(() => (changeAt === null ? undefined : subscribeAt(changeAt, refresh)), [changeAt])

  return { bookability, hydrated }
}
