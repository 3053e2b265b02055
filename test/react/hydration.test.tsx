import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider } from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'
import { DAY, iso, scheduledSession, sessionSeries } from '../fixtures.js'
import { hydrate } from './hydrate.js'

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

it('hydrates without a mismatch, then shows the opening time in the viewer’s zone', async () => {
  const ui = (
    <BookingProvider checkoutBaseUrl="checkout.example.com" locale="en-GB">
      <BookButton opportunity={scheduledSession({ startDate: iso(Date.now() + 10 * DAY) })} parent={sessionSeries()} />
      <BookButton opportunity={scheduledSession({ startDate: iso(Date.now() + DAY) })} parent={sessionSeries()} getAuthToken={() => 't'} useCheckout={useCheckout} />
    </BookingProvider>
  )
  const container = document.createElement('div')
  container.innerHTML = renderToString(ui)
  document.body.append(container)
  expect(container.querySelector('a')).toHaveTextContent('Not open yet')

  const errors = vi.spyOn(console, 'error')
  const { recoverable } = await hydrate(container, ui)
  expect(recoverable).toEqual([])
  expect(errors).not.toHaveBeenCalled()
  expect(container.querySelector('a')).toHaveTextContent(/^Opens \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/)
  expect(container.querySelector('button')).toHaveTextContent('Book')
})
