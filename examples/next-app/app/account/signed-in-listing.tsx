// examples/next-app/app/account/signed-in-listing.tsx
'use client'
import { BookButton, BookingProvider } from 'openactive-book-button'
import { checkoutBaseUrl } from '@/lib/checkout'
import { getSessionToken } from '@/lib/auth-client'
import type { ListingRow } from '@/lib/firehose'

/** Functions cannot cross from a server component, so getAuthToken is given here, in a client component. */
export function SignedInListing({ rows, renderedAt }: { rows: ListingRow[]; renderedAt: number }) {
  return (
    <BookingProvider
      checkoutBaseUrl={checkoutBaseUrl}
      endpoint="/api/checkout" // app/api/checkout/route.ts: it supplies the broker and the customer
      getAuthToken={getSessionToken}
      renderedAt={renderedAt}
      locale="en-GB"
      timeZone="Europe/London"
    >
      <h1>Your sessions</h1>
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
