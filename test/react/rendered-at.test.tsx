/**
 * The SSR handoff: a page rendered on the server at `renderedAt`, hydrated in the
 * browser after a booking window opened, agrees with its server HTML (no hydration
 * warning), then follows live time.
 */
import { render, screen } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider, useBookability } from '../../src/index.js'
import { DAY, HOUR, NOW, iso, scheduledSession, sessionSeries } from '../fixtures.js'
import { hydrate } from './hydrate.js'

// Booking opens one hour after NOW: the window is P7D before a start 7 days and 1 hour away.
const session = scheduledSession({ startDate: iso(NOW + 7 * DAY + HOUR) })
const series = sessionSeries()

function HookAnswer() {
  return <p>The hook says {useBookability(session, series).state}</p>
}

function Page({ renderedAt }: { renderedAt?: number | Date }) {
  return (
    <BookingProvider checkoutBaseUrl="checkout.example.com" locale="en-GB" timeZone="Europe/London" renderedAt={renderedAt}>
      <BookButton opportunity={session} parent={series} />
      <HookAnswer />
    </BookingProvider>
  )
}

/** Renders `page` on "the server" at `serverTime`, then hydrates it in the browser at `browserTime`. */
async function serveThenHydrate(page: React.ReactElement, serverTime: number, browserTime: number) {
  vi.setSystemTime(serverTime)
  const container = document.createElement('div')
  container.innerHTML = renderToString(page)
  document.body.append(container)
  const serverHtml = container.innerHTML

  vi.setSystemTime(browserTime)
  const errors = vi.spyOn(console, 'error')
  const { recoverable } = await hydrate(container, page)
  return { serverHtml, errors: errors.mock.calls, recoverable }
}

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }))
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('given a page rendered on the server before booking opened and hydrated after', () => {
  it.each([
    ['epoch ms', NOW],
    ['a Date', new Date(NOW)],
  ])('hydrates without a mismatch at renderedAt as %s, then shows live time', async (_, renderedAt) => {
    const hydration = await serveThenHydrate(<Page renderedAt={renderedAt} />, NOW, NOW + 2 * HOUR)
    expect(hydration.serverHtml).toContain('>Opens 8 Mar 2027, 10:00</a>')
    expect(hydration.serverHtml).toContain('The hook says <!-- -->not-yet-open')

    expect(hydration.recoverable).toEqual([])
    expect(hydration.errors).toEqual([])
    expect(screen.getByRole('link', { name: 'Book' })).toHaveAttribute('href', expect.stringContaining('checkout.example.com'))
    expect(screen.getByText('The hook says bookable')).toBeInTheDocument()
  })

  it('without renderedAt, mismatches, and warns the developer once, naming the prop and the fix', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const hydration = await serveThenHydrate(<Page />, NOW, NOW + 2 * HOUR)
    expect(hydration.recoverable.length + hydration.errors.length).toBeGreaterThan(0)
    expect(warned).toHaveBeenCalledOnce()
    expect(String(warned.mock.calls[0])).toMatch(/renderedAt.*<BookingProvider renderedAt=\{Date\.now\(\)\}>/s)
  })
})

describe('given a provider with renderedAt that mounts in the browser, not from server HTML', () => {
  it('follows live time from the first render: there is nothing to agree with', () => {
    vi.setSystemTime(NOW + 2 * HOUR)
    render(<Page renderedAt={NOW} />)
    expect(screen.getByRole('link', { name: 'Book' })).toBeInTheDocument()
    expect(screen.getByText('The hook says bookable')).toBeInTheDocument()
  })
})
