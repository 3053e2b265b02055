import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createParentIndex } from '../../src/core/rules/parent-index.js'

const SERIES_ID = 'https://firehose.imin.co/firehose/session-series/acme-SessionSeries-101'
const FACILITY_ID = 'https://firehose.imin.co/firehose/facility-uses/acme-FacilityUse-BADMINTON'
const COURT_ID = `${FACILITY_ID}/individual-facility-uses/court-3`

const series = (name = 'Yoga') => ({ '@type': 'SessionSeries', '@id': SERIES_ID, name })
const updated = (id: string | number, modified: unknown, data: unknown, kind = 'SessionSeries') => ({
  state: 'updated',
  kind,
  id,
  modified,
  data,
})
const deleted = (id: string | number, modified: unknown, kind = 'SessionSeries') => ({ state: 'deleted', kind, id, modified })
const session = (superEvent: unknown) => ({ '@type': 'ScheduledSession', '@id': 'https://example.com/s/1', superEvent })
const slot = (facilityUse: unknown) => ({ '@type': 'Slot', '@id': 'https://example.com/slot/1', facilityUse })

describe('given bare parents', () => {
  it('matches numeric ids with their string form, as evaluateBookability does', () => {
    const parent = { '@type': 'SessionSeries', '@id': 14961 }
    const index = createParentIndex([parent])
    expect(index.parentOf(session('14961'))).toBe(parent)
    expect(index.parentOf(session(14961))).toBe(parent)
  })

  it('finds a parent by its @id', () => {
    const parent = series()
    const index = createParentIndex([parent])
    expect(index.get(SERIES_ID)).toBe(parent)
    expect(index.size).toBe(1)
  })

  it('finds a parent keyed by id, as imin’s Events API writes it', () => {
    const parent = { type: 'SessionSeries', id: SERIES_ID }
    expect(createParentIndex([parent]).get(SERIES_ID)).toBe(parent)
  })

  it('replaces a parent added again with the same @id', () => {
    const index = createParentIndex([series('Old')])
    const newer = series('New')
    index.add(newer)
    expect(index.get(SERIES_ID)).toBe(newer)
    expect(index.size).toBe(1)
  })

  it('has no RPDE version to compare: the parent added later wins, whatever fields named like RPDE ones it carries', () => {
    const newer = { ...series('New'), kind: 'SessionSeries', id: SERIES_ID, modified: 1 }
    const index = createParentIndex([{ ...series('Old'), kind: 'SessionSeries', id: SERIES_ID, modified: 2 }, newer])
    expect(index.get(SERIES_ID)).toBe(newer)
    expect(index.size).toBe(1)
  })

  it('ignores parents with no @id', () => {
    const index = createParentIndex([{ '@type': 'SessionSeries', name: 'No id' }])
    expect(index.size).toBe(0)
  })

  it('starts empty without items', () => {
    const index = createParentIndex()
    expect(index.size).toBe(0)
    expect(index.get(SERIES_ID)).toBeUndefined()
  })
})

describe('given RPDE items', () => {
  it('indexes the data under its @id, not the RPDE id', () => {
    const parent = series()
    const index = createParentIndex([updated('101', 5, parent)])
    expect(index.get(SERIES_ID)).toBe(parent)
    expect(index.get('101')).toBeUndefined()
  })

  it('replaces an earlier version with a later modified', () => {
    const newer = series('New')
    const index = createParentIndex([updated('101', 5, series('Old')), updated('101', 6, newer)])
    expect(index.get(SERIES_ID)).toBe(newer)
    expect(index.size).toBe(1)
  })

  it('ignores an older modified that arrives late', () => {
    const newer = series('New')
    const index = createParentIndex([updated('101', 6, newer), updated('101', 5, series('Stale'))])
    expect(index.get(SERIES_ID)).toBe(newer)
  })

  it('compares numeric-string modified values as numbers', () => {
    const newer = series('New')
    const index = createParentIndex([updated('101', '10', newer), updated('101', '9', series('Stale'))])
    expect(index.get(SERIES_ID)).toBe(newer)
  })

  it.each([
    ['18-digit strings a double cannot tell apart', '637283497580000000', '637283497580000001'],
    ['digit strings of different lengths', '999', '1000'],
    ['a leading zero', '0999', '1000'],
    ['leading zeros that make it the longer string', '000999', '1000'],
    ['zero and a digit string', 0, '1'],
    ['a number and a longer digit string', 99, '100'],
    ['a digit string and a number', '99', 100],
    ['numbers', 1.5, 2],
  ])('keeps the newer of %s, in either order', (_name, older, newer) => {
    const stale = series('Stale')
    const fresh = series('Fresh')
    expect(createParentIndex([updated('101', older, stale), updated('101', newer, fresh)]).get(SERIES_ID)).toBe(fresh)
    expect(createParentIndex([updated('101', newer, fresh), updated('101', older, stale)]).get(SERIES_ID)).toBe(fresh)
  })

  it.each([
    ['numbers', 5, 5],
    ['digit strings', '637283497580000000', '637283497580000000'],
    ['a number and its digit string', 7, '007'],
    ['zeros', '0', '000'],
  ])('lets a version with the same modified replace the one before it: %s', (_name, first, second) => {
    const later = series('Later')
    expect(createParentIndex([updated('101', first, series('Earlier')), updated('101', second, later)]).get(SERIES_ID)).toBe(later)
    expect(createParentIndex([updated('101', second, series('Earlier')), updated('101', first, later)]).get(SERIES_ID)).toBe(later)
  })

  // RPDE says `modified` is a non-negative integer: anything else cannot be trusted to order versions.
  it.each([
    ['a negative number and a digit string', -5, '3'],
    ['a fractional number and a digit string', 1.5, '2'],
    ['fractional text and a number', '1.5', 2],
    ['a number and fractional text', 1, '2.5'],
    ['signed text and a digit string', '-3', '2'],
    ['text and a number', 'yesterday', 1],
    ['a missing modified and a number', undefined, 5],
    ['an array and a number', [7], 5],
  ])('lets the version added later win, in either order, given %s', (_name, a, b) => {
    for (const [first, second] of [
      [a, b],
      [b, a],
    ]) {
      const later = series('Later')
      const index = createParentIndex([updated('101', first, series('Earlier'))])
      index.add(updated('101', second, later))
      expect(index.get(SERIES_ID)).toBe(later)
      expect(index.size).toBe(1)
    }
  })

  it('lets an 18-digit deletion remove the version just before it', () => {
    const index = createParentIndex([updated('101', '637283497580000000', series()), deleted('101', '637283497580000001')])
    expect(index.get(SERIES_ID)).toBeUndefined()
  })

  it('removes a parent on a deleted item, matched by the RPDE id', () => {
    const index = createParentIndex([updated(101, 5, series()), deleted(101, 6)])
    expect(index.get(SERIES_ID)).toBeUndefined()
    expect(index.size).toBe(0)
  })

  it('ignores a deletion older than the version it would remove', () => {
    const parent = series()
    const index = createParentIndex([updated('101', 7, parent), deleted('101', 6)])
    expect(index.get(SERIES_ID)).toBe(parent)
  })

  it('does not resurrect a deleted parent when an older update arrives late', () => {
    const index = createParentIndex([deleted('101', 6), updated('101', 5, series())])
    expect(index.get(SERIES_ID)).toBeUndefined()
  })

  it('does not let a deletion in one kind remove a parent of another kind with the same id', () => {
    const facility = { '@type': 'FacilityUse', '@id': FACILITY_ID }
    const index = createParentIndex([updated('101', 5, series()), updated('101', 5, facility, 'FacilityUse'), deleted('101', 6)])
    expect(index.get(SERIES_ID)).toBeUndefined()
    expect(index.get(FACILITY_ID)).toBe(facility)
  })

  it('moves the parent when a later version changes its @id', () => {
    const moved = { ...series(), '@id': 'https://example.com/moved' }
    const index = createParentIndex([updated('101', 5, series()), updated('101', 6, moved)])
    expect(index.get(SERIES_ID)).toBeUndefined()
    expect(index.get('https://example.com/moved')).toBe(moved)
  })

  it('drops the old version when a later one has no usable data', () => {
    const index = createParentIndex([updated('101', 5, series()), updated('101', 6, { name: 'no id' })])
    expect(index.get(SERIES_ID)).toBeUndefined()
    expect(index.size).toBe(0)
  })

  it('finds a parent again when a later version restores it after a deletion, and counts it once', () => {
    const restored = series('Restored')
    const index = createParentIndex([updated('101', 5, series()), deleted('101', 6), updated('101', 7, restored)])
    expect(index.get(SERIES_ID)).toBe(restored)
    expect(index.size).toBe(1)
  })

  it('counts a parent once when it comes back after a version with no usable data', () => {
    const back = series('Back')
    const index = createParentIndex([updated('101', 5, series()), updated('101', 6, { name: 'no id' }), updated('101', 7, back)])
    expect(index.get(SERIES_ID)).toBe(back)
    expect(index.size).toBe(1)
  })

  it('keys an RPDE item that has no id of its own by its data’s @id', () => {
    const first = series()
    const other = { ...series('Other'), '@id': 'https://example.com/other' }
    const index = createParentIndex([{ state: 'updated', kind: 'SessionSeries', modified: 2, data: first }, { state: 'updated', kind: 'SessionSeries', modified: 1, data: other }])
    expect(index.get(SERIES_ID)).toBe(first)
    expect(index.get('https://example.com/other')).toBe(other)
    expect(index.size).toBe(2)
  })

  it('keeps another record’s claim to an @id when a deletion removes its own', () => {
    const bare = series('Bare')
    const index = createParentIndex([updated('101', 5, series('Wrapped')), bare, deleted('101', 6)])
    expect(index.get(SERIES_ID)).toBe(bare)
  })
})

describe('given a FacilityUse with individualFacilityUse courts', () => {
  const facility = {
    '@type': 'FacilityUse',
    '@id': FACILITY_ID,
    individualFacilityUse: [{ '@type': 'IndividualFacilityUse', '@id': COURT_ID }, { type: 'IndividualFacilityUse', id: `${FACILITY_ID}/court-4` }, `${FACILITY_ID}/court-5`, null, 42],
  }

  it('finds the FacilityUse by its own @id and by each court’s @id, id or bare reference', () => {
    const index = createParentIndex([updated('F1', 1, facility, 'FacilityUse')])
    expect(index.get(FACILITY_ID)).toBe(facility)
    expect(index.get(COURT_ID)).toBe(facility)
    expect(index.get(`${FACILITY_ID}/court-4`)).toBe(facility)
    expect(index.get(`${FACILITY_ID}/court-5`)).toBe(facility)
    expect(index.size).toBe(1)
  })

  it('forgets the courts when the FacilityUse is deleted', () => {
    const index = createParentIndex([updated('F1', 1, facility, 'FacilityUse'), deleted('F1', 2, 'FacilityUse')])
    expect(index.get(COURT_ID)).toBeUndefined()
  })

  it('forgets a court the later version no longer lists', () => {
    const fewer = { ...facility, individualFacilityUse: [] }
    const index = createParentIndex([updated('F1', 1, facility, 'FacilityUse'), updated('F1', 2, fewer, 'FacilityUse')])
    expect(index.get(COURT_ID)).toBeUndefined()
    expect(index.get(FACILITY_ID)).toBe(fewer)
  })

  it('finds the FacilityUse through a court that embeds it (imin’s Events API), though it lists no courts', () => {
    const hall = { type: 'FacilityUse', id: FACILITY_ID, name: 'Sports hall' }
    const index = createParentIndex([updated('F1', 1, hall, 'FacilityUse')])
    const court = { type: 'IndividualFacilityUse', id: COURT_ID, facilityUse: { type: 'FacilityUse', id: FACILITY_ID } }
    expect(index.parentOf(slot(court))).toBe(hall)
    expect(index.parentOf(slot({ ...court, facilityUse: FACILITY_ID }))).toBe(hall)
    expect(index.parentOf(slot({ ...court, facilityUse: 'https://example.com/other' }))).toBeUndefined()
  })

  it('prefers an indexed court over the FacilityUse it embeds', () => {
    const courtParent = { type: 'IndividualFacilityUse', id: COURT_ID, name: 'Court 3' }
    const index = createParentIndex([courtParent, { type: 'FacilityUse', id: FACILITY_ID }])
    expect(index.parentOf(slot({ type: 'IndividualFacilityUse', id: COURT_ID, facilityUse: { id: FACILITY_ID } }))).toBe(courtParent)
  })

  it('finds no parent for a Slot that names no FacilityUse, though a listed court has no @id', () => {
    const index = createParentIndex([facility])
    expect(index.parentOf(slot(undefined))).toBeUndefined()
    expect(index.parentOf({ '@type': 'Slot', facilityUse: { '@type': 'IndividualFacilityUse' } })).toBeUndefined()
  })

  it('does not look inside a session’s embedded series for a FacilityUse', () => {
    const index = createParentIndex([facility])
    expect(index.parentOf(session({ '@type': 'SessionSeries', '@id': 'https://example.com/unindexed', facilityUse: FACILITY_ID }))).toBeUndefined()
  })

  it('finds the parent of a Slot on a court and of a Slot on the whole FacilityUse', () => {
    const index = createParentIndex([facility])
    expect(index.parentOf(slot(COURT_ID))).toBe(facility)
    expect(index.parentOf(updated('S1', 1, slot(FACILITY_ID), 'Slot'))).toBe(facility)
  })
})

describe('given children', () => {
  const parent = series()
  const index = createParentIndex([updated('101', 1, parent)])

  it('finds the parent of a bare ScheduledSession', () => {
    expect(index.parentOf(session(SERIES_ID))).toBe(parent)
  })

  it('finds the parent of an RPDE-wrapped ScheduledSession', () => {
    expect(index.parentOf(updated('S1', 1, session(SERIES_ID), 'ScheduledSession'))).toBe(parent)
  })

  it('finds the parent of a child with no @type, by its superEvent', () => {
    expect(index.parentOf({ superEvent: SERIES_ID })).toBe(parent)
  })

  it('finds the parent named by an embedded superEvent’s id', () => {
    expect(index.parentOf(session({ type: 'SessionSeries', id: SERIES_ID }))).toBe(parent)
  })

  it('returns undefined for an orphan whose parent has not arrived', () => {
    expect(index.parentOf(session('https://example.com/missing'))).toBeUndefined()
  })

  it('finds an orphan’s parent once it arrives', () => {
    const later = createParentIndex()
    const child = session(SERIES_ID)
    expect(later.parentOf(child)).toBeUndefined()
    later.add(parent)
    expect(later.parentOf(child)).toBe(parent)
  })

  it('returns undefined for a deleted child, a child with no reference and a non-opportunity', () => {
    expect(index.parentOf(deleted('S1', 2, 'ScheduledSession'))).toBeUndefined()
    expect(index.parentOf({ '@type': 'ScheduledSession' })).toBeUndefined()
    expect(index.parentOf({ '@type': 'Event', superEvent: SERIES_ID })).toBeUndefined()
  })
})

describe('given malformed input', () => {
  it('ignores non-iterables and non-objects without throwing', () => {
    const index = createParentIndex([null, undefined, 1, 'x', [], { state: 'deleted', kind: 'SessionSeries' }])
    index.addAll(null as unknown as Iterable<unknown>)
    index.addAll(42 as unknown as Iterable<unknown>)
    expect(index.size).toBe(0)
    expect(index.get(42 as unknown as string)).toBeUndefined()
    expect(index.parentOf(null)).toBeUndefined()
  })

  describe('that throws when read, is a Proxy, or is cyclic', () => {
    const revoked = () => {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      return proxy
    }
    const throwingAt = (object: object, key: string) =>
      Object.defineProperty({ ...object }, key, {
        enumerable: true,
        get() {
          throw new Error(`${key} cannot be read`)
        },
      })

    it.each([
      ['a revoked Proxy', revoked()],
      ['a throwing RPDE id', throwingAt(updated('101', 9, series('Hostile')), 'id')],
      ['a throwing modified', throwingAt(updated('101', 9, series('Hostile')), 'modified')],
      ['a throwing data', throwingAt(updated('101', 9, series('Hostile')), 'data')],
      ['data whose @id throws', updated('101', 9, throwingAt(series('Hostile'), '@id'))],
      ['a revoked Proxy as the courts', updated('101', 9, { ...series('Hostile'), individualFacilityUse: revoked() })],
      ['a court that throws', updated('101', 9, { ...series('Hostile'), individualFacilityUse: [{ '@id': COURT_ID }, throwingAt({}, '@id')] })],
    ])('ignores %s, keeping the version it would replace', (_name, hostile) => {
      const kept = series('Kept')
      const index = createParentIndex([updated('101', 5, kept)])
      expect(() => index.add(hostile)).not.toThrow()
      expect(index.get(SERIES_ID)).toBe(kept)
      expect(index.get(COURT_ID)).toBeUndefined()
      expect(index.size).toBe(1)
    })

    it('keeps what an iterable added before it threw', () => {
      const parent = series()
      function* items() {
        yield parent
        throw new Error('feed cut off')
      }
      const index = createParentIndex(items())
      expect(index.get(SERIES_ID)).toBe(parent)
      expect(() => index.addAll(revoked() as Iterable<unknown>)).not.toThrow()
    })

    it('answers parentOf with undefined for hostile children, and follows cycles no further than one level', () => {
      const index = createParentIndex([series()])
      expect(index.parentOf(revoked())).toBeUndefined()
      expect(index.parentOf(throwingAt(session(SERIES_ID), 'superEvent'))).toBeUndefined()
      expect(index.parentOf(session(revoked()))).toBeUndefined()
      const cyclicCourt: Record<string, unknown> = { type: 'IndividualFacilityUse', id: COURT_ID }
      cyclicCourt.facilityUse = cyclicCourt
      expect(index.parentOf(slot(cyclicCourt))).toBeUndefined()
      const cyclicItem: Record<string, unknown> = { state: 'updated', kind: 'SessionSeries', id: '7', modified: 1 }
      cyclicItem.data = cyclicItem
      // Its data is itself, whose `id` names it: odd, but an answer, not a loop.
      index.add(cyclicItem)
      expect(index.get('7')).toBe(cyclicItem)
    })
  })

  it('never throws on arbitrary JSON, as parents or as children', () => {
    const item = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          state: fc.constantFrom('updated', 'deleted', 'other'),
          kind: fc.oneof(fc.string(), fc.jsonValue()),
          id: fc.oneof(fc.string(), fc.integer(), fc.jsonValue()),
          modified: fc.oneof(fc.integer(), fc.string(), fc.jsonValue()),
          data: fc.oneof(fc.jsonValue(), fc.record({ '@id': fc.string(), individualFacilityUse: fc.jsonValue() })),
        },
        { requiredKeys: [] },
      ),
    )
    fc.assert(
      fc.property(fc.array(item), fc.array(item), (parents, children) => {
        const index = createParentIndex(parents)
        for (const child of children) index.parentOf(child)
        expect(index.size).toBeLessThanOrEqual(parents.length)
      }),
    )
  })
})
