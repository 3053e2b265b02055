/**
 * Stands in for the broker's own listing API: ScheduledSessions joined to their
 * SessionSeries, harvested from imin's Firehose. Start times are relative to
 * now, so the example always has something to book.
 */
const DAY = 86_400_000

const series = {
  '@type': 'SessionSeries',
  '@id': 'https://opendata.example.org/api/session-series/lane-swimming',
  name: 'Lane swimming',
  'imin:aggregateOffer': {
    publicAdult: {
      '@type': 'Offer',
      // The offer the authenticated route books: the parent's publicAdult `@id`.
      '@id': 'https://opendata.example.org/api/session-series/lane-swimming#/offers/adult',
      price: 5.5,
      priceCurrency: 'GBP',
      validFromBeforeStartDate: 'P7D',
      'imin:isPotentiallyBookable': true,
    },
  },
} as const

const session = (name: string, identifier: string, startsAt: number, remainingAttendeeCapacity = 12) => ({
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

export function sessionRows(now = Date.now()) {
  return [
    session('Early lanes', 'https://opendata.example.org/api/scheduled-sessions/310003324', now + 2 * DAY),
    session('Lunchtime lanes', 'lunchtime/2?level=adv#fast lane', now + 3 * DAY),
    session('Evening lanes', 'evening-lanes-full', now + 2 * DAY, 0),
    session('Lanes next fortnight', 'lanes-next-fortnight', now + 14 * DAY),
  ]
}

export type SessionRow = ReturnType<typeof sessionRows>[number]
