// examples/vite-app/src/listing.tsx
import { BookingProvider } from 'openactive-book-button'
import 'openactive-book-button/styles.css'
import { SessionList } from './session-list'
import type { SessionRow } from './sessions'

export function Listing({ rows }: { rows: SessionRow[] }) {
  return (
    <BookingProvider checkoutBaseUrl={import.meta.env.VITE_CHECKOUT_BASE_URL} locale="en-GB" timeZone="Europe/London">
      <SessionList rows={rows} />
    </BookingProvider>
  )
}
