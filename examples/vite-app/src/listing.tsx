// examples/vite-app/src/listing.tsx
import { BookButton, BookingProvider } from 'openactive-book-button'
import 'openactive-book-button/styles.css'
import type { SessionRow } from './sessions'

export function Listing({ rows }: { rows: SessionRow[] }) {
  return (
    <BookingProvider checkoutBaseUrl={import.meta.env.VITE_CHECKOUT_BASE_URL} locale="en-GB" timeZone="Europe/London">
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
