/**
 * `onError`, `onCheckoutCreated` and `onStateChange` on BookingProvider: called for
 * every button below it, after the button's own, with the data of the button they
 * are about. Real HTTP against the sandbox.
 */
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider, CheckoutError } from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../sandbox/server.js'
import { NOW, scheduledSession, sessionSeries } from '../fixtures.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

const broker = { name: 'Acme Sports', url: 'https://acme.example.org/' }
const customer = { type: 'Person', email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace' } as const
const series = sessionSeries()

function AuthenticatedProvider(props: React.ComponentProps<typeof BookingProvider>) {
  return <BookingProvider checkoutBaseUrl={sandbox.url} getAuthToken={() => SANDBOX_TOKEN} useCheckout={useCheckout} customer={customer} broker={broker} now={NOW} {...props} />
}

describe('given callbacks on the provider', () => {
  it('reports every button’s created session and state, with the button’s own callbacks called first', async () => {
    const calls: string[] = []
    const onCheckoutCreated = vi.fn(() => calls.push('provider'))
    const onStateChange = vi.fn()
    const first = scheduledSession({ identifier: 'swim-1' })
    const second = scheduledSession({ identifier: 'swim-2' })
    render(
      <AuthenticatedProvider onCheckoutCreated={onCheckoutCreated} onStateChange={onStateChange}>
        <BookButton opportunity={first} parent={series} onNavigate={() => {}} onCheckoutCreated={() => calls.push('button')} />
        <BookButton opportunity={second} parent={series} onNavigate={() => {}} />
      </AuthenticatedProvider>,
    )
    const [firstButton, secondButton] = screen.getAllByRole('button', { name: 'Book' })
    await userEvent.click(firstButton!)
    await userEvent.click(secondButton!)
    await waitFor(() => expect(onCheckoutCreated).toHaveBeenCalledTimes(2))

    expect(calls).toEqual(['button', 'provider', 'provider'])
    expect(onCheckoutCreated).toHaveBeenCalledWith({ target: expect.stringMatching(`^${sandbox.origin}/checkout/`) }, { opportunity: first, parent: series })
    expect(onCheckoutCreated).toHaveBeenCalledWith({ target: expect.stringMatching(`^${sandbox.origin}/checkout/`) }, { opportunity: second, parent: series })
    expect(onStateChange).toHaveBeenCalledWith('pending', expect.objectContaining({ bookable: true }), { opportunity: first, parent: series })
    expect(onStateChange).toHaveBeenCalledWith('pending', expect.objectContaining({ bookable: true }), { opportunity: second, parent: series })
  })

  it('reports every failure to the button’s onError and the provider’s', async () => {
    const onError = vi.fn()
    const ownOnError = vi.fn()
    const failing = scheduledSession({ identifier: 'sandbox:500' })
    render(
      <AuthenticatedProvider onError={onError}>
        <BookButton opportunity={failing} parent={series} onError={ownOnError} />
      </AuthenticatedProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(onError).toHaveBeenCalledOnce())
    const [error, button] = onError.mock.calls[0]!
    expect(error).toBeInstanceOf(CheckoutError)
    expect(error).toMatchObject({ kind: 'http' })
    expect(button).toEqual({ opportunity: failing, parent: series })
    expect(ownOnError).toHaveBeenCalledWith(error)
  })

  it('calls each provider’s callback for a button inside nested providers, inner first', async () => {
    const calls: string[] = []
    render(
      <AuthenticatedProvider onError={() => calls.push('outer')}>
        <BookingProvider labels={{ book: 'Reserve' }} onError={() => calls.push('inner')}>
          <BookButton opportunity={scheduledSession({ identifier: 'sandbox:full' })} parent={series} />
        </BookingProvider>
      </AuthenticatedProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Reserve' }))
    await waitFor(() => expect(calls).toEqual(['inner', 'outer']))
  })

  it('uses the latest callbacks the provider was rendered with', async () => {
    const before = vi.fn()
    const after = vi.fn()
    const ui = (onError: () => void) => (
      <AuthenticatedProvider onError={onError}>
        <BookButton opportunity={scheduledSession({ identifier: 'sandbox:500' })} parent={series} />
      </AuthenticatedProvider>
    )
    const { rerender } = render(ui(before))
    rerender(ui(after))
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(after).toHaveBeenCalledOnce())
    expect(before).not.toHaveBeenCalled()
  })
})
