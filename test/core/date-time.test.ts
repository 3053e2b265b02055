import fc from 'fast-check'
import { DateTime } from 'luxon'
import { daysInMonth, parseDateTime, utc } from '../../src/core/rules/date-time.js'

describe('parseDateTime', () => {
  describe('given a valid RPDE date-time', () => {
    it.each([
      // text, the same instant written in UTC, written offset in minutes
      ['2027-03-10T18:00Z', '2027-03-10T18:00:00.000Z', 0],
      ['2027-03-10T18:00:30Z', '2027-03-10T18:00:30.000Z', 0],
      ['2027-03-10T18:00:30.250Z', '2027-03-10T18:00:30.250Z', 0],
      ['2027-03-10T18:00:30.5Z', '2027-03-10T18:00:30.500Z', 0],
      ['2027-03-10T18:00:30.1239999Z', '2027-03-10T18:00:30.123Z', 0],
      ['2027-03-10T18:00+01:00', '2027-03-10T17:00:00.000Z', 60],
      ['2027-03-10T18:00-05:00', '2027-03-10T23:00:00.000Z', -300],
      ['2027-03-10T00:30+05:30', '2027-03-09T19:00:00.000Z', 330],
      ['2027-03-10T18:00-00:00', '2027-03-10T18:00:00.000Z', 0],
      ['2024-02-29T12:00Z', '2024-02-29T12:00:00.000Z', 0],
      ['2000-02-29T12:00Z', '2000-02-29T12:00:00.000Z', 0],
      ['1969-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999Z', 0],
      ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z', 0],
    ])('%s is %s with offset %i', (text, utc, offset) => {
      const parsed = parseDateTime(text)
      expect(parsed?.ms).toBe(Date.parse(utc))
      expect(parsed?.offset).toBe(offset)
    })

    it('reads up to 64 characters (38 fraction digits and an offset) and refuses longer text unread', () => {
      const longest = `2027-03-10T18:00:30.${'1'.repeat(38)}+01:00`
      expect(longest).toHaveLength(64)
      expect(parseDateTime(longest)?.ms).toBe(Date.parse('2027-03-10T17:00:30.111Z'))
      expect(parseDateTime(`2027-03-10T18:00:30.${'1'.repeat(39)}+01:00`)).toBeNull()
      expect(parseDateTime(`2027-03-10T18:00:30.${'1'.repeat(1e6)}Z`)).toBeNull()
    })

    it('keeps the calendar date as written, not as in UTC', () => {
      expect(parseDateTime('2027-03-10T00:30+05:30')).toMatchObject({ year: 2027, month: 3, day: 10 })
    })

    it('reads years 0 to 99 as written', () => {
      expect(parseDateTime('0050-06-01T00:00Z')?.ms).toBe(DateTime.fromISO('0050-06-01T00:00Z').toMillis())
      expect(parseDateTime('0000-01-01T00:00Z')?.ms).toBe(-62167219200000)
    })
  })

  describe('given anything else', () => {
    it.each([
      ['date only', '2027-03-10'],
      ['no time zone designator', '2027-03-10T18:00:00'],
      ['no time zone designator, no seconds', '2027-03-10T18:00'],
      ['30 February', '2027-02-30T18:00Z'],
      ['29 February in a common year', '2027-02-29T18:00Z'],
      ['29 February in 1900', '1900-02-29T18:00Z'],
      ['31 April', '2027-04-31T18:00Z'],
      ['month 13', '2027-13-10T18:00Z'],
      ['month 0', '2027-00-10T18:00Z'],
      ['day 0', '2027-03-00T18:00Z'],
      ['hour 24', '2027-03-10T24:00Z'],
      ['minute 60', '2027-03-10T18:60Z'],
      ['second 60', '2027-03-10T18:00:60Z'],
      ['offset hour 24', '2027-03-10T18:00+24:00'],
      ['offset minute 60', '2027-03-10T18:00+01:60'],
      ['offset without colon', '2027-03-10T18:00+0100'],
      ['offset hours only', '2027-03-10T18:00+01'],
      ['lower-case z', '2027-03-10T18:00z'],
      ['lower-case t', '2027-03-10t18:00Z'],
      ['a space for T', '2027-03-10 18:00Z'],
      ['a slash between year and month', '2027/03-10T18:00Z'],
      ['a slash between month and day', '2027-03/10T18:00Z'],
      ['a dot between hour and minute', '2027-03-10T18.00Z'],
      ['a character just below 0 in the units of the day', '2027-03-1/T18:00Z'],
      ['a character just below 0 in the tens of the day', '2027-03-/1T18:00Z'],
      ['a character just above 9 in the units of the day', '2027-03-1:T18:00Z'],
      ['a space for the offset sign', '2027-03-10T18:00 01:00'],
      ['a dot in the offset', '2027-03-10T18:00+01.00'],
      ['a dot with no digits', '2027-03-10T18:00:00.Z'],
      ['a comma fraction', '2027-03-10T18:00:00,5Z'],
      ['a fraction without seconds', '2027-03-10T18:00.5Z'],
      ['a one-digit hour', '2027-03-10T8:00Z'],
      ['a five-digit year', '+02027-03-10T18:00Z'],
      ['a signed year', '-2027-03-10T18:00Z'],
      ['a week date', '2027-W10-3T18:00Z'],
      ['trailing text', '2027-03-10T18:00Zx'],
      ['trailing text after an offset', '2027-03-10T18:00+01:00x'],
      ['leading space', ' 2027-03-10T18:00Z'],
      ['a sign in a digit', '2027-+3-10T18:00Z'],
      ['a letter in the century', '2x27-03-10T18:00Z'],
      ['a letter in the year of the century', '20x7-03-10T18:00Z'],
      ['a letter in the day', '2027-03-1xT18:00Z'],
      ['a letter in the hour', '2027-03-10T1x:00Z'],
      ['a letter in the minute', '2027-03-10T18:x0Z'],
      ['a letter in the seconds', '2027-03-10T18:00:0xZ'],
      ['a letter in the offset', '2027-03-10T18:00+0x:00'],
      ['cut short', '2027-03-10T18:0'],
      ['empty', ''],
      ['an RFC 2822 date', 'Wed, 10 Mar 2027 18:00:00 GMT'],
    ])('rejects %s (%s)', (_name, text) => {
      expect(parseDateTime(text)).toBeNull()
    })
  })

  describe('agrees with luxon', () => {
    const twoDigits = (max: number, min = 0) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'))
    const offsets = fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), twoDigits(23), twoDigits(59)).map(([sign, hh, mm]) => `${sign}${hh}:${mm}`),
    )
    const validDateTimes = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        hour: twoDigits(23),
        minute: twoDigits(59),
        seconds: fc.option(fc.tuple(twoDigits(59), fc.option(fc.stringMatching(/^[0-9]{1,3}$/), { nil: undefined })), { nil: undefined }),
        offset: offsets,
      })
      .map(({ year, month, dayFraction, hour, minute, seconds, offset }) => {
        const day = 1 + Math.floor(dayFraction * daysInMonth(year, month))
        const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        const time = `${hour}:${minute}${seconds ? `:${seconds[0]}${seconds[1] === undefined ? '' : `.${seconds[1]}`}` : ''}`
        return `${date}T${time}${offset}`
      })

    it('on the instant and the written offset of every valid date-time', () => {
      fc.assert(
        fc.property(validDateTimes, (text) => {
          const expected = DateTime.fromISO(text, { setZone: true })
          expect(expected.isValid).toBe(true)
          const parsed = parseDateTime(text)
          expect(parsed?.ms).toBe(expected.toMillis())
          expect(parsed?.offset).toBe(expected.offset)
          expect(parsed?.day).toBe(expected.day)
        }),
        { numRuns: 500 },
      )
    })

    it('that impossible calendar dates are invalid', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 }), (year, month, day) => {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${day}T12:00Z`
          expect(parseDateTime(text) !== null).toBe(DateTime.fromISO(text).isValid)
        }),
      )
    })
  })

  it('never throws and only accepts strings in the strict form', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseDateTime(text)
        if (parsed !== null) expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/)
      }),
    )
  })
})

describe('utc', () => {
  it.each([
    [1970, 1, 1, '1970-01-01T00:00:00.000Z'],
    [2000, 3, 1, '2000-03-01T00:00:00.000Z'],
    [99, 12, 31, '0099-12-31T00:00:00.000Z'],
    [0, 1, 1, '0000-01-01T00:00:00.000Z'],
  ])('%i-%i-%i is %s, years below 100 included', (year, month, day, expected) => {
    expect(new Date(utc(year, month, day)).toISOString()).toBe(expected)
  })
})

describe('daysInMonth', () => {
  it.each([
    [2027, 1, 31],
    [2027, 2, 28],
    [2028, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2027, 4, 30],
    [2027, 7, 31],
    [2027, 8, 31],
    [2027, 9, 30],
    [2027, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days)
  })
})
