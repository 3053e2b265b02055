/**
 * ISO 8601 durations as OpenActive's validator accepts them (`PnW`, or
 * `PnYnMnDTnHnMnS`), and subtracting one from a start date. Hand-written over
 * char codes: it runs once per item of a feed.
 */
import { DAY_MS, daysInMonth, utc } from './date-time.js'
import type { DateTimeParts } from './date-time.js'

/** A parsed duration: calendar months (years count 12) and an exact part. */
export interface Duration {
  /** Whole calendar months, years included. */
  months: number
  /** Weeks, days (24 h each), hours, minutes and seconds, in milliseconds. */
  ms: number
}

// Char codes of Y M W D, then H M S after T.
const DESIGNATORS = [89, 77, 87, 68, 72, 77, 83]
// Milliseconds per designator; Y and M are calendar units, handled apart.
const UNIT_MS = [0, 0, 7 * DAY_MS, DAY_MS, 36e5, 6e4, 1e3]
/** 0000-01-01T00:00:00Z: a window may not open before year 0. */
const YEAR_ZERO_MS = -62167219200000

/** Longer than any real duration: longer text is refused unread, so each item costs O(1). */
export const MAX_DURATION_LENGTH = 64

/** Parses a duration, or returns null when it is not one (or is longer than 64 characters). */
export function parseDuration(text: string): Duration | null {
  const length = text.length
  if (length > MAX_DURATION_LENGTH || text.charCodeAt(0) !== 80) return null // P
  let months = 0
  let ms = 0
  let last = -1 // index in DESIGNATORS of the last component read: they must come in order
  let time = false
  let i = 1
  while (i < length) {
    if (text.charCodeAt(i) === 84) {
      // T, once, before the first time component
      if (time) return null
      time = true
      i++
      continue
    }
    const start = i
    let value = 0
    let scale = 1
    let code = text.charCodeAt(i)
    for (; code >= 48 && code <= 57; code = text.charCodeAt(++i)) value = value * 10 + code - 48
    if (i === start) return null
    if (code === 46 || code === 44) {
      // . or , : a fraction, only on the last component (checked below)
      const fractionStart = ++i
      for (code = text.charCodeAt(i); code >= 48 && code <= 57; code = text.charCodeAt(++i)) {
        // Digits past the ninth are dropped: a shorter window errs towards not bookable.
        if (scale < 1e9) {
          value = value * 10 + code - 48
          scale *= 10
        }
      }
      if (i === fractionStart) return null
    }
    // Past the end, code is NaN and unit -1.
    const unit = DESIGNATORS.indexOf(code, time ? 4 : 0)
    i++
    if (
      unit <= last ||
      (!time && unit > 3) ||
      (unit === 2 && (last >= 0 || i < length)) || // PnW stands alone
      (scale > 1 && (unit < 2 || i < length)) // no fractional Y or M; fraction only last
    ) {
      return null
    }
    last = unit
    if (unit < 2) months += unit === 0 ? value * 12 : value
    else ms += ((UNIT_MS[unit] ?? 0) * value) / scale
  }
  // `P`, `PT` and a trailing `T` have no component after them.
  return last < 0 || (time && last < 4) ? null : { months, ms }
}

/**
 * `start` minus `duration`, in epoch ms: months first, on the wall-clock date in
 * the start's own written offset, clamped to the month's last day; then the exact
 * part. NaN when the result is before year 0 (or not a number at all).
 */
export function subtractDuration(start: DateTimeParts, duration: Duration): number {
  let result = start.ms
  if (duration.months > 0) {
    const monthIndex = start.year * 12 + start.month - 1 - duration.months
    const year = Math.floor(monthIndex / 12)
    const month = monthIndex - year * 12 + 1
    // A year below 0 lands before YEAR_ZERO_MS, refused below.
    result += utc(year, month, Math.min(start.day, daysInMonth(year, month))) - utc(start.year, start.month, start.day)
  }
  // Round up so a sub-millisecond remainder opens the window later, never earlier.
  result = Math.ceil(result - duration.ms)
  return result >= YEAR_ZERO_MS ? result : NaN
}
