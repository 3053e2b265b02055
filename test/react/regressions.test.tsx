/**
 * Behaviour that once broke without a failing test (mutation testing found each):
 * the button must be usable again after the browser returns from Checkout and after
 * a custom navigation, modified clicks stay the browser's, an asChild element's
 * preventDefault is honoured, an equal provider re-render costs its buttons nothing,
 * and buttons opening at different times all open on time.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider, type BookingConfig } from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../sandbox/server.js'
import { DAY, NOW, iso, scheduledSession, sessionSeries } from '../fixtures.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
// Unmount while the clock may still be fake, so the buttons' timers are cleared on the clock that set them.
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const customer = { type: 'Person', email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace' } as const
const broker = { name: 'Acme Sports', url: 'https://acme.example.org/' }

const checkoutRequests = (since: number) => sandbox.requests.slice(since).filter((request) => request.method === 'POST')

function renderAuthenticated(ui: ReactNode, overrides: BookingConfig = {}) {
  return render(
    <BookingProvider
      checkoutBaseUrl={sandbox.url}
      getAuthToken={() => SANDBOX_TOKEN}
      useCheckout={useCheckout}
      customer={customer}
      broker={broker}
      now={NOW}
      {...overrides}
    >
      {ui}
    </BookingProvider>,
  )
}

function renderGuest(ui: ReactNode) {
  return render(
    <BookingProvider checkoutBaseUrl="checkout.example.com" now={NOW}>
      {ui}
    </BookingProvider>,
  )
}

/** Whether the last click that reached the document was left to the browser. */
function watchClicks() {
  const seen: boolean[] = []
  const listener = (event: Event) => seen.push(event.defaultPrevented)
  document.addEventListener('click', listener)
  return { leftToBrowser: () => seen.at(-1) === false, stop: () => document.removeEventListener('click', listener) }
}

describe('given a guest link with onNavigate', () => {
  it.each(['Control', 'Meta', 'Shift', 'Alt'])('leaves a %s-click to the browser (a new tab or window), not to the app’s router', async (key) => {
    const onNavigate = vi.fn()
    renderGuest(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} onNavigate={onNavigate} />)
    const clicks = watchClicks()
    // jsdom cannot open the tab the browser would; it reports the attempt.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const user = userEvent.setup()

    await user.keyboard(`{${key}>}`)
    await user.click(screen.getByRole('link', { name: 'Book' }))
    await user.keyboard(`{/${key}}`)
    clicks.stop()

    expect(onNavigate).not.toHaveBeenCalled()
    expect(clicks.leftToBrowser()).toBe(true)
  })

  it('hands a plain click to the app’s router instead of the browser', async () => {
    const onNavigate = vi.fn()
    renderGuest(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} onNavigate={onNavigate} />)
    const clicks = watchClicks()
    await userEvent.click(screen.getByRole('link', { name: 'Book' }))
    clicks.stop()
    expect(onNavigate).toHaveBeenCalledOnce()
    expect(clicks.leftToBrowser()).toBe(false)
  })
})

describe('given a guest link the app’s router does not take', () => {
  it.each([
    ['without onNavigate', {}],
    ['opening in a new tab', { target: '_blank', onNavigate: vi.fn() }],
  ])('leaves a plain click %s to the browser', async (_, props) => {
    renderGuest(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} {...props} />)
    const clicks = watchClicks()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await userEvent.click(screen.getByRole('link', { name: 'Book' }))
    clicks.stop()
    expect(clicks.leftToBrowser()).toBe(true)
    if ('onNavigate' in props) expect(props.onNavigate).not.toHaveBeenCalled()
  })
})

describe('given a click the broker’s own handler cancels', () => {
  it('does nothing more when the asChild element calls preventDefault: no onClick, no navigation', async () => {
    const onClick = vi.fn()
    const onNavigate = vi.fn()
    renderGuest(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild onClick={onClick} onNavigate={onNavigate}>
        <a onClick={(event) => event.preventDefault()}>Reserve a place</a>
      </BookButton>,
    )
    await userEvent.click(screen.getByRole('link', { name: 'Reserve a place' }))
    expect(onClick).not.toHaveBeenCalled()
    expect(onNavigate).not.toHaveBeenCalled()
  })

  it('creates no checkout session when the asChild element calls preventDefault', async () => {
    const before = sandbox.requests.length
    renderAuthenticated(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild>
        <button type="button" onClick={(event) => event.preventDefault()}>
          Reserve a place
        </button>
      </BookButton>,
    )
    const button = screen.getByRole('button', { name: 'Reserve a place' })
    await userEvent.click(button)
    expect(button).toHaveAttribute('data-state', 'bookable')
    expect(checkoutRequests(before)).toHaveLength(0)
  })

  it('creates no checkout session when its own onClick calls preventDefault', async () => {
    const before = sandbox.requests.length
    renderAuthenticated(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} onClick={(event) => event.preventDefault()} />)
    const button = screen.getByRole('button', { name: 'Book' })
    await userEvent.click(button)
    expect(button).toHaveAttribute('data-state', 'bookable')
    expect(checkoutRequests(before)).toHaveLength(0)
  })
})

describe('given a provider that re-renders', () => {
  it('does not re-render its buttons when its props are equal, and does when one changes', () => {
    // A className function runs on every render of its button.
    const renders = vi.fn(() => 'listing-cta')
    // The same element each time, as a parent's state change leaves a list of buttons: only the provider's value can reach them.
    const buttons = <BookButton opportunity={scheduledSession()} parent={sessionSeries()} className={renders} />
    const page = (locale: string) => (
      <BookingProvider checkoutBaseUrl="checkout.example.com" now={new Date(NOW)} locale={locale}>
        {buttons}
      </BookingProvider>
    )
    const { rerender } = render(page('en-GB'))
    expect(renders).toHaveBeenCalledTimes(1)

    rerender(page('en-GB'))
    expect(renders).toHaveBeenCalledTimes(1)

    rerender(page('fr-FR'))
    expect(renders).toHaveBeenCalledTimes(2)
  })
})

describe('given live time and buttons that open at different times', () => {
  const SECOND = 1_000
  // The window is P7D before the start: each opens `seconds` after NOW.
  const opensIn = (seconds: number) => scheduledSession({ identifier: `opens-in-${seconds}`, startDate: iso(NOW + 7 * DAY + seconds * SECOND) })

  function renderLive(openings: number[]) {
    render(
      <BookingProvider checkoutBaseUrl="checkout.example.com" locale="en-GB" timeZone="Europe/London">
        <ul>
          {openings.map((seconds) => (
            <li key={seconds} aria-label={`opens in ${seconds} s`}>
              <BookButton opportunity={opensIn(seconds)} parent={sessionSeries()} />
            </li>
          ))}
        </ul>
      </BookingProvider>,
    )
    return (seconds: number) => within(screen.getByRole('listitem', { name: `opens in ${seconds} s` })).getByRole('link').textContent
  }

  it.each([
    ['mounted earliest first', [10, 20, 30]],
    ['mounted latest first', [30, 20, 10]],
    ['mounted out of order', [20, 10, 30]],
  ])('opens each exactly on time, %s', (_, openings) => {
    vi.useFakeTimers({ now: NOW })
    const label = renderLive(openings)
    for (const seconds of [10, 20, 30]) expect(label(seconds)).toMatch(/^Opens/)

    for (const seconds of [10, 20, 30]) {
      act(() => vi.advanceTimersByTime(10 * SECOND - 1))
      expect(label(seconds)).toMatch(/^Opens/)
      act(() => vi.advanceTimersByTime(1))
      expect(label(seconds)).toBe('Book')
    }
  })
})
