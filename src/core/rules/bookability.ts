/**
 * imin's rules for whether an opportunity from the Firehose can be booked now.
 * Pure, never throws, and light enough to run over a whole feed.
 */
import { parseDateTime } from './date-time.js'
import { parseDuration, subtractDuration } from './duration.js'
import { isObject, opportunityType, parentReference, publicAdultOffer, readId, readType, rpdeData, DELETED } from './opportunity.js'
import type { JsonObject } from './opportunity.js'

/** Every reason an opportunity can fail to be bookable, in the order they are checked and reported. */
export const BOOKABILITY_REASONS = [
  'deleted',
  'invalid-opportunity',
  'missing-parent',
  'parent-mismatch',
  'cancelled',
  'full',
  'opportunity-unavailable',
  'no-adult-offer',
  'offer-unavailable',
  'invalid-booking-window',
  'not-yet-open',
  'started',
] as const

/** Why an opportunity is not bookable. Public API: it drives UI text and `data-state`. */
export type BookabilityReason = (typeof BOOKABILITY_REASONS)[number]

/** `'bookable'`, or the first reason it is not. */
export type BookabilityState = 'bookable' | BookabilityReason

export interface EvaluateOptions {
  /**
   * The moment to evaluate at. A value that is not a valid Date or finite number
   * falls back to the current time.
   * @defaultValue `Date.now()`
   */
  now?: Date | number
  /**
   * The property that flags an opportunity and its public adult offer as bookable
   * (imin says the name is not final).
   * @defaultValue `'imin:isPotentiallyBookable'`
   */
  flagProperty?: string
}

export interface Bookability {
  /** True exactly when `reasons` is empty. */
  bookable: boolean
  /** `'bookable'`, or the first entry of `reasons`. */
  state: BookabilityState
  /** Every failed check, in the order of `BOOKABILITY_REASONS`; `[]` when bookable. */
  reasons: BookabilityReason[]
  /**
   * When the booking window opens: `startDate` minus the public adult offer's
   * `validFromBeforeStartDate`. Null when there is no lower bound or it cannot be computed.
   */
  opensAt: Date | null
  /** When the booking window closes: the `startDate`. Null when that is invalid. */
  closesAt: Date | null
  /**
   * The next instant at which the passing of time alone can change the result:
   * `opensAt` if now is before it, else `closesAt` if now is before it, else null.
   * It is the same Date object as `opensAt` or `closesAt`.
   */
  nextChangeAt: Date | null
}

const MAX_DATE_MS = 864e13
const CANCELLED = /^(?:https?:\/\/schema\.org\/)?Event(?:Cancelled|Postponed)$/

function epochMs(now: unknown): number {
  let ms = now
  try {
    if (now instanceof Date) ms = now.getTime()
  } catch {
    // An object that only pretends to be a Date.
  }
  return typeof ms === 'number' && Math.abs(ms) <= MAX_DATE_MS ? ms : Date.now()
}

function result(reasons: BookabilityReason[], opensAt: Date | null = null, closesAt: Date | null = null, nextChangeAt: Date | null = null): Bookability {
  return { bookable: !reasons.length, state: reasons[0] ?? 'bookable', reasons, opensAt, closesAt, nextChangeAt }
}

/**
 * Decides whether an opportunity (a ScheduledSession or a Slot) can be booked at
 * `options.now`, given its parent (SessionSeries, FacilityUse or
 * IndividualFacilityUse). Either may be a bare `data` object or a whole RPDE item;
 * a `null`/`undefined` parent falls back to one embedded in the opportunity.
 */
export function evaluateBookability(opportunity: unknown, parent: unknown, options?: EvaluateOptions): Bookability {
  const data = rpdeData(opportunity)
  if (data === DELETED) return result(['deleted'])
  const type = isObject(data) ? opportunityType(data) : null
  // Without a known type nothing else can be read reliably.
  if (!isObject(data) || type === null) return result(['invalid-opportunity'])

  const flag = options?.flagProperty ?? 'imin:isPotentiallyBookable'
  const reasons: BookabilityReason[] = []
  const startDate = data.startDate
  const start = typeof startDate === 'string' ? parseDateTime(startDate) : null
  if (start === null) reasons.push('invalid-opportunity')

  // The given parent wins over an embedded one; a deleted given parent is missing.
  const reference = parentReference(data, type)
  let linked: JsonObject | undefined
  if (parent == null) {
    if (isObject(reference)) linked = reference
  } else {
    const parentData = rpdeData(parent)
    if (isObject(parentData)) linked = parentData
  }
  if (linked === undefined) {
    reasons.push('missing-parent')
  } else {
    const parentType = readType(linked)
    const referenceId = linked === reference ? undefined : readId(reference)
    if (
      (parentType !== undefined &&
        (type === 'Slot' ? parentType !== 'FacilityUse' && parentType !== 'IndividualFacilityUse' : parentType !== 'SessionSeries')) ||
      (referenceId !== undefined &&
        referenceId !== readId(linked) &&
        !(
          type === 'Slot' &&
          Array.isArray(linked.individualFacilityUse) &&
          linked.individualFacilityUse.some((court) => readId(court) === referenceId)
        ))
    ) {
      reasons.push('parent-mismatch')
      linked = undefined
    }
  }

  if (typeof data.eventStatus === 'string' && CANCELLED.test(data.eventStatus)) reasons.push('cancelled')
  const remaining = type === 'Slot' ? data.remainingUses : data.remainingAttendeeCapacity
  if (typeof remaining === 'number' && remaining <= 0) reasons.push('full')
  if (data[flag] !== true) reasons.push('opportunity-unavailable')

  let opensAtMs: number | undefined
  // Without a trustworthy parent only a Slot's own aggregate offer can be checked.
  if (linked !== undefined || (type === 'Slot' && data['imin:aggregateOffer'] !== undefined)) {
    const offer = publicAdultOffer(data, type, linked)
    if (offer === undefined) {
      reasons.push('no-adult-offer')
    } else {
      if (offer[flag] !== true) reasons.push('offer-unavailable')
      const bookingWindow = offer.validFromBeforeStartDate
      if (bookingWindow !== undefined) {
        const duration = typeof bookingWindow === 'string' ? parseDuration(bookingWindow) : null
        if (duration !== null && start !== null) opensAtMs = subtractDuration(start, duration)
        if (duration === null || Number.isNaN(opensAtMs)) {
          reasons.push('invalid-booking-window')
          opensAtMs = undefined
        }
      }
    }
  }

  if (start === null) return result(reasons)
  const now = epochMs(options?.now)
  if (opensAtMs !== undefined && now < opensAtMs) reasons.push('not-yet-open')
  if (now >= start.ms) reasons.push('started')

  const opensAt = opensAtMs === undefined ? null : new Date(opensAtMs)
  const closesAt = new Date(start.ms)
  return result(reasons, opensAt, closesAt, opensAtMs !== undefined && now < opensAtMs ? opensAt : now < start.ms ? closesAt : null)
}
