/**
 * No throws: every exported checkout function of `./core` and every `./server`
 * function turns whatever it is given (throwing getters, Proxies, revoked
 * Proxies, cycles, wrong types) into a CheckoutError or a JSON error answer.
 * No raw TypeError escapes.
 */
import { describe, expect, it } from 'vitest'
import { CheckoutError, createCheckoutSession, createStandaloneCheckoutSession, guestCheckoutUrl } from '../../src/core/index.js'
import { createCheckoutSessionHandler, createStandaloneCheckoutHandler } from '../../src/server/index.js'
import { request } from '../checkout/fixtures.js'

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}
const throwingGetters = (keys: string[]) =>
  Object.defineProperties({}, Object.fromEntries(keys.map((key) => [key, { get: () => { throw new TypeError(`getter ${key}`) }, enumerable: true }])))
const throwingEverywhere = () =>
  new Proxy({}, { get: () => { throw new TypeError('get') }, has: () => { throw new TypeError('has') }, ownKeys: () => { throw new TypeError('ownKeys') }, getPrototypeOf: () => { throw new TypeError('proto') } })
const cyclic = () => {
  const value: Record<string, unknown> = { '@type': 'ScheduledSession', identifier: 'a' }
  value.superEvent = value
  value.self = value
  return value
}

/** Inputs no caller should pass, and some will. */
const HOSTILE: [string, () => unknown][] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['a number', () => 42],
  ['a string', () => 'checkout'],
  ['a symbol', () => Symbol('x')],
  ['an array', () => [1, 2]],
  ['a revoked Proxy', revoked],
  ['a Proxy that throws on every trap', throwingEverywhere],
  ['throwing getters', () => throwingGetters(['opportunity', 'parent', 'broker', 'customer', 'checkoutBaseUrl', 'endpoint', 'allowedTargetHosts', 'getAuthToken', 'signal', 'fetch', 'slotPath', 'identifier', '@type', 'apiKey', 'authorize'])],
  ['a cyclic object', cyclic],
]

const goodOptions = { checkoutBaseUrl: 'http://127.0.0.1:9', timeoutMs: 200, fetch: () => Promise.reject(new Error('offline')) }
const standaloneOpportunity = { '@type': 'ScheduledSession', '@id': 'https://opendata.example/sessions/1' }

/** The CheckoutError a call rejects with; it must neither throw synchronously nor resolve. */
async function rejection(call: () => Promise<unknown>): Promise<CheckoutError> {
  let promise: Promise<unknown>
  try {
    promise = call()
  } catch (error) {
    throw new Error(`threw synchronously: ${String(error)}`, { cause: error })
  }
  const error = await promise.then(() => undefined, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(CheckoutError)
  return error as CheckoutError
}

describe.each(HOSTILE)('given %s', (_, hostile) => {
  it('createCheckoutSession rejects with a CheckoutError, as the request or the options', async () => {
    await rejection(() => createCheckoutSession(hostile() as never, goodOptions as never))
    await rejection(() => createCheckoutSession(request('a'), hostile() as never))
    await rejection(() => createCheckoutSession(request('a', { opportunity: hostile(), parent: hostile(), customer: hostile() as never }), goodOptions as never))
  })

  it('createCheckoutSession rejects with a CheckoutError, as any single option', async () => {
    for (const key of ['checkoutBaseUrl', 'endpoint', 'allowedTargetHosts', 'getAuthToken', 'authHeader', 'signal', 'fetch', 'timeoutMs']) {
      await rejection(() => createCheckoutSession(request('a'), { ...goodOptions, getAuthToken: () => 'token', [key]: hostile() } as never))
    }
    await rejection(() => createCheckoutSession(request('a'), { ...goodOptions, getAuthToken: () => hostile() } as never))
    await rejection(() => createCheckoutSession(request('a'), { ...goodOptions, fetch: () => hostile() } as never))
    await rejection(() => createCheckoutSession(request('a'), { ...goodOptions, fetch: () => Promise.resolve(hostile()) } as never))
  })

  it('createStandaloneCheckoutSession rejects with a CheckoutError', async () => {
    await rejection(() => createStandaloneCheckoutSession(hostile() as never, goodOptions as never))
    await rejection(() => createStandaloneCheckoutSession({ opportunity: hostile() }, goodOptions as never))
    await rejection(() => createStandaloneCheckoutSession({ opportunity: standaloneOpportunity }, hostile() as never))
    await rejection(() => createStandaloneCheckoutSession({ opportunity: standaloneOpportunity }, { ...goodOptions, signal: hostile() } as never))
  })

  it('guestCheckoutUrl throws only a CheckoutError', () => {
    const calls = [
      () => guestCheckoutUrl(hostile(), { checkoutBaseUrl: 'checkout.example.com' }),
      () => guestCheckoutUrl({ '@type': 'ScheduledSession', identifier: 'a' }, hostile() as never),
      () => guestCheckoutUrl({ '@type': 'ScheduledSession', identifier: hostile() }, { checkoutBaseUrl: 'checkout.example.com', slotPath: hostile() as never }),
      () => guestCheckoutUrl({ '@type': 'Slot', identifier: 'a', 'imin:checkoutUrlTemplate': hostile() }, { checkoutBaseUrl: 'checkout.example.com', slotPath: hostile() as never, allowedTargetHosts: hostile() as never }),
    ]
    for (const call of calls) {
      try {
        call()
      } catch (error) {
        expect(error).toBeInstanceOf(CheckoutError)
      }
    }
  })

  it('new CheckoutError never throws', () => {
    expect(new CheckoutError(hostile() as never, hostile() as never, hostile() as never)).toBeInstanceOf(CheckoutError)
  })

  it.each([
    ['createCheckoutSessionHandler', createCheckoutSessionHandler],
    ['createStandaloneCheckoutHandler', createStandaloneCheckoutHandler],
  ] as const)('%s is created, and answers JSON errors to hostile options and requests', async (_, create) => {
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void errors.push(args)
    try {
      const misconfigured = create(hostile() as never)
      const response = await misconfigured(new Request('http://broker.example/', { method: 'POST' }))
      expect(response.status).toBe(500)
      expect(await response.json()).toMatchObject({ type: expect.stringMatching(/^Server(Misconfigured)?Error$/) })

      const handler = create({
        checkoutBaseUrl: 'http://127.0.0.1:9',
        apiKey: 'key',
        broker: { name: 'Acme', url: 'https://acme.example/' },
        authorize: () => hostile(),
        fetch: () => Promise.resolve(hostile()),
      } as never)
      const answers = [
        await handler(hostile() as never),
        await handler(new Request('http://broker.example/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })),
      ]
      for (const answer of answers) {
        expect(answer.status).toBeGreaterThanOrEqual(400)
        expect(answer.headers.get('Content-Type')).toBe('application/json')
        expect(await answer.json()).toMatchObject({ type: expect.any(String) })
      }
    } finally {
      console.error = original
    }
  })
})
