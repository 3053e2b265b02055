// examples/next-app/app/sessions/page.tsx (a server component, prerendered at build time)
import { BookingProvider } from 'openactive-book-button'
import { SessionList } from '@/components/session-list'
import { checkoutBaseUrl } from '@/lib/checkout'
import { loadListing } from '@/lib/firehose'

export default async function SessionsPage() {
  const rows = await loadListing()
  return (
    // renderedAt: the browser's first render evaluates at the time this HTML was made, so hydration matches.
    <BookingProvider checkoutBaseUrl={checkoutBaseUrl} renderedAt={Date.now()} locale="en-GB" timeZone="Europe/London">
      <h1>Sessions</h1>
      <SessionList rows={rows} />
    </BookingProvider>
  )
}
