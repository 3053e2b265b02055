import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CheckoutError, createStandaloneCheckoutSession } from '../../src/core/index.js'
import { createStandaloneCheckoutHandler, type StandaloneCheckoutHandlerOptions } from '../../src/server/index.js'
import { standaloneBody } from '../../src/core/checkout/standalone-body.js'
import { SANDBOX_API_KEY } from '../sandbox/server.js'
import { errorText } from '../checkout/fixtures.js'
import { serve } from './node-adapter.js'
import { sandboxForThisFile } from '../sandbox/for-this-file.js'

const sandbox = sandboxForThisFile()

const ID = 'https://opendata.example/scheduled-sessions/42'
const magicId = (name: string) => `https://opendata.example/scheduled-sessions/sandbox:${name}`

const handler = (extra: Partial<StandaloneCheckoutHandlerOptions> = {}) =>
  createStandaloneCheckoutHandler({ checkoutBaseUrl: sandbox.url, apiKey: SANDBOX_API_KEY, ...extra })

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://broker.example/api/standalone', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

async function call(handle: (request: Request) => Promise<Response>, incoming: Request) {
  const response = await handle(incoming)
  const text = await response.text()
  expect(text + JSON.stringify([...response.headers])).not.toContain(SANDBOX_API_KEY)
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as Record<string, unknown> }
}

describe('createStandaloneCheckoutHandler', () => {
  describe('given one opportunity id', () => {
    it('rebuilds the body, adds the API key, and answers like imin with the checked target', async () => {
      const body = {
        ...standaloneBody('ScheduledSession', ID),
        extra: true,
        potentialAction: [{ type: 'OrderAction', target: 'https://evil.example/' }],
      }
      const { status, headers, json } = await call(handler(), post(body))
      expect(status).toBe(201)
      expect(sandbox.requests).toHaveLength(1)
      const [upstream] = sandbox.requests
      expect(upstream!.path).toBe('/checkout-sessions')
      expect(upstream!.headers['x-api-key']).toBe(SANDBOX_API_KEY)
      expect(JSON.parse(upstream!.body)).toEqual(standaloneBody('ScheduledSession', ID))
      const id = [...sandbox.sessions.keys()].pop()!
      expect(headers.get('Location')).toBe(`${sandbox.url}/checkout-sessions/${id}`)
      expect(json).toEqual({
        ...standaloneBody('ScheduledSession', ID),
        potentialAction: [{ type: 'OrderAction', name: 'Checkout', target: `${sandbox.url}/opendata/${id}` }],
      })
    })

    it('sends no key when it has none', async () => {
      const { status } = await call(handler({ apiKey: undefined }), post(standaloneBody('Slot', ID)))
      expect(status).toBe(201)
      expect(sandbox.requests[0]!.headers['x-api-key']).toBeUndefined()
    })

    it('is anonymous: it needs no sign-in', async () => {
      const { status } = await call(handler(), post(standaloneBody('ScheduledSession', ID)))
      expect(status).toBe(201)
    })
  })

  describe('given a request it refuses before going upstream', () => {
    it('answers 405 to anything but POST, and 415 to a body not declared JSON', async () => {
      const get = await call(handler(), new Request('http://broker.example/api/standalone'))
      expect(get.status).toBe(405)
      expect(get.headers.get('Allow')).toBe('POST')
      expect((await call(handler(), post(standaloneBody('Slot', ID), { 'Content-Type': 'text/plain' }))).status).toBe(415)
    })

    const one = standaloneBody('ScheduledSession', ID) as Record<string, Record<string, unknown[]>>
    it.each([
      ['not JSON', '{'],
      ['not a checkout session', { type: 'Order' }],
      ['for two opportunities', { ...one, 'imin:initialOrder': { type: 'OrderQuote', orderedItem: [one['imin:initialOrder']!.orderedItem![0], one['imin:initialOrder']!.orderedItem![0]] } }],
      ['with a plain-string id', JSON.parse(JSON.stringify(one).replace(ID, '1380172616'))],
      ['with a javascript: id', JSON.parse(JSON.stringify(one).replace(ID, 'javascript:alert(1)'))],
      ['for an Event', JSON.parse(JSON.stringify(one).replace('"ScheduledSession"', '"Event"'))],
    ])('answers 400 to a body %s', async (_, body) => {
      const { status, json } = await call(handler(), post(body))
      expect(status).toBe(400)
      expect(json.type).toBe('InvalidRequestError')
      expect(sandbox.requests).toHaveLength(0)
    })
  })

  describe('given its options', () => {
    const LOGGED_BY = 'openactive-book-button/server createStandaloneCheckoutHandler: '

    /** Creates the handler, which must not throw, answers one request, and returns what it logged after the prefix naming it. */
    async function misconfigured(create: () => (request: Request) => Promise<Response>) {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
      try {
        const handle = create()
        expect(logged).not.toHaveBeenCalled()
        const { status, json } = await call(handle, post(standaloneBody('Slot', ID)))
        expect(status).toBe(500)
        expect(json.type).toBe('ServerMisconfiguredError')
        expect(logged).toHaveBeenCalledOnce()
        expect(sandbox.requests).toHaveLength(0)
        const line = logged.mock.calls[0]!.map(String).join(' ')
        expect(line.slice(0, LOGGED_BY.length)).toBe(LOGGED_BY)
        return line.slice(LOGGED_BY.length)
      } finally {
        logged.mockRestore()
      }
    }

    it.each([
      ['checkoutBaseUrl', { checkoutBaseUrl: undefined as never }],
      ['apiKey', { apiKey: '' }],
      ['apiKey', { apiKey: '   ' }],
      ['apiKey', { apiKey: 42 as never }],
      ['endpoint', { endpoint: 'http://imin.example/checkout-sessions' }],
      ['allowedTargetHosts[0]', { allowedTargetHosts: ['https://imin.example'] }],
      ['timeoutMs', { timeoutMs: -1 }],
    ])('is created without a valid %s, then answers 500 and logs one line that starts with it', async (setting, extra) => {
      const message = await misconfigured(() => handler(extra))
      expect(message.slice(0, setting.length)).toBe(setting)
    })

    it('says options are required when given something else, such as the checkout URL alone', async () => {
      expect(await misconfigured(() => createStandaloneCheckoutHandler(sandbox.url as never))).toMatch(/^options are required/)
      expect(await misconfigured(() => createStandaloneCheckoutHandler(undefined as never))).toMatch(/^options are required/)
    })
  })

  describe('given Checkout refuses or fails', () => {
    it.each([
      ['unavailable', 400, 'UnavailableOpportunityError'],
      ['full', 409, 'OpportunityIsFullError'],
      ['500', 502, 'InternalServerError'],
      ['hostile-target', 502, 'BadGatewayError'],
      ['huge', 502, 'BadGatewayError'],
      ['echo-credentials', 400, 'HttpError'],
      ['echo-credentials-target', 502, 'BadGatewayError'],
    ])('sandbox:%s answers %i %s', async (name, status, type) => {
      const response = await call(handler(), post(standaloneBody('ScheduledSession', magicId(name))))
      expect(response.status).toBe(status)
      expect(response.json.type).toBe(type)
    })

    it('drops a Location that repeats the key', async () => {
      const { status, headers } = await call(handler(), post(standaloneBody('ScheduledSession', magicId('echo-credentials-location'))))
      expect(status).toBe(201)
      expect(headers.get('Location')).toBeNull()
    })

    it('answers 502 when its API key is refused, and 504 when Checkout hangs', async () => {
      expect((await call(handler({ apiKey: 'wrong-key' }), post(standaloneBody('Slot', ID)))).status).toBe(502)
      expect((await call(handler({ timeoutMs: 100 }), post(standaloneBody('Slot', magicId('hang'))))).status).toBe(504)
    })
  })

  describe('given createStandaloneCheckoutSession in the browser and the handler served by node:http', () => {
    let server: Awaited<ReturnType<typeof serve>>
    beforeAll(async () => {
      server = await serve(handler())
    })
    afterAll(() => server.close())

    const book = (id: string) =>
      createStandaloneCheckoutSession({ opportunity: { '@type': 'ScheduledSession', '@id': id } }, { checkoutBaseUrl: sandbox.url, endpoint: server.url })

    it('creates a session and lands on its page', async () => {
      const session = await book(ID)
      expect(session.target).toMatch(`${sandbox.url}/opendata/`)
      expect(await (await fetch(session.target)).text()).toContain(`>${ID}</span>`)
    })

    it.each([
      ['unavailable', 'unavailable'],
      ['full', 'full'],
      ['500', 'http'],
    ])('reports sandbox:%s as %s', async (name, kind) => {
      const error = await book(magicId(name)).catch((reason: unknown) => reason)
      expect(error).toBeInstanceOf(CheckoutError)
      expect((error as CheckoutError).kind).toBe(kind)
      expect(errorText(error)).not.toContain(SANDBOX_API_KEY)
    })
  })
})
