/**
 * The standalone route through the React layer: a button that creates a checkout
 * session through imin's Standalone Checkout from the opportunity's open-data `@id`,
 * over real HTTP against the sandbox, evaluated with the open-data rules.
 */
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider, CheckoutError, type BookingConfig } from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'
import { sandboxForThisFile } from '../sandbox/for-this-file.js'
import { SANDBOX_TOKEN } from '../sandbox/server.js'
import { DAY, NOW, iso, scheduledSession, sessionSeries } from '../fixtures.js'

// `sandbox:slow` answers wait in each test until it calls `sandbox.releaseSlowAnswers()`.
const sandbox = sandboxForThisFile()

/** A ScheduledSession as a publisher's own open-data feed gives it: no imin flags, no parent, its own offers. */
function openDataSession(id = 'https://opendata.example.org/sessions/310003324', overrides: Record<string, unknown> = {}) {
  return {
    '@context': 'https://openactive.io/',
    '@type': 'ScheduledSession',
    '@id': id,
    startDate: iso(NOW + 2 * DAY),
    offers: [{ '@type': 'Offer', price: 5.5, priceCurrency: 'GBP', validFromBeforeStartDate: 'P7D' }],
    ...overrides,
  }
}

function renderStandalone(ui: React.ReactNode, overrides: BookingConfig = {}) {
  return render(
    <BookingProvider route="standalone" checkoutBaseUrl={sandbox.url} useCheckout={useCheckout} now={NOW} {...overrides}>
      {ui}
    </BookingProvider>,
  )
}

/** The checkout sessions this test has asked for: the sandbox's log starts empty in each test. */
const standaloneRequests = () => sandbox.requests.filter((request) => request.method === 'POST')

describe('given an open-data session on the standalone route', () => {
  it('is a button that creates a Standalone Checkout session from its @id, then navigates to its page', async () => {
    const onNavigate = vi.fn()
    const onCheckoutCreated = vi.fn()
    renderStandalone(<BookButton opportunity={openDataSession()} onNavigate={onNavigate} onCheckoutCreated={onCheckoutCreated} />)
    const button = screen.getByRole('button', { name: 'Book' })
    expect(button).toHaveAttribute('type', 'button')
    expect(button).not.toHaveAttribute('href')
    await userEvent.click(button)
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())

    const [request] = standaloneRequests()
    expect(request?.path).toBe('/checkout-sessions')
    expect(JSON.parse(request!.body)['imin:initialOrder'].orderedItem).toEqual([
      { type: 'OrderItem', orderedItem: { type: 'ScheduledSession', id: 'https://opendata.example.org/sessions/310003324' } },
    ])
    const target = onNavigate.mock.calls[0]![0] as string
    expect(target).toMatch(new RegExp(`^${sandbox.origin}/opendata/`))
    expect(onCheckoutCreated).toHaveBeenCalledWith({ target })
  })

  it('makes one request for a burst of clicks, and is pending meanwhile', async () => {
    const onNavigate = vi.fn()
    renderStandalone(<BookButton opportunity={openDataSession('https://opendata.example.org/sessions/sandbox:slow')} onNavigate={onNavigate} />)
    const user = userEvent.setup()
    await user.tripleClick(screen.getByRole('button', { name: 'Book' }))
    expect(screen.getByRole('button', { name: 'Opening checkout…' })).toHaveAttribute('aria-busy', 'true')
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(standaloneRequests()).toHaveLength(1)
  })

  it('evaluates with the open-data rules: no imin flags or parent needed, and the offers’ window decides', () => {
    renderStandalone(
      <>
        <BookButton opportunity={openDataSession()} />
        <BookButton opportunity={openDataSession(undefined, { startDate: iso(NOW + 10 * DAY) })} />
        <BookButton opportunity={openDataSession(undefined, { offers: [{ '@type': 'Offer', validThroughBeforeStartDate: 'P3D' }] })} />
      </>,
    )
    const [open, notYet, closed] = screen.getAllByRole('button')
    expect(open).toHaveAttribute('data-state', 'bookable')
    expect(notYet).toHaveAttribute('data-state', 'not-yet-open')
    expect(closed).toHaveAttribute('data-state', 'booking-closed')
    expect(closed).toHaveAccessibleName('Booking closed')
  })

  it('evaluates with the rules it is given instead: imin’s want a parent', () => {
    renderStandalone(<BookButton opportunity={openDataSession()} rules="imin-firehose" />)
    expect(screen.getByRole('button')).toHaveAttribute('data-state', 'missing-parent')
  })

  it('shows imin’s "not bookable" answer, with no retry', async () => {
    const onError = vi.fn()
    renderStandalone(<BookButton opportunity={openDataSession('https://opendata.example.org/sessions/sandbox:unavailable')} onError={onError} />)
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    const button = await screen.findByRole('button', { name: 'Unavailable' })
    expect(button).toHaveAttribute('data-state', 'opportunity-unavailable')
    expect(button).toHaveAccessibleDescription('This is no longer available to book.')
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(CheckoutError)
    expect(onError.mock.calls[0]![0]).toMatchObject({ kind: 'unavailable' })
  })

  it('refuses an @id that is not a URL, sending nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const onError = vi.fn()
    renderStandalone(<BookButton opportunity={openDataSession('session-42')} onError={onError} />)
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    expect(await screen.findByRole('button', { name: 'Booking unavailable' })).toHaveAttribute('aria-disabled', 'true')
    expect(onError.mock.calls[0]![0]).toMatchObject({ kind: 'invalid-request' })
    expect(standaloneRequests()).toHaveLength(0)
    warn.mockRestore()
  })

  it('never sends the app’s sign-in token to the checkout host, only to its own endpoint', async () => {
    const onNavigate = vi.fn()
    const toImin = renderStandalone(<BookButton opportunity={openDataSession()} onNavigate={onNavigate} />, { getAuthToken: () => SANDBOX_TOKEN })
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(standaloneRequests()[0]?.headers.authorization).toBeUndefined()
    toImin.unmount()

    renderStandalone(<BookButton opportunity={openDataSession()} onNavigate={onNavigate} />, {
      getAuthToken: () => SANDBOX_TOKEN,
      endpoint: `${sandbox.url}/checkout-sessions`,
    })
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(onNavigate).toHaveBeenCalledTimes(2))
    expect(standaloneRequests()[1]?.headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN}`)
  })

  it('says it cannot book without a registered checkout, and sends nothing', async () => {
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    renderStandalone(<BookButton opportunity={openDataSession()} />, { useCheckout: undefined })
    const button = screen.getByRole('button', { name: 'Booking unavailable' })
    await userEvent.click(button)
    expect(standaloneRequests()).toHaveLength(0)
    expect(consoleWarn).toHaveBeenCalledOnce()
    expect(consoleWarn).toHaveBeenCalledWith(expect.stringContaining('openactive-book-button/checkout'))
    consoleWarn.mockRestore()
  })
})

describe('given the route prop', () => {
  const firehose = { opportunity: scheduledSession(), parent: sessionSeries() }

  it('defaults to authenticated with getAuthToken, else guest', () => {
    render(
      <BookingProvider checkoutBaseUrl={sandbox.url} useCheckout={useCheckout} now={NOW}>
        <BookButton {...firehose} />
        <BookButton {...firehose} getAuthToken={() => SANDBOX_TOKEN} endpoint="/api/checkout" />
      </BookingProvider>,
    )
    expect(screen.getByRole('link', { name: 'Book' })).toHaveAttribute('href', expect.stringContaining('/v1/scheduled-sessions/'))
    expect(screen.getByRole('button', { name: 'Book' })).toHaveAttribute('type', 'button')
  })

  it('on a button wins over the provider’s', () => {
    render(
      <BookingProvider route="standalone" checkoutBaseUrl={sandbox.url} useCheckout={useCheckout} now={NOW}>
        <BookButton {...firehose} route="guest" />
      </BookingProvider>,
    )
    expect(screen.getByRole('link', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
  })
})
