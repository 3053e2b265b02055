/**
 * Whether an opportunity can be booked now: imin's rules for the Firehose, or
 * OpenActive's own for brokers of open data. Pure, never throws, and light enough
 * to run over a whole feed.
 */
import { bookingWindow } from './booking-window.js'
import { parseDateTime } from './date-time.js'
import {
  inherited,
  isObject,
  namesParent,
  opportunityType,
  parentReference,
  publicAdultOffer,
  readType,
  rpdeData,
  DELETED,
  type JsonObject,
  type OpportunityType,
} from './opportunity.js'

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
  'booking-closed',
  'started',
] as const

/** Why an opportunity is not bookable. Public API: it drives UI text and `data-state`. */
export type BookabilityReason = (typeof BOOKABILITY_REASONS)[number]

/** `'bookable'`, or the first reason it is not. */
export type BookabilityState = 'bookable' | BookabilityReason

/**
 * Which rules decide: `'imin-firehose'` for data from imin's Firehose or Events API
 * (imin's flags, the parent's public adult offer), `'open-data'` for OpenActive open
 * data harvested from publishers' own feeds (the OpenActive `offers`, no imin flags).
 */
export type BookabilityRules = 'imin-firehose' | 'open-data'

export interface EvaluateOptions {
  /**
   * The moment to evaluate at: a Date (from any realm: an iframe, `vm`, jsdom) or
   * epoch milliseconds. A value that is neither a valid Date nor a finite number in
   * the Date range falls back to the current time.
   * @defaultValue `Date.now()`
   */
  now?: Date | number
  /**
   * The property that flags an opportunity and its public adult offer as bookable
   * (imin says the name is not final). When set, exactly this property is read.
   * When not, each object's `imin:isPotentiallyBookable` is read, and
   * `_imin:isPotentiallyBookable` only when the first is absent.
   * @defaultValue `'imin:isPotentiallyBookable'`, else `'_imin:isPotentiallyBookable'`
   */
  flagProperty?: string
  /**
   * Which rules decide. `'open-data'` skips imin's checks (the flags, the public adult
   * offer and the required parent: `opportunity-unavailable`, `offer-unavailable`,
   * `no-adult-offer` and `missing-parent` never appear) and takes the booking window
   * from the OpenActive `offers`: bookable while at least one offer is open.
   * @defaultValue `'imin-firehose'`
   */
  rules?: BookabilityRules
}

export interface Bookability {
  /** True exactly when `reasons` is empty. */
  bookable: boolean
  /** `'bookable'`, or the first entry of `reasons`. */
  state: BookabilityState
  /** Every failed check, in the order of `BOOKABILITY_REASONS`; `[]` when bookable. */
  reasons: BookabilityReason[]
  /**
   * When the booking window opens: `startDate` minus the offer's
   * `validFromBeforeStartDate`. Under `'open-data'`, the earliest opening among the
   * offers that have not closed (of all offers once every one has closed). Null when
   * there is no lower bound or it cannot be computed.
   */
  opensAt: Date | null
  /**
   * When the booking window closes: `startDate` minus the offer's
   * `validThroughBeforeStartDate`, else the `startDate`. Under `'open-data'`, the
   * latest closing among the offers (the `startDate` without offers). Null when the
   * `startDate` is invalid.
   */
  closesAt: Date | null
  /**
   * The next instant at which the passing of time alone can change the result (an
   * offer opening or closing, the start), or null when nothing will change. It is the
   * same Date object as `opensAt` or `closesAt` when it is the same instant.
   */
  nextChangeAt: Date | null
}

const MAX_DATE_MS = 864e13
const FLAG = 'imin:isPotentiallyBookable'
/** A spelling imin has been seen to use. */
const INTERNAL_FLAG = '_imin:isPotentiallyBookable'
const CANCELLED = /^(?:https?:\/\/schema\.org\/|schema:)?Event(?:Cancelled|Postponed)$/
const getTime = Date.prototype.getTime

/** Epoch ms of `now`, or of the current time when `now` is no usable instant. */
function epochMs(now: unknown): number {
  // Only an object can be a Date; skipping the rest spares a numeric `now` a throw.
  if (typeof now === 'object') {
    try {
      // Reads a Date's time from any realm, where `instanceof Date` fails.
      now = getTime.call(now)
    } catch {
      // Not a Date (null included), only something that pretends to be one.
    }
  }
  return typeof now === 'number' && Math.abs(now) <= MAX_DATE_MS ? now : Date.now()
}

function result(reasons: BookabilityReason[], opensAt: Date | null = null, closesAt: Date | null = null, nextChangeAt: Date | null = null): Bookability {
  return { bookable: !reasons.length, state: reasons[0] ?? 'bookable', reasons, opensAt, closesAt, nextChangeAt }
}

/** `EventCancelled` or `EventPostponed`, bare, as a schema.org URL or as a `schema:` CURIE. */
function isCancelled(status: unknown): boolean {
  if (typeof status !== 'string') return false
  // The C of Cancelled or the P of Postponed: most statuses (EventScheduled) stop here.
  const initial = status.charCodeAt(status.length - 9)
  return (initial === 67 || initial === 80) && CANCELLED.test(status)
}

function isFlagged(object: JsonObject, flagProperty: string | undefined): boolean {
  if (flagProperty !== undefined) return object[flagProperty] === true
  const flag = object[FLAG]
  return (flag === undefined ? object[INTERNAL_FLAG] : flag) === true
}

/** A non-empty array, else undefined. */
function listed(value: unknown): unknown[] | undefined {
  return Array.isArray(value) && value.length ? value : undefined
}

/**
 * The given parent (bare or an RPDE item), else the one embedded in the opportunity,
 * when it is the opportunity's parent; otherwise why not.
 */
function linkParent(data: JsonObject, type: OpportunityType, parent: unknown): JsonObject | 'missing-parent' | 'parent-mismatch' {
  const reference = parentReference(data, type)
  const linked = parent == null ? reference : rpdeData(parent)
  if (!isObject(linked)) return 'missing-parent'
  const parentType = readType(linked)
  const typeFits =
    parentType === undefined ||
    (type === 'Slot' ? parentType === 'FacilityUse' || parentType === 'IndividualFacilityUse' : parentType === 'SessionSeries')
  return typeFits && namesParent(reference, linked, type) ? linked : 'parent-mismatch'
}

/**
 * Decides whether an opportunity (a ScheduledSession or a Slot) can be booked at
 * `options.now`, given its parent (SessionSeries, FacilityUse or
 * IndividualFacilityUse). Either may be a bare `data` object or a whole RPDE item;
 * a `null`/`undefined` parent falls back to one embedded in the opportunity.
 * Never throws: input that cannot be read is `invalid-opportunity`, or
 * `missing-parent` when it is the parent that cannot be read (`parent-mismatch`
 * under `'open-data'`).
 */
export function evaluateBookability(opportunity: unknown, parent: unknown, options?: EvaluateOptions): Bookability {
  // The answer if reading throws (a throwing getter, a revoked Proxy): what was being read.
  let unreadable: BookabilityReason = 'invalid-opportunity'
  try {
    const data = rpdeData(opportunity)
    if (data === DELETED) return result(['deleted'])
    const type = isObject(data) ? opportunityType(data) : null
    // Without a known type nothing else can be read reliably.
    if (!isObject(data) || type === null) return result(['invalid-opportunity'])

    const openData = options?.rules === 'open-data'
    const parentUnreadable = openData ? 'parent-mismatch' : 'missing-parent'
    const reasons: BookabilityReason[] = []
    const startDate = data.startDate
    const start = typeof startDate === 'string' ? parseDateTime(startDate) : null
    if (start === null) reasons.push('invalid-opportunity')

    unreadable = parentUnreadable
    const link = linkParent(data, type, parent)
    unreadable = 'invalid-opportunity'
    // Open data needs no parent, but one given must be the right one.
    if (typeof link === 'string' && !(openData && link === 'missing-parent')) reasons.push(link)
    const linked = typeof link === 'string' ? undefined : link

    if (isCancelled(data.eventStatus)) reasons.push('cancelled')
    const remaining = type === 'Slot' ? data.remainingUses : data.remainingAttendeeCapacity
    if (typeof remaining === 'number' && remaining <= 0) reasons.push('full')

    // Open data: the OpenActive offers. imin: the public adult offer, the one window.
    let offers: JsonObject | unknown[] | undefined
    if (openData) {
      offers = listed(data.offers)
      if (offers === undefined && linked !== undefined) {
        unreadable = parentUnreadable
        offers = listed(inherited(linked, 'offers', type))
      }
    } else {
      const flagProperty = options?.flagProperty ?? undefined
      if (!isFlagged(data, flagProperty)) reasons.push('opportunity-unavailable')
      // Without a trustworthy parent only a Slot's own aggregate offer can be checked.
      if (linked !== undefined || (type === 'Slot' && data['imin:aggregateOffer'] != null)) {
        if (linked !== undefined) unreadable = parentUnreadable
        offers = publicAdultOffer(data, type, linked)
        if (offers === undefined) reasons.push('no-adult-offer')
        else if (!isFlagged(offers, flagProperty)) reasons.push('offer-unavailable')
      }
    }

    const now = epochMs(options?.now)
    const offerWindow = bookingWindow(offers, start, now)
    if (offerWindow.invalid) reasons.push('invalid-booking-window')
    if (start === null) return result(reasons)
    if (offerWindow.state === 'not-yet-open') reasons.push('not-yet-open')
    // From the start on, it has started rather than closed.
    else if (offerWindow.state === 'closed' && now < start.ms) reasons.push('booking-closed')
    if (now >= start.ms) reasons.push('started')

    const opensAt = Number.isFinite(offerWindow.opensAt) ? new Date(offerWindow.opensAt) : null
    const closesAt = new Date(offerWindow.closesAt)
    const { nextChange } = offerWindow
    const nextChangeAt =
      nextChange === Infinity ? null : nextChange === offerWindow.opensAt ? opensAt : nextChange === offerWindow.closesAt ? closesAt : new Date(nextChange)
    return result(reasons, opensAt, closesAt, nextChangeAt)
  } catch {
    return result([unreadable])
  }
}
