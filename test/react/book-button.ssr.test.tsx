import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { BookButton, BookingProvider } from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'
import { DAY, NOW, iso, scheduledSession, sessionSeries } from '../fixtures.js'

describe('given server rendering', () => {
  it('renders a guest button as a real link that works before hydration', () => {
    const html = renderToString(
      <BookingProvider checkoutBaseUrl="checkout.example.com">
        <BookButton opportunity={scheduledSession({ identifier: 'spin/class?#1', startDate: iso(Date.now() + DAY) })} parent={sessionSeries()} />
      </BookingProvider>,
    )
    expect(html).toBe(
      '<a class="obb-button" data-state="bookable" href="https://checkout.example.com/v1/scheduled-sessions/spin%2Fclass%3F%231">Book</a>' +
        '<span role="status" class="obb-live-region"></span>',
    )
  })

  it('renders an authenticated button as a button', () => {
    const html = renderToString(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} checkoutBaseUrl="checkout.example.com" now={NOW} getAuthToken={() => 'token'} useCheckout={useCheckout} />,
    )
    expect(html).toBe('<span class="obb-group"><button class="obb-button" data-state="bookable" type="button">Book</button></span>')
  })

  it('leaves an opening time in the viewer’s zone to the client', () => {
    const html = renderToString(
      <BookButton opportunity={scheduledSession({ startDate: iso(NOW + 10 * DAY) })} parent={sessionSeries()} checkoutBaseUrl="checkout.example.com" now={NOW} />,
    )
    expect(html).toContain('>Not open yet</a>')
  })

  it('shows the opening time at once when the zone and locale are fixed', () => {
    const html = renderToString(
      <BookButton
        opportunity={scheduledSession({ startDate: iso(NOW + 10 * DAY) })}
        parent={sessionSeries()}
        checkoutBaseUrl="checkout.example.com"
        now={NOW}
        locale="en-GB"
        timeZone="America/New_York"
      />,
    )
    expect(html).toContain('>Opens 11 Mar 2027, 04:00</a>')
  })

  it('renders malformed data as not bookable instead of throwing', () => {
    for (const opportunity of [null, 42, 'x', [], { startDate: {} }, { '@type': 'ScheduledSession', startDate: 'soon' }]) {
      // The types refuse such data; untyped JSON (`any`) can still carry it.
      const html = renderToString(<BookButton opportunity={opportunity as never} parent={{ '@type': 7 } as never} checkoutBaseUrl="checkout.example.com" now={NOW} />)
      expect(html).toContain('aria-disabled="true"')
    }
  })
})
