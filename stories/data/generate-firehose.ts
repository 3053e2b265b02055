/**
 * A deterministic sample of the imin Firehose for stories and benchmarks: SessionSeries
 * with their ScheduledSessions, FacilityUses (some with courts) with their Slots, as RPDE
 * items. Start dates are relative to SAMPLE_NOW so every story renders the same states.
 *
 * Writes stories/data/firehose.json: `npx tsx stories/data/generate-firehose.ts`
 * Imported by stories in the browser too, so Node APIs load only when run as a script.
 */

/** The instant the sample is built around; pass it as `now` in stories. */
export const SAMPLE_NOW = '2027-03-08T09:00:00Z'
export const SAMPLE_SEED = 20270308

export interface RpdeItem {
  state: 'updated' | 'deleted'
  kind: string
  id: string
  modified: number
  data?: Record<string, unknown>
}

export interface FirehoseSample {
  generatedAt: string
  parents: RpdeItem[]
  children: RpdeItem[]
}

export interface FirehoseCounts {
  sessionSeries: number
  sessionsPerSeries: number
  facilityUses: number
  slotsPerFacilityUse: number
  /** Children whose parent never appears in the feed. */
  orphans: number
}

export const SAMPLE_COUNTS: FirehoseCounts = {
  sessionSeries: 36,
  sessionsPerSeries: 6,
  facilityUses: 10,
  slotsPerFacilityUse: 8,
  orphans: 8,
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Durations seen in real imin data, with their length; undefined means no lower bound. */
const BOOKING_WINDOWS: [string | undefined, number][] = [
  ['P7D', 7 * DAY],
  ['P1W', 7 * DAY],
  ['P6D', 6 * DAY],
  ['P1D', DAY],
  ['PT30M', 30 * MINUTE],
  ['P14DT22H10M', 14 * DAY + 22 * HOUR + 10 * MINUTE],
  ['P1DT16H', DAY + 16 * HOUR],
  [undefined, Infinity],
  [undefined, Infinity],
]

const SESSION_LENGTHS: [string, number][] = [
  ['PT45M', 45 * MINUTE],
  ['PT1H', HOUR],
  ['PT30M', 30 * MINUTE],
  ['PT1H30M', 90 * MINUTE],
]

const OFFSETS = ['Z', '+01:00', '+00:00'] as const

const ACTIVITIES = ['Yoga', 'Swimming', 'Boxercise', 'Pilates', 'Spin', 'Aqua Aerobics', 'Zumba', 'Body Pump', 'Netball', 'Tai Chi']
const BADMINTON = {
  '@type': 'Concept',
  '@id': 'https://openactive.io/activity-list#c0360db0-a817-4bae-9167-40f89b49fc9e',
  prefLabel: 'Badminton',
  inScheme: 'https://openactive.io/activity-list',
}
const FACILITIES = ['Badminton Courts', 'Squash Courts', 'Tennis Courts', 'Sports Hall', '5-a-side Pitch']
const VENUES: [string, string, string, string][] = [
  ['Riverside Leisure Centre', '12 Mill Lane', 'Bristol', 'BS1 4QA'],
  ['Northgate Sports Hub', '3 Station Road', 'Leeds', 'LS2 7HY'],
  ['Parkfield Pool & Gym', '88 Park Avenue', 'London', 'N4 2DW'],
  ['Castle Hill Community Centre', '1 Castle Street', 'Dursley', 'GL11 4BS'],
  ['Southbank Health Club', '240 Harbour Way', 'Cardiff', 'CF10 5AL'],
]
const ORGANIZERS = ['Riverside Leisure Trust', 'Active Northgate', 'Parkfield Community Sport', 'Castle Hill Fitness']

/**
 * What each child is set up to show at SAMPLE_NOW. `notYetOpen` needs a window with a
 * lower bound; under a series without one it is simply bookable.
 */
type ChildScenario = 'bookable' | 'notYetOpen' | 'started' | 'ended' | 'full' | 'cancelled' | 'unavailable'
const SESSION_SCENARIOS: ChildScenario[] = ['bookable', 'notYetOpen', 'full', 'bookable', 'started', 'cancelled', 'unavailable', 'bookable', 'ended']
const SLOT_SCENARIOS: ChildScenario[] = ['bookable', 'full', 'notYetOpen', 'bookable', 'started', 'unavailable', 'bookable']

/** mulberry32: tiny, fast and the same on every platform. */
function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    integer: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (probability: number) => next() < probability,
  }
}
type Random = ReturnType<typeof createRandom>

/** An instant written in a given offset, as publishers do; sometimes without seconds, as RPDE allows. */
function formatDateTime(instant: number, offset: (typeof OFFSETS)[number], withSeconds = true): string {
  const minutes = offset === '+01:00' ? 60 : 0
  const local = new Date(instant + minutes * MINUTE).toISOString().slice(0, withSeconds ? 19 : 16)
  return local + offset
}

const roundTo5Minutes = (instant: number) => Math.floor(instant / (5 * MINUTE)) * 5 * MINUTE

/** A start time that puts the child in its scenario's state for a series with this window. */
function startFor(scenario: ChildScenario, now: number, window: number, random: Random): number {
  switch (scenario) {
    case 'notYetOpen':
      if (window !== Infinity) return roundTo5Minutes(now + window + random.integer(1, 72) * HOUR) + 5 * MINUTE
      break
    case 'started':
      return roundTo5Minutes(now - random.integer(5, 40) * MINUTE)
    case 'ended':
      return roundTo5Minutes(now - random.integer(20, 48) * HOUR)
  }
  // Inside the window: at least 15 minutes from now, at least 10 minutes after it opens.
  const latest = Math.min(window, 6 * DAY) - 10 * MINUTE
  return roundTo5Minutes(now + 15 * MINUTE + random.next() * Math.max(0, latest - 15 * MINUTE))
}

/** Identifiers as Checkout takes them: numeric, a plain string or a full URL. */
function identifierFor(n: number): number | string {
  switch (n % 3) {
    case 0:
      return 14961 + n
    case 1:
      return String(1380172616 + n * 7)
    default:
      return `https://opendata.fusion-lifestyle.com/OpenActive/api/scheduled-sessions/${310003324 + n}`
  }
}

function place(random: Random) {
  const [name, streetAddress, addressLocality, postalCode] = random.pick(VENUES)
  return {
    '@type': 'Place',
    name,
    address: { '@type': 'PostalAddress', streetAddress, addressLocality, postalCode, addressCountry: 'GB' },
  }
}

function offer(id: string, price: number, bookable: boolean, validFromBeforeStartDate: string | undefined) {
  return {
    '@type': 'Offer',
    '@id': id,
    price,
    priceCurrency: 'GBP',
    'imin:isPotentiallyBookable': bookable,
    ...(validFromBeforeStartDate ? { validFromBeforeStartDate } : {}),
  }
}

/**
 * Builds the sample. `counts` scales it: the benchmark asks for 100,000 parents.
 * The same seed and counts always give the same items.
 */
export function generateFirehose(seed = SAMPLE_SEED, counts: Partial<FirehoseCounts> = {}, now = SAMPLE_NOW): FirehoseSample {
  const { sessionSeries, sessionsPerSeries, facilityUses, slotsPerFacilityUse, orphans } = { ...SAMPLE_COUNTS, ...counts }
  const random = createRandom(seed)
  const nowMs = Date.parse(now)
  const parents: RpdeItem[] = []
  const children: RpdeItem[] = []
  let modified = 1_772_900_000_000
  const updated = (kind: string, id: string, data: Record<string, unknown>): RpdeItem => ({
    state: 'updated',
    kind,
    id,
    modified: (modified += random.integer(1, 900)),
    data,
  })
  const deleted = (kind: string, id: string): RpdeItem => ({ state: 'deleted', kind, id, modified: (modified += random.integer(1, 900)) })
  let childNumber = 0

  function session(seriesId: string, source: string, scenario: ChildScenario, window: number): RpdeItem {
    const n = childNumber++
    const id = `${source}-ScheduledSession-${n}`
    const [duration, length] = random.pick(SESSION_LENGTHS)
    const start = startFor(scenario, nowMs, window, random)
    const offset = OFFSETS[n % OFFSETS.length] ?? 'Z'
    const maximum = random.pick([12, 16, 20, 24, 30])
    const remaining = scenario === 'full' ? 0 : random.integer(1, maximum)
    return updated('ScheduledSession', id, {
      '@context': ['https://openactive.io/', 'https://imin.co/'],
      '@type': 'ScheduledSession',
      '@id': `https://firehose.imin.co/firehose/scheduled-sessions/${id}`,
      identifier: identifierFor(n),
      superEvent: seriesId,
      startDate: formatDateTime(start, offset, n % 7 !== 3),
      endDate: formatDateTime(start + length, offset, n % 7 !== 3),
      duration,
      maximumAttendeeCapacity: maximum,
      remainingAttendeeCapacity: remaining,
      eventStatus: scenario === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
      // imin clears the flag on full occurrences; one cancelled session in two keeps it, as lagging data does.
      'imin:isPotentiallyBookable': !(scenario === 'full' || scenario === 'unavailable' || (scenario === 'cancelled' && n % 2 === 0)),
    })
  }

  function slot(facilityUseId: string, source: string, scenario: ChildScenario, window: number, withOwnOffer: boolean): RpdeItem {
    const n = childNumber++
    const id = `${source}-Slot-${n}`
    const slotId = `https://firehose.imin.co/firehose/slots/${id}`
    const [duration, length] = random.pick(SESSION_LENGTHS.slice(0, 2))
    const start = startFor(scenario, nowMs, window, random)
    const maximum = random.integer(1, 6)
    const price = random.pick([6.5, 8, 9.6, 12])
    return updated('Slot', id, {
      '@context': ['https://openactive.io/', 'https://imin.co/'],
      '@type': 'Slot',
      '@id': slotId,
      identifier: n % 2 === 0 ? 20_000 + n : `${source}-slot-${n}`,
      facilityUse: facilityUseId,
      startDate: formatDateTime(start, OFFSETS[n % OFFSETS.length] ?? 'Z'),
      endDate: formatDateTime(start + length, OFFSETS[n % OFFSETS.length] ?? 'Z'),
      duration,
      maximumUses: maximum,
      remainingUses: scenario === 'full' ? 0 : random.integer(1, maximum),
      offers: [{ '@type': 'Offer', '@id': `${slotId}#/offers/0`, price, priceCurrency: 'GBP' }],
      ...(withOwnOffer ? { 'imin:aggregateOffer': { publicAdult: offer(`${slotId}#/offers/0`, price, true, 'P7D') } } : {}),
      'imin:isPotentiallyBookable': !(scenario === 'full' || scenario === 'unavailable'),
    })
  }

  for (let i = 0; i < sessionSeries; i++) {
    const source = random.pick(['riverside', 'northgate', 'parkfield', 'castlehill'])
    const rpdeId = `${source}-SessionSeries-${1000 + i}`
    const seriesId = `https://firehose.imin.co/firehose/session-series/${rpdeId}`
    const activity = ACTIVITIES[i % ACTIVITIES.length] ?? 'Yoga'
    const childOnly = i % 10 === 4
    const offerUnavailable = i % 10 === 7
    const [validFrom, window] = BOOKING_WINDOWS[i % BOOKING_WINDOWS.length] ?? [undefined, Infinity]
    const price = random.pick([0, 3.5, 5, 5.5, 6.2, 7.8])
    const series = {
      '@context': ['https://openactive.io/', 'https://imin.co/'],
      '@type': 'SessionSeries',
      '@id': seriesId,
      identifier: i % 2 === 0 ? 5000 + i : `SS-${source}-${5000 + i}`,
      name: childOnly ? `Junior ${activity}` : `${activity}${i % 3 === 0 ? ' for Beginners' : ''}`,
      activity: [{ '@type': 'Concept', prefLabel: activity, inScheme: 'https://openactive.io/activity-list' }],
      location: place(random),
      organizer: { '@type': 'Organization', name: random.pick(ORGANIZERS) },
      'imin:aggregateOffer': {
        '@type': 'imin:AggregateOfferGroup',
        ...(childOnly
          ? { publicJunior: offer(`${seriesId}#/offers/junior`, Math.max(2, price - 2), true, validFrom) }
          : { publicAdult: offer(`${seriesId}#/offers/adult`, price, !offerUnavailable, validFrom) }),
      },
    }
    parents.push(updated('SessionSeries', rpdeId, series))
    for (let j = 0; j < sessionsPerSeries; j++) {
      const scenario = SESSION_SCENARIOS[(i + j) % SESSION_SCENARIOS.length] ?? 'bookable'
      children.push(session(seriesId, source, scenario, window))
    }
  }

  for (let i = 0; i < facilityUses; i++) {
    const source = random.pick(['riverside', 'northgate', 'parkfield'])
    const rpdeId = `${source}-FacilityUse-${FACILITIES[i % FACILITIES.length]?.replace(/\W+/g, '').toUpperCase()}-${i}`
    const facilityUseId = `https://firehose.imin.co/firehose/facility-uses/${rpdeId}`
    const courts =
      i % 2 === 0
        ? Array.from({ length: random.integer(2, 4) }, (_, c) => ({
            '@type': 'IndividualFacilityUse',
            '@id': `${facilityUseId}/individual-facility-uses/court-${c + 1}`,
            name: `Court ${c + 1}`,
          }))
        : undefined
    // One FacilityUse in five has no aggregate offer: its Slots carry their own, as imin's namespace allows.
    const ownOffers = i % 5 === 3
    const [validFrom, window] = i % 3 === 0 ? (['P7D', 7 * DAY] as const) : i % 3 === 1 ? (['P1DT16H', DAY + 16 * HOUR] as const) : [undefined, Infinity]
    const facilityUse = {
      '@context': ['https://openactive.io/', 'https://imin.co/'],
      '@type': 'FacilityUse',
      '@id': facilityUseId,
      identifier: `FU-${rpdeId}`,
      name: FACILITIES[i % FACILITIES.length],
      activity: [i % FACILITIES.length === 0 ? BADMINTON : { '@type': 'Concept', prefLabel: FACILITIES[i % FACILITIES.length], inScheme: 'https://openactive.io/activity-list' }],
      location: place(random),
      provider: { '@type': 'Organization', name: random.pick(ORGANIZERS) },
      ...(courts ? { individualFacilityUse: courts } : {}),
      ...(ownOffers
        ? {}
        : { 'imin:aggregateOffer': { '@type': 'imin:AggregateOfferGroup', publicAdult: offer(`${facilityUseId}#/offers/adult`, random.pick([6.5, 8, 12]), true, validFrom) } }),
    }
    parents.push(updated('FacilityUse', rpdeId, facilityUse))
    for (let j = 0; j < slotsPerFacilityUse; j++) {
      const scenario = SLOT_SCENARIOS[(i + j) % SLOT_SCENARIOS.length] ?? 'bookable'
      const court = courts?.[j % courts.length]
      children.push(slot(court ? court['@id'] : facilityUseId, source, scenario, ownOffers ? 7 * DAY : window, ownOffers))
    }
  }

  // Orphans: children whose parent the feed never sent (or has not sent yet).
  for (let i = 0; i < orphans; i++) {
    children.push(
      i % 4 === 3
        ? slot(`https://firehose.imin.co/firehose/facility-uses/missing-FacilityUse-${i}`, 'missing', 'bookable', Infinity, false)
        : session(`https://firehose.imin.co/firehose/session-series/missing-SessionSeries-${i}`, 'missing', 'bookable', Infinity),
    )
  }

  // A feed replayed over time also holds deletions and superseded versions.
  if (sessionSeries >= 4) {
    const withdrawn = parents[1]
    if (withdrawn) parents.push(deleted(withdrawn.kind, withdrawn.id))
    const renamed = parents[2]
    if (renamed?.data) {
      // An older version arriving late must not win over the newer one above.
      parents.push({ ...renamed, modified: renamed.modified - 1, data: { ...renamed.data, name: `${String(renamed.data.name)} (old timetable)` } })
    }
  }
  for (const withdrawn of [children[5], children[sessionSeries * sessionsPerSeries + 3]]) {
    if (withdrawn) children.push(deleted(withdrawn.kind, withdrawn.id))
  }

  return { generatedAt: now, parents, children }
}

async function writeSample(): Promise<void> {
  const { writeFileSync } = await import('node:fs')
  const sample = generateFirehose()
  const json = JSON.stringify(sample, null, 1) + '\n'
  const path = new URL('./firehose.json', import.meta.url)
  writeFileSync(path, json)
  console.log(`wrote ${path.pathname}: ${sample.parents.length} parents, ${sample.children.length} children, ${Math.round(json.length / 1024)} KB`)
}

if (globalThis.process?.argv[1]?.endsWith('generate-firehose.ts')) void writeSample()
