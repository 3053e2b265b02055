/**
 * When offers can be booked: each offer is open from `startDate -
 * validFromBeforeStartDate` (no lower bound when missing or null) until `startDate
 * - validThroughBeforeStartDate` (the start when missing or null). No allocation
 * beyond the answer: it runs once per item of a feed.
 */
import type { DateTimeParts } from './date-time.js'
import { parseDuration, subtractDuration } from './duration.js'
import { isObject, type JsonObject } from './opportunity.js'

/** The booking window of one offer, or of several together, at one moment. */
export interface BookingWindow {
  /** `'open'` when some offer is open (or there is none), `'not-yet-open'` when one opens later, else `'closed'`. */
  state: 'open' | 'not-yet-open' | 'closed'
  /** Some offer has a duration that cannot be read (it is left out). */
  invalid: boolean
  /**
   * Epoch ms of the earliest opening among the offers not closed yet (among all once
   * every one has closed); -Infinity without a lower bound, Infinity without offers.
   */
  opensAt: number
  /** Epoch ms of the latest closing; the start without offers. */
  closesAt: number
  /** Epoch ms of the next opening, closing or start after `now`; Infinity when none is left. */
  nextChange: number
}

/**
 * `start` minus a booking-window duration, in epoch ms: undefined when there is no
 * duration (missing or null) or no valid start, NaN when the duration cannot be read.
 */
function windowEdge(duration: unknown, start: DateTimeParts | null): number | undefined {
  if (duration == null) return undefined
  const parsed = typeof duration === 'string' ? parseDuration(duration) : null
  if (parsed === null) return NaN
  return start === null ? undefined : subtractDuration(start, parsed)
}

/**
 * The window of `offers` (one offer, or a list in which entries that are not
 * objects are skipped) for an opportunity starting at `start`, at `now`. Without a
 * valid start only `invalid` means anything.
 */
export function bookingWindow(offers: JsonObject | readonly unknown[] | undefined, start: DateTimeParts | null, now: number): BookingWindow {
  const startMs = start === null ? NaN : start.ms
  const list = Array.isArray(offers) ? offers : undefined
  // No offers at all leaves no window, and so is open: see `anyWindow`.
  const count = list ? list.length : 1
  let open = false
  let invalid = false
  let earliestUnclosed = Infinity
  let earliest = Infinity
  let latestClosing = -Infinity
  let nextChange = startMs > now ? startMs : Infinity
  for (let i = 0; i < count; i++) {
    const offer = list ? list[i] : offers
    if (!isObject(offer)) continue
    const opening = windowEdge(offer.validFromBeforeStartDate, start)
    const closing = windowEdge(offer.validThroughBeforeStartDate, start)
    if (Number.isNaN(opening) || Number.isNaN(closing)) {
      invalid = true
      continue
    }
    const from = opening ?? -Infinity
    const through = closing ?? startMs
    // A window that closes before it opens never opens: unreadable, not "opens at …".
    if (from >= through) {
      invalid = true
      continue
    }
    earliest = Math.min(earliest, from)
    latestClosing = Math.max(latestClosing, through)
    if (through <= now) continue
    // Not closed yet: open now, or opening later.
    earliestUnclosed = Math.min(earliestUnclosed, from)
    nextChange = Math.min(nextChange, through)
    if (from > now) nextChange = Math.min(nextChange, from)
    else open = true
  }
  // Offers that were all skipped or unreadable leave only the start.
  const anyWindow = latestClosing > -Infinity
  const anyUnclosed = earliestUnclosed < Infinity
  return {
    state: open || !anyWindow ? 'open' : anyUnclosed ? 'not-yet-open' : 'closed',
    invalid,
    opensAt: anyUnclosed ? earliestUnclosed : earliest,
    closesAt: anyWindow ? latestClosing : startMs,
    nextChange,
  }
}
