/**
 * The listing every fixture app shows: the same sessions, the same parent and
 * the same Checkout host, so apps differ only in how they render the Book link.
 */
export const checkoutBaseUrl = 'checkout.acmesports.example'

export const series = {
  '@type': 'SessionSeries' as const,
  '@id': 'https://opendata.acmesports.example/session-series/1',
  name: 'Lane swimming',
  'imin:aggregateOffer': {
    publicAdult: {
      '@id': 'https://opendata.acmesports.example/session-series/1#/offers/adult',
      'imin:isPotentiallyBookable': true,
      validFromBeforeStartDate: 'P7D',
    },
  },
}

export const sessions = [1, 2, 3].map((day) => ({
  '@type': 'ScheduledSession' as const,
  identifier: `https://opendata.acmesports.example/scheduled-sessions/${day}`,
  superEvent: series['@id'],
  startDate: new Date(Date.now() + day * 86_400_000).toISOString(),
  remainingAttendeeCapacity: 8,
  'imin:isPotentiallyBookable': true,
}))

/** The guest Checkout address, written out by hand as an app without this package would. */
export const checkoutHref = (identifier: string) => `https://${checkoutBaseUrl}/v1/scheduled-sessions/${encodeURIComponent(identifier)}`

/** Stands in for the app's own data fetching (React Query apps load the listing with `useQuery`). */
export const fetchListing = async () => sessions

/** The listing as plain links to guest Checkout: the baseline every app is measured against. */
export function PlainLinks({ sessions }: { sessions: { identifier: string }[] }) {
  return (
    <ul>
      {sessions.map((session) => (
        <li key={session.identifier}>
          <a className="obb-button" href={checkoutHref(session.identifier)}>
            Book
          </a>
        </li>
      ))}
    </ul>
  )
}
