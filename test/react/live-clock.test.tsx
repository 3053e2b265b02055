import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider } from '../../src/index.js'
import { DAY, HOUR, NOW, iso, scheduledSession, sessionSeries } from '../fixtures.js'

// Opens one hour after NOW: the window is P7D before a start of 7 days and 1 hour away.
const opensInAnHour = () => scheduledSession({ startDate: iso(NOW + 7 * DAY + HOUR) })

function renderLiveButton() {
  return render(
    <BookingProvider checkoutBaseUrl="checkout.example.com" locale="en-GB" timeZone="Europe/London">
      <BookButton opportunity={opensInAnHour()} parent={sessionSeries()} />
    </BookingProvider>,
  )
}

/** A machine sleep: wall-clock time moves on while no timer runs. */
function sleepFor(ms: number) {
  vi.setSystemTime(Date.now() + ms)
}

describe('given live time and a machine that sleeps', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }))
  // Unmount while the clock is still fake, so the buttons' timer is cleared on the clock that set it.
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it.each([
    ['the page becomes visible again', () => document.dispatchEvent(new Event('visibilitychange'))],
    ['the browser shows the page again', () => window.dispatchEvent(new Event('pageshow'))],
    ['the window regains focus', () => window.dispatchEvent(new Event('focus'))],
  ])('opens as soon as %s after booking opened during the sleep', (_, wake) => {
    renderLiveButton()
    expect(screen.getByRole('link', { name: /^Opens/ })).toBeInTheDocument()

    sleepFor(2 * HOUR)
    expect(screen.getByRole('link', { name: /^Opens/ })).toBeInTheDocument()

    act(wake)
    expect(screen.getByRole('link', { name: 'Book' })).toBeInTheDocument()
  })

  it('still wakes for a button opening later once another has started and waits for nothing more', () => {
    render(
      <BookingProvider checkoutBaseUrl="checkout.example.com" locale="en-GB" timeZone="Europe/London">
        <BookButton opportunity={scheduledSession({ identifier: 'starts-in-an-hour', startDate: iso(NOW + HOUR) })} parent={sessionSeries()} />
        <BookButton opportunity={scheduledSession({ identifier: 'opens-in-3-hours', startDate: iso(NOW + 7 * DAY + 3 * HOUR) })} parent={sessionSeries()} />
      </BookingProvider>,
    )
    act(() => vi.advanceTimersByTime(HOUR))
    expect(screen.getByRole('link', { name: 'Started' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /^Opens/ })).toBeInTheDocument()

    sleepFor(3 * HOUR)
    act(() => window.dispatchEvent(new Event('focus')))
    expect(screen.getByRole('link', { name: 'Book' })).toBeInTheDocument()
  })

  it('keeps a single timer however often the page wakes', () => {
    renderLiveButton()
    for (let wake = 0; wake < 5; wake++) {
      act(() => window.dispatchEvent(new Event('focus')))
      act(() => document.dispatchEvent(new Event('visibilitychange')))
    }
    expect(vi.getTimerCount()).toBe(1)
    act(() => vi.advanceTimersByTime(5 * 60_000))
    expect(vi.getTimerCount()).toBe(1)
  })

  it('catches up within a minute of waking, even when no event says so', () => {
    renderLiveButton()
    sleepFor(2 * HOUR)

    act(() => vi.advanceTimersByTime(59_999))
    expect(screen.getByRole('link', { name: /^Opens/ })).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(1))
    expect(screen.getByRole('link', { name: 'Book' })).toBeInTheDocument()
  })

  it('still holds a single timer, and listens for nothing once every button is gone', () => {
    const spies = [window, document].map((target) => ({ added: vi.spyOn(target, 'addEventListener'), removed: vi.spyOn(target, 'removeEventListener') }))
    const { unmount } = renderLiveButton()
    expect(vi.getTimerCount()).toBe(1)
    const wakeTypes = ['pageshow', 'focus', 'visibilitychange']
    const wakeListeners = spies.flatMap(({ added, removed }) =>
      added.mock.calls.filter(([type]) => wakeTypes.includes(type)).map(([type, listener]) => ({ type, listener, removed })),
    )
    expect(wakeListeners.map(({ type }) => type).sort()).toEqual([...wakeTypes].sort())

    unmount()
    expect(vi.getTimerCount()).toBe(0)
    for (const { type, listener, removed } of wakeListeners)
      expect(removed.mock.calls.some(([removedType, removedListener]) => removedType === type && removedListener === listener), type).toBe(true)
  })
})
