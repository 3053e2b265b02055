/**
 * What an upstream answer may do: at most 256 KiB, read within the timeout
 * whatever `fetch` is passed, a Location only when it passes the target
 * checks, and only known error types and short, clean descriptions.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CheckoutError, createCheckoutSession, createStandaloneCheckoutSession } from '../../src/core/index.js'
import { createCheckoutSessionHandler } from '../../src/server/index.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { request } from '../checkout/fixtures.js'
import { sendJson, startHostileUpstream, type HostileUpstream } from './hostile-upstream.js'

const TOKEN = 'token-for-answers'
let upstream: HostileUpstream
beforeAll(async () => {
  upstream = await startHostileUpstream()
})
afterAll(() => upstream.close())

const created = (target: string, headers: Record<string, string> = {}) =>
  (upstream.answer = (_, response) => sendJson(response, 201, { potentialAction: [{ type: 'OrderAction', name: 'Checkout', target }] }, headers))

const book = (extra: Parameters<typeof createCheckoutSession>[1] extends infer O ? Partial<O> : never = {}) =>
  createCheckoutSession(request('a'), { checkoutBaseUrl: upstream.url, getAuthToken: () => TOKEN, ...extra })

/** A signed-in booking through the server handler, which calls the hostile upstream. */
async function bookThroughHandler(): Promise<Response> {
  const handler = createCheckoutSessionHandler({
    checkoutBaseUrl: upstream.url,
    apiKey: 'key',
    broker: { name: 'Acme', url: 'https://acme.example/' },
    authorize: () => 'customer-1',
  })
  const body = JSON.stringify(requestBody(request('a'), true))
  return handler(new Request('http://broker.example/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }))
}

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(CheckoutError)
  return error as CheckoutError
}

describe('given an oversized answer', () => {
  it.each([
    ['streamed without a length', false],
    ['declaring its length', true],
  ])('fails as invalid-response at 256 KiB, %s', async (_, declared) => {
    let written = 0
    upstream.answer = (_, response) => {
      response.writeHead(201, { 'Content-Type': 'application/json', ...(declared && { 'Content-Length': String(64 * 1024 * 1024) }) })
      const write = () => {
        // Up to 64 MiB, while the client keeps reading.
        while (written < 64 * 1024 * 1024) {
          written += 64 * 1024
          if (!response.write('x'.repeat(64 * 1024))) return void response.once('drain', write)
        }
        response.end()
      }
      write()
    }
    const error = await failure(book())
    expect(error.kind).toBe('invalid-response')
    expect(written).toBeLessThan(16 * 1024 * 1024)
  })

  it('reads an answer just under the limit', async () => {
    upstream.answer = ({ origin }, response) =>
      sendJson(response, 201, { padding: 'x'.repeat(250 * 1024), potentialAction: [{ type: 'OrderAction', target: `${origin}/checkout/1` }] })
    expect((await book()).target).toBe(`${upstream.url}/checkout/1`)
  })

  it('passes on none of a 32 MiB error text', async () => {
    upstream.answer = (_, response) => sendJson(response, 400, { type: 'UnavailableOpportunityError', description: 'x'.repeat(32 * 1024 * 1024) })
    const error = await failure(book())
    expect(error.kind).toBe('invalid-response')
    expect(JSON.stringify(error).length).toBeLessThan(2000)
  })
})

describe('given a slow answer', () => {
  it('times out a body that drips forever, within timeoutMs', async () => {
    upstream.answer = (_, response) => {
      response.writeHead(201, { 'Content-Type': 'application/json' })
      const drip = setInterval(() => response.write(' '), 20)
      response.on('close', () => clearInterval(drip))
    }
    const error = await failure(book({ timeoutMs: 300 }))
    expect(error.kind).toBe('timeout')
  })

  it('times out a fetch of the caller that ignores the signal, and a body that never ends', async () => {
    const neverEnding = () =>
      Promise.resolve(new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), { status: 201 }))
    const ignoring: typeof fetch = () => neverEnding()
    expect((await failure(book({ fetch: ignoring, timeoutMs: 100 }))).kind).toBe('timeout')
    const hanging: typeof fetch = () => new Promise(() => {})
    expect((await failure(book({ fetch: hanging, timeoutMs: 100 }))).kind).toBe('timeout')
  })
})

describe('given a Location header', () => {
  beforeEach(() => {
    upstream.answer = () => {}
  })

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,x'],
    ['another host', 'https://evil.example/sessions/1'],
    ['protocol-relative to another host', '//evil.example/sessions/1'],
    ['credentials', 'http://user:pass@127.0.0.1/sessions/1'],
  ])('drops one on %s', async (_, location) => {
    created(`${upstream.url}/checkout/1`, { Location: location })
    const session = await book()
    expect(session.target).toBe(`${upstream.url}/checkout/1`)
    expect(session.location).toBeUndefined()
  })

  it('resolves a relative one against the endpoint, as imin documents `/checkout-sessions/{id}`', async () => {
    created(`${upstream.url}/opendata/1`, { Location: '/checkout-sessions/1' })
    const session = await createStandaloneCheckoutSession(
      { opportunity: { '@type': 'ScheduledSession', '@id': 'https://opendata.example/sessions/1' } },
      { checkoutBaseUrl: upstream.url },
    )
    expect(session.location).toBe(`${upstream.url}/checkout-sessions/1`)
  })

  it('passes on a Location on an allowed host, and the handler drops an unsafe one', async () => {
    created(`${upstream.url}/checkout/1`, { Location: 'https://api.imin.example/sessions/1' })
    expect((await book({ allowedTargetHosts: ['api.imin.example'] })).location).toBe('https://api.imin.example/sessions/1')
    created(`${upstream.url}/checkout/1`, { Location: 'javascript:alert(1)' })
    const response = await bookThroughHandler()
    expect(response.status).toBe(201)
    expect(response.headers.get('Location')).toBeNull()
  })
})

describe('given an error answer', () => {
  it('passes on only known error types', async () => {
    upstream.answer = (_, response) => sendJson(response, 400, { type: '<img src=x onerror=alert(1)>', description: 'Refused.' })
    expect(await failure(book())).toMatchObject({ kind: 'http', status: 400, type: undefined, description: 'Refused.' })
    upstream.answer = (_, response) => sendJson(response, 409, { type: 'OpportunityHasInsufficientCapacityError' })
    expect(await failure(book())).toMatchObject({ kind: 'http', status: 409, type: 'OpportunityHasInsufficientCapacityError' })
  })

  it('cuts the description to 500 characters, never inside a character', async () => {
    upstream.answer = (_, response) => sendJson(response, 400, { type: 'UnavailableOpportunityError', description: `${'a'.repeat(499)}🏸 and more` })
    const error = await failure(book())
    expect(error.description).toBe('a'.repeat(499))
  })

  it('answers the browser with HttpError for a type not on the list, through the handler', async () => {
    upstream.answer = (_, response) => sendJson(response, 400, { type: 'SomethingNewError', description: 'Refused.' })
    const response = await bookThroughHandler()
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ type: 'HttpError', description: 'Refused.' })
  })
})
