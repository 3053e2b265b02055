import fc from 'fast-check'
import { BOOKABILITY_REASONS, evaluateBookability } from '../../src/core/index.js'
import type { Bookability } from '../../src/core/index.js'

const FLAG = 'imin:isPotentiallyBookable'
const DAY = 864e5
const BASE = Date.parse('2027-03-10T00:00Z')
const TIME_REASONS = new Set(['not-yet-open', 'started'])

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

const durations = sometimes(
  fc.oneof(
    fc.constantFrom(undefined, 'P7D', 'P1W', 'P6DT24H', 'P14DT22H10M', 'PT1.5H', 'P1M', 'P1Y', 'P0D', 'PT30M', 'P', 'P1W1D', 'P1.5M', 'P9999Y'),
    fc.integer({ min: 0, max: 90 }).map((days) => `P${days}D`),
  ),
)

const offers = sometimes(fc.record({ [FLAG]: flag, validFromBeforeStartDate: durations }, { requiredKeys: [] }))

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
      eventStatus: fc.constantFrom('https://schema.org/EventScheduled', 'https://schema.org/EventCancelled', 'EventPostponed'),
      remainingAttendeeCapacity: fc.integer({ min: 0, max: 3 }),
      remainingUses: fc.integer({ min: 0, max: 3 }),
      [FLAG]: flag,
      'imin:aggregateOffer': fc.record({ publicAdult: offers }),
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

/** Mostly well-formed pairs, linked as the Firehose links them, each field sometimes off. */
const linkedPairs = fc
  .record({
    type: fc.constantFrom('ScheduledSession', 'Slot'),
    parentId: id,
    embedded: fc.boolean(),
    start: validStartDates,
    // Mostly between a month before the start and a day after it.
    nowFromStart: fc.integer({ min: -30 * DAY, max: DAY }),
    startDate: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.jsonValue() }),
    eventStatus: fc.constantFrom('https://schema.org/EventScheduled', 'https://schema.org/EventScheduled', 'EventCancelled'),
    remaining: fc.constantFrom(5, 5, 5, 0),
    flag,
    offer: fc.record({ [FLAG]: flag, validFromBeforeStartDate: durations }),
  })
  .map(({ type, parentId, embedded, start, nowFromStart, startDate, eventStatus, remaining, flag, offer }) => {
    const parent = { '@type': type === 'Slot' ? 'FacilityUse' : 'SessionSeries', '@id': parentId, 'imin:aggregateOffer': { publicAdult: offer } }
    const opportunity = {
      '@type': type,
      [type === 'Slot' ? 'facilityUse' : 'superEvent']: embedded ? parent : parentId,
      startDate: startDate ?? start.text,
      eventStatus,
      [type === 'Slot' ? 'remainingUses' : 'remainingAttendeeCapacity']: remaining,
      [FLAG]: flag,
    }
    return { opportunity, parent: embedded ? null : parent, now: start.ms + nowFromStart }
  })

const inputs = fc.oneof(
  linkedPairs,
  fc.record({
    opportunity: wrapped(opportunities),
    parent: fc.oneof(wrapped(parents), fc.constant(null)),
    now: fc.integer({ min: BASE - 120 * DAY, max: BASE + 120 * DAY }),
  }),
)

function evaluateAt(input: { opportunity: unknown; parent: unknown }, now: number): Bookability {
  return evaluateBookability(input.opportunity, input.parent, { now })
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

  it('changes only at nextChangeAt, and only as the window says', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = evaluateAt(input, input.now)
        const { opensAt, closesAt, nextChangeAt } = result
        if (nextChangeAt === null) {
          // Nothing changes any more: a day later gives the same answer.
          expect(evaluateAt(input, input.now + DAY).reasons).toEqual(result.reasons)
          return
        }
        const change = nextChangeAt.getTime()
        // Just before the change nothing has changed yet.
        expect(evaluateAt(input, change - 1).reasons).toEqual(result.reasons)
        // At the change, only the time-based reasons move, exactly as the window says.
        const after = evaluateAt(input, change)
        const expectedTimeReasons = [
          ...(opensAt !== null && change < opensAt.getTime() ? ['not-yet-open'] : []),
          ...(closesAt !== null && change >= closesAt.getTime() ? ['started'] : []),
        ]
        expect(after.reasons.filter((reason) => TIME_REASONS.has(reason))).toEqual(expectedTimeReasons)
        expect(after.reasons.filter((reason) => !TIME_REASONS.has(reason))).toEqual(result.reasons.filter((reason) => !TIME_REASONS.has(reason)))
        expect(after.reasons).not.toEqual(result.reasons)
      }),
      { numRuns: 1000 },
    )
  })
})
