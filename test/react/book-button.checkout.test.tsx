/**
 * The authenticated route, end to end through the React layer: real HTTP on
 * 127.0.0.1 against the sandbox checkout server, no mocked fetch.
 */
import { QueryClient, QueryClientProvider, useIsMutating } from '@tanstack/react-query'
import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { StrictMode, type ComponentProps, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider, CheckoutError, useCheckout as useCheckoutFromMainEntry, type BookingConfig } from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'
import { sandboxForThisFile } from '../sandbox/for-this-file.js'
import { SANDBOX_TOKEN } from '../sandbox/server.js'
import { NOW, scheduledSession, sessionSeries } from '../fixtures.js'

// `sandbox:slow` answers wait in each test until it calls `sandbox.releaseSlowAnswers()`.
const sandbox = sandboxForThisFile()

const customer = { type: 'Person', email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace' } as const
const broker = { name: 'Acme Sports', url: 'https://acme.example.org/' }

function config(overrides: BookingConfig = {}): BookingConfig {
  return { checkoutBaseUrl: sandbox.url, getAuthToken: () => SANDBOX_TOKEN, useCheckout, customer, broker, now: NOW, ...overrides }
}

function renderWithProvider(ui: ReactNode, overrides: BookingConfig = {}) {
  return render(<BookingProvider {...config(overrides)}>{ui}</BookingProvider>)
}

/** The checkout sessions this test has asked for: the sandbox's log starts empty in each test. */
const checkoutRequests = () => sandbox.requests.filter((request) => request.method === 'POST')

describe('given a bookable session in authenticated mode', () => {
  it('creates one checkout session with the bearer token, then navigates to its target', async () => {
    const onNavigate = vi.fn()
    const onCheckoutCreated = vi.fn()
    const open = vi.spyOn(window, 'open')
    renderWithProvider(
      <BookButton opportunity={scheduledSession({ identifier: 'swim/42?#' })} parent={sessionSeries()} onNavigate={onNavigate} onCheckoutCreated={onCheckoutCreated} />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())

    const [request] = checkoutRequests()
    expect(request?.headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN}`)
    const body = JSON.parse(request!.body)
    expect(body['imin:initialOrder'].orderedItem[0].orderedItem).toEqual({ type: 'ScheduledSession', identifier: 'swim/42?#' })
    expect(body['imin:initialOrder'].customer).toEqual(customer)

    const target = onNavigate.mock.calls[0]![0] as string
    expect(target).toMatch(new RegExp(`^${sandbox.origin}/checkout/`))
    expect(onCheckoutCreated).toHaveBeenCalledWith({ target })
    // Same tab: no blank tab is left behind.
    expect(open).not.toHaveBeenCalled()
    open.mockRestore()
    // The app's router is on its way to Checkout: the button stays pending until then.
    expect(screen.getByRole('button', { name: 'Opening checkout…' })).toHaveAttribute('aria-disabled', 'true')
  })

  it.each([
    ['rapid clicks', false],
    ['rapid clicks under StrictMode', true],
  ])('makes exactly one request for %s', async (_, strict) => {
    const onNavigate = vi.fn()
    const ui = <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate} />
    renderWithProvider(strict ? <StrictMode>{ui}</StrictMode> : ui)
    const button = screen.getByRole('button', { name: 'Book' })
    const user = userEvent.setup()
    await user.tripleClick(button)
    await user.click(button)
    button.focus()
    await user.keyboard('{Enter>5/}')
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(checkoutRequests()).toHaveLength(1)
  })

  it('is busy and says so politely while the session is created', async () => {
    const onNavigate = vi.fn()
    const ui = (className: string) => <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate} className={className} />
    const { container, rerender } = renderWithProvider(ui('listing'))
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    // Said once: a re-render while pending does not say it again.
    rerender(<BookingProvider {...config()}>{ui('listing highlighted')}</BookingProvider>)
    expect(screen.getByRole('status').textContent).toBe('Opening checkout…')
    const button = screen.getByRole('button', { name: 'Opening checkout…' })
    expect(button).toHaveAttribute('data-state', 'pending')
    expect(button).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('status')).toHaveTextContent('Opening checkout…')
    expect(button).toHaveFocus()
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations).toEqual([])
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
  })

  it('keeps the words it had on show while pending, as they were at the click', async () => {
    const onNavigate = vi.fn()
    const ui = (book: string) => (
      <BookingProvider {...config({ labels: { book } })}>
        <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate} />
      </BookingProvider>
    )
    const { rerender } = render(ui('Book'))
    // The app changes its words before the click: the button shows the new ones.
    rerender(ui('Book now'))
    await userEvent.click(screen.getByRole('button', { name: 'Book now' }))
    const button = screen.getByRole('button', { name: 'Opening checkout…' })
    // Seen, not heard: the label stays in place beside the indicator, so the button keeps its width.
    expect(within(button).getByText('Book now')).toHaveAttribute('aria-hidden', 'true')
    expect(within(button).queryAllByText('Opening checkout…')).toHaveLength(1)
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
  })

  it('gives render functions the pending words while the session is created', async () => {
    const onNavigate = vi.fn()
    renderWithProvider(
      <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate}>
        {({ label, isPending }) => `${label}${isPending ? ' (please wait)' : ''}`}
      </BookButton>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    expect(screen.getByRole('button', { name: 'Opening checkout… (please wait)' })).toHaveAttribute('data-state', 'pending')
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
  })

  it('opens a new tab inside the click, before the request, then points it at the target', async () => {
    const tab = { opener: {} as unknown, location: { href: '' }, close: vi.fn() }
    const open = vi.spyOn(window, 'open').mockImplementation(() => tab as unknown as Window)
    renderWithProvider(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} target="_blank" />)
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    expect(open).toHaveBeenCalledWith('', '_blank')
    expect(tab.opener).toBeNull()
    await waitFor(() => expect(tab.location.href).toMatch(new RegExp(`^${sandbox.origin}/checkout/`)))
    expect(checkoutRequests()).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Opening checkout…' })).toHaveAttribute('data-state', 'pending')
    open.mockRestore()
  })
})

describe('given a broker’s own element or app settings', () => {
  it('creates the session instead of following an asChild link’s own href', async () => {
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
    expect(checkoutRequests()).toHaveLength(1)
  })

  it('ignores the app’s mutation defaults: offline mode and throwOnError', async () => {
    const { onlineManager } = await import('@tanstack/react-query')
    const appClient = new QueryClient({ defaultOptions: { mutations: { throwOnError: true, retry: 3, networkMode: 'online' } } })
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
      expect(await screen.findByRole('button', { name: 'Full' })).toHaveAccessibleDescription('This is now full.')
      expect(checkoutRequests()).toHaveLength(1)
    } finally {
      onlineManager.setOnline(true)
    }
  })

  it('hands Checkout to the callbacks of the latest render, even when they change while the session is created', async () => {
    const firstNavigate = vi.fn()
    const firstCreated = vi.fn()
    const latestNavigate = vi.fn()
    const latestCreated = vi.fn()
    const button = (onNavigate: () => void, onCheckoutCreated: () => void) => (
      <BookingProvider {...config()}>
        <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate} onCheckoutCreated={onCheckoutCreated} />
      </BookingProvider>
    )
    const { rerender } = render(button(firstNavigate, firstCreated))
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    rerender(button(latestNavigate, latestCreated))
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(latestNavigate).toHaveBeenCalledOnce())
    expect(latestCreated).toHaveBeenCalledOnce()
    expect(firstNavigate).not.toHaveBeenCalled()
    expect(firstCreated).not.toHaveBeenCalled()
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

  it('aborts its request when it unmounts: nothing is reported and nothing navigates', async () => {
    const onError = vi.fn()
    const onCheckoutCreated = vi.fn()
    const onNavigate = vi.fn()
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
    await waitFor(() => expect(checkoutRequests()).toHaveLength(1))
    const [request] = checkoutRequests()
    unmount()
    // The sandbox holds its answer, so only an abort closes the connection.
    await waitFor(() => expect(sandbox.aborted).toContain(request))
    expect(onCheckoutCreated).not.toHaveBeenCalled()
    expect(onNavigate).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('given a checkout that fails', () => {
  async function clickBook(identifier: string | undefined) {
    const onNavigate = vi.fn()
    const onError = vi.fn()
    const view = renderWithProvider(
      <BookButton opportunity={scheduledSession({ identifier })} parent={sessionSeries()} onNavigate={onNavigate} onError={onError} />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(onError).toHaveBeenCalledOnce())
    const error = onError.mock.calls[0]![0] as CheckoutError
    expect(error).toBeInstanceOf(CheckoutError)
    expect(onNavigate).not.toHaveBeenCalled()
    return { ...view, error }
  }

  async function expectNoViolations(container: HTMLElement) {
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations).toEqual([])
  }

  it.each([
    ['unavailable', 'sandbox:unavailable', 'Unavailable', 'opportunity-unavailable', 'This is no longer available to book.'],
    ['unavailable', 'sandbox:not-bookable', 'Unavailable', 'opportunity-unavailable', 'This is no longer available to book.'],
    ['full', 'sandbox:full', 'Full', 'full', 'This is now full.'],
  ])('%s (%s): not bookable any more, says why, and offers no retry', async (kind, identifier, label, state, message) => {
    const { container, error } = await clickBook(identifier)
    expect(error.kind).toBe(kind)
    const button = screen.getByRole('button', { name: label })
    expect(button).toHaveAttribute('data-state', state)
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAccessibleDescription(message)
    expect(screen.getByRole('status')).toHaveTextContent(message)
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    await userEvent.click(button)
    // The first click's request only: clicking again sends nothing.
    expect(checkoutRequests()).toHaveLength(1)
    await expectNoViolations(container)
  })

  it.each([
    ['unsafe-target', 'sandbox:hostile-target'],
    ['unsafe-target', 'sandbox:other-host-target'],
  ])('%s (%s): an error retrying cannot fix, so no retry', async (kind, identifier) => {
    const { error } = await clickBook(identifier)
    expect(error.kind).toBe(kind)
    const button = screen.getByRole('button', { name: 'Booking unavailable' })
    expect(button).toHaveAttribute('data-state', 'error')
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAccessibleDescription('Checkout sent us to an unexpected address, so we stopped.')
    expect(screen.getByRole('status')).toHaveTextContent('Checkout sent us to an unexpected address, so we stopped.')
  })

  it('invalid-request: a request that cannot be built is an error with no retry, and nothing is sent', async () => {
    const { error } = await clickBook(undefined)
    expect(error.kind).toBe('invalid-request')
    expect(screen.getByRole('button', { name: 'Booking unavailable' })).toHaveAttribute('aria-disabled', 'true')
    expect(checkoutRequests()).toHaveLength(0)
  })

  it.each([
    ['unauthorized', 'sandbox:forbidden', 'Please sign in again, then try again.'],
    ['http', 'sandbox:500', 'Checkout is not responding as expected. Please try again.'],
    ['network', 'sandbox:close', 'Could not reach checkout. Check your connection and try again.'],
    ['invalid-response', 'sandbox:not-json', 'Checkout answered in a way we did not understand. Please try again.'],
  ])('%s (%s): shows why and offers a retry', async (kind, identifier, message) => {
    const { container, error } = await clickBook(identifier)
    expect(error.kind).toBe(kind)
    const retry = screen.getByRole('button', { name: 'Try again' })
    expect(retry).toHaveAttribute('data-state', 'error')
    expect(retry).not.toHaveAttribute('aria-disabled')
    expect(retry).toHaveAccessibleDescription(message)
    expect(screen.getByRole('status')).toHaveTextContent(message)
    await expectNoViolations(container)
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
    expect(screen.getByRole('button', { name: 'Opening checkout…' })).toHaveAttribute('data-state', 'pending')

    const error = onError.mock.calls[0]![0] as CheckoutError
    expect(error.kind).toBe('unauthorized')
    const everythingSaid = [String(error), error.stack, JSON.stringify(error), JSON.stringify(onCheckoutCreated.mock.calls), document.body.innerHTML].join('\n')
    expect(everythingSaid).not.toContain('expired-token-1b2c3d')
    expect(everythingSaid).not.toContain(SANDBOX_TOKEN)
  })
})

describe('given many authenticated buttons', () => {
  it('announces through one polite live region per provider', async () => {
    const sessions = Array.from({ length: 100 }, (_, index) => scheduledSession({ identifier: index === 0 ? 'sandbox:slow' : `swim-${index}` }))
    const onNavigate = vi.fn()
    renderWithProvider(sessions.map((session, index) => <BookButton key={index} opportunity={session} parent={sessionSeries()} onNavigate={onNavigate} />))
    expect(screen.getAllByRole('button', { name: 'Book' })).toHaveLength(100)
    expect(screen.getAllByRole('status')).toHaveLength(1)
    await userEvent.click(screen.getAllByRole('button', { name: 'Book' })[0]!)
    expect(screen.getByRole('status')).toHaveTextContent('Opening checkout…')
    expect(screen.getAllByRole('status')).toHaveLength(1)
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
  })

  it('says the same words again when a second button starts the same way, so they are heard twice', async () => {
    const onNavigate = vi.fn()
    renderWithProvider(
      <>
        <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate} />
        <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate} />
      </>,
    )
    const region = screen.getByRole('status')
    const [first, second] = screen.getAllByRole('button', { name: 'Book' })
    await userEvent.click(first!)
    const firstWords = region.textContent
    await userEvent.click(second!)
    expect(region).toHaveTextContent('Opening checkout…')
    expect(region.textContent).not.toBe(firstWords)
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(onNavigate).toHaveBeenCalledTimes(2))
  })

  it('shares the outer provider’s region inside a nested provider, and the page’s outside any', async () => {
    render(
      <>
        <BookingProvider {...config()}>
          <BookingProvider labels={{ book: 'Reserve' }}>
            <BookButton opportunity={scheduledSession()} parent={sessionSeries()} />
          </BookingProvider>
        </BookingProvider>
        <BookButton opportunity={scheduledSession({ identifier: 'sandbox:500' })} parent={sessionSeries()} {...config()} />
        <BookButton opportunity={scheduledSession({ identifier: 'sandbox:500' })} parent={sessionSeries()} {...config()} />
      </>,
    )
    // One inside the providers, one for the page.
    await waitFor(() => expect(screen.getAllByRole('status')).toHaveLength(2))
    await userEvent.click(screen.getAllByRole('button', { name: 'Book' })[1]!)
    const pageRegion = document.body.lastElementChild
    await waitFor(() => expect(pageRegion).toHaveTextContent('Checkout is not responding as expected. Please try again.'))
    expect(pageRegion).toHaveAttribute('role', 'status')
  })
})

describe('given the app’s React Query client', () => {
  it('sees the checkout through useIsMutating, under the library’s mutation key', async () => {
    const appClient = new QueryClient()
    const counts: number[] = []
    function Spinner() {
      counts.push(useIsMutating({ mutationKey: ['openactive-book-button', 'checkout'] }))
      return null
    }
    const onNavigate = vi.fn()
    render(
      <QueryClientProvider client={appClient}>
        <BookingProvider {...config()}>
          <Spinner />
          <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} onNavigate={onNavigate} />
        </BookingProvider>
      </QueryClientProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(counts).toContain(1))
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(counts.at(-1)).toBe(0)
  })
})

describe('given an asChild link on the authenticated route', () => {
  it.each([
    ['Enter', '{Enter}'],
    ['Space', ' '],
  ])('books with %s, as a button does', async (_, keys) => {
    const onNavigate = vi.fn()
    renderWithProvider(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild onNavigate={onNavigate}>
        <a className="brand-link" />
      </BookButton>,
    )
    const user = userEvent.setup()
    await user.tab()
    const link = screen.getByRole('button', { name: 'Book' })
    expect(link).toHaveFocus()
    await user.keyboard(keys)
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(checkoutRequests()).toHaveLength(1)
  })
})

describe('given an asChild button on the authenticated route', () => {
  it.each([
    ['Enter', '{Enter}'],
    ['Space', ' '],
  ])('books once with %s, as its own element does', async (_, keys) => {
    const onNavigate = vi.fn()
    renderWithProvider(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild onNavigate={onNavigate}>
        <button className="brand-button" />
      </BookButton>,
    )
    const user = userEvent.setup()
    await user.tab()
    await user.keyboard(keys)
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(checkoutRequests()).toHaveLength(1)
  })
})

describe('given an asChild link on the authenticated route and the keys that are not for it', () => {
  it('lets Tab move on and Space not scroll the page, starting nothing by either', async () => {
    renderWithProvider(
      <>
        <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild>
          <a className="brand-link" />
        </BookButton>
        <button type="button">Details</button>
      </>,
    )
    const scrolls: boolean[] = []
    const onKeyDown = (event: KeyboardEvent) => event.key === ' ' && scrolls.push(!event.defaultPrevented)
    document.addEventListener('keydown', onKeyDown)
    const user = userEvent.setup()
    await user.tab()
    await user.keyboard('[Space>]')
    await user.tab()
    document.removeEventListener('keydown', onKeyDown)
    expect(screen.getByRole('button', { name: 'Details' })).toHaveFocus()
    expect(scrolls).toEqual([false])
    expect(checkoutRequests()).toHaveLength(0)
  })
})

describe('given a broker’s own button component in a form', () => {
  const BrandButton = (props: ComponentProps<'button'>) => <button {...props} className="brand-button" />

  it('lets Enter in the form’s field submit the form, never book', async () => {
    const onSubmit = vi.fn((event: FormEvent) => event.preventDefault())
    renderWithProvider(
      <form onSubmit={onSubmit}>
        <input aria-label="Search" />
        <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild>
          <BrandButton />
        </BookButton>
      </form>,
    )
    const user = userEvent.setup()
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'yoga{Enter}')
    expect(onSubmit).toHaveBeenCalledOnce()
    expect(screen.getByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
    expect(checkoutRequests()).toHaveLength(0)
  })
})

describe('given key handlers that prevent the default', () => {
  it.each([
    ['Enter on key down', '{Enter}', { onKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => event.preventDefault() }],
    ['Space on key up', ' ', { onKeyUp: (event: ReactKeyboardEvent<HTMLElement>) => event.preventDefault() }],
  ])('does not book an asChild link with %s', async (_, keys, handlers) => {
    renderWithProvider(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild {...handlers}>
        <a className="brand-link" />
      </BookButton>,
    )
    const user = userEvent.setup()
    await user.tab()
    await user.keyboard(keys)
    expect(screen.getByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
    expect(checkoutRequests()).toHaveLength(0)
  })
})

describe('given an asChild link that re-renders as it books', () => {
  it('keeps its ref and merged style through Enter, pending and back', async () => {
    const attached: (HTMLElement | null)[] = []
    const ownRef = (node: HTMLAnchorElement | null) => {
      attached.push(node)
    }
    // The app's router says when it has navigated, and the button is ready again.
    const onNavigate = vi.fn(() => Promise.resolve())
    renderWithProvider(
      <BookButton opportunity={scheduledSession({ identifier: 'sandbox:slow' })} parent={sessionSeries()} asChild onNavigate={onNavigate} style={{ margin: '4px' }}>
        <a ref={ownRef} style={{ padding: '2px' }} />
      </BookButton>,
    )
    const user = userEvent.setup()
    await user.tab()
    await user.keyboard('{Enter}')
    const pending = await screen.findByRole('button', { name: 'Opening checkout…' })
    expect(pending).toHaveStyle({ margin: '4px', padding: '2px' })
    sandbox.releaseSlowAnswers()
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    const link = await screen.findByRole('button', { name: 'Book' })
    expect(link).toHaveStyle({ margin: '4px', padding: '2px' })
    expect(attached).toEqual([link])
  })
})

describe('given getAuthToken without a registered checkout', () => {
  it('says it cannot book and sends nothing', async () => {
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    renderWithProvider(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} />, { useCheckout: undefined })
    const button = screen.getByRole('button', { name: 'Booking unavailable' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(button)
    expect(checkoutRequests()).toHaveLength(0)
    expect(consoleWarn).toHaveBeenCalledOnce()
    expect(consoleWarn).toHaveBeenCalledWith(expect.stringContaining('openactive-book-button/checkout'))
    consoleWarn.mockRestore()
  })
})

describe('useCheckout', () => {
  const input = { opportunity: scheduledSession(), parent: sessionSeries() }

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

  it('refuses a second checkout while the first is in flight, and never hands it the first one’s session', async () => {
    const { result } = renderHook(() => useCheckout(config()))
    const slow = { opportunity: scheduledSession({ identifier: 'sandbox:slow' }), parent: sessionSeries() }
    const other = { opportunity: scheduledSession({ identifier: 'swim-b' }), parent: sessionSeries() }
    let first: Promise<{ target: string }> = Promise.resolve({ target: '' })
    let second: Promise<unknown> = Promise.resolve()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    act(() => {
      first = result.current.checkout(slow)
      second = result.current.checkout(other)
    })
    await expect(second).rejects.toThrow(CheckoutError)
    await expect(second).rejects.toMatchObject({ kind: 'invalid-request', message: expect.stringContaining('already in progress') })
    sandbox.releaseSlowAnswers()
    const { target } = await act(() => first)
    expect(sandbox.sessions.get(target.split('/').pop()!)?.identifier).toBe('sandbox:slow')
    expect(checkoutRequests()).toHaveLength(1)
    expect(JSON.parse(checkoutRequests()[0]!.body)['imin:initialOrder'].orderedItem[0].orderedItem.identifier).toBe('sandbox:slow')
    // Once the first has settled, the next one is sent.
    await act(() => result.current.checkout(other))
    expect(checkoutRequests()).toHaveLength(2)
    warn.mockRestore()
  })

  it('sends the settings of the latest render, not those it first rendered with', async () => {
    const signedInAs = { ...customer, email: 'grace@example.org', givenName: 'Grace', familyName: 'Hopper' }
    const { result, rerender } = renderHook((settings: BookingConfig) => useCheckout(settings), { initialProps: config() })
    rerender(config({ customer: signedInAs }))
    await act(() => result.current.checkout(input))
    expect(JSON.parse(checkoutRequests()[0]!.body)['imin:initialOrder'].customer).toEqual(signedInAs)
  })

  it('from the main entry, says where it moved', () => {
    expect(() => useCheckoutFromMainEntry("useCheckout moved: import { useCheckout } from 'openactive-book-button/checkout'")).toThrow(
      "useCheckout moved: import { useCheckout } from 'openactive-book-button/checkout'",
    )
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
