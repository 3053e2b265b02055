import fc from 'fast-check'
import { DateTime, Duration } from 'luxon'
import { BOOKABILITY_REASONS, evaluateBookability } from '../../src/core/index.js'
import type { Bookability, BookabilityReason, EvaluateOptions } from '../../src/core/index.js'

const FLAG = 'imin:isPotentiallyBookable'
const INTERNAL_FLAG = '_imin:isPotentiallyBookable'
const DAY = 864e5
const BASE = Date.parse('2027-03-10T00:00Z')
const TIME_REASONS = new Set<BookabilityReason>(['not-yet-open', 'booking-closed', 'started'])
const IMIN_ONLY_REASONS = new Set<BookabilityReason>(['opportunity-unavailable', 'offer-unavailable', 'no-adult-offer', 'missing-parent'])

/** A value that is sometimes right and sometimes any JSON at all. */
const sometimes = <T>(usual: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: fc.jsonValue() })
const flag = fc.constantFrom(true, true, true, false, 'true', undefined)
const id = fc.constantFrom('https://example.org/parents/1', 'https://example.org/parents/2', 'https://example.org/parents/1/courts/1', 14961)

/** A valid RPDE startDate, and its instant. */
const validStartDates = fc
  .tuple(fc.integer({ min: BASE - 60 * DAY, max: BASE + 60 * DAY }), fc.constantFrom('Z', '+01:00', '-05:00', '+05:30', '-00:00'), fc.boolean())
  .map(([ms, zone, withMs]) => {
    const minutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)))
    const local = new Date(ms + minutes * 6e4).toISOString()
    return { ms, text: `${withMs ? local.slice(0, 23) : local.slice(0, 16)}${zone}` }
  })
const startDates = sometimes(validStartDates.map(({ text }) => text))

/** Durations that are valid, or absent: luxon can compute the window from them. */
const validDurations = fc.oneof(
  fc.constantFrom(undefined, null, 'P7D', 'P1W', 'P6DT24H', 'P14DT22H10M', 'PT1.5H', 'P1.5D', 'P1M', 'P1Y', 'P0D', 'PT30M', 'PT2H'),
  fc.integer({ min: 0, max: 90 }).map((days) => `P${days}D`),
  fc.integer({ min: 0, max: 72 }).map((hours) => `PT${hours}H`),
)
const durations = sometimes(fc.oneof(validDurations, fc.constantFrom('P', 'P1W1D', 'P1.5M', 'P9999Y', `P${'0'.repeat(63)}1D`)))

const offers = sometimes(
  fc.record({ [FLAG]: flag, [INTERNAL_FLAG]: flag, validFromBeforeStartDate: durations, validThroughBeforeStartDate: durations }, { requiredKeys: [] }),
)

const parents = sometimes(
  fc.record(
    {
      '@type': fc.constantFrom('SessionSeries', 'FacilityUse', 'IndividualFacilityUse', 'Event'),
      '@id': id,
      individualFacilityUse: fc.array(fc.record({ '@id': id }), { maxLength: 2 }),
      'imin:aggregateOffer': sometimes(fc.record({ publicAdult: offers, publicJunior: offers }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  ),
)

const opportunities = sometimes(
  fc.record(
    {
      '@type': fc.constantFrom('ScheduledSession', 'Slot', 'Event'),
      superEvent: fc.oneof(id, parents),
      facilityUse: fc.oneof(id, parents),
      startDate: startDates,
      eventStatus: fc.constantFrom('https://schema.org/EventScheduled', 'https://schema.org/EventCancelled', 'EventPostponed', 'schema:EventCancelled'),
      remainingAttendeeCapacity: fc.integer({ min: 0, max: 3 }),
      remainingUses: fc.integer({ min: 0, max: 3 }),
      [FLAG]: flag,
      'imin:aggregateOffer': fc.record({ publicAdult: offers }),
      offers: fc.array(offers, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
)

/** An opportunity and parent, sometimes as RPDE items, sometimes deleted. */
const wrapped = (data: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 6, arbitrary: data },
    { weight: 1, arbitrary: data.map((value) => ({ state: 'updated', kind: 'X', data: value })) },
    { weight: 1, arbitrary: fc.constant({ state: 'deleted', kind: 'X' }) },
  )

/** A booking window as written: the two durations of one offer. */
interface WrittenWindow {
  validFromBeforeStartDate?: string | null
  validThroughBeforeStartDate?: string | null
}

const writtenWindow = fc.record({ validFromBeforeStartDate: validDurations, validThroughBeforeStartDate: validDurations }, { requiredKeys: [] })

/**
 * Mostly well-formed pairs, linked as the Firehose links them, each field sometimes
 * off, under either rule set; `windows` are the offers' valid durations, as written.
 */
const linkedPairs = fc
  .record({
    type: fc.constantFrom('ScheduledSession', 'Slot'),
    rules: fc.constantFrom<EvaluateOptions['rules']>(undefined, 'imin-firehose', 'open-data'),
    parentId: id,
    embedded: fc.boolean(),
    start: validStartDates,
    // Mostly between a month before the start and a day after it.
    nowFromStart: fc.integer({ min: -30 * DAY, max: DAY }),
    startDate: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.jsonValue() }),
    eventStatus: fc.constantFrom('https://schema.org/EventScheduled', 'https://schema.org/EventScheduled', 'EventCancelled', 'schema:EventPostponed'),
    remaining: fc.constantFrom(5, 5, 5, 0),
    flag,
    offer: fc.record({ [FLAG]: flag }),
    window: writtenWindow,
    parentOffers: fc.array(writtenWindow, { maxLength: 3 }),
    ownOffers: fc.oneof({ weight: 3, arbitrary: fc.constant<WrittenWindow[]>([]) }, { weight: 1, arbitrary: fc.array(writtenWindow, { minLength: 1, maxLength: 3 }) }),
  })
  .map(({ type, rules, parentId, embedded, start, nowFromStart, startDate, eventStatus, remaining, flag, offer, window, parentOffers, ownOffers }) => {
    const parent = {
      '@type': type === 'Slot' ? 'FacilityUse' : 'SessionSeries',
      '@id': parentId,
      'imin:aggregateOffer': { publicAdult: { ...offer, ...window } },
      offers: parentOffers,
    }
    const opportunity = {
      '@type': type,
      [type === 'Slot' ? 'facilityUse' : 'superEvent']: embedded ? parent : parentId,
      startDate: startDate ?? start.text,
      eventStatus,
      [type === 'Slot' ? 'remainingUses' : 'remainingAttendeeCapacity']: remaining,
      [FLAG]: flag,
      offers: ownOffers,
    }
    const windows: WrittenWindow[] = rules === 'open-data' ? (ownOffers.length ? ownOffers : parentOffers) : [window]
    return { opportunity, parent: embedded ? null : parent, now: start.ms + nowFromStart, options: { rules }, model: { startText: start.text, windows } }
  })

/**
 * The time-based reasons for a well-formed pair, from luxon's arithmetic
 * (`DateTime.fromISO(start).minus(Duration.fromISO(d))`, as OpenActive's test suite does):
 * open while some offer's window holds now.
 */
function expectedTimeReasons(model: { startText: string; windows: WrittenWindow[] }, now: number): BookabilityReason[] {
  const start = DateTime.fromISO(model.startText, { setZone: true })
  const edge = (duration: string | null | undefined, absent: number) => (duration == null ? absent : start.minus(Duration.fromISO(duration)).toMillis())
  const written = model.windows.map(({ validFromBeforeStartDate, validThroughBeforeStartDate }) => ({
    from: edge(validFromBeforeStartDate, -Infinity),
    through: edge(validThroughBeforeStartDate, start.toMillis()),
  }))
  // A window that closes before it opens never opens: the answer says the window is unreadable.
  const windows = written.filter(({ from, through }) => from < through)
  const started = now >= start.toMillis()
  const open = !windows.length || windows.some(({ from, through }) => from <= now && now < through)
  const reasons: BookabilityReason[] = windows.length < written.length ? ['invalid-booking-window'] : []
  if (!open && windows.some(({ through }) => through > now)) reasons.push('not-yet-open')
  else if (!open && !started) reasons.push('booking-closed')
  if (started) reasons.push('started')
  return reasons
}

const inputs = fc.oneof(
  linkedPairs,
  fc.record({
    opportunity: wrapped(opportunities),
    parent: fc.oneof(wrapped(parents), fc.constant(null)),
    now: fc.integer({ min: BASE - 120 * DAY, max: BASE + 120 * DAY }),
    options: fc.record({ rules: fc.constantFrom<EvaluateOptions['rules']>(undefined, 'open-data') }),
  }),
)

function evaluateAt(input: { opportunity: unknown; parent: unknown; options: EvaluateOptions }, now: number): Bookability {
  return evaluateBookability(input.opportunity, input.parent, { ...input.options, now })
}

describe('evaluateBookability, for any input', () => {
  it('never throws on arbitrary JSON, and always answers with known reasons', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.anything(), (opportunity, parent, now) => {
        const result = evaluateBookability(opportunity, parent, { now: now as number })
        for (const reason of result.reasons) expect(BOOKABILITY_REASONS).toContain(reason)
      }),
      { numRuns: 1000 },
    )
  })

  it('is bookable exactly when there are no reasons, and its state is the first reason', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = evaluateAt(input, input.now)
        expect(result.bookable).toBe(result.reasons.length === 0)
        expect(result.state).toBe(result.reasons[0] ?? 'bookable')
      }),
      { numRuns: 1000 },
    )
  })

  it('lists reasons once each, in the documented order', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const positions = evaluateAt(input, input.now).reasons.map((reason) => BOOKABILITY_REASONS.indexOf(reason))
        expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b))
      }),
      { numRuns: 1000 },
    )
  })

  it('when bookable, now lies in the window opensAt <= now < closesAt', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = evaluateAt(input, input.now)
        if (!result.bookable) return
        expect(result.closesAt).not.toBeNull()
        expect(input.now).toBeLessThan(result.closesAt?.getTime() ?? Number.NaN)
        if (result.opensAt !== null) expect(result.opensAt.getTime()).toBeLessThanOrEqual(input.now)
      }),
      { numRuns: 1000 },
    )
  })

  it('finds some bookable inputs (so the property above is not vacuous)', () => {
    const samples = fc.sample(inputs, { numRuns: 5000, seed: 42 })
    expect(samples.filter((input) => evaluateAt(input, input.now).bookable).length).toBeGreaterThan(50)
  })

  it('puts nextChangeAt in the future, or null', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { nextChangeAt } = evaluateAt(input, input.now)
        if (nextChangeAt !== null) expect(nextChangeAt.getTime()).toBeGreaterThan(input.now)
      }),
      { numRuns: 1000 },
    )
  })

  it('changes only at nextChangeAt, and there only in the time-based reasons', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 0, max: 1, noNaN: true }), (input, fraction) => {
        const result = evaluateAt(input, input.now)
        const { nextChangeAt } = result
        if (nextChangeAt === null) {
          // Nothing changes any more: a day later gives the same answer.
          expect(evaluateAt(input, input.now + DAY).reasons).toEqual(result.reasons)
          return
        }
        const change = nextChangeAt.getTime()
        // Anywhere before the change, nothing has changed yet.
        expect(evaluateAt(input, change - 1).reasons).toEqual(result.reasons)
        expect(evaluateAt(input, Math.floor(input.now + fraction * (change - 1 - input.now))).reasons).toEqual(result.reasons)
        const after = evaluateAt(input, change)
        const timeless = (reasons: BookabilityReason[]) => reasons.filter((reason) => !TIME_REASONS.has(reason))
        expect(timeless(after.reasons)).toEqual(timeless(result.reasons))
        // One imin window changes the answer at each of its edges; under open data,
        // overlapping offers may leave it unchanged at an edge.
        if (input.options.rules !== 'open-data') expect(after.reasons).not.toEqual(result.reasons)
      }),
      { numRuns: 1000 },
    )
  })

  it("follows luxon's window arithmetic, under both rule sets", () => {
    fc.assert(
      fc.property(linkedPairs, fc.integer({ min: -30 * DAY, max: DAY }), (input, otherFromNow) => {
        if (typeof input.opportunity.startDate !== 'string' || input.opportunity.startDate !== input.model.startText) return
        for (const now of [input.now, input.now + otherFromNow]) {
          const reasons = evaluateAt(input, now).reasons.filter((reason) => TIME_REASONS.has(reason) || reason === 'invalid-booking-window')
          expect(reasons).toEqual(expectedTimeReasons(input.model, now))
        }
      }),
      { numRuns: 2000 },
    )
  })

  it("never reports imin's own reasons under open-data rules", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { reasons } = evaluateAt({ ...input, options: { rules: 'open-data' } }, input.now)
        expect(reasons.filter((reason) => IMIN_ONLY_REASONS.has(reason))).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })

  it('never throws when any property of any object throws, or any object is a revoked Proxy', () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {})
    revoke()
    fc.assert(
      fc.property(linkedPairs, fc.nat(), fc.boolean(), (input, objectIndex, revokeIt) => {
        const pair = structuredClone({ opportunity: input.opportunity, parent: input.parent })
        // Every (object, key) in the pair, to break one of them.
        const slots: [Record<string, unknown>, string][] = []
        const walk = (value: unknown) => {
          if (typeof value !== 'object' || value === null) return
          for (const key of Object.keys(value)) {
            slots.push([value as Record<string, unknown>, key])
            walk((value as Record<string, unknown>)[key])
          }
        }
        // The pair itself holds no getters: only a revoked Proxy replaces a whole opportunity or parent.
        if (revokeIt) walk(pair)
        else {
          walk(pair.opportunity)
          walk(pair.parent)
        }
        const [object, key] = slots[objectIndex % slots.length]!
        if (revokeIt) object[key] = revoked
        else
          Object.defineProperty(object, key, {
            get() {
              throw new Error(`${key} cannot be read`)
            },
          })
        const result = evaluateBookability(pair.opportunity, pair.parent, { ...input.options, now: input.now })
        for (const reason of result.reasons) expect(BOOKABILITY_REASONS).toContain(reason)
      }),
      { numRuns: 1000 },
    )
  })
})
