/**
 * A broker's page, built the way a broker builds one: it imports the published
 * package (resolved to dist/), never src/. The checkout host and mode come from
 * the query string: `?checkout=http://127.0.0.1:4010&mode=guest|authenticated|standalone`.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BookButton, BookingProvider } from 'openactive-book-button'
import { useCheckout } from 'openactive-book-button/checkout'
import 'openactive-book-button/styles.css'

const params = new URLSearchParams(location.search)
const checkoutBaseUrl = params.get('checkout') ?? ''
const mode = params.get('mode')
const authenticated = mode === 'authenticated'
const standalone = mode === 'standalone'
const theme = params.get('theme')
if (theme) document.documentElement.dataset.theme = theme

const startDate = new Date(Date.now() + 2 * 86_400_000).toISOString()
const series = {
  '@type': 'SessionSeries' as const,
  '@id': 'https://example.org/session-series/1',
  name: 'Evening swim',
  'imin:aggregateOffer': {
    publicAdult: { '@id': 'https://example.org/session-series/1#/offers/adult', 'imin:isPotentiallyBookable': true, validFromBeforeStartDate: 'P7D' },
  },
}
const session = (name: string, identifier: string | number) => ({
  name,
  opportunity: {
    '@type': 'ScheduledSession' as const,
    '@id': `https://example.org/scheduled-sessions/${encodeURIComponent(String(identifier))}`,
    identifier,
    superEvent: series['@id'],
    startDate,
    'imin:isPotentiallyBookable': true,
  },
})

/** A session from a publisher's own open-data feed: no imin flags, no parent, its own offers; Standalone Checkout takes its `@id`. */
const openDataSession = (name: string, id: string) => ({
  name,
  opportunity: { '@type': 'ScheduledSession', '@id': id, startDate, offers: [{ '@type': 'Offer', validFromBeforeStartDate: 'P7D' }] },
})

const sessions = standalone
  ? [
      openDataSession('Lane swim', 'https://opendata.example.org/api/scheduled-sessions/310003324'),
      openDataSession('Slow swim', 'https://opendata.example.org/api/scheduled-sessions/sandbox:slow'),
    ]
  : authenticated
  ? [
      session('Morning swim', 'https://opendata.example.org/api/scheduled-sessions/310003324'),
      session('Dodgy swim', 'sandbox:hostile-target'),
      session('Busy swim', 'sandbox:hang'),
    ]
  : [
      session('Morning swim', 'https://opendata.fusion-lifestyle.com/OpenActive/api/scheduled-sessions/310003324'),
      session('Odd swim', 'lane/2?level=adv#deep-end café 🏊'),
      session('Numbered swim', 14961),
    ]

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BookingProvider
      route={standalone ? 'standalone' : undefined}
      checkoutBaseUrl={checkoutBaseUrl}
      getAuthToken={authenticated ? async () => 'sandbox-token' : undefined}
      useCheckout={useCheckout}
      customer={{ type: 'Person', email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace' }}
      broker={{ name: 'Acme Sports', url: 'https://acme.example.org/' }}
    >
      <main>
        <h1>Sessions</h1>
        <a href="#top">Skip to the top</a>
        <ul>
          {sessions.map(({ name, opportunity }, index) => (
            <li key={name}>
              <h2 id={`session-${index}`}>{name}</h2>
              <BookButton opportunity={opportunity} parent={standalone ? undefined : series} aria-describedby={`session-${index}`} />
            </li>
          ))}
        </ul>
      </main>
    </BookingProvider>
  </StrictMode>,
)
