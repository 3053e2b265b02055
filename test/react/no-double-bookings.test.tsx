/**
 * After a checkout session is created the button stays locked and pending while the
 * browser leaves, so a double click during the navigation never creates a second
 * session. Real HTTP against the sandbox; its recorded requests are the evidence.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider, type BookingConfig, type OpportunityInput } from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../sandbox/server.js'
import { NOW, scheduledSession, sessionSeries } from '../fixtures.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
// Unmount while the clock may still be fake, so the buttons' timers are cleared on the clock that set them.
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  delete (globalThis as { jest?: unknown }).jest
})

/**
 * Fake timeouts from now on. Testing Library drains React's work with a zero timeout, and
 * advances it only for Jest's fake timers: this shim lets it advance Vitest's.
 */
function takeTheClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  ;(globalThis as { jest?: unknown }).jest = { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) }
}

const broker = { name: 'Acme Sports', url: 'https://acme.example.org/' }
const customer = { type: 'Person', email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace' } as const

/** Every checkout the button starts, counted in the browser the moment it starts: a stray click cannot hide in the network. */
const checkoutsStarted = vi.fn()
const useCountedCheckout: typeof useCheckout = (options) => {
  const checkout = useCheckout(options)
  return { ...checkout, checkout: (input) => (checkoutsStarted(), checkout.checkout(input)) }
}
afterEach(() => checkoutsStarted.mockClear())

type ButtonProps = { opportunity?: OpportunityInput; onNavigate?: (url: string) => unknown; onCheckoutCreated?: () => void; onError?: () => void }

function renderButton(props: ButtonProps, overrides: BookingConfig = {}) {
  const page = (pageProps: ButtonProps) => (
    <BookingProvider checkoutBaseUrl={sandbox.url} getAuthToken={() => SANDBOX_TOKEN} useCheckout={useCountedCheckout} customer={customer} broker={broker} now={NOW} {...overrides}>
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} {...pageProps} />
    </BookingProvider>
  )
  const view = render(page(props))
  return { ...view, rerenderWith: (next: ButtonProps) => view.rerender(page({ ...props, ...next })) }
}

const checkoutRequests = (since: number) => sandbox.requests.slice(since).filter((request) => request.method === 'POST')
const pendingButton = () => screen.getByRole('button', { name: 'Opening checkout…' })

function pageTransition(type: 'pagehide' | 'pageshow', persisted: boolean) {
  act(() => {
    const event = new Event(type)
    Object.defineProperty(event, 'persisted', { value: persisted })
    window.dispatchEvent(event)
  })
}

/** An onNavigate that takes the clock on its first call, and a promise of that call: nothing to poll for once the clock is fake. */
function navigation(returns?: unknown) {
  let called = () => {}
  const navigated = new Promise<void>((resolve) => (called = resolve))
  const onNavigate = vi.fn<(url: string) => unknown>().mockImplementationOnce(() => {
    takeTheClock()
    called()
    return returns
  })
  return { onNavigate, navigated }
}

describe('given two clicks in one task, before React re-renders', () => {
  it('starts one checkout and reports no error for the second click', async () => {
    const onNavigate = vi.fn()
    const onError = vi.fn()
    renderButton({ onNavigate, onError })
    const book = screen.getByRole('button', { name: 'Book' })
    act(() => {
      book.click()
      book.click()
    })
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    expect(checkoutsStarted).toHaveBeenCalledOnce()
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('given onNavigate that returns a value that is not a promise', () => {
  it.each([
    ['null', null],
    ['an object', { pathname: '/checkout' }],
  ])('holds the button for 2 s when it returns %s, as when it returns nothing', async (_, returned) => {
    const { onNavigate, navigated } = navigation(returned)
    renderButton({ onNavigate })
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Book' }))
    await navigated

    act(() => vi.advanceTimersByTime(1999))
    expect(pendingButton()).toHaveAttribute('data-state', 'pending')
    act(() => vi.advanceTimersByTime(2))
    expect(screen.getByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
    expect(checkoutsStarted).toHaveBeenCalledOnce()
  })
})

describe('given onNavigate that returns nothing', () => {
  it('stays locked and pending for 2 s after it returns: a double click then creates no second session', async () => {
    const before = sandbox.requests.length
    // From the moment Checkout's address is handed over, the test owns the clock.
    const { onNavigate, navigated } = navigation()
    renderButton({ onNavigate })
    const user = userEvent.setup({ delay: null })
    await user.click(screen.getByRole('button', { name: 'Book' }))
    await navigated

    await user.dblClick(pendingButton())
    expect(pendingButton()).toHaveAttribute('aria-disabled', 'true')
    act(() => vi.advanceTimersByTime(1999))
    await user.dblClick(pendingButton())
    expect(pendingButton()).toHaveAttribute('data-state', 'pending')
    expect(checkoutsStarted).toHaveBeenCalledOnce()

    act(() => vi.advanceTimersByTime(1))
    // React Query tells the button a tick later.
    act(() => vi.advanceTimersByTime(1))
    const book = screen.getByRole('button', { name: 'Book' })
    expect(book).toHaveAttribute('data-state', 'bookable')
    vi.useRealTimers()
    delete (globalThis as { jest?: unknown }).jest

    // A deliberate click afterwards books again; the clicks during the hold sent nothing.
    await user.click(book)
    await waitFor(() => expect(onNavigate).toHaveBeenCalledTimes(2))
    expect(checkoutRequests(before)).toHaveLength(2)
  })
})

describe('given onNavigate that returns a promise', () => {
  it('stays locked and pending until it settles, however long that takes', async () => {
    const before = sandbox.requests.length
    let navigated = () => {}
    const onNavigate = vi.fn(() => new Promise<void>((resolve) => (navigated = resolve)))
    renderButton({ onNavigate })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())

    await user.dblClick(pendingButton())
    await user.keyboard('{Enter>3/}')
    expect(pendingButton()).toHaveAttribute('aria-busy', 'true')

    await act(async () => navigated())
    expect(await screen.findByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
    expect(checkoutRequests(before)).toHaveLength(1)
    expect(checkoutsStarted).toHaveBeenCalledOnce()
    expect(onNavigate).toHaveBeenCalledOnce()
  })

  it('stays pending past the 2 s hold while the app’s navigation is still under way', async () => {
    let done = () => {}
    const { onNavigate, navigated } = navigation(new Promise<void>((resolve) => (done = resolve)))
    renderButton({ onNavigate })
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Book' }))
    await navigated

    act(() => vi.advanceTimersByTime(10_000))
    expect(pendingButton()).toHaveAttribute('aria-busy', 'true')
    await act(async () => done())
    act(() => vi.advanceTimersByTime(1))
    expect(screen.getByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
  })

  it('is ready again when the app’s navigation fails, and the failure still reaches the app', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      renderButton({ onNavigate: () => Promise.reject(new Error('route not found')) })
      await userEvent.click(screen.getByRole('button', { name: 'Book' }))
      expect(await screen.findByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
      await waitFor(() => expect(unhandled).toEqual([new Error('route not found')]))
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})

describe('given native navigation', () => {
  // jsdom cannot navigate: it reports the attempt and stays, like a page still unloading.
  function clickAndLeave() {
    const jsdomErrors = vi.spyOn(console, 'error').mockImplementation(() => {})
    // Called in the same step as the navigation, so once it has been, the browser is leaving.
    const onCheckoutCreated = vi.fn()
    return {
      jsdomErrors,
      onCheckoutCreated,
      leave: async (times: number) => {
        await userEvent.click(screen.getByRole('button', { name: 'Book' }))
        await waitFor(() => expect(onCheckoutCreated).toHaveBeenCalledTimes(times))
      },
    }
  }

  it('stays locked and pending until the page is hidden', async () => {
    const before = sandbox.requests.length
    const { jsdomErrors, onCheckoutCreated, leave } = clickAndLeave()
    renderButton({ onCheckoutCreated })
    await leave(1)
    await userEvent.dblClick(pendingButton())
    pageTransition('pagehide', false)
    expect(await screen.findByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
    expect(checkoutRequests(before)).toHaveLength(1)
    expect(checkoutsStarted).toHaveBeenCalledOnce()
    jsdomErrors.mockRestore()
  })

  it('is ready again back from the page cache, and a new click creates a new session', async () => {
    const before = sandbox.requests.length
    const { jsdomErrors, onCheckoutCreated, leave } = clickAndLeave()
    renderButton({ onCheckoutCreated })
    await leave(1)
    await userEvent.dblClick(pendingButton())
    expect(checkoutRequests(before)).toHaveLength(1)
    expect(checkoutsStarted).toHaveBeenCalledOnce()

    pageTransition('pageshow', true)
    expect(await screen.findByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
    await leave(2)
    expect(checkoutRequests(before)).toHaveLength(2)
    jsdomErrors.mockRestore()
  })
})

describe('given a return from the page cache while a session is still being created', () => {
  // The browser froze the page mid-request (the customer pressed Back) and has just restored it.
  function leaveAndComeBack() {
    pageTransition('pagehide', true)
    pageTransition('pageshow', true)
  }

  async function startCheckoutThatNeverAnswers() {
    const before = sandbox.requests.length
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(checkoutRequests(before)).toHaveLength(1))
  }

  it('stays pending, so a click creates no second session', async () => {
    renderButton({ opportunity: scheduledSession({ identifier: 'sandbox:hang' }) })
    await startCheckoutThatNeverAnswers()
    leaveAndComeBack()
    await userEvent.dblClick(pendingButton())
    expect(pendingButton()).toHaveAttribute('data-state', 'pending')
    expect(checkoutsStarted).toHaveBeenCalledOnce()
  })

  it('stays pending after an earlier checkout that the app’s router completed', async () => {
    let navigated = () => {}
    const onNavigate = vi.fn(() => new Promise<void>((resolve) => (navigated = resolve)))
    const { rerenderWith } = renderButton({ onNavigate })
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(onNavigate).toHaveBeenCalledOnce())
    await act(async () => navigated())
    await screen.findByRole('button', { name: 'Book' })

    rerenderWith({ opportunity: scheduledSession({ identifier: 'sandbox:hang' }) })
    await startCheckoutThatNeverAnswers()
    leaveAndComeBack()
    await userEvent.dblClick(pendingButton())
    expect(pendingButton()).toHaveAttribute('data-state', 'pending')
    expect(checkoutsStarted).toHaveBeenCalledTimes(2)
  })
})
