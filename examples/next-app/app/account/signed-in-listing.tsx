// examples/next-app/app/account/signed-in-listing.tsx
'use client'
import { BookingProvider } from 'openactive-book-button'
import { useCheckout } from 'openactive-book-button/checkout'
import { SessionList } from '@/components/session-list'
import { getSessionToken } from '@/lib/auth-client'
import { checkoutBaseUrl } from '@/lib/checkout'
import type { ListingRow } from '@/lib/firehose'

/** Functions cannot cross from a server component, so getAuthToken is given here, in a client component. */
export function SignedInListing({ rows, renderedAt }: { rows: ListingRow[]; renderedAt: number }) {
  return (
    <BookingProvider
      checkoutBaseUrl={checkoutBaseUrl}
      endpoint="/api/checkout" // app/api/checkout/route.ts: it supplies the broker and the customer
      getAuthToken={getSessionToken}
      useCheckout={useCheckout}
      renderedAt={renderedAt}
      locale="en-GB"
      timeZone="Europe/London"
    >
      <h1>Your sessions</h1>
      <SessionList rows={rows} />
    </BookingProvider>
  )
}
