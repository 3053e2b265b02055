/**
 * Development warnings: one `console.warn` per distinct mistake, naming the prop and
 * the fix, and none in production. Each test loads the package afresh, so what an
 * earlier test warned about cannot hide a warning (or its absence).
 */
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../sandbox/server.js'
import type { BookingConfig } from '../../src/index.js'
import { NOW, scheduledSession, sessionSeries } from '../fixtures.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

let warn: MockInstance<typeof console.warn>
beforeEach(() => {
  vi.resetModules()
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  warn.mockRestore()
  vi.unstubAllEnvs()
})

async function freshPackage() {
  const [{ BookButton, BookingProvider }, { useCheckout }] = await Promise.all([import('../../src/index.js'), import('../../src/use-checkout/index.js')])
  return { BookButton, BookingProvider, useCheckout }
}

const series = sessionSeries()
const broker = { name: 'Acme Sports', url: 'https://acme.example.org/' }
const customer = { type: 'Person', email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace' } as const
const warnings = () => warn.mock.calls.map(([message]) => String(message))

/** Two buttons for two sessions, under a provider of a freshly loaded package with the settings given. */
async function renderTwoButtons(settings: (fresh: Awaited<ReturnType<typeof freshPackage>>) => BookingConfig) {
  const fresh = await freshPackage()
  const { BookButton, BookingProvider } = fresh
  return render(
    <BookingProvider now={NOW} {...settings(fresh)}>
      <BookButton opportunity={scheduledSession()} parent={series} />
      <BookButton opportunity={scheduledSession({ identifier: 'swim-2' })} parent={series} />
    </BookingProvider>,
  )
}

/** Each mistake, rendered (and clicked where it takes a click) twice over. */
const mistakes = {
  'no checkoutBaseUrl': async () => {
    const { BookButton, BookingProvider } = await freshPackage()
    const { rerender } = render(
      <BookingProvider now={NOW}>
        <BookButton opportunity={scheduledSession()} parent={series} />
        <BookButton opportunity={scheduledSession({ identifier: 'swim-2' })} parent={series} />
      </BookingProvider>,
    )
    rerender(
      <BookingProvider now={NOW}>
        <BookButton opportunity={scheduledSession()} parent={series} />
      </BookingProvider>,
    )
    return ['checkoutBaseUrl', '<BookingProvider checkoutBaseUrl=']
  },
  'a checkout failing invalid-request': async () => {
    const { BookButton, BookingProvider, useCheckout } = await freshPackage()
    const onError = vi.fn()
    render(
      <BookingProvider checkoutBaseUrl={sandbox.url} endpoint={`${sandbox.url}/api/checkout-sessions/`} getAuthToken={() => SANDBOX_TOKEN} useCheckout={useCheckout} customer={customer} broker={broker} now={NOW} onError={onError}>
        <BookButton opportunity={scheduledSession({ identifier: undefined })} parent={series} />
        <BookButton opportunity={scheduledSession({ identifier: undefined })} parent={series} />
      </BookingProvider>,
    )
    for (const button of screen.getAllByRole('button', { name: 'Book' })) await userEvent.click(button)
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(2))
    return ['invalid-request', 'identifier']
  },
  'the authenticated route without an endpoint': async () => {
    await renderTwoButtons(({ useCheckout }) => ({ checkoutBaseUrl: sandbox.url, getAuthToken: () => SANDBOX_TOKEN, useCheckout }))
    return ['endpoint', 'sign-in token', 'createCheckoutSessionHandler']
  },
  'getAuthToken without a registered checkout': async () => {
    await renderTwoButtons(() => ({ checkoutBaseUrl: sandbox.url, endpoint: '/api/checkout', getAuthToken: () => SANDBOX_TOKEN }))
    return ['getAuthToken is set', 'useCheckout from openactive-book-button/checkout']
  },
  'the standalone route without a registered checkout': async () => {
    await renderTwoButtons(() => ({ route: 'standalone', checkoutBaseUrl: sandbox.url }))
    return ['route is standalone', 'useCheckout from openactive-book-button/checkout']
  },
  'a checkoutBaseUrl of blanks (an environment variable set to spaces)': async () => {
    const { BookButton, BookingProvider } = await freshPackage()
    render(
      <BookingProvider checkoutBaseUrl="  " now={NOW}>
        <BookButton opportunity={scheduledSession()} parent={series} />
      </BookingProvider>,
    )
    return ['checkoutBaseUrl', '<BookingProvider checkoutBaseUrl=']
  },
  'a checkoutBaseUrl lost on a later render': async () => {
    const { BookButton, BookingProvider } = await freshPackage()
    const page = (checkoutBaseUrl: string | undefined) => (
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW}>
        <BookButton opportunity={scheduledSession()} parent={series} />
      </BookingProvider>
    )
    const { rerender } = render(page(sandbox.url))
    rerender(page(undefined))
    return ['checkoutBaseUrl', '<BookingProvider checkoutBaseUrl=']
  },
}

describe('in development', () => {
  it.each(Object.entries(mistakes))('warns once about %s, naming the prop and the fix', async (_, make) => {
    const words = await make()
    expect(warnings()).toHaveLength(1)
    for (const word of words) expect(warnings()[0]).toContain(word)
  })

  it('warns about a guest link that cannot be built, once per distinct problem', async () => {
    const { BookButton, BookingProvider } = await freshPackage()
    const offHost = { 'imin:checkoutUrlTemplate': 'https://evil.example/v1/events/1' }
    render(
      <BookingProvider checkoutBaseUrl="checkout.example.com" now={NOW}>
        <BookButton opportunity={scheduledSession(offHost)} parent={series} />
        <BookButton opportunity={scheduledSession(offHost)} parent={series} />
        <BookButton opportunity={scheduledSession({ identifier: undefined })} parent={series} />
      </BookingProvider>,
    )
    expect(warnings()).toHaveLength(2)
    expect(warnings()[0]).toContain('imin:checkoutUrlTemplate')
  })

  it('says nothing about a checkout that failed for a reason trying again can fix', async () => {
    const { BookButton, BookingProvider, useCheckout } = await freshPackage()
    const onError = vi.fn()
    render(
      <BookingProvider checkoutBaseUrl={sandbox.url} endpoint={`${sandbox.url}/api/checkout-sessions/`} getAuthToken={() => SANDBOX_TOKEN} useCheckout={useCheckout} customer={customer} broker={broker} now={NOW} onError={onError}>
        <BookButton opportunity={scheduledSession({ identifier: 'sandbox:500' })} parent={series} />
      </BookingProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(onError).toHaveBeenCalledOnce())
    expect(onError.mock.calls[0]![0]).toMatchObject({ kind: 'http' })
    expect(warnings()).toEqual([])
  })

  it('says nothing about a page set up well', async () => {
    const { BookButton, BookingProvider, useCheckout } = await freshPackage()
    render(
      <BookingProvider checkoutBaseUrl={sandbox.url} now={NOW}>
        <BookButton opportunity={scheduledSession()} parent={series} />
        <BookingProvider endpoint="/api/checkout" getAuthToken={() => SANDBOX_TOKEN} useCheckout={useCheckout}>
          <BookButton opportunity={scheduledSession()} parent={series} />
        </BookingProvider>
      </BookingProvider>,
    )
    expect(screen.getByRole('link', { name: 'Book' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Book' })).toBeInTheDocument()
    expect(warnings()).toEqual([])
  })
})

describe('in production', () => {
  it.each(Object.entries(mistakes))('says nothing about %s', async (_, make) => {
    vi.stubEnv('NODE_ENV', 'production')
    await make()
    expect(warnings()).toEqual([])
  })
})
