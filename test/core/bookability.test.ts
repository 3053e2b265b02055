import { runInNewContext } from 'node:vm'
import { BOOKABILITY_REASONS, evaluateBookability } from '../../src/core/index.js'
import type { BookabilityReason, EvaluateOptions } from '../../src/core/index.js'

/*
 * Fixtures: a bookable ScheduledSession starting 2027-03-10T18:00Z whose series opens
 * bookings P7D before (2027-03-03T18:00Z), and a bookable Slot of a sports-hall court.
 * Each row below changes one thing.
 */
const SERIES_ID = 'https://example.org/session-series/1'
const FACILITY_ID = 'https://example.org/facility-uses/1'
const COURT_ID = 'https://example.org/facility-uses/1/individual-facility-uses/court-2'
const FLAG = 'imin:isPotentiallyBookable'
const INTERNAL_FLAG = '_imin:isPotentiallyBookable'
const START = '2027-03-10T18:00Z'
const BEFORE_START = '2027-03-08T09:00Z'

type Json = Record<string, unknown>

function publicAdult(overrides: Json = {}): Json {
  return { type: 'Offer', price: 5, [FLAG]: true, validFromBeforeStartDate: 'P7D', ...overrides }
}

function aggregateOffer(adultOffer: Json | null): Json {
  return adultOffer === null
    ? { type: 'imin:AggregateOffer', publicJunior: publicAdult() }
    : { type: 'imin:AggregateOffer', publicAdult: adultOffer }
}

function session(overrides: Json = {}): Json {
  return {
    '@type': 'ScheduledSession',
    '@id': 'https://example.org/scheduled-sessions/310003324',
    identifier: 'https://opendata.fusion-lifestyle.com/OpenActive/api/scheduled-sessions/310003324',
    superEvent: SERIES_ID,
    startDate: START,
    eventStatus: 'https://schema.org/EventScheduled',
    remainingAttendeeCapacity: 4,
    [FLAG]: true,
    ...overrides,
  }
}

/** `adultOffer` null: a child-only parent, with only a publicJunior offer. */
function series(overrides: Json = {}, adultOffer: Json | null = publicAdult()): Json {
  return {
    '@type': 'SessionSeries',
    '@id': SERIES_ID,
    'imin:aggregateOffer': aggregateOffer(adultOffer),
    ...overrides,
  }
}

function slot(overrides: Json = {}): Json {
  return {
    '@type': 'Slot',
    '@id': 'https://example.org/slots/1',
    identifier: 14961,
    facilityUse: FACILITY_ID,
    startDate: START,
    remainingUses: 1,
    [FLAG]: true,
    ...overrides,
  }
}

function facilityUse(overrides: Json = {}, adultOffer: Json | null = publicAdult()): Json {
  return {
    '@type': 'FacilityUse',
    '@id': FACILITY_ID,
    individualFacilityUse: [
      { '@type': 'IndividualFacilityUse', '@id': `${FACILITY_ID}/individual-facility-uses/court-1` },
      { '@type': 'IndividualFacilityUse', '@id': COURT_ID },
    ],
    'imin:aggregateOffer': aggregateOffer(adultOffer),
    ...overrides,
  }
}

/** imin's Events API shape: a FacilityUse (keys `id`/`type`) that does not list its courts. */
function eventsApiFacilityUse(adultOffer: Json = publicAdult(), id = FACILITY_ID): Json {
  return { type: 'FacilityUse', id, name: 'Sports hall', 'imin:aggregateOffer': aggregateOffer(adultOffer) }
}

/** A Slot whose `facilityUse` is an IndividualFacilityUse (a court) embedding its FacilityUse. */
function eventsApiSlot(adultOffer: Json = publicAdult()): Json {
  return {
    type: 'Slot',
    id: 'https://example.org/slots/1',
    identifier: 14961,
    facilityUse: { type: 'IndividualFacilityUse', id: COURT_ID, name: 'Court 2', facilityUse: eventsApiFacilityUse(adultOffer) },
    startDate: START,
    remainingUses: 1,
    [FLAG]: true,
  }
}

/** An EventSeries, one level above a SessionSeries; `adultOffer` null: no offer at all. */
function eventSeries(adultOffer: Json | null = publicAdult(), overrides: Json = {}): Json {
  return { type: 'EventSeries', id: 'https://example.org/event-series/1', ...(adultOffer && { 'imin:aggregateOffer': aggregateOffer(adultOffer) }), ...overrides }
}

function selfParentSeries(): Json {
  const cyclic = series({ 'imin:aggregateOffer': undefined })
  cyclic.superEvent = cyclic
  return cyclic
}

function rpdeItem(data: Json, kind = 'ScheduledSession'): Json {
  return { state: 'updated', kind, id: 'item-1', modified: 1700000000, data }
}

const deletedItem = (kind: string): Json => ({ state: 'deleted', kind, id: 'item-1', modified: 1700000000 })

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

/** A copy of `object` whose `key` throws when read. */
function throwingAt(object: Json, key: string): Json {
  return Object.defineProperty({ ...object }, key, {
    enumerable: true,
    get() {
      throw new Error(`${key} cannot be read`)
    },
  })
}

/** A Proxy over `object` whose every read throws. */
function hostileProxy(object: Json): Json {
  return new Proxy(object, {
    get() {
      throw new Error('no reads')
    },
  })
}

interface Row {
  name: string
  opportunity: unknown
  parent: unknown
  /** ISO date-time; the row's "now". */
  now?: string
  options?: EvaluateOptions
  reasons: BookabilityReason[]
}

const rows: Row[] = [
  // Bookable
  { name: 'a session inside its window', opportunity: session(), parent: series(), now: BEFORE_START, reasons: [] },
  { name: 'a slot inside its window', opportunity: slot(), parent: facilityUse(), now: BEFORE_START, reasons: [] },
  {
    name: 'no validFromBeforeStartDate: no lower bound, bookable a year ahead',
    opportunity: session(),
    parent: series({}, publicAdult({ validFromBeforeStartDate: undefined })),
    now: '2026-03-10T18:00Z',
    reasons: [],
  },
  {
    name: 'validFromBeforeStartDate null (imin types it string | null): no lower bound either',
    opportunity: session(),
    parent: series({}, publicAdult({ validFromBeforeStartDate: null })),
    now: '2026-03-10T18:00Z',
    reasons: [],
  },

  // 1. deleted
  { name: 'deleted: a deleted RPDE item', opportunity: deletedItem('ScheduledSession'), parent: series(), reasons: ['deleted'] },
  { name: 'deleted: a deleted slot item, with no parent', opportunity: deletedItem('Slot'), parent: null, reasons: ['deleted'] },

  // 2. invalid-opportunity
  { name: 'invalid-opportunity: null', opportunity: null, parent: series(), reasons: ['invalid-opportunity'] },
  { name: 'invalid-opportunity: a string', opportunity: 'ScheduledSession', parent: series(), reasons: ['invalid-opportunity'] },
  { name: 'invalid-opportunity: an array', opportunity: [session()], parent: series(), reasons: ['invalid-opportunity'] },
  { name: 'invalid-opportunity: an updated RPDE item without data', opportunity: { state: 'updated', kind: 'ScheduledSession' }, parent: series(), reasons: ['invalid-opportunity'] },
  { name: 'invalid-opportunity: @type Event', opportunity: session({ '@type': 'Event' }), parent: series(), reasons: ['invalid-opportunity'] },
  {
    name: 'invalid-opportunity: no type and neither superEvent nor facilityUse',
    opportunity: session({ '@type': undefined, superEvent: undefined }),
    parent: series(),
    reasons: ['invalid-opportunity'],
  },
  { name: 'invalid-opportunity: no startDate', opportunity: session({ startDate: undefined }), parent: series(), reasons: ['invalid-opportunity'] },
  { name: 'invalid-opportunity: a date-only startDate', opportunity: session({ startDate: '2027-03-10' }), parent: series(), reasons: ['invalid-opportunity'] },
  { name: 'invalid-opportunity: a startDate without offset', opportunity: session({ startDate: '2027-03-10T18:00:00' }), parent: series(), reasons: ['invalid-opportunity'] },
  { name: 'invalid-opportunity: 30 February', opportunity: session({ startDate: '2027-02-30T18:00Z' }), parent: series(), reasons: ['invalid-opportunity'] },
  { name: 'invalid-opportunity: a numeric startDate', opportunity: session({ startDate: Date.parse(START) }), parent: series(), reasons: ['invalid-opportunity'] },
  {
    name: 'invalid-opportunity: a bad startDate still runs the checks that do not need it',
    opportunity: session({ startDate: 'soon', [FLAG]: false }),
    parent: series({}, publicAdult({ validFromBeforeStartDate: 'one week' })),
    reasons: ['invalid-opportunity', 'opportunity-unavailable', 'invalid-booking-window'],
  },
  {
    name: 'invalid-opportunity: a numeric startDate still runs the checks that do not need it',
    opportunity: session({ startDate: Date.parse(START), [FLAG]: false }),
    parent: series(),
    reasons: ['invalid-opportunity', 'opportunity-unavailable'],
  },
  {
    name: 'invalid-opportunity: no startDate still runs the checks that do not need it',
    opportunity: session({ startDate: undefined, eventStatus: 'https://schema.org/EventCancelled' }),
    parent: series(),
    reasons: ['invalid-opportunity', 'cancelled'],
  },

  // 3. missing-parent
  { name: 'missing-parent: parent null and none embedded', opportunity: session(), parent: null, now: BEFORE_START, reasons: ['missing-parent'] },
  { name: 'missing-parent: parent undefined and none embedded', opportunity: slot(), parent: undefined, now: BEFORE_START, reasons: ['missing-parent'] },
  {
    name: 'missing-parent: a deleted parent item',
    opportunity: session(),
    parent: deletedItem('SessionSeries'),
    now: BEFORE_START,
    reasons: ['missing-parent'],
  },
  {
    name: 'missing-parent: a deleted parent item wins over an embedded parent',
    opportunity: session({ superEvent: series() }),
    parent: deletedItem('SessionSeries'),
    now: BEFORE_START,
    reasons: ['missing-parent'],
  },
  { name: 'missing-parent: a parent that is a string', opportunity: session(), parent: SERIES_ID, now: BEFORE_START, reasons: ['missing-parent'] },
  {
    name: 'missing-parent: the other checks still run',
    opportunity: session({ [FLAG]: false }),
    parent: null,
    now: '2027-03-11T09:00Z',
    reasons: ['missing-parent', 'opportunity-unavailable', 'started'],
  },
  {
    name: "missing-parent: a slot's own aggregate offer is still checked",
    opportunity: slot({ 'imin:aggregateOffer': { publicAdult: publicAdult({ [FLAG]: false }) } }),
    parent: null,
    now: BEFORE_START,
    reasons: ['missing-parent', 'offer-unavailable'],
  },
  {
    name: "missing-parent: a session's own aggregate offer is not read (only a Slot carries one)",
    opportunity: session({ 'imin:aggregateOffer': aggregateOffer(publicAdult({ [FLAG]: false })) }),
    parent: null,
    now: BEFORE_START,
    reasons: ['missing-parent'],
  },

  // 4. parent-mismatch
  {
    name: 'parent-mismatch: superEvent names another series',
    opportunity: session({ superEvent: 'https://example.org/session-series/2' }),
    parent: series(),
    now: BEFORE_START,
    reasons: ['parent-mismatch'],
  },
  {
    name: "parent-mismatch: the wrong parent's offer is not checked",
    opportunity: session({ superEvent: 'https://example.org/session-series/2' }),
    parent: series({}, publicAdult({ [FLAG]: false })),
    now: BEFORE_START,
    reasons: ['parent-mismatch'],
  },
  { name: 'parent-mismatch: a session whose parent is a FacilityUse', opportunity: session({ superEvent: FACILITY_ID }), parent: facilityUse(), now: BEFORE_START, reasons: ['parent-mismatch'] },
  { name: 'parent-mismatch: a slot whose parent is a SessionSeries', opportunity: slot({ facilityUse: SERIES_ID }), parent: series(), now: BEFORE_START, reasons: ['parent-mismatch'] },
  {
    name: 'parent-mismatch: an embedded superEvent of type Event',
    opportunity: session({ superEvent: series({ '@type': 'Event' }) }),
    parent: null,
    now: BEFORE_START,
    reasons: ['parent-mismatch'],
  },
  {
    name: 'parent-mismatch: a court that the FacilityUse does not list',
    opportunity: slot({ facilityUse: `${FACILITY_ID}/individual-facility-uses/court-9` }),
    parent: facilityUse(),
    now: BEFORE_START,
    reasons: ['parent-mismatch'],
  },
  {
    name: 'parent-mismatch: a given parent other than the embedded one',
    opportunity: session({ superEvent: series({ '@id': 'https://example.org/session-series/2' }) }),
    parent: series(),
    now: BEFORE_START,
    reasons: ['parent-mismatch'],
  },
  {
    name: 'parent-mismatch: with the remaining checks still run',
    opportunity: session({ superEvent: 'https://example.org/session-series/2', remainingAttendeeCapacity: 0 }),
    parent: series(),
    now: '2027-03-11T09:00Z',
    reasons: ['parent-mismatch', 'full', 'started'],
  },
  {
    name: 'parent-mismatch: courts link only Slots, not a session to a series that lists them',
    opportunity: session({ superEvent: COURT_ID }),
    parent: series({ individualFacilityUse: [COURT_ID] }),
    now: BEFORE_START,
    reasons: ['parent-mismatch'],
  },
  {
    name: 'parent-mismatch: a Slot on an embedded court, given a FacilityUse with no @id to match',
    opportunity: slot({ facilityUse: { '@type': 'IndividualFacilityUse', '@id': COURT_ID } }),
    parent: facilityUse({ '@id': undefined, individualFacilityUse: undefined }),
    now: BEFORE_START,
    reasons: ['parent-mismatch'],
  },
  { name: 'bookable: a parent with no @type, matched by its @id', opportunity: session(), parent: series({ '@type': undefined }), now: BEFORE_START, reasons: [] },
  { name: 'bookable: a session that names no superEvent takes the parent given', opportunity: session({ superEvent: undefined }), parent: series(), now: BEFORE_START, reasons: [] },

  // 5. cancelled
  { name: 'cancelled: EventCancelled URL', opportunity: session({ eventStatus: 'https://schema.org/EventCancelled' }), parent: series(), now: BEFORE_START, reasons: ['cancelled'] },
  { name: 'cancelled: EventPostponed URL', opportunity: session({ eventStatus: 'https://schema.org/EventPostponed' }), parent: series(), now: BEFORE_START, reasons: ['cancelled'] },
  { name: 'cancelled: short form EventCancelled', opportunity: slot({ eventStatus: 'EventCancelled' }), parent: facilityUse(), now: BEFORE_START, reasons: ['cancelled'] },
  { name: 'cancelled: short form EventPostponed', opportunity: session({ eventStatus: 'EventPostponed' }), parent: series(), now: BEFORE_START, reasons: ['cancelled'] },
  { name: 'cancelled: CURIE schema:EventCancelled, as imin declares it', opportunity: session({ eventStatus: 'schema:EventCancelled' }), parent: series(), now: BEFORE_START, reasons: ['cancelled'] },
  { name: 'cancelled: CURIE schema:EventPostponed', opportunity: slot({ eventStatus: 'schema:EventPostponed' }), parent: facilityUse(), now: BEFORE_START, reasons: ['cancelled'] },
  { name: 'cancelled: http://schema.org/EventCancelled', opportunity: session({ eventStatus: 'http://schema.org/EventCancelled' }), parent: series(), now: BEFORE_START, reasons: ['cancelled'] },
  { name: 'bookable: CURIE schema:EventScheduled', opportunity: session({ eventStatus: 'schema:EventScheduled' }), parent: series(), now: BEFORE_START, reasons: [] },
  { name: 'bookable: another prefix is not schema.org', opportunity: session({ eventStatus: 'example:EventCancelled' }), parent: series(), now: BEFORE_START, reasons: [] },
  { name: 'bookable: EventRescheduled is not cancelled', opportunity: session({ eventStatus: 'https://schema.org/EventRescheduled' }), parent: series(), now: BEFORE_START, reasons: [] },
  { name: 'bookable: a status that merely contains EventCancelled', opportunity: session({ eventStatus: 'NotEventCancelled' }), parent: series(), now: BEFORE_START, reasons: [] },

  // 6. full
  { name: 'full: remainingAttendeeCapacity 0', opportunity: session({ remainingAttendeeCapacity: 0 }), parent: series(), now: BEFORE_START, reasons: ['full'] },
  { name: 'full: a slot with remainingUses 0', opportunity: slot({ remainingUses: 0 }), parent: facilityUse(), now: BEFORE_START, reasons: ['full'] },
  { name: 'bookable: a slot reads remainingUses, not remainingAttendeeCapacity', opportunity: slot({ remainingAttendeeCapacity: 0 }), parent: facilityUse(), now: BEFORE_START, reasons: [] },
  { name: 'bookable: no remainingAttendeeCapacity at all', opportunity: session({ remainingAttendeeCapacity: undefined }), parent: series(), now: BEFORE_START, reasons: [] },
  { name: 'bookable: the string "0" is not the number 0', opportunity: session({ remainingAttendeeCapacity: '0' }), parent: series(), now: BEFORE_START, reasons: [] },

  // 7. opportunity-unavailable
  { name: 'opportunity-unavailable: flag false', opportunity: session({ [FLAG]: false }), parent: series(), now: BEFORE_START, reasons: ['opportunity-unavailable'] },
  { name: 'opportunity-unavailable: flag missing', opportunity: session({ [FLAG]: undefined }), parent: series(), now: BEFORE_START, reasons: ['opportunity-unavailable'] },
  { name: 'opportunity-unavailable: flag "true" (a string)', opportunity: slot({ [FLAG]: 'true' }), parent: facilityUse(), now: BEFORE_START, reasons: ['opportunity-unavailable'] },
  {
    name: 'bookable: _imin:isPotentiallyBookable is read where imin:isPotentiallyBookable is absent',
    opportunity: session({ [FLAG]: undefined, [INTERNAL_FLAG]: true }),
    parent: series({}, publicAdult({ [FLAG]: undefined, [INTERNAL_FLAG]: true })),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'opportunity-unavailable: imin:isPotentiallyBookable false wins over _imin:isPotentiallyBookable true',
    opportunity: session({ [FLAG]: false, [INTERNAL_FLAG]: true }),
    parent: series(),
    now: BEFORE_START,
    reasons: ['opportunity-unavailable'],
  },
  {
    name: 'offer-unavailable: each object reads its own spelling (the offer says _imin: false)',
    opportunity: session({ [FLAG]: undefined, [INTERNAL_FLAG]: true }),
    parent: series({}, publicAdult({ [FLAG]: undefined, [INTERNAL_FLAG]: false })),
    now: BEFORE_START,
    reasons: ['offer-unavailable'],
  },
  {
    name: 'opportunity-unavailable: an explicit flagProperty reads exactly that property',
    opportunity: session({ [INTERNAL_FLAG]: false }),
    parent: series({}, publicAdult({ [INTERNAL_FLAG]: true })),
    now: BEFORE_START,
    options: { flagProperty: INTERNAL_FLAG },
    reasons: ['opportunity-unavailable'],
  },
  {
    name: 'opportunity-unavailable: a custom flagProperty is read instead',
    opportunity: session(),
    parent: series({}, publicAdult({ '_imin:isPotentiallyBookable': true })),
    now: BEFORE_START,
    options: { flagProperty: '_imin:isPotentiallyBookable' },
    reasons: ['opportunity-unavailable'],
  },
  {
    name: 'bookable: with a custom flagProperty on both',
    opportunity: session({ [FLAG]: undefined, '_imin:isPotentiallyBookable': true }),
    parent: series({}, publicAdult({ '_imin:isPotentiallyBookable': true })),
    now: BEFORE_START,
    options: { flagProperty: '_imin:isPotentiallyBookable' },
    reasons: [],
  },

  // 8. no-adult-offer
  { name: 'no-adult-offer: a child-only series', opportunity: session(), parent: series({}, null), now: BEFORE_START, reasons: ['no-adult-offer'] },
  { name: 'no-adult-offer: no imin:aggregateOffer', opportunity: session(), parent: series({ 'imin:aggregateOffer': undefined }), now: BEFORE_START, reasons: ['no-adult-offer'] },
  {
    name: "no-adult-offer: a session never uses its own aggregate offer",
    opportunity: session({ 'imin:aggregateOffer': { publicAdult: publicAdult() } }),
    parent: series({ 'imin:aggregateOffer': undefined }),
    now: BEFORE_START,
    reasons: ['no-adult-offer'],
  },
  {
    name: "bookable: a slot uses its own aggregate offer when the parent has none",
    opportunity: slot({ 'imin:aggregateOffer': { publicAdult: publicAdult() } }),
    parent: facilityUse({ 'imin:aggregateOffer': undefined }),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: "no-adult-offer: the parent's child-only aggregate offer wins over the slot's",
    opportunity: slot({ 'imin:aggregateOffer': { publicAdult: publicAdult() } }),
    parent: facilityUse({}, null),
    now: BEFORE_START,
    reasons: ['no-adult-offer'],
  },
  { name: 'no-adult-offer: the time checks still run', opportunity: session(), parent: series({}, null), now: '2027-03-11T09:00Z', reasons: ['no-adult-offer', 'started'] },
  {
    name: "bookable: a parent's imin:aggregateOffer null counts as absent, so the slot's own is used",
    opportunity: slot({ 'imin:aggregateOffer': { publicAdult: publicAdult() } }),
    parent: facilityUse({ 'imin:aggregateOffer': null }),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: "offer-unavailable: the slot's own offer, used under a null parent offer, is checked",
    opportunity: slot({ 'imin:aggregateOffer': { publicAdult: publicAdult({ [FLAG]: false }) } }),
    parent: facilityUse({ 'imin:aggregateOffer': null }),
    now: BEFORE_START,
    reasons: ['offer-unavailable'],
  },
  {
    name: 'no-adult-offer: a session never falls back to its own offer, even under a null parent offer',
    opportunity: session({ 'imin:aggregateOffer': { publicAdult: publicAdult() } }),
    parent: series({ 'imin:aggregateOffer': null }),
    now: BEFORE_START,
    reasons: ['no-adult-offer'],
  },

  // 9. offer-unavailable
  { name: 'offer-unavailable: flag false', opportunity: session(), parent: series({}, publicAdult({ [FLAG]: false })), now: BEFORE_START, reasons: ['offer-unavailable'] },
  { name: 'offer-unavailable: flag missing', opportunity: slot(), parent: facilityUse({}, publicAdult({ [FLAG]: undefined })), now: BEFORE_START, reasons: ['offer-unavailable'] },

  // 10. invalid-booking-window
  { name: 'invalid-booking-window: not a duration', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: '7 days' })), now: BEFORE_START, reasons: ['invalid-booking-window'] },
  { name: 'invalid-booking-window: a number', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 7 })), now: BEFORE_START, reasons: ['invalid-booking-window'] },
  { name: 'invalid-booking-window: an unreadable validThroughBeforeStartDate', opportunity: session(), parent: series({}, publicAdult({ validThroughBeforeStartDate: 'two hours' })), now: BEFORE_START, reasons: ['invalid-booking-window'] },
  { name: 'invalid-booking-window: validThroughBeforeStartDate of the wrong type', opportunity: slot(), parent: facilityUse({}, publicAdult({ validThroughBeforeStartDate: 2 })), now: BEFORE_START, reasons: ['invalid-booking-window'] },
  {
    name: 'invalid-booking-window: a duration longer than 64 characters, though it reads as P7D',
    opportunity: session(),
    parent: series({}, publicAdult({ validFromBeforeStartDate: `P${'0'.repeat(62)}7D` })),
    now: BEFORE_START,
    reasons: ['invalid-booking-window'],
  },
  {
    name: 'bookable: a 64-character duration is still read (P7D)',
    opportunity: session(),
    parent: series({}, publicAdult({ validFromBeforeStartDate: `P${'0'.repeat(61)}7D` })),
    now: '2027-03-03T18:00Z',
    reasons: [],
  },
  { name: 'invalid-booking-window: fractional months', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'P1.5M' })), now: BEFORE_START, reasons: ['invalid-booking-window'] },
  { name: 'invalid-booking-window: W with days', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'P1W1D' })), now: BEFORE_START, reasons: ['invalid-booking-window'] },
  { name: 'invalid-booking-window: opens before year 0', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'P3000Y' })), now: BEFORE_START, reasons: ['invalid-booking-window'] },
  {
    name: 'invalid-booking-window: still reports started',
    opportunity: session(),
    parent: series({}, publicAdult({ validFromBeforeStartDate: 'P' })),
    now: START,
    reasons: ['invalid-booking-window', 'started'],
  },

  // 11. not-yet-open and its boundaries
  { name: 'not-yet-open: 1 ms before opensAt', opportunity: session(), parent: series(), now: '2027-03-03T17:59:59.999Z', reasons: ['not-yet-open'] },
  { name: 'bookable: exactly at opensAt', opportunity: session(), parent: series(), now: '2027-03-03T18:00Z', reasons: [] },
  { name: 'not-yet-open: P1W, 1 ms before', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'P1W' })), now: '2027-03-03T17:59:59.999Z', reasons: ['not-yet-open'] },
  { name: 'bookable: P1W, exactly at opensAt', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'P1W' })), now: '2027-03-03T18:00Z', reasons: [] },
  { name: 'not-yet-open: P6DT24H, 1 ms before', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'P6DT24H' })), now: '2027-03-03T17:59:59.999Z', reasons: ['not-yet-open'] },
  { name: 'bookable: P6DT24H, exactly at opensAt', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'P6DT24H' })), now: '2027-03-03T18:00Z', reasons: [] },
  { name: 'not-yet-open: P14DT22H10M, 1 ms before', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'P14DT22H10M' })), now: '2027-02-23T19:49:59.999Z', reasons: ['not-yet-open'] },
  { name: 'bookable: P14DT22H10M, exactly at opensAt', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'P14DT22H10M' })), now: '2027-02-23T19:50Z', reasons: [] },
  { name: 'not-yet-open: PT1.5H, 1 ms before', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'PT1.5H' })), now: '2027-03-10T16:29:59.999Z', reasons: ['not-yet-open'] },
  { name: 'bookable: PT1.5H, exactly at opensAt', opportunity: session(), parent: series({}, publicAdult({ validFromBeforeStartDate: 'PT1.5H' })), now: '2027-03-10T16:30Z', reasons: [] },
  {
    name: 'not-yet-open: +01:00 start, 1 ms before',
    opportunity: session({ startDate: '2027-03-10T18:00+01:00' }),
    parent: series(),
    now: '2027-03-03T16:59:59.999Z',
    reasons: ['not-yet-open'],
  },
  { name: 'bookable: +01:00 start, exactly at opensAt', opportunity: session({ startDate: '2027-03-10T18:00+01:00' }), parent: series(), now: '2027-03-03T17:00Z', reasons: [] },
  {
    name: 'not-yet-open: -05:00 start, 1 ms before',
    opportunity: session({ startDate: '2027-03-10T18:00-05:00' }),
    parent: series(),
    now: '2027-03-03T22:59:59.999Z',
    reasons: ['not-yet-open'],
  },
  { name: 'bookable: -05:00 start, exactly at opensAt', opportunity: session({ startDate: '2027-03-10T18:00-05:00' }), parent: series(), now: '2027-03-03T23:00Z', reasons: [] },
  {
    name: 'not-yet-open: P1M from 31 March of a leap year opens on 29 February',
    opportunity: session({ startDate: '2028-03-31T10:00Z' }),
    parent: series({}, publicAdult({ validFromBeforeStartDate: 'P1M' })),
    now: '2028-02-29T09:59:59.999Z',
    reasons: ['not-yet-open'],
  },
  {
    name: 'bookable: P1M from 31 March of a leap year, exactly at 29 February',
    opportunity: session({ startDate: '2028-03-31T10:00Z' }),
    parent: series({}, publicAdult({ validFromBeforeStartDate: 'P1M' })),
    now: '2028-02-29T10:00Z',
    reasons: [],
  },
  {
    name: 'not-yet-open: P1M from 31 March of a common year opens on 28 February',
    opportunity: session({ startDate: '2027-03-31T10:00Z' }),
    parent: series({}, publicAdult({ validFromBeforeStartDate: 'P1M' })),
    now: '2027-02-28T09:59:59.999Z',
    reasons: ['not-yet-open'],
  },
  {
    name: 'bookable: P1M from 31 March of a common year, exactly at 28 February',
    opportunity: session({ startDate: '2027-03-31T10:00Z' }),
    parent: series({}, publicAdult({ validFromBeforeStartDate: 'P1M' })),
    now: '2027-02-28T10:00Z',
    reasons: [],
  },
  {
    name: 'not-yet-open: P1M on the wall-clock date of a -05:00 start (31 March, 1 April in UTC)',
    opportunity: session({ startDate: '2027-03-31T23:30-05:00' }),
    parent: series({}, publicAdult({ validFromBeforeStartDate: 'P1M' })),
    now: '2027-03-01T04:29:59.999Z',
    reasons: ['not-yet-open'],
  },

  // 12. booking-closed: the window closes validThroughBeforeStartDate before the start
  {
    name: 'booking-closed: exactly at closesAt (PT2H before the start)',
    opportunity: session(),
    parent: series({}, publicAdult({ validThroughBeforeStartDate: 'PT2H' })),
    now: '2027-03-10T16:00Z',
    reasons: ['booking-closed'],
  },
  {
    name: 'bookable: 1 ms before closesAt',
    opportunity: session(),
    parent: series({}, publicAdult({ validThroughBeforeStartDate: 'PT2H' })),
    now: '2027-03-10T15:59:59.999Z',
    reasons: [],
  },
  {
    name: 'booking-closed: 1 ms before the start',
    opportunity: slot(),
    parent: facilityUse({}, publicAdult({ validThroughBeforeStartDate: 'P1D' })),
    now: '2027-03-10T17:59:59.999Z',
    reasons: ['booking-closed'],
  },
  {
    name: 'started, not booking-closed, once the session has started',
    opportunity: session(),
    parent: series({}, publicAdult({ validThroughBeforeStartDate: 'PT2H' })),
    now: START,
    reasons: ['started'],
  },
  {
    name: 'bookable: validThroughBeforeStartDate null closes at the start',
    opportunity: session(),
    parent: series({}, publicAdult({ validThroughBeforeStartDate: null })),
    now: '2027-03-10T17:59:59.999Z',
    reasons: [],
  },
  {
    name: 'booking-closed: with the other checks still run',
    opportunity: session({ remainingAttendeeCapacity: 0 }),
    parent: series({}, publicAdult({ [FLAG]: false, validThroughBeforeStartDate: 'PT2H' })),
    now: '2027-03-10T17:00Z',
    reasons: ['full', 'offer-unavailable', 'booking-closed'],
  },
  {
    name: "booking-closed: a slot's own offer closes its window",
    opportunity: slot({ 'imin:aggregateOffer': { publicAdult: publicAdult({ validThroughBeforeStartDate: 'PT30M' }) } }),
    parent: facilityUse({ 'imin:aggregateOffer': undefined }),
    now: '2027-03-10T17:45Z',
    reasons: ['booking-closed'],
  },

  // 13. started
  { name: 'started: exactly at startDate', opportunity: session(), parent: series(), now: START, reasons: ['started'] },
  { name: 'bookable: 1 ms before startDate', opportunity: session(), parent: series(), now: '2027-03-10T17:59:59.999Z', reasons: [] },
  { name: 'started: after startDate, with no lower bound', opportunity: slot(), parent: facilityUse({}, publicAdult({ validFromBeforeStartDate: undefined })), now: '2027-04-01T00:00Z', reasons: ['started'] },

  // Identifiers and linkage
  { name: 'bookable: a numeric identifier does not matter', opportunity: session({ identifier: 14961 }), parent: series(), now: BEFORE_START, reasons: [] },
  { name: 'bookable: a plain string identifier does not matter', opportunity: session({ identifier: '1380172616' }), parent: series(), now: BEFORE_START, reasons: [] },
  {
    name: 'bookable: a numeric superEvent matches a numeric id',
    opportunity: session({ superEvent: 14961 }),
    parent: series({ '@id': undefined, id: 14961 }),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'bookable: a numeric superEvent matches the same id as a string',
    opportunity: session({ superEvent: 14961 }),
    parent: series({ '@id': '14961' }),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'bookable: Events API keys (type, id) on both',
    opportunity: session({ '@type': undefined, type: 'ScheduledSession', '@id': undefined, id: 'https://example.org/scheduled-sessions/1' }),
    parent: series({ '@type': undefined, type: 'SessionSeries', '@id': undefined, id: SERIES_ID }),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'bookable: @id on the parent is read before id',
    opportunity: session(),
    parent: series({ id: 'https://example.org/session-series/other' }),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'bookable: no type, inferred ScheduledSession from superEvent',
    opportunity: session({ '@type': undefined }),
    parent: series(),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'bookable: no type, inferred Slot from facilityUse',
    opportunity: slot({ '@type': undefined }),
    parent: facilityUse(),
    now: BEFORE_START,
    reasons: [],
  },
  { name: 'bookable: a slot booking one court of a FacilityUse', opportunity: slot({ facilityUse: COURT_ID }), parent: facilityUse(), now: BEFORE_START, reasons: [] },
  {
    name: 'bookable: a court matched by id (Events API keys)',
    opportunity: slot({ facilityUse: COURT_ID }),
    parent: facilityUse({ individualFacilityUse: [{ type: 'IndividualFacilityUse', id: COURT_ID }] }),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'bookable: an IndividualFacilityUse given as the parent',
    opportunity: slot({ facilityUse: COURT_ID }),
    parent: facilityUse({ '@type': 'IndividualFacilityUse', '@id': COURT_ID, individualFacilityUse: undefined }),
    now: BEFORE_START,
    reasons: [],
  },

  // Embedded parents and RPDE wrappers
  { name: 'bookable: an embedded superEvent (Events API)', opportunity: session({ superEvent: series() }), parent: null, now: BEFORE_START, reasons: [] },
  { name: 'bookable: an embedded facilityUse', opportunity: slot({ facilityUse: facilityUse() }), parent: undefined, now: BEFORE_START, reasons: [] },
  {
    name: 'bookable: the given parent wins over the embedded one',
    opportunity: session({ superEvent: series({}, publicAdult({ [FLAG]: false })) }),
    parent: series(),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'offer-unavailable: the given parent wins over the embedded one',
    opportunity: session({ superEvent: series() }),
    parent: series({}, publicAdult({ [FLAG]: false })),
    now: BEFORE_START,
    reasons: ['offer-unavailable'],
  },

  // imin's Events API nests parents: a court embedding its FacilityUse, a series embedding its EventSeries
  { name: 'bookable: a slot on a court that embeds its FacilityUse takes that FacilityUse as its parent', opportunity: eventsApiSlot(), parent: null, now: BEFORE_START, reasons: [] },
  {
    name: "offer-unavailable: the embedded FacilityUse's offer decides",
    opportunity: eventsApiSlot(publicAdult({ [FLAG]: false })),
    parent: null,
    now: BEFORE_START,
    reasons: ['offer-unavailable'],
  },
  {
    name: 'not-yet-open: the embedded FacilityUse gives the window',
    opportunity: eventsApiSlot(publicAdult({ validFromBeforeStartDate: 'P1D' })),
    parent: undefined,
    now: BEFORE_START,
    reasons: ['not-yet-open'],
  },
  {
    name: "bookable: given that FacilityUse, which does not list its courts, it matches the court's facilityUse",
    opportunity: eventsApiSlot(),
    parent: eventsApiFacilityUse(),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'parent-mismatch: a FacilityUse other than the one the court embeds',
    opportunity: eventsApiSlot(),
    parent: eventsApiFacilityUse(publicAdult(), 'https://example.org/facility-uses/2'),
    now: BEFORE_START,
    reasons: ['parent-mismatch'],
  },
  {
    name: 'bookable: a court naming its FacilityUse by id, given that FacilityUse',
    opportunity: slot({ facilityUse: { type: 'IndividualFacilityUse', id: COURT_ID, facilityUse: FACILITY_ID } }),
    parent: eventsApiFacilityUse(),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: "bookable: a session's offer one level up, on the series' embedded EventSeries",
    opportunity: session({ superEvent: series({ 'imin:aggregateOffer': undefined, superEvent: eventSeries() }) }),
    parent: null,
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: "offer-unavailable: the EventSeries' offer decides when the series has none",
    opportunity: session({ superEvent: series({ 'imin:aggregateOffer': null, superEvent: eventSeries(publicAdult({ [FLAG]: false })) }) }),
    parent: null,
    now: BEFORE_START,
    reasons: ['offer-unavailable'],
  },
  {
    name: "bookable: the EventSeries of a given series (not embedded in the session) counts too",
    opportunity: session(),
    parent: series({ 'imin:aggregateOffer': undefined, superEvent: eventSeries() }),
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: "bookable: the series' own offer wins over its EventSeries'",
    opportunity: session({ superEvent: series({ superEvent: eventSeries(publicAdult({ [FLAG]: false })) }) }),
    parent: null,
    now: BEFORE_START,
    reasons: [],
  },
  {
    name: 'no-adult-offer: never more than two levels up',
    opportunity: session({ superEvent: series({ 'imin:aggregateOffer': undefined, superEvent: eventSeries(null, { superEvent: eventSeries() }) }) }),
    parent: null,
    now: BEFORE_START,
    reasons: ['no-adult-offer'],
  },

  { name: 'bookable: both wrapped as RPDE items', opportunity: rpdeItem(session()), parent: rpdeItem(series(), 'SessionSeries'), now: BEFORE_START, reasons: [] },
  { name: 'bookable: a wrapped slot and a bare parent', opportunity: rpdeItem(slot(), 'FacilityUseSlot'), parent: facilityUse(), now: BEFORE_START, reasons: [] },
  { name: 'bookable: an object with data but no kind is not an RPDE item', opportunity: session({ data: 'x' }), parent: series({ state: 'deleted' }), now: BEFORE_START, reasons: [] },
  { name: 'bookable: an object with a kind but no RPDE state is not an RPDE item', opportunity: session({ kind: 'ScheduledSession' }), parent: series({ kind: 'SessionSeries' }), now: BEFORE_START, reasons: [] },
]

describe('evaluateBookability', () => {
  it.each(rows)('$name', ({ opportunity, parent, now, options, reasons }) => {
    const result = evaluateBookability(opportunity, parent, { ...options, now: now === undefined ? Date.parse(BEFORE_START) : Date.parse(now) })
    expect(result.reasons).toEqual(reasons)
    expect(result.bookable).toBe(reasons.length === 0)
    expect(result.state).toBe(reasons[0] ?? 'bookable')
  })

  it('has a table row for every reason code', () => {
    const covered = new Set(rows.flatMap((row) => row.reasons))
    expect([...covered].sort()).toEqual([...BOOKABILITY_REASONS].sort())
  })

  it('lists the reason codes in the order they are checked', () => {
    expect(BOOKABILITY_REASONS).toEqual([
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
    ])
  })

  it('reports every failed check, in order', () => {
    const result = evaluateBookability(
      session({ eventStatus: 'EventCancelled', remainingAttendeeCapacity: 0, [FLAG]: false }),
      series({}, publicAdult({ [FLAG]: false, validFromBeforeStartDate: 'P1D' })),
      { now: Date.parse('2027-01-01T00:00Z') },
    )
    expect(result.reasons).toEqual(['cancelled', 'full', 'opportunity-unavailable', 'offer-unavailable', 'not-yet-open'])
    expect(result.state).toBe('cancelled')
  })

  describe('the window: opensAt, closesAt and nextChangeAt', () => {
    interface WindowRow {
      name: string
      startDate: string
      validFromBeforeStartDate: string | undefined
      validThroughBeforeStartDate?: string
      now: string
      opensAt: string | null
      closesAt: string | null
      nextChangeAt: string | null
    }
    it.each<WindowRow>([
      {
        name: 'before opening: the next change is the opening',
        startDate: START,
        validFromBeforeStartDate: 'P7D',
        now: '2027-03-01T00:00Z',
        opensAt: '2027-03-03T18:00:00.000Z',
        closesAt: '2027-03-10T18:00:00.000Z',
        nextChangeAt: '2027-03-03T18:00:00.000Z',
      },
      {
        name: 'exactly at opening: the next change is the start',
        startDate: START,
        validFromBeforeStartDate: 'P7D',
        now: '2027-03-03T18:00Z',
        opensAt: '2027-03-03T18:00:00.000Z',
        closesAt: '2027-03-10T18:00:00.000Z',
        nextChangeAt: '2027-03-10T18:00:00.000Z',
      },
      {
        name: 'no lower bound: opensAt is null',
        startDate: START,
        validFromBeforeStartDate: undefined,
        now: '2027-03-01T00:00Z',
        opensAt: null,
        closesAt: '2027-03-10T18:00:00.000Z',
        nextChangeAt: '2027-03-10T18:00:00.000Z',
      },
      {
        name: 'exactly at start: no further change',
        startDate: START,
        validFromBeforeStartDate: 'P7D',
        now: START,
        opensAt: '2027-03-03T18:00:00.000Z',
        closesAt: '2027-03-10T18:00:00.000Z',
        nextChangeAt: null,
      },
      {
        name: 'an invalid window: opensAt is null',
        startDate: START,
        validFromBeforeStartDate: 'PT',
        now: '2027-03-01T00:00Z',
        opensAt: null,
        closesAt: '2027-03-10T18:00:00.000Z',
        nextChangeAt: '2027-03-10T18:00:00.000Z',
      },
      {
        name: 'closing before the start: the next change is the closing',
        startDate: START,
        validFromBeforeStartDate: 'P7D',
        validThroughBeforeStartDate: 'PT2H',
        now: '2027-03-05T00:00Z',
        opensAt: '2027-03-03T18:00:00.000Z',
        closesAt: '2027-03-10T16:00:00.000Z',
        nextChangeAt: '2027-03-10T16:00:00.000Z',
      },
      {
        name: 'closed, not yet started: the next change is the start',
        startDate: START,
        validFromBeforeStartDate: 'P7D',
        validThroughBeforeStartDate: 'PT2H',
        now: '2027-03-10T17:00Z',
        opensAt: '2027-03-03T18:00:00.000Z',
        closesAt: '2027-03-10T16:00:00.000Z',
        nextChangeAt: '2027-03-10T18:00:00.000Z',
      },
      {
        name: 'closing before the start, before opening: the next change is the opening',
        startDate: START,
        validFromBeforeStartDate: 'P7D',
        validThroughBeforeStartDate: 'P1D',
        now: '2027-03-01T00:00Z',
        opensAt: '2027-03-03T18:00:00.000Z',
        closesAt: '2027-03-09T18:00:00.000Z',
        nextChangeAt: '2027-03-03T18:00:00.000Z',
      },
      {
        name: 'an invalid closing: closesAt is the start',
        startDate: START,
        validFromBeforeStartDate: undefined,
        validThroughBeforeStartDate: 'soon',
        now: '2027-03-01T00:00Z',
        opensAt: null,
        closesAt: '2027-03-10T18:00:00.000Z',
        nextChangeAt: '2027-03-10T18:00:00.000Z',
      },
      {
        name: 'an invalid startDate: all null',
        startDate: '2027-03-10T18:00',
        validFromBeforeStartDate: 'P7D',
        now: '2027-03-01T00:00Z',
        opensAt: null,
        closesAt: null,
        nextChangeAt: null,
      },
    ])('$name', ({ startDate, validFromBeforeStartDate, validThroughBeforeStartDate, now, opensAt, closesAt, nextChangeAt }) => {
      const result = evaluateBookability(session({ startDate }), series({}, publicAdult({ validFromBeforeStartDate, validThroughBeforeStartDate })), {
        now: Date.parse(now),
      })
      expect(result.opensAt?.toISOString() ?? null).toBe(opensAt)
      expect(result.closesAt?.toISOString() ?? null).toBe(closesAt)
      expect(result.nextChangeAt?.toISOString() ?? null).toBe(nextChangeAt)
    })

    it('gives nextChangeAt as the same Date as opensAt or closesAt when it is that instant', () => {
      const beforeOpening = evaluateBookability(session(), series(), { now: Date.parse('2027-03-01T00:00Z') })
      expect(beforeOpening.nextChangeAt).toBe(beforeOpening.opensAt)
      const closing = evaluateBookability(session(), series({}, publicAdult({ validThroughBeforeStartDate: 'PT1H' })), { now: Date.parse(BEFORE_START) })
      expect(closing.nextChangeAt).toBe(closing.closesAt)
    })

    it('has no window for a deleted or invalid opportunity', () => {
      for (const opportunity of [deletedItem('Slot'), 'nope', session({ '@type': 'Event' })]) {
        expect(evaluateBookability(opportunity, series())).toMatchObject({ opensAt: null, closesAt: null, nextChangeAt: null })
      }
    })
  })

  describe('now', () => {
    beforeEach(() => {
      vi.useFakeTimers({ now: Date.parse('2027-03-10T17:00Z') })
    })
    afterEach(() => {
      vi.useRealTimers()
    })

    it('defaults to the current time', () => {
      expect(evaluateBookability(session(), series()).reasons).toEqual([])
      vi.setSystemTime(Date.parse(START))
      expect(evaluateBookability(session(), series()).reasons).toEqual(['started'])
    })

    it('accepts a Date', () => {
      expect(evaluateBookability(session(), series(), { now: new Date(START) }).reasons).toEqual(['started'])
    })

    it('accepts a Date from another realm (an iframe, vm, jsdom), where instanceof Date is false', () => {
      const foreign: unknown = runInNewContext(`new Date(${JSON.stringify(START)})`)
      expect(foreign instanceof Date).toBe(false)
      expect(evaluateBookability(session(), series(), { now: foreign as Date }).reasons).toEqual(['started'])
    })

    it.each([
      ['an invalid Date', new Date('nonsense')],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['a number beyond the Date range', 9e15],
      ['a number just past the Date range', 864e13 + 1],
      ['a negative number just past it', -864e13 - 1],
      ['a date string', START],
      ['an object pretending to be a Date', Object.create(Date.prototype) as Date],
      ['an object that names itself a Date', { [Symbol.toStringTag]: 'Date', getTime: () => Date.parse(START) }],
      ['a Proxy of a Date', new Proxy(new Date(START), {})],
      ['a revoked Proxy', revokedProxy()],
      ['an invalid Date from another realm', runInNewContext('new Date(NaN)') as Date],
      ['null', null],
    ])('falls back to the current time given %s', (_name, now) => {
      expect(evaluateBookability(session(), series(), { now: now as Date }).reasons).toEqual([])
    })

    it.each([
      ['the last instant a Date can hold', 864e13, ['started']],
      ['the first instant a Date can hold', -864e13, ['not-yet-open']],
      ['the last instant as a Date', new Date(864e13), ['started']],
    ])('accepts %s', (_name, now, reasons) => {
      expect(evaluateBookability(session(), series(), { now }).reasons).toEqual(reasons)
    })
  })

  it('never throws on hostile input', () => {
    const inputs: unknown[] = [
      undefined,
      0,
      Symbol('x'),
      () => 1,
      Object.create(null),
      session({ startDate: { toString: () => START } }),
      session({ superEvent: [SERIES_ID] }),
      slot({ facilityUse: COURT_ID }),
      { state: 'deleted' },
      { kind: 1, state: 'deleted' },
    ]
    const parents: unknown[] = [undefined, null, 0, 'x', [], facilityUse({ individualFacilityUse: 'nope' }), facilityUse({ individualFacilityUse: [null, 3, COURT_ID] })]
    for (const opportunity of inputs) {
      for (const parent of parents) {
        expect(() => evaluateBookability(opportunity, parent, { now: 0 })).not.toThrow()
      }
    }
  })

  describe("under rules: 'open-data' (OpenActive open data, no imin flags)", () => {
    /** An OpenActive Offer; by default open from P7D before the start until the start. */
    const offer = (overrides: Json = {}): Json => ({ '@type': 'Offer', '@id': 'https://example.org/offers/adult', price: 5, validFromBeforeStartDate: 'P7D', ...overrides })
    /** A session as a publisher's own feed has it: no imin flags, no imin:aggregateOffer. */
    const openSession = (overrides: Json = {}): Json => {
      const { [FLAG]: _flag, ...data } = session(overrides)
      return data
    }
    const openSeries = (offers: unknown = [offer()], overrides: Json = {}): Json => ({ '@type': 'SessionSeries', '@id': SERIES_ID, offers, ...overrides })
    const openSlot = (overrides: Json = {}): Json => {
      const { [FLAG]: _flag, ...data } = slot(overrides)
      return data
    }

    it.each<Omit<Row, 'options'>>([
      { name: 'bookable: in the window of the series offer, with no imin flags at all', opportunity: openSession(), parent: openSeries(), now: BEFORE_START, reasons: [] },
      { name: 'bookable: the imin flags are not read, even when false', opportunity: session({ [FLAG]: false }), parent: openSeries([offer({ [FLAG]: false })]), now: BEFORE_START, reasons: [] },
      { name: 'bookable: no parent is needed, and none is missing', opportunity: openSession({ offers: [offer()] }), parent: null, now: BEFORE_START, reasons: [] },
      { name: 'bookable: no parent and no offers: only the start bounds it', opportunity: openSession(), parent: undefined, now: '2026-01-01T00:00Z', reasons: [] },
      { name: 'bookable: a deleted parent is no parent', opportunity: openSession(), parent: deletedItem('SessionSeries'), now: BEFORE_START, reasons: [] },
      { name: 'bookable: no publicAdult is needed (a child-only imin offer is not read)', opportunity: openSession(), parent: openSeries([offer()], { 'imin:aggregateOffer': aggregateOffer(null) }), now: BEFORE_START, reasons: [] },
      { name: 'bookable: a slot with its own offers', opportunity: openSlot({ offers: [offer({ validFromBeforeStartDate: 'P1D' })] }), parent: facilityUse(), now: '2027-03-09T18:00Z', reasons: [] },
      { name: "not-yet-open: the opportunity's own offers win over the parent's", opportunity: openSession({ offers: [offer({ validFromBeforeStartDate: 'P1D' })] }), parent: openSeries(), now: BEFORE_START, reasons: ['not-yet-open'] },
      { name: "bookable: an empty list of its own falls back to the parent's", opportunity: openSession({ offers: [] }), parent: openSeries(), now: BEFORE_START, reasons: [] },
      {
        name: "bookable: the offers of an embedded series' EventSeries",
        opportunity: openSession({ superEvent: openSeries(undefined, { superEvent: { type: 'EventSeries', offers: [offer()] } }) }),
        parent: null,
        now: BEFORE_START,
        reasons: [],
      },
      {
        name: "not-yet-open: a series' empty offers list falls back to its EventSeries' offers",
        opportunity: openSession(),
        parent: openSeries([], { superEvent: { type: 'EventSeries', offers: [offer({ validFromBeforeStartDate: 'P1D' })] } }),
        now: BEFORE_START,
        reasons: ['not-yet-open'],
      },
      { name: 'deleted', opportunity: deletedItem('ScheduledSession'), parent: openSeries(), now: BEFORE_START, reasons: ['deleted'] },
      { name: 'invalid-opportunity: a startDate without offset', opportunity: openSession({ startDate: '2027-03-10T18:00' }), parent: openSeries(), now: BEFORE_START, reasons: ['invalid-opportunity'] },
      { name: 'parent-mismatch: a parent is given, but another one is named', opportunity: openSession({ superEvent: 'https://example.org/session-series/2' }), parent: openSeries(), now: BEFORE_START, reasons: ['parent-mismatch'] },
      { name: 'parent-mismatch: a FacilityUse given for a session', opportunity: openSession({ superEvent: FACILITY_ID }), parent: facilityUse(), now: BEFORE_START, reasons: ['parent-mismatch'] },
      {
        name: "parent-mismatch: the wrong parent's offers are not used",
        opportunity: openSession({ superEvent: 'https://example.org/session-series/2' }),
        parent: openSeries([offer({ validFromBeforeStartDate: 'P1D' })]),
        now: BEFORE_START,
        reasons: ['parent-mismatch'],
      },
      { name: 'cancelled', opportunity: openSession({ eventStatus: 'schema:EventCancelled' }), parent: openSeries(), now: BEFORE_START, reasons: ['cancelled'] },
      { name: 'full', opportunity: openSlot({ remainingUses: 0, offers: [offer()] }), parent: null, now: BEFORE_START, reasons: ['full'] },
      { name: 'not-yet-open: 1 ms before the only offer opens', opportunity: openSession(), parent: openSeries(), now: '2027-03-03T17:59:59.999Z', reasons: ['not-yet-open'] },
      { name: 'bookable: exactly when the only offer opens', opportunity: openSession(), parent: openSeries(), now: '2027-03-03T18:00Z', reasons: [] },
      { name: 'booking-closed: the only offer closed PT2H before the start', opportunity: openSession(), parent: openSeries([offer({ validThroughBeforeStartDate: 'PT2H' })]), now: '2027-03-10T16:00Z', reasons: ['booking-closed'] },
      { name: 'invalid-booking-window: an offer with an unreadable duration', opportunity: openSession(), parent: openSeries([offer(), offer({ validFromBeforeStartDate: 'a week' })]), now: BEFORE_START, reasons: ['invalid-booking-window'] },
      {
        name: 'invalid-booking-window: an offer that closes (P2D before) before it opens (P1D before) never opens',
        opportunity: openSession(),
        parent: openSeries([offer({ validFromBeforeStartDate: 'P1D', validThroughBeforeStartDate: 'P2D' })]),
        now: BEFORE_START,
        reasons: ['invalid-booking-window'],
      },
      { name: 'started', opportunity: openSession(), parent: openSeries(), now: START, reasons: ['started'] },
      { name: 'bookable: one offer closed, another open', opportunity: openSession(), parent: openSeries([offer({ validThroughBeforeStartDate: 'P3D' }), offer({ validFromBeforeStartDate: 'P3D' })]), now: BEFORE_START, reasons: [] },
      {
        name: 'not-yet-open: one offer closed, another not yet open',
        opportunity: openSession(),
        parent: openSeries([offer({ validThroughBeforeStartDate: 'P3D' }), offer({ validFromBeforeStartDate: 'PT12H' })]),
        now: BEFORE_START,
        reasons: ['not-yet-open'],
      },
      {
        name: 'booking-closed: every offer has closed',
        opportunity: openSession(),
        parent: openSeries([offer({ validThroughBeforeStartDate: 'P3D' }), offer({ validThroughBeforeStartDate: 'P2DT10H' })]),
        now: BEFORE_START,
        reasons: ['booking-closed'],
      },
      { name: 'bookable: entries that are not Offers are skipped', opportunity: openSession({ offers: [null, 'free', offer()] }), parent: null, now: BEFORE_START, reasons: [] },
      { name: 'bookable: offers that are not a list count as none', opportunity: openSession({ offers: 'free' }), parent: null, now: '2026-01-01T00:00Z', reasons: [] },
    ])('$name', ({ opportunity, parent, now, reasons }) => {
      const result = evaluateBookability(opportunity, parent, { rules: 'open-data', now: Date.parse(now ?? BEFORE_START) })
      expect(result.reasons).toEqual(reasons)
      expect(result.state).toBe(reasons[0] ?? 'bookable')
    })

    it('never reports the imin-only reasons, where imin rules report them all', () => {
      const opportunity = session({ [FLAG]: false })
      const parents = [null, series({}, publicAdult({ [FLAG]: false })), series({}, null)]
      const imin = parents.flatMap((parent) => evaluateBookability(opportunity, parent, { now: Date.parse(BEFORE_START) }).reasons)
      const openData = parents.flatMap((parent) => evaluateBookability(opportunity, parent, { rules: 'open-data', now: Date.parse(BEFORE_START) }).reasons)
      expect(new Set(imin)).toEqual(new Set(['missing-parent', 'opportunity-unavailable', 'offer-unavailable', 'no-adult-offer']))
      expect(openData).toEqual([])
    })

    it("is the imin rules under 'imin-firehose', the default", () => {
      const explicit = evaluateBookability(openSession(), openSeries(), { rules: 'imin-firehose', now: Date.parse(BEFORE_START) })
      expect(explicit.reasons).toEqual(['opportunity-unavailable', 'no-adult-offer'])
      expect(evaluateBookability(openSession(), openSeries(), { now: Date.parse(BEFORE_START) })).toEqual(explicit)
    })

    interface OpenDataWindowRow {
      name: string
      offers: Json[] | undefined
      now: string
      opensAt: string | null
      closesAt: string
      nextChangeAt: string | null
    }
    it.each<OpenDataWindowRow>([
      {
        name: 'no offers: no lower bound, closing at the start',
        offers: undefined,
        now: BEFORE_START,
        opensAt: null,
        closesAt: '2027-03-10T18:00:00.000Z',
        nextChangeAt: '2027-03-10T18:00:00.000Z',
      },
      {
        name: 'not yet open: opensAt is the earliest opening among the offers not yet open',
        offers: [offer({ validFromBeforeStartDate: 'P1D' }), offer({ validFromBeforeStartDate: 'P2D' }), offer({ validFromBeforeStartDate: 'PT1H' })],
        now: '2027-03-01T00:00Z',
        opensAt: '2027-03-08T18:00:00.000Z',
        closesAt: '2027-03-10T18:00:00.000Z',
        nextChangeAt: '2027-03-08T18:00:00.000Z',
      },
      {
        name: 'closesAt is the latest closing',
        offers: [offer({ validThroughBeforeStartDate: 'P1D' }), offer({ validThroughBeforeStartDate: 'PT2H' })],
        now: '2027-03-05T00:00Z',
        opensAt: '2027-03-03T18:00:00.000Z',
        closesAt: '2027-03-10T16:00:00.000Z',
        nextChangeAt: '2027-03-09T18:00:00.000Z',
      },
      {
        name: 'closesAt is the latest closing, wherever the offer is listed',
        offers: [offer({ validThroughBeforeStartDate: 'PT2H' }), offer({ validThroughBeforeStartDate: 'P1D' })],
        now: '2027-03-05T00:00Z',
        opensAt: '2027-03-03T18:00:00.000Z',
        closesAt: '2027-03-10T16:00:00.000Z',
        nextChangeAt: '2027-03-09T18:00:00.000Z',
      },
      {
        name: 'one offer closed, one to come: the next change is the opening',
        offers: [offer({ validThroughBeforeStartDate: 'P3D' }), offer({ validFromBeforeStartDate: 'PT12H' })],
        now: BEFORE_START,
        opensAt: '2027-03-10T06:00:00.000Z',
        closesAt: '2027-03-10T18:00:00.000Z',
        nextChangeAt: '2027-03-10T06:00:00.000Z',
      },
      {
        name: 'an offer with no lower bound, open now: opensAt is null',
        offers: [offer({ validFromBeforeStartDate: undefined, validThroughBeforeStartDate: 'P1D' })],
        now: BEFORE_START,
        opensAt: null,
        closesAt: '2027-03-09T18:00:00.000Z',
        nextChangeAt: '2027-03-09T18:00:00.000Z',
      },
      {
        name: 'every offer closed: opensAt is the earliest opening, the next change the start',
        offers: [offer({ validThroughBeforeStartDate: 'P3D' }), offer({ validFromBeforeStartDate: 'P5D', validThroughBeforeStartDate: 'P2DT10H' })],
        now: BEFORE_START,
        opensAt: '2027-03-03T18:00:00.000Z',
        closesAt: '2027-03-08T08:00:00.000Z',
        nextChangeAt: '2027-03-10T18:00:00.000Z',
      },
    ])('window: $name', ({ offers, now, opensAt, closesAt, nextChangeAt }) => {
      const result = evaluateBookability(openSession({ offers }), null, { rules: 'open-data', now: Date.parse(now) })
      expect(result.opensAt?.toISOString() ?? null).toBe(opensAt)
      expect(result.closesAt?.toISOString()).toBe(closesAt)
      expect(result.nextChangeAt?.toISOString() ?? null).toBe(nextChangeAt)
    })
  })

  describe('given objects that throw when read, Proxies and cycles', () => {
    const cyclicItem: Json = { state: 'updated', kind: 'ScheduledSession', id: '1', modified: 1 }
    cyclicItem.data = cyclicItem
    const selfParent = session()
    selfParent.superEvent = selfParent

    it.each<[string, unknown, unknown, EvaluateOptions | undefined, BookabilityReason]>([
      ['a revoked Proxy as the opportunity', revokedProxy(), series(), undefined, 'invalid-opportunity'],
      ['a Proxy that throws on every read as the opportunity', hostileProxy(session()), series(), undefined, 'invalid-opportunity'],
      ['a throwing startDate', throwingAt(session(), 'startDate'), series(), undefined, 'invalid-opportunity'],
      ['a throwing @type', throwingAt(session(), '@type'), series(), undefined, 'invalid-opportunity'],
      ['a throwing RPDE data', throwingAt(rpdeItem(session()), 'data'), series(), undefined, 'invalid-opportunity'],
      ['a throwing eventStatus', throwingAt(session(), 'eventStatus'), series(), undefined, 'invalid-opportunity'],
      ['a throwing flag', throwingAt(session(), FLAG), series(), undefined, 'invalid-opportunity'],
      ['a revoked Proxy as the parent', session(), revokedProxy(), undefined, 'missing-parent'],
      ['a Proxy that throws on every read as the parent', session(), hostileProxy(series()), undefined, 'missing-parent'],
      ['a revoked Proxy as the embedded superEvent', session({ superEvent: revokedProxy() }), null, undefined, 'missing-parent'],
      ["a throwing parent's @id", session(), throwingAt(series(), '@id'), undefined, 'missing-parent'],
      ["a throwing parent's imin:aggregateOffer", session(), throwingAt(series(), 'imin:aggregateOffer'), undefined, 'missing-parent'],
      ['a throwing publicAdult', session(), series({ 'imin:aggregateOffer': throwingAt({}, 'publicAdult') }), undefined, 'missing-parent'],
      ['a throwing validFromBeforeStartDate', session(), series({}, throwingAt(publicAdult(), 'validFromBeforeStartDate')), undefined, 'missing-parent'],
      ['a throwing validThroughBeforeStartDate', session(), series({}, throwingAt(publicAdult(), 'validThroughBeforeStartDate')), undefined, 'missing-parent'],
      ['a revoked Proxy as the list of courts', slot({ facilityUse: COURT_ID }), facilityUse({ individualFacilityUse: revokedProxy() }), undefined, 'missing-parent'],
      ["a throwing court's @id", slot({ facilityUse: COURT_ID }), facilityUse({ individualFacilityUse: [throwingAt({}, '@id')] }), undefined, 'missing-parent'],
      ["a throwing @id on the embedded superEvent", session({ superEvent: throwingAt(series(), '@id') }), null, undefined, 'missing-parent'],
      ["a Slot's own throwing publicAdult, with no parent", slot({ 'imin:aggregateOffer': throwingAt({}, 'publicAdult') }), null, undefined, 'invalid-opportunity'],
      ['open data: a revoked Proxy as the parent', session(), revokedProxy(), { rules: 'open-data' }, 'parent-mismatch'],
      ['open data: a revoked Proxy as the offers', session({ offers: revokedProxy() }), null, { rules: 'open-data' }, 'invalid-opportunity'],
      ['open data: a throwing offer', session({ offers: [throwingAt({}, 'validFromBeforeStartDate')] }), null, { rules: 'open-data' }, 'invalid-opportunity'],
      ["open data: a throwing parent's offers", session(), throwingAt(series(), 'offers'), { rules: 'open-data' }, 'parent-mismatch'],
      ['options that throw when read', session(), series(), hostileProxy({}) as EvaluateOptions, 'invalid-opportunity'],
    ])('%s: not bookable, with one reason, and no throw', (_name, opportunity, parent, options, reason) => {
      expect(evaluateBookability(opportunity, parent, options)).toEqual({
        bookable: false,
        state: reason,
        reasons: [reason],
        opensAt: null,
        closesAt: null,
        nextChangeAt: null,
      })
    })

    it('reads a Proxy that behaves like the object it wraps', () => {
      const result = evaluateBookability(new Proxy(session(), {}), new Proxy(series(), {}), { now: Date.parse(BEFORE_START) })
      expect(result.reasons).toEqual([])
    })

    it.each([
      ['an RPDE item that is its own data', cyclicItem, series(), ['invalid-opportunity']],
      ['a session that is its own superEvent', selfParent, null, ['parent-mismatch']],
      ['a series that is its own superEvent', session({ superEvent: selfParentSeries() }), null, ['no-adult-offer']],
    ])('answers for %s without looping', (_name, opportunity, parent, reasons) => {
      expect(evaluateBookability(opportunity, parent, { now: Date.parse(BEFORE_START) }).reasons).toEqual(reasons)
    })
  })

  it('returns Dates, not shared with other results', () => {
    const first = evaluateBookability(session(), series(), { now: 0 })
    const second = evaluateBookability(session(), series(), { now: 0 })
    expect(first.closesAt).toBeInstanceOf(Date)
    expect(first.closesAt).not.toBe(second.closesAt)
  })
})
