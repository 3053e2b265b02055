/**
 * A guest-only listing, as a broker without React Query writes it: the React
 * entry and the stylesheet, nothing else. Its build fails if anything it
 * reaches asks for `@tanstack/react-query`.
 */
import { createRoot } from 'react-dom/client'
import { BookButton, BookingProvider } from 'openactive-book-button'
import 'openactive-book-button/styles.css'

const series = {
  '@type': 'SessionSeries' as const,
  '@id': 'https://example.org/session-series/1',
  'imin:aggregateOffer': { publicAdult: { 'imin:isPotentiallyBookable': true, validFromBeforeStartDate: 'P7D' } },
}
const session = {
  '@type': 'ScheduledSession' as const,
  identifier: 14961,
  superEvent: series['@id'],
  startDate: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  'imin:isPotentiallyBookable': true,
}

createRoot(document.getElementById('root')!).render(
  <BookingProvider checkoutBaseUrl="checkout.example.com">
    <BookButton opportunity={session} parent={series} />
  </BookingProvider>,
)
