/**
 * A broker's server-rendered page of sessions: the same component renders on the
 * server (server.tsx) and hydrates in the browser (client.tsx), from the published
 * package (resolved to dist/).
 */
import { BookButton, BookingProvider } from 'openactive-book-button'
import { useCheckout } from 'openactive-book-button/checkout'
import 'openactive-book-button/styles.css'

/** What the server hands the browser, so both render the same page. */
export interface PageData {
  checkoutBaseUrl: string
  mode: 'guest' | 'authenticated'
  target?: '_blank'
  /** The server's render time, for renderedAt. */
  renderedAt: number
}

const series = {
  '@type': 'SessionSeries' as const,
  '@id': 'https://example.org/session-series/1',
  name: 'Evening swim',
  'imin:aggregateOffer': {
    publicAdult: { '@id': 'https://example.org/session-series/1#/offers/adult', 'imin:isPotentiallyBookable': true, validFromBeforeStartDate: 'P7D' },
  },
}

const DAY = 86_400_000

export function Sessions({ checkoutBaseUrl, mode, target, renderedAt }: PageData) {
  const sessions = [
    { name: 'Morning swim', identifier: 'https://opendata.example.org/api/scheduled-sessions/1', startDate: renderedAt + 2 * DAY },
    // Opens in six days: its label names the opening time, in the page's zone on server and browser alike.
    { name: 'Next week’s swim', identifier: 'https://opendata.example.org/api/scheduled-sessions/2', startDate: renderedAt + 13 * DAY },
    // The sandbox answers this one slowly.
    { name: 'Popular swim', identifier: 'sandbox:slow', startDate: renderedAt + 2 * DAY },
  ]
  return (
    <BookingProvider
      checkoutBaseUrl={checkoutBaseUrl}
      renderedAt={renderedAt}
      locale="en-GB"
      timeZone="Europe/London"
      getAuthToken={mode === 'authenticated' ? async () => 'sandbox-token' : undefined}
      useCheckout={useCheckout}
      customer={{ type: 'Person', email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace' }}
      broker={{ name: 'Acme Sports', url: 'https://acme.example.org/' }}
    >
      <main>
        <h1>Sessions</h1>
        <ul>
          {sessions.map(({ name, identifier, startDate }, index) => (
            <li key={identifier}>
              <h2 id={`session-${index}`}>{name}</h2>
              <BookButton
                opportunity={{
                  '@type': 'ScheduledSession',
                  '@id': `https://example.org/scheduled-sessions/${index}`,
                  identifier,
                  superEvent: series['@id'],
                  startDate: new Date(startDate).toISOString(),
                  'imin:isPotentiallyBookable': true,
                }}
                parent={series}
                target={target}
                aria-describedby={`session-${index}`}
              />
            </li>
          ))}
        </ul>
      </main>
    </BookingProvider>
  )
}
