import fc from 'fast-check'
import { DateTime, FixedOffsetZone, Duration as LuxonDuration } from 'luxon'
import { parseDateTime } from '../../src/core/rules/date-time.js'
import { parseDuration, subtractDuration } from '../../src/core/rules/duration.js'

const HOUR = 36e5
const DAY = 24 * HOUR

/** startDate minus duration, as an ISO string in UTC; 'invalid' for an invalid duration or result. */
function opensAt(startDate: string, duration: string): string {
  const start = parseDateTime(startDate)
  const parsed = parseDuration(duration)
  if (start === null) throw new Error(`test start date ${startDate} is invalid`)
  if (parsed === null) return 'invalid'
  const ms = subtractDuration(start, parsed)
  return Number.isNaN(ms) ? 'invalid' : new Date(ms).toISOString()
}

describe('parseDuration', () => {
  describe('given a valid duration', () => {
    it.each([
      // text, whole months, exact milliseconds
      ['P7D', 0, 7 * DAY],
      ['P1W', 0, 7 * DAY],
      ['P6DT24H', 0, 7 * DAY],
      ['P6D', 0, 6 * DAY],
      ['P1D', 0, DAY],
      ['P0D', 0, 0],
      ['PT30M', 0, 30 * 6e4],
      ['PT1H', 0, HOUR],
      ['PT36H', 0, 36 * HOUR],
      ['P14DT22H10M', 0, 14 * DAY + 22 * HOUR + 10 * 6e4],
      ['P1DT16H', 0, DAY + 16 * HOUR],
      ['PT1.5H', 0, 1.5 * HOUR],
      ['PT1,5H', 0, 1.5 * HOUR],
      ['PT0.1H', 0, 6 * 6e4],
      ['P1.5D', 0, 1.5 * DAY],
      ['P0.5W', 0, 3.5 * DAY],
      ['PT1.25S', 0, 1250],
      ['P1DT1.5S', 0, DAY + 1500],
      ['P1M', 1, 0],
      ['PT1M', 0, 6e4],
      ['P1Y', 12, 0],
      ['P1Y2M', 14, 0],
      ['P1Y2M3DT4H5M6S', 14, 3 * DAY + 4 * HOUR + 5 * 6e4 + 6e3],
      ['P2MT1H', 2, HOUR],
      ['PT1H30S', 0, HOUR + 30e3],
    ])('%s is %i months and %i ms', (text, months, ms) => {
      expect(parseDuration(text)).toEqual({ months, ms })
    })
  })

  describe('given anything else', () => {
    it.each([
      ['empty', ''],
      ['P alone', 'P'],
      ['PT alone', 'PT'],
      ['a trailing T', 'P1DT'],
      ['a negative duration', '-P1D'],
      ['a negative component', 'P-1D'],
      ['a plus sign', '+P1D'],
      ['W with days', 'P1W1D'],
      ['W with time', 'P1WT1H'],
      ['years then W', 'P1Y1W'],
      ['fractional years', 'P1.5Y'],
      ['fractional months', 'P1.5M'],
      ['an integral fraction of months', 'P1.0M'],
      ['a fraction not last', 'P1.5DT1H'],
      ['a fraction not last, in time', 'PT1.5H30M'],
      ['a dot with no digits after', 'PT1.H'],
      ['a dot with no digits before', 'PT.5H'],
      ['two fractions', 'PT1.5.5H'],
      ['designators out of order', 'P1D1Y'],
      ['a repeated designator', 'P1D2D'],
      ['hours before T', 'P1H'],
      ['seconds before T', 'P1S'],
      ['days after T', 'PT1D'],
      ['two Ts', 'P1DTT1H'],
      ['a number without a designator', 'P1'],
      ['a designator without a number', 'PD'],
      ['lower case', 'p1d'],
      ['another letter for P', 'X1D'],
      ['no P before the number', '17D'],
      ['lower-case designator', 'P1d'],
      ['an unknown designator', 'P1X'],
      ['a space', 'P 1D'],
      ['trailing text', 'P1D '],
      ['a time, not a duration', '18:00'],
      ['ISO 8601 alternative format', 'P0001-02-03T04:05:06'],
    ])('rejects %s (%s)', (_name, text) => {
      expect(parseDuration(text)).toBeNull()
    })
  })

  it('reads a duration of 64 characters, and refuses one of 65 unread', () => {
    const sevenDays = `P${'0'.repeat(61)}7D`
    expect(sevenDays).toHaveLength(64)
    expect(parseDuration(sevenDays)).toEqual({ months: 0, ms: 7 * DAY })
    expect(parseDuration(`P0${sevenDays.slice(1)}`)).toBeNull()
  })

  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseDuration(text)
      }),
    )
  })
})

describe('subtractDuration', () => {
  it.each([
    // startDate, duration, expected opensAt (UTC)
    ['2027-03-10T18:00Z', 'P7D', '2027-03-03T18:00:00.000Z'],
    ['2027-03-10T18:00Z', 'P1W', '2027-03-03T18:00:00.000Z'],
    ['2027-03-10T18:00Z', 'P6DT24H', '2027-03-03T18:00:00.000Z'],
    ['2027-03-10T18:00Z', 'P14DT22H10M', '2027-02-23T19:50:00.000Z'],
    ['2027-03-10T18:00Z', 'PT1.5H', '2027-03-10T16:30:00.000Z'],
    // Exact units ignore daylight saving: 1D is 24 h.
    ['2027-03-29T18:00+01:00', 'P1D', '2027-03-28T17:00:00.000Z'],
    // Months on the wall-clock date in the written offset, clamped to the month's end.
    ['2027-03-31T18:00Z', 'P1M', '2027-02-28T18:00:00.000Z'],
    ['2028-03-31T18:00Z', 'P1M', '2028-02-29T18:00:00.000Z'],
    ['2027-05-31T18:00Z', 'P1M', '2027-04-30T18:00:00.000Z'],
    ['2027-03-15T18:00Z', 'P1M', '2027-02-15T18:00:00.000Z'],
    ['2027-01-31T18:00Z', 'P2M', '2026-11-30T18:00:00.000Z'],
    ['2028-02-29T12:00Z', 'P1Y', '2027-02-28T12:00:00.000Z'],
    ['2028-02-29T12:00Z', 'P4Y', '2024-02-29T12:00:00.000Z'],
    ['2027-03-31T18:00Z', 'P1Y1M', '2026-02-28T18:00:00.000Z'],
    // In UTC this start is 1 April, but its wall-clock date is 31 March: P1M lands on 28 February.
    ['2027-03-31T23:30-05:00', 'P1M', '2027-03-01T04:30:00.000Z'],
    // In UTC this start is 31 March, but its wall-clock date is 1 April.
    ['2027-04-01T00:30+02:00', 'P1M', '2027-02-28T22:30:00.000Z'],
    // Months first, then the exact part.
    ['2027-03-31T18:00Z', 'P1MT1H', '2027-02-28T17:00:00.000Z'],
    ['2027-03-31T18:00Z', 'P1M1D', '2027-02-27T18:00:00.000Z'],
    // A window opening before year 0 cannot be represented.
    ['0001-01-01T00:00Z', 'P1Y', '0000-01-01T00:00:00.000Z'],
    ['0001-01-01T00:00Z', 'P1Y1D', 'invalid'],
    ['0000-01-01T00:00Z', 'PT1S', 'invalid'],
    ['2027-03-10T18:00Z', 'P2028Y', 'invalid'],
    // Lands on year -373, which Date.UTC would read (plus 400) as the two-digit year 27.
    ['2027-03-10T18:00Z', 'P2400Y', 'invalid'],
    ['2027-03-10T18:00Z', 'P28800M', 'invalid'],
    ['2027-03-10T18:00Z', 'P999999999999D', 'invalid'],
    ['2027-03-10T18:00Z', `P${'9'.repeat(400)}M`, 'invalid'],
    ['2027-03-10T18:00Z', `PT${'9'.repeat(400)}S`, 'invalid'],
  ])('%s minus %s is %s', (startDate, duration, expected) => {
    expect(opensAt(startDate, duration)).toBe(expected)
  })

  it('rounds a sub-millisecond remainder towards a later opening', () => {
    expect(opensAt('2027-03-10T18:00Z', 'PT0.0004S')).toBe('2027-03-10T18:00:00.000Z')
  })

  it('reads nine fraction digits and drops the rest, so a long fraction never rounds up to open the window early', () => {
    // 0.999999999 W is 604,799,999.4 ms: the window opens 1 ms after a whole week before.
    expect(opensAt('2027-03-10T18:00Z', `P0.${'9'.repeat(20)}W`)).toBe('2027-03-03T18:00:00.001Z')
    expect(opensAt('2027-03-10T18:00Z', `P0.${'9'.repeat(9)}W`)).toBe('2027-03-03T18:00:00.001Z')
    // 0.000000001 W is 0.6 ms, within the start's millisecond; a tenth digit would make it 1.1 ms.
    expect(opensAt('2027-03-10T18:00Z', 'P0.0000000019W')).toBe('2027-03-10T18:00:00.000Z')
  })

  describe('agrees with luxon (DateTime.fromISO(start, { setZone: true }).minus(Duration.fromISO(d)))', () => {
    const startDates = fc
      .record({
        ms: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        offset: fc.integer({ min: -14 * 4, max: 14 * 4 }).map((quarters) => quarters * 15),
      })
      .map(({ ms, offset }) => DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offset) }).toISO({ suppressMilliseconds: true }) ?? '')
    const component = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined })
    // A fraction may end any exact component: luxon 3.7 reads P1.5D as 36 hours and P0.5W as 84,
    // as the parser does. Years and months are calendar units, so the parser refuses their
    // fractions (P1.5M) and none are generated.
    const fraction = fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined })
    const durations = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 60 }), fraction).map(([weeks, part]) => `P${weeks}${part === undefined ? '' : `.${part}`}W`),
      fc
        .record({
          Y: component(30),
          M: component(40),
          D: component(400),
          H: component(100),
          m: component(100),
          S: component(100),
          fraction,
        })
        .map(({ Y, M, D, H, m, S, fraction }) => {
          const part = (value: number | undefined, designator: string) => (value === undefined ? '' : `${value}${designator}`)
          const time = `${part(H, 'H')}${part(m, 'M')}${part(S, 'S')}`
          let text = `P${part(Y, 'Y')}${part(M, 'M')}${part(D, 'D')}${time ? `T${time}` : ''}`
          // On the last component, when that is days, hours, minutes or seconds.
          if (fraction !== undefined && (time || D !== undefined)) text = text.replace(/(\d+)([DHMS])$/, `$1.${fraction}$2`)
          return text
        })
        .filter((text) => text !== 'P'),
    )

    it('on every valid duration and start date', () => {
      fc.assert(
        fc.property(startDates, durations, (startDate, duration) => {
          const expected = DateTime.fromISO(startDate, { setZone: true }).minus(LuxonDuration.fromISO(duration))
          // Luxon adds a fraction in floating point, so its instant can sit a few nanoseconds
          // off the whole millisecond (and its ISO text then truncates): round to a Date's precision.
          expect(opensAt(startDate, duration)).toBe(new Date(Math.round(expected.toMillis())).toISOString())
        }),
        { numRuns: 1000 },
      )
    })
  })
})
