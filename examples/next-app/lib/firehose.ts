/**
 * Stands in for the broker's Firehose harvester: ScheduledSessions joined to
 * their SessionSeries. Start times are relative to `now`, so the example
 * always has something to book and something about to open.
 */
const DAY = 86_400_000

const series = {
  '@type': 'SessionSeries',
  '@id': 'https://opendata.example.org/api/session-series/yoga',
  name: 'Vinyasa yoga',
  'imin:aggregateOffer': {
    publicAdult: {
      '@type': 'Offer',
      // The offer the authenticated route books: the parent's publicAdult `@id`.
      '@id': 'https://opendata.example.org/api/session-series/yoga#/offers/adult',
      price: 8,
      priceCurrency: 'GBP',
      validFromBeforeStartDate: 'P7D',
      'imin:isPotentiallyBookable': true,
    },
  },
} as const

const session = (name: string, identifier: string | number, startsAt: number, remainingAttendeeCapacity = 20) => ({
  name,
  opportunity: {
    '@type': 'ScheduledSession',
    '@id': `https://opendata.example.org/api/scheduled-sessions/${encodeURIComponent(identifier)}`,
    identifier,
    superEvent: series['@id'],
    startDate: new Date(startsAt).toISOString(),
    remainingAttendeeCapacity,
    'imin:isPotentiallyBookable': true,
  } as const,
  parent: series,
})

export async function loadListing(now = Date.now()) {
  return [
    session('Sunrise yoga', 'https://opendata.example.org/api/scheduled-sessions/yoga-sunrise', now + 2 * DAY),
    session('Lunchtime yoga', 14961, now + 3 * DAY, 0),
    // Booking opens a day from now: HTML rendered before then must still hydrate once it has opened.
    session('Yoga next week', 'yoga-next-week', now + 8 * DAY),
  ]
}

export type ListingRow = Awaited<ReturnType<typeof loadListing>>[number]
