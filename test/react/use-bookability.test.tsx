/**
 * The public useBookability hook, through a small component of the kind a broker
 * writes around it: a listing that says whether a session can be booked, and why not.
 */
import { act, cleanup, render, screen } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import type { ReactElement, ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BookingProvider, useBookability, type OpportunityInput, type ParentInput, type UseBookabilityOptions } from '../../src/index.js'
import { DAY, HOUR, NOW, iso, scheduledSession, sessionSeries } from '../fixtures.js'
import { hydrate } from './hydrate.js'

const SECOND = 1_000
// The window is P7D before the start: booking opens 10 s after NOW; the other session starts 10 s after NOW.
const opensSoon = scheduledSession({ startDate: iso(NOW + 7 * DAY + 10 * SECOND) })
const startsSoon = scheduledSession({ startDate: iso(NOW + 10 * SECOND) })

function Availability({ opportunity, parent = sessionSeries(), options }: { opportunity: OpportunityInput; parent?: ParentInput; options?: UseBookabilityOptions }) {
  const { bookable, state, reasons } = useBookability(opportunity, parent, options)
  return (
    <section aria-label="Availability">
      {bookable ? 'Book now' : `Not bookable: ${state}`} ({reasons.join(', ') || 'no reasons'})
    </section>
  )
}

const availability = () => screen.getByRole('region', { name: 'Availability' })

// Unmount while the clock may still be fake, so the buttons' timers are cleared on the clock that set them.
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('given live time', () => {
  it('follows the booking window as it opens, outside any provider', () => {
    vi.useFakeTimers({ now: NOW })
    render(<Availability opportunity={opensSoon} />)
    expect(availability()).toHaveTextContent('Not bookable: not-yet-open (not-yet-open)')

    act(() => vi.advanceTimersByTime(10 * SECOND - 1))
    expect(availability()).toHaveTextContent('Not bookable: not-yet-open')
    act(() => vi.advanceTimersByTime(1))
    expect(availability()).toHaveTextContent('Book now (no reasons)')
  })

  it('says a session has started, and stops its timer, the moment it starts', () => {
    vi.useFakeTimers({ now: NOW })
    const { unmount } = render(<Availability opportunity={startsSoon} />)
    expect(availability()).toHaveTextContent('Book now')

    act(() => vi.advanceTimersByTime(10 * SECOND))
    expect(availability()).toHaveTextContent('Not bookable: started (started)')
    // Nothing changes after the start: no timer is left waiting.
    expect(vi.getTimerCount()).toBe(0)
    unmount()
  })
})

describe('given a fixed now', () => {
  it('evaluates at that instant and never changes, with no timer', () => {
    vi.useFakeTimers({ now: NOW })
    render(<Availability opportunity={opensSoon} options={{ now: NOW + 2 * HOUR }} />)
    expect(availability()).toHaveTextContent('Book now')
    expect(vi.getTimerCount()).toBe(0)
    act(() => vi.advanceTimersByTime(8 * DAY))
    expect(availability()).toHaveTextContent('Book now')
  })

  it('takes the provider’s now, and its own option over the provider’s', () => {
    render(
      <BookingProvider now={new Date(NOW)}>
        <Availability opportunity={opensSoon} />
      </BookingProvider>,
    )
    expect(availability()).toHaveTextContent('Not bookable: not-yet-open')
    document.body.innerHTML = ''

    render(
      <BookingProvider now={NOW}>
        <Availability opportunity={opensSoon} options={{ now: NOW + HOUR }} />
      </BookingProvider>,
    )
    expect(availability()).toHaveTextContent('Book now')
  })
})

describe('given the provider’s route', () => {
  // A session as a publisher's own open-data feed gives it: no imin flags and no parent.
  const openData = {
    '@context': 'https://openactive.io/',
    '@type': 'ScheduledSession',
    '@id': 'https://opendata.example.org/sessions/1',
    startDate: iso(NOW + 2 * DAY),
    offers: [{ '@type': 'Offer', price: 5.5, priceCurrency: 'GBP', validFromBeforeStartDate: 'P7D' }],
  } as OpportunityInput
  function OpenDataAvailability({ options }: { options?: UseBookabilityOptions }) {
    const { bookable, reasons } = useBookability(openData, null, options)
    return <section aria-label="Availability">{bookable ? 'Book now' : `Not bookable (${reasons.join(', ')})`}</section>
  }

  it('decides with the open-data rules on the standalone route, and with its own rules option over them', () => {
    render(
      <BookingProvider route="standalone" now={NOW}>
        <OpenDataAvailability />
      </BookingProvider>,
    )
    expect(availability()).toHaveTextContent('Book now')
    cleanup()
    render(
      <BookingProvider route="standalone" now={NOW}>
        <OpenDataAvailability options={{ rules: 'imin-firehose' }} />
      </BookingProvider>,
    )
    expect(availability()).toHaveTextContent(/^Not bookable \(.+\)$/)
  })
})

describe('given the provider’s flag property', () => {
  const flaggedElsewhere = scheduledSession({ 'imin:isPotentiallyBookable': undefined, 'broker:canBook': true })
  const seriesFlaggedElsewhere = sessionSeries({}, { 'imin:isPotentiallyBookable': undefined, 'broker:canBook': true })
  const wrap = (ui: ReactNode) => (
    <BookingProvider now={NOW} flagProperty="broker:canBook">
      {ui}
    </BookingProvider>
  )

  it('reads the bookable flag where the provider says', () => {
    render(wrap(<Availability opportunity={flaggedElsewhere} parent={seriesFlaggedElsewhere} />))
    expect(availability()).toHaveTextContent('Book now')
  })

  it('reads it where its own option says, over the provider', () => {
    render(wrap(<Availability opportunity={flaggedElsewhere} parent={seriesFlaggedElsewhere} options={{ flagProperty: 'imin:isPotentiallyBookable' }} />))
    expect(availability()).toHaveTextContent('Not bookable: opportunity-unavailable')
  })
})

describe('given a page rendered on the server at renderedAt, before booking opened, and hydrated after', () => {
  async function serveThenHydrate(page: ReactElement) {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
    const container = document.createElement('div')
    container.innerHTML = renderToString(page)
    document.body.append(container)
    const serverText = container.textContent

    vi.setSystemTime(NOW + HOUR)
    const errors = vi.spyOn(console, 'error')
    const { recoverable } = await hydrate(container, page)
    return { serverText, problems: [...recoverable, ...errors.mock.calls] }
  }

  it('agrees with the server’s answer while hydrating, then answers at live time', async () => {
    const { serverText, problems } = await serveThenHydrate(
      <BookingProvider renderedAt={NOW}>
        <Availability opportunity={opensSoon} />
      </BookingProvider>,
    )
    expect(serverText).toContain('Not bookable: not-yet-open')
    expect(problems).toEqual([])
    expect(availability()).toHaveTextContent('Book now')
  })

  it('keeps a fixed now over renderedAt, on the server and after hydration', async () => {
    const { serverText, problems } = await serveThenHydrate(
      <BookingProvider renderedAt={NOW + HOUR}>
        <Availability opportunity={opensSoon} options={{ now: NOW }} />
      </BookingProvider>,
    )
    expect(serverText).toContain('Not bookable: not-yet-open')
    expect(problems).toEqual([])
    expect(availability()).toHaveTextContent('Not bookable: not-yet-open')
  })
})
