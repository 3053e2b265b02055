/**
 * The page the Chromium mount benchmark drives: 1,000 bookable sessions,
 * mounted as plain links or as Book buttons, with the package's stylesheet.
 * Built for production from the packed package, as a broker's page is.
 */
import type { ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { BookButton, BookingProvider, guestCheckoutUrl } from 'openactive-book-button'
import 'openactive-book-button/styles.css'

export type Listing = 'links' | 'fixed' | 'live'
export interface MountBenchmarkPage {
  /** Mounts one listing, measures render plus layout, counts its Book links, then unmounts it. */
  mountListing(listing: Listing): { ms: number; links: number }
}

const COUNT = 1_000
const now = Date.now()
const checkoutBaseUrl = 'checkout.example.com'
const parent = {
  '@type': 'SessionSeries' as const,
  '@id': 'https://example.org/session-series/1',
  'imin:aggregateOffer': { publicAdult: { '@id': 'offer', 'imin:isPotentiallyBookable': true, validFromBeforeStartDate: 'P7D' } },
}
// Every session bookable, so both listings produce the same links.
const sessions = Array.from({ length: COUNT }, (_, index) => ({
  '@type': 'ScheduledSession' as const,
  identifier: `https://opendata.example.org/api/scheduled-sessions/${index}`,
  superEvent: parent['@id'],
  startDate: new Date(now + (index + 1) * 60_000).toISOString(),
  remainingAttendeeCapacity: 5,
  'imin:isPotentiallyBookable': true,
}))
const hrefs = sessions.map((opportunity) => guestCheckoutUrl(opportunity, { checkoutBaseUrl }))

const listings: Record<Listing, () => ReactNode> = {
  links: () => (
    <ul>
      {hrefs.map((href) => (
        <li key={href}>
          <a className="obb-button" href={href}>
            Book
          </a>
        </li>
      ))}
    </ul>
  ),
  fixed: () => buttons(now),
  live: () => buttons(undefined),
}

function buttons(fixedNow: number | undefined) {
  return (
    <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={fixedNow}>
      <ul>
        {sessions.map((opportunity) => (
          <li key={opportunity.identifier}>
            <BookButton opportunity={opportunity} parent={parent} />
          </li>
        ))}
      </ul>
    </BookingProvider>
  )
}

const page: MountBenchmarkPage = {
  mountListing(listing) {
    const container = document.body.appendChild(document.createElement('div'))
    const root = createRoot(container)
    const start = performance.now()
    flushSync(() => root.render(listings[listing]()))
    void container.getBoundingClientRect() // forces style and layout of the new elements
    const ms = performance.now() - start
    const links = container.querySelectorAll('a.obb-button[href^="https://checkout.example.com/"]').length
    root.unmount()
    container.remove()
    return { ms, links }
  },
}
Object.assign(window, page)
