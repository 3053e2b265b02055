// examples/vite-app/src/signed-in-listing.tsx
import { BookingProvider } from 'openactive-book-button'
import { useCheckout } from 'openactive-book-button/checkout'
import 'openactive-book-button/styles.css'
import { getSessionToken } from './auth'
import { SessionList } from './session-list'
import type { SessionRow } from './sessions'

/** Signed-in customers skip the details form: the backend tells imin who they are. */
export function SignedInListing({ rows }: { rows: SessionRow[] }) {
  return (
    <BookingProvider
      checkoutBaseUrl={import.meta.env.VITE_CHECKOUT_BASE_URL}
      endpoint="/api/checkout" // the broker's backend: examples/node-server
      getAuthToken={getSessionToken}
      useCheckout={useCheckout}
      locale="en-GB"
      timeZone="Europe/London"
    >
      <SessionList rows={rows} />
    </BookingProvider>
  )
}
