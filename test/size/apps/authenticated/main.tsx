/** The same React Query app with authenticated Book buttons: checkout sessions created through the broker's backend. */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
// The package's import lines: the only lines to change when the checkout path moves.
import { BookButton, BookingProvider } from 'openactive-book-button'
import { useCheckout } from 'openactive-book-button/checkout'
import 'openactive-book-button/styles.css'
import { createRoot } from 'react-dom/client'
import { checkoutBaseUrl, fetchListing, series } from '../listing.js'

const getAuthToken = async () => sessionStorage.getItem('acme-session') ?? ''

function Listing() {
  const { data: sessions = [] } = useQuery({ queryKey: ['sessions'], queryFn: fetchListing })
  return (
    <BookingProvider checkoutBaseUrl={checkoutBaseUrl} endpoint="/api/checkout" getAuthToken={getAuthToken} useCheckout={useCheckout}>
      <ul>
        {sessions.map((session) => (
          <li key={session.identifier}>
            <BookButton opportunity={session} parent={series} />
          </li>
        ))}
      </ul>
    </BookingProvider>
  )
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <Listing />
  </QueryClientProvider>,
)
