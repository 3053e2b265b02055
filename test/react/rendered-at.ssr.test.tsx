/** Server rendering with `renderedAt`, in Node: the time the HTML is rendered at, and the warning when it is missing. */
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider } from '../../src/index.js'
import { DAY, HOUR, NOW, iso, scheduledSession, sessionSeries } from '../fixtures.js'

// Booking opens one hour after NOW.
const page = (props: { renderedAt?: number; now?: number }) =>
  renderToString(
    <BookingProvider checkoutBaseUrl="checkout.example.com" {...props}>
      <BookButton opportunity={scheduledSession({ startDate: iso(NOW + 7 * DAY + HOUR) })} parent={sessionSeries()} />
    </BookingProvider>,
  )

afterEach(() => vi.restoreAllMocks())

describe('given server rendering', () => {
  it('renders at renderedAt, and says nothing', () => {
    const warned = vi.spyOn(console, 'warn')
    expect(page({ renderedAt: NOW })).toContain('data-state="not-yet-open"')
    expect(page({ renderedAt: NOW + 2 * HOUR })).toContain('data-state="bookable"')
    expect(page({ now: NOW })).toContain('data-state="not-yet-open"')
    expect(warned).not.toHaveBeenCalled()
  })

  it('warns once without renderedAt, naming the prop and the fix', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    page({})
    page({})
    expect(warned).toHaveBeenCalledOnce()
    const warning = String(warned.mock.calls[0])
    expect(warning).toContain('a booking window that opens or closes between the server render and hydration makes a hydration mismatch')
    expect(warning).toContain('`<BookingProvider renderedAt={Date.now()}>` in a server component')
  })
})
