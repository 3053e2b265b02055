import { useEffect, useReducer, useState, useSyncExternalStore } from 'react'
import { evaluateBookability, type Bookability, type BookabilityRules, type EvaluateOptions } from '../core/rules/bookability.js'
import { resolveRules, useBookingConfig } from '../booking-provider/booking-provider.js'
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
 * On the server and in the first client render it uses the provider's `now`, or
 * the time of that render, so the two agree; after mount it follows live time.
 */
export function useBookability(opportunity: unknown, parent: unknown, options?: UseBookabilityOptions): Bookability {
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
  const [firstRenderAt] = useState(Date.now)
  const hydrated = useHydrated()
  const [, refresh] = useReducer((count: number) => count + 1, 0)

  const evaluateOptions: EvaluateOptions = {
    now: fixedNow ?? (hydrated ? Date.now() : firstRenderAt),
    flagProperty,
    rules,
  }
  const bookability = evaluateBookability(opportunity, parent, evaluateOptions)

  const changeAt = fixedNow === undefined && hydrated ? (bookability.nextChangeAt?.getTime() ?? null) : null
  useEffect(() => (changeAt === null ? undefined : subscribeAt(changeAt, refresh)), [changeAt])

  return { bookability, hydrated }
}
