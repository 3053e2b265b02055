/**
 * What createCheckoutSession sends, and refuses to send, for the options and
 * requests a broker's app passes: over real HTTP to the sandbox checkout server.
 */
import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createCheckoutSession, type CheckoutSessionOptions } from '../../src/core/index.js'
import { SANDBOX_TOKEN } from '../sandbox/server.js'
import { broker, person, request, scheduledSession, series, checkoutFailure } from './fixtures.js'
import { sandboxForThisFile } from '../sandbox/for-this-file.js'

const sandbox = sandboxForThisFile()

const options = (extra: Partial<CheckoutSessionOptions> = {}): CheckoutSessionOptions => ({
  checkoutBaseUrl: sandbox.url,
  getAuthToken: () => SANDBOX_TOKEN,
  ...extra,
})

/** The order the sandbox received. */
const sentOrder = () => JSON.parse(sandbox.requests[0]!.body)['imin:initialOrder']

describe('given options it cannot use', () => {
  it.each([
    ['a timeoutMs of 0', { timeoutMs: 0 }, 'timeoutMs must be a positive number'],
    ['an ftp endpoint, even on localhost', { endpoint: 'ftp://127.0.0.1/checkout' }, 'endpoint must be https:'],
    ['a getAuthToken that is not a function', { getAuthToken: 'token' as never }, 'getAuthToken must be a function.'],
    ['a fetch that is not a function', { fetch: {} as never }, 'fetch must be a function.'],
    ['one host written as a string, not a list', { allowedTargetHosts: 'localhost' as never }, 'allowedTargetHosts must be a list of hosts.'],
  ])('refuses %s, saying why and sending nothing', async (_, extra, reason) => {
    const error = await checkoutFailure(createCheckoutSession(request('a'), options(extra)))
    expect(error).toMatchObject({ kind: 'invalid-request', message: expect.stringContaining(reason) })
    expect(sandbox.requests).toHaveLength(0)
  })

  it('reads a null allowedTargetHosts as none', async () => {
    const session = await createCheckoutSession(request('a'), options({ allowedTargetHosts: null as never }))
    expect(session.target).toMatch(`${sandbox.url}/checkout/`)
  })
})

describe('given a sign-in token', () => {
  it.each([
    ['an object', { token: SANDBOX_TOKEN }],
    ['a number', 42],
  ])('sends nothing when getAuthToken returns %s, saying there is no token', async (_, token) => {
    const error = await checkoutFailure(createCheckoutSession(request('a'), options({ getAuthToken: () => token as never })))
    expect(error).toMatchObject({ kind: 'unauthorized', message: expect.stringContaining('No sign-in token.') })
    expect(sandbox.requests).toHaveLength(0)
  })

  it('sends nothing when the app cancels while its token arrives, even through a fetch that drops the signal', async () => {
    const controller = new AbortController()
    const getAuthToken = () => {
      controller.abort()
      return SANDBOX_TOKEN
    }
    let sent = 0
    const droppingSignal: typeof fetch = (url, init) => (sent++, fetch(url, { ...init, signal: undefined }))
    const error = await checkoutFailure(createCheckoutSession(request('a'), options({ getAuthToken, signal: controller.signal, fetch: droppingSignal })))
    expect(error.kind).toBe('aborted')
    expect(sent).toBe(0)
  })
})

describe('given a signal', () => {
  it('leaves no listener on it once each checkout settles, so one signal can serve a whole page', async () => {
    const { signal } = new AbortController()
    await createCheckoutSession(request('a'), options({ signal }))
    await checkoutFailure(createCheckoutSession(request('sandbox:500'), options({ signal })))
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)
  })

  it('still books when the signal cannot say whether it was aborted', async () => {
    const { signal } = new AbortController()
    const unreadable = new Proxy(signal, {
      get(target, key) {
        if (key === 'aborted') throw new TypeError('unreadable')
        const value: unknown = Reflect.get(target, key, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const session = await createCheckoutSession(request('a'), options({ signal: unreadable }))
    expect(session.target).toMatch(`${sandbox.url}/checkout/`)
  })
})

describe('given the request', () => {
  it.each([
    ['not an object', null, 'The request must be an object.'],
    ['an Event, not a ScheduledSession or Slot', request('a', { opportunity: { '@type': 'Event', identifier: 'a' } }), 'not a ScheduledSession or Slot'],
    ['navigationLinks that are not an object', request('a', { navigationLinks: 'https://acme.example/' as never }), 'navigationLinks must be an object.'],
    ['an email followed by other text', request('a', { customer: { ...person, email: 'alex@example.com extra' } }), 'customer.email'],
    ['an email in a list', request('a', { customer: { ...person, email: ['alex@example.com'] as never } }), 'customer.email'],
    ['a broker url whose scheme only ends in https', request('a', { broker: { ...broker, url: 'git+https://acme.example/' } }), 'broker.url'],
  ])('refuses a request with %s, saying why and sending nothing', async (_, given, reason) => {
    const error = await checkoutFailure(createCheckoutSession(given as never, options()))
    expect(error).toMatchObject({ kind: 'invalid-request', message: expect.stringContaining(reason) })
    expect(sandbox.requests).toHaveLength(0)
  })

  it('checks a broker given with an endpoint too, sending nothing', async () => {
    const endpoint = `${sandbox.url}/api/checkout-sessions/`
    const error = await checkoutFailure(createCheckoutSession(request('a', { broker: { ...broker, name: '' } }), options({ endpoint })))
    expect(error).toMatchObject({ kind: 'invalid-request', message: expect.stringContaining('broker.name') })
    expect(sandbox.requests).toHaveLength(0)
  })

  it('accepts a broker home page on plain http', async () => {
    await createCheckoutSession(request('a', { broker: { name: 'Acme', url: 'http://acme.example/' } }), options())
    expect(sentOrder().broker).toEqual({ type: 'Organization', name: 'Acme', url: 'http://acme.example/' })
  })

  it("books a ScheduledSession with its series' offer, never the session's own offers", async () => {
    const session = { ...scheduledSession('a'), offers: [{ '@id': 'https://id.example/sessions/1#/offers/own' }] }
    const parent = { ...series, 'imin:aggregateOffer': {} }
    await createCheckoutSession(request('a', { opportunity: session, parent }), options())
    expect(sentOrder().orderedItem[0].acceptedOffer).toBe('https://id.example/series/1#/offers/first')
  })

  it('asks for offerId when there is no parent to take an offer from', async () => {
    const error = await checkoutFailure(createCheckoutSession(request('a', { parent: undefined }), options()))
    expect(error).toMatchObject({ kind: 'invalid-request', message: expect.stringContaining('pass offerId') })
    expect(sandbox.requests).toHaveLength(0)
  })
})
