/**
 * A strict parser for RPDE date-times: `YYYY-MM-DDThh:mm[:ss[.fff]]` then `Z` or
 * `±hh:mm`. Hand-written over char codes because it runs once per item of a feed:
 * no regex, no Date object, no Intl.
 */

/** A parsed date-time: the instant, and the wall clock as written. */
export interface DateTimeParts {
  /** Epoch milliseconds. */
  ms: number
  /** The written UTC offset in minutes (`+01:00` is 60, `Z` is 0). */
  offset: number
  /** The written calendar date, in the written offset. */
  year: number
  /** 1 to 12. */
  month: number
  /** 1 to 31. */
  day: number
}

export const DAY_MS = 864e5

/** `month` is 1 to 12. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 || (year % 100 === 0 && year % 400) ? 28 : 29) : 30 + ((month + (month >> 3)) & 1)
}

/**
 * Epoch ms of a UTC wall-clock time, by integer arithmetic over 400-year eras
 * (Howard Hinnant's days-from-civil): faster than Date.UTC, which also reads
 * years 0 to 99 as 1900 to 1999. Out-of-range minutes and days carry over.
 */
export function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  if (month <= 2) year--
  const era = Math.floor(year / 400)
  const yearOfEra = year - era * 400
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1
  const days = era * 146097 + yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear - 719468
  return days * DAY_MS + hour * 36e5 + minute * 6e4 + second * 1e3 + ms
}

/** Room for 38 fraction digits and an offset: longer text is refused unread. */
export const MAX_DATE_TIME_LENGTH = 64

/** The two digits at `at` as a number, or -100 when either is not a digit (or is past the end). */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48
  const units = text.charCodeAt(at + 1) - 48
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -100
}

/**
 * Parses an RPDE date-time, or returns null when it is not exactly
 * `YYYY-MM-DDThh:mm[:ss[.fff]]` followed by `Z` or `±hh:mm` with a real calendar date.
 * Fraction digits past milliseconds are dropped; text longer than 64 characters is refused.
 */
export function parseDateTime(text: string): DateTimeParts | null {
  // Fixed separators first: most garbage fails here cheaply. The length cap keeps a
  // fraction of a million digits from being scanned.
  if (text.length > MAX_DATE_TIME_LENGTH || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) {
    return null
  }
  const century = twoDigits(text, 0)
  const yearOfCentury = twoDigits(text, 2)
  const year = century * 100 + yearOfCentury
  const month = twoDigits(text, 5)
  const day = twoDigits(text, 8)
  const hour = twoDigits(text, 11)
  const minute = twoDigits(text, 14)
  let second = 0
  let millisecond = 0
  let i = 16
  if (text.charCodeAt(i) === 58) {
    second = twoDigits(text, 17)
    i = 19
    if (text.charCodeAt(i) === 46) {
      const start = ++i
      let scale = 100
      for (let digit = text.charCodeAt(i) - 48; digit >= 0 && digit <= 9; digit = text.charCodeAt(++i) - 48) {
        millisecond += digit * scale
        scale = (scale / 10) | 0
      }
      if (i === start) return null
    }
  }
  let offset = 0
  const zone = text.charCodeAt(i)
  if (zone === 90) {
    if (i + 1 !== text.length) return null
  } else if ((zone === 43 || zone === 45) && i + 6 === text.length && text.charCodeAt(i + 3) === 58) {
    const offsetHours = twoDigits(text, i + 1)
    const offsetMinutes = twoDigits(text, i + 4)
    // -100 from twoDigits() makes the OR negative.
    if ((offsetHours | offsetMinutes) < 0 || offsetHours > 23 || offsetMinutes > 59) return null
    offset = offsetHours * 60 + offsetMinutes
    if (zone === 45) offset = 0 - offset // not -offset: -00:00 is offset 0, not -0
  } else {
    return null
  }
  if (
    (century | yearOfCentury | month | day | hour | minute | second) < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null
  }
  return { ms: utc(year, month, day, hour, minute - offset, second, millisecond), offset, year, month, day }
}
