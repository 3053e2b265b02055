// examples/vite-app/src/signed-in-listing.tsx
import { BookButton, BookingProvider } from 'openactive-book-button'
import 'openactive-book-button/styles.css'
import { getSessionToken } from './auth'
import type { SessionRow } from './sessions'

/** Signed-in customers skip the details form: the backend sends imin who they are. */
export function SignedInListing({ rows }: { rows: SessionRow[] }) {
  return (
    <BookingProvider
      checkoutBaseUrl={import.meta.env.VITE_CHECKOUT_BASE_URL}
      endpoint="/api/checkout" // the broker's backend: examples/node-server
      getAuthToken={getSessionToken}
      locale="en-GB"
      timeZone="Europe/London"
    >
      <ul>
        {rows.map(({ name, opportunity, parent }) => (
          <li key={opportunity['@id']}>
            <h2>{name}</h2>
            <BookButton opportunity={opportunity} parent={parent} />
          </li>
        ))}
      </ul>
    </BookingProvider>
  )
}
