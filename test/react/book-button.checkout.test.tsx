/**
 * The authenticated route, end to end through the React layer: real HTTP on
 * 127.0.0.1 against the sandbox checkout server, no mocked fetch.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { StrictMode, type ReactNode } from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider, CheckoutError, useCheckout, type BookingConfig } from '../../src/index.js'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../sandbox/server.js'
import { NOW, scheduledSession, sessionSeries } from '../fixtures.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ slowMs: 300 })
})
afterAll(() => sandbox.close())

const customer = { type: 'Person', email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace' } as const
const broker = { name: 'Acme Sports', url: 'https://acme.example.org/' }

function config(overrides: BookingConfig = {}): BookingConfig {
  return { checkoutBaseUrl: sandbox.url, getAuthToken: () => SANDBOX_TOKEN, customer, broker, now: NOW, ...overrides }
}

function renderWithProvider(ui: ReactNode, overrides: BookingConfig = {}) {
  return render(<BookingProvider {...config(overrides)}>{ui}</BookingProvider>)
}

const checkoutRequests = (since: number) => sandbox.requests.slice(since).filter((request) => request.method === 'POST')

describe('given a bookable session in authenticated mode', () => {
  it('creates one checkout session with the bearer token, then navigates to its target', async () => {
    const before = sandbox.requests.length
    const onNavigate = vi.fn()
    const onCheckoutCreated = vi.fn()
    renderWithProvider(
      <BookButton opportunity={scheduledSession({ identifier: 'swim/42?#' })} parent={sessionSeries()} onNavigate={onNavigate} onCheckoutCreated={onCheckoutCreated} />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())

    const [request] = checkoutRequests(before)
    expect(request?.headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN}`)
    const body = JSON.parse(request!.body)
    expect(body['imin:initialOrder'].orderedItem[0].orderedItem).toEqual({ type: 'ScheduledSession', identifier: 'swim/42?#' })
    expect(body['imin:initialOrder'].customer).toEqual(customer)

    const target = onNavigate.mock.calls[0]![0] as string
    expect(target).toMatch(new RegExp(`^${sandbox.origin}/checkout/`))
    expect(onCheckoutCreated).toHaveBeenCalledWith({ target })
    // A custom navigation leaves the page here, so the button is ready again.
    expect(screen.getByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
  })

  it.each([
    ['rapid clicks', false],
    ['rapid clicks under StrictMode', true],
  ])('makes exactly one request for %s', async (_, strict) => {
    const before = sandbox.requests.length
    const onNavigate = vi.fn()
    const ui = <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate} />
    renderWithProvider(strict ? <StrictMode>{ui}</StrictMode> : ui)
    const button = screen.getByRole('button', { name: 'Book' })
    const user = userEvent.setup()
    await user.tripleClick(button)
    await user.click(button)
    button.focus()
    await user.keyboard('{Enter>5/}')
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(checkoutRequests(before)).toHaveLength(1)
  })

  it('is busy and says so politely while the session is created', async () => {
    const onNavigate = vi.fn()
    const { container } = renderWithProvider(
      <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate} />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    const button = screen.getByRole('button', { name: 'Opening checkout…' })
    expect(button).toHaveAttribute('data-state', 'pending')
    expect(button).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('status')).toHaveTextContent('Opening checkout…')
    expect(button).toHaveFocus()
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations).toEqual([])
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
  })

  it('opens a new tab inside the click, before the request, then points it at the target', async () => {
    const tab = { opener: {} as unknown, location: { href: '' }, close: vi.fn() }
    const open = vi.spyOn(window, 'open').mockImplementation(() => tab as unknown as Window)
    const before = sandbox.requests.length
    renderWithProvider(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} target="_blank" />)
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    expect(open).toHaveBeenCalledWith('', '_blank')
    expect(tab.opener).toBeNull()
    await waitFor(() => expect(tab.location.href).toMatch(new RegExp(`^${sandbox.origin}/checkout/`)))
    expect(checkoutRequests(before)).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
    open.mockRestore()
  })
})

describe('given a broker’s own element or app settings', () => {
  it('creates the session instead of following an asChild link’s own href', async () => {
    const before = sandbox.requests.length
    const onNavigate = vi.fn()
    const clicks: boolean[] = []
    renderWithProvider(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild onNavigate={onNavigate}>
        <a href="/sessions/42" onClick={(event) => queueMicrotask(() => clicks.push(event.defaultPrevented))} />
      </BookButton>,
    )
    // It acts as a button in authenticated mode, whatever element it is.
    const link = screen.getByRole('button', { name: 'Book' })
    expect(link).not.toHaveAttribute('type')
    await userEvent.click(link)
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(clicks).toEqual([true])
    expect(checkoutRequests(before)).toHaveLength(1)
  })

  it('ignores the app’s mutation defaults: offline mode and throwOnError', async () => {
    const { onlineManager } = await import('@tanstack/react-query')
    const appClient = new QueryClient({ defaultOptions: { mutations: { throwOnError: true, retry: 3, networkMode: 'online' } } })
    const before = sandbox.requests.length
    onlineManager.setOnline(false)
    try {
      render(
        <QueryClientProvider client={appClient}>
          <BookingProvider {...config()}>
            <BookButton opportunity={scheduledSession({ identifier: 'sandbox:full' })} parent={sessionSeries()} />
          </BookingProvider>
        </QueryClientProvider>,
      )
      await userEvent.click(screen.getByRole('button', { name: 'Book' }))
      expect(await screen.findByRole('button', { name: 'Try again' })).toHaveAccessibleDescription('This is now full.')
      expect(checkoutRequests(before)).toHaveLength(1)
    } finally {
      onlineManager.setOnline(true)
    }
  })

  it('does not stay locked when a callback throws', async () => {
    const errors: unknown[] = []
    const onUnhandled = (reason: unknown) => errors.push(reason)
    process.on('unhandledRejection', onUnhandled)
    const onNavigate = vi.fn()
    renderWithProvider(
      <BookButton
        opportunity={scheduledSession()}
        parent={sessionSeries()}
        onCheckoutCreated={() => {
          throw new Error('analytics is down')
        }}
        onNavigate={onNavigate}
      />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(errors).toHaveLength(1))
    process.off('unhandledRejection', onUnhandled)
    expect(screen.getByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
  })

  it('stays pending while the browser leaves, and recovers when it comes back from the page cache', async () => {
    const { container } = renderWithProvider(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} />)
    // jsdom cannot navigate; it reports the attempt and stays, like a page kept in the browser's cache.
    const jsdomErrors = vi.spyOn(console, 'error').mockImplementation(() => {})
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(container.querySelector('button')).toHaveAttribute('data-state', 'pending'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.getByRole('button', { name: 'Opening checkout…' })).toHaveAttribute('aria-busy', 'true')

    act(() => {
      const event = new Event('pageshow')
      Object.defineProperty(event, 'persisted', { value: true })
      window.dispatchEvent(event)
    })
    expect(await screen.findByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
    jsdomErrors.mockRestore()
  })

  it('aborts its request when it unmounts: nothing is reported and nothing navigates', async () => {
    const onError = vi.fn()
    const onCheckoutCreated = vi.fn()
    const onNavigate = vi.fn()
    const before = sandbox.requests.length
    const { unmount } = renderWithProvider(
      <BookButton
        opportunity={scheduledSession({ identifier: 'sandbox:slow' })}
        parent={sessionSeries()}
        onError={onError}
        onCheckoutCreated={onCheckoutCreated}
        onNavigate={onNavigate}
      />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(checkoutRequests(before)).toHaveLength(1))
    unmount()
    // Past the sandbox's slow answer (300 ms): a request left running would have created a session by now.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(onCheckoutCreated).not.toHaveBeenCalled()
    expect(onNavigate).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('given a checkout that fails', () => {
  it.each([
    ['unavailable', 'sandbox:unavailable', 'This is no longer available to book.'],
    ['unavailable', 'sandbox:not-bookable', 'This is no longer available to book.'],
    ['full', 'sandbox:full', 'This is now full.'],
    ['unauthorized', 'sandbox:forbidden', 'Please sign in again, then try again.'],
    ['http', 'sandbox:500', 'Checkout is not responding as expected. Please try again.'],
    ['network', 'sandbox:close', 'Could not reach checkout. Check your connection and try again.'],
    ['invalid-response', 'sandbox:not-json', 'Checkout answered in a way we did not understand. Please try again.'],
    ['unsafe-target', 'sandbox:hostile-target', 'Checkout sent us to an unexpected address, so we stopped.'],
    ['unsafe-target', 'sandbox:other-host-target', 'Checkout sent us to an unexpected address, so we stopped.'],
  ])('%s (%s): shows why, offers a retry, and never navigates', async (kind, identifier, message) => {
    const onNavigate = vi.fn()
    const onError = vi.fn()
    const { container } = renderWithProvider(
      <BookButton opportunity={scheduledSession({ identifier })} parent={sessionSeries()} onNavigate={onNavigate} onError={onError} />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    const retry = await screen.findByRole('button', { name: 'Try again' })
    expect(retry).toHaveAttribute('data-state', 'error')
    expect(retry).toHaveAccessibleDescription(message)
    expect(screen.getByRole('status')).toHaveTextContent(message)
    expect(onError).toHaveBeenCalledOnce()
    const error = onError.mock.calls[0]![0] as CheckoutError
    expect(error).toBeInstanceOf(CheckoutError)
    expect(error.kind).toBe(kind)
    expect(onNavigate).not.toHaveBeenCalled()
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations).toEqual([])
  })

  it('times out a checkout that never answers', async () => {
    const onError = vi.fn()
    renderWithProvider(<BookButton opportunity={scheduledSession({ identifier: 'sandbox:hang' })} parent={sessionSeries()} onError={onError} />, { timeoutMs: 150 })
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    expect(await screen.findByRole('button', { name: 'Try again' })).toHaveAccessibleDescription('Checkout took too long to answer. Please try again.')
    expect(onError.mock.calls[0]![0]).toMatchObject({ kind: 'timeout' })
  })

  it('retries on request and then succeeds, never leaking the token', async () => {
    const tokens = ['expired-token-1b2c3d', SANDBOX_TOKEN]
    const onNavigate = vi.fn()
    const onError = vi.fn()
    const onCheckoutCreated = vi.fn()
    renderWithProvider(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} onNavigate={onNavigate} onError={onError} onCheckoutCreated={onCheckoutCreated} />,
      { getAuthToken: () => tokens.shift()! },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(screen.getByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')

    const error = onError.mock.calls[0]![0] as CheckoutError
    expect(error.kind).toBe('unauthorized')
    const everythingSaid = [String(error), error.stack, JSON.stringify(error), JSON.stringify(onCheckoutCreated.mock.calls), document.body.innerHTML].join('\n')
    expect(everythingSaid).not.toContain('expired-token-1b2c3d')
    expect(everythingSaid).not.toContain(SANDBOX_TOKEN)
  })
})

describe('useCheckout', () => {
  const input = { opportunity: scheduledSession({ identifier: 'sandbox:slow' }), parent: sessionSeries() }

  it('works without any QueryClientProvider', async () => {
    const { result } = renderHook(() => useCheckout(config()))
    let target = ''
    await act(async () => {
      target = (await result.current.checkout(input)).target
    })
    expect(target).toMatch(new RegExp(`^${sandbox.origin}/checkout/`))
    await waitFor(() => expect(result.current.status).toBe('success'))
  })

  it('uses the app’s QueryClient when there is one, and the queryClient option over both', async () => {
    const appClient = new QueryClient()
    const ownClient = new QueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={appClient}>{children}</QueryClientProvider>
    const { result: viaApp } = renderHook(() => useCheckout(config()), { wrapper })
    const { result: viaOption } = renderHook(() => useCheckout(config({ queryClient: ownClient })), { wrapper })
    await act(() => viaApp.current.checkout(input))
    await act(() => viaOption.current.checkout(input))
    expect(appClient.getMutationCache().getAll()).toHaveLength(1)
    expect(ownClient.getMutationCache().getAll()).toHaveLength(1)
  })

  it('returns the same promise to a second call while the first is in flight', async () => {
    const before = sandbox.requests.length
    const { result } = renderHook(() => useCheckout(config()))
    let first: Promise<unknown> = Promise.resolve()
    let second: Promise<unknown> = Promise.resolve()
    act(() => {
      first = result.current.checkout(input)
      second = result.current.checkout(input)
    })
    expect(second).toBe(first)
    await act(() => first)
    expect(checkoutRequests(before)).toHaveLength(1)
  })

  it('aborts the request in flight on unmount', async () => {
    const { result, unmount } = renderHook(() => useCheckout(config()))
    let pending: Promise<unknown> = Promise.resolve()
    act(() => {
      pending = result.current.checkout({ ...input, opportunity: scheduledSession({ identifier: 'sandbox:hang' }) })
    })
    unmount()
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' })
  })
})
