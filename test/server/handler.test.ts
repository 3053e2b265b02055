import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CheckoutError, createCheckoutSession } from '../../src/core/index.js'
import { createCheckoutSessionHandler, type CheckoutSessionHandlerOptions } from '../../src/server/index.js'
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from '../sandbox/server.js'
import { errorText, expectedBody, person, request } from '../checkout/fixtures.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { serve } from './node-adapter.js'

const serverPerson = { type: 'Person' as const, email: 'signed-in@example.com', givenName: 'Sam', familyName: 'Signed' }
const BROWSER_TOKEN = 'browser-session-token'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.requests.length = 0
})

/** Every response must be checked for the key: collect their text here. */
const answered: string[] = []
afterAll(() => {
  expect(answered.length).toBeGreaterThan(10)
  for (const text of answered) expect(text).not.toContain(SANDBOX_API_KEY)
})

const serverBroker = { name: 'Real Broker', url: 'https://real.example/' }

const handler = (extra: Partial<CheckoutSessionHandlerOptions> = {}) =>
  createCheckoutSessionHandler({
    checkoutBaseUrl: sandbox.url,
    apiKey: SANDBOX_API_KEY,
    broker: serverBroker,
    authorize: (incoming) => (incoming.headers.get('Authorization') === `Bearer ${BROWSER_TOKEN}` ? serverPerson : null),
    ...extra,
  })

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://broker.example/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${BROWSER_TOKEN}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

/** Calls the handler and records the whole response, headers included. */
async function call(handle: (request: Request) => Promise<Response>, incoming: Request) {
  const response = await handle(incoming)
  const text = await response.text()
  answered.push(text, JSON.stringify([...response.headers]))
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as Record<string, unknown> }
}

const browserBody = (identifier: string | number = 'abc') => requestBody(request(identifier))

describe('createCheckoutSessionHandler', () => {
  describe('given its options', () => {
    /** Creates the handler, which must not throw, answers one request, and returns what it logged. */
    async function misconfigured(extra: Partial<CheckoutSessionHandlerOptions>, create = () => handler(extra)) {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
      try {
        const handle = create()
        expect(logged).not.toHaveBeenCalled()
        const response = await call(handle, post(browserBody()))
        expect(response.status).toBe(500)
        expect(response.json).toEqual({ type: 'ServerMisconfiguredError', description: expect.any(String) })
        expect(sandbox.requests).toHaveLength(0)
        expect(logged).toHaveBeenCalledOnce()
        const line = logged.mock.calls[0]!.map(String).join(' ')
        expect(line).not.toContain(SANDBOX_API_KEY)
        return line
      } finally {
        logged.mockRestore()
      }
    }

    it.each([
      ['authorize', { authorize: undefined as never }],
      ['apiKey', { apiKey: '' }],
      ['apiKey', { apiKey: undefined as never }],
      ['broker', { broker: undefined as never }],
      ['broker', { broker: { name: 'Acme', url: 'javascript:alert(1)' } }],
      ['checkoutBaseUrl', { checkoutBaseUrl: undefined as never }],
      ['checkoutBaseUrl', { checkoutBaseUrl: `http://checkout.example.com/${SANDBOX_API_KEY}` }],
      ['navigationLinks.backToBroker', { navigationLinks: { backToBroker: 'http://real.example/' } }],
      ['allowedTargetHosts[1]', { allowedTargetHosts: ['ok.example', 'https://bad.example'] }],
      ['allowedOrigins[0]', { allowedOrigins: ['https://www.example.com/path'] }],
    ])('is created without a valid %s, then answers 500 and logs one line naming it', async (setting, extra) => {
      expect(await misconfigured(extra)).toContain(setting)
    })

    it.each([
      ['plain http off localhost', 'http://imin.example/api/checkout-sessions/'],
      ['relative', '/api/checkout-sessions/'],
      ['with credentials', `https://user:${SANDBOX_API_KEY}@imin.example/api/checkout-sessions/`],
      ['not a URL', 'https://'],
    ])('answers 500 with an endpoint %s, which would expose the key', async (_, endpoint) => {
      expect(await misconfigured({ endpoint })).toMatch(/endpoint must be an https: URL/)
    })

    it('is created from options that throw when read, then answers 500', async () => {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      expect(await misconfigured({}, () => createCheckoutSessionHandler(proxy as never))).toMatch(/options/)
      expect(await misconfigured({}, () => createCheckoutSessionHandler(null as never))).toMatch(/options/)
    })

    it('accepts an https endpoint, and http on localhost', async () => {
      const { status } = await call(handler({ endpoint: `${sandbox.url}/api/checkout-sessions/` }), post(browserBody()))
      expect(status).toBe(201)
      for (const endpoint of ['https://imin.example/api/checkout-sessions/', 'http://localhost:4010/api/checkout-sessions/']) {
        const { status } = await call(handler({ endpoint, fetch: () => Promise.reject(new Error('offline')) }), post(browserBody()))
        expect(status).toBe(502)
      }
    })
  })

  describe('given a request it refuses before going upstream', () => {
    it('answers 405 to anything but POST', async () => {
      const { status, headers, json } = await call(handler(), new Request('http://broker.example/api/checkout'))
      expect(status).toBe(405)
      expect(headers.get('Allow')).toBe('POST')
      expect(json.type).toBe('MethodNotAllowedError')
    })

    it('answers 415 to a body that is not declared JSON, which a cross-site form could send', async () => {
      const { status } = await call(handler(), post(browserBody(), { 'Content-Type': 'text/plain' }))
      expect(status).toBe(415)
    })

    it.each([
      ['not JSON', '{"type":'],
      ['empty', ''],
      ['not a checkout session', { type: 'Order' }],
      ['for two opportunities', { ...browserBody(), 'imin:initialOrder': { orderedItem: [{}, {}] } }],
      ['without an identifier', JSON.parse(JSON.stringify(browserBody()).replace('"identifier":"abc"', '"identifier":""'))],
    ])('answers 400 to a body %s', async (_, body) => {
      const { status, json } = await call(handler(), post(body))
      expect(status).toBe(400)
      expect(json.type).toBe('InvalidRequestError')
      expect(json.description).toMatch(/\w/)
      expect(sandbox.requests).toHaveLength(0)
    })

    it('answers 401 when authorize returns null', async () => {
      const { status, json } = await call(handler(), post(browserBody(), { Authorization: 'Bearer someone-else' }))
      expect(status).toBe(401)
      expect(json.type).toBe('UnauthorizedError')
      expect(sandbox.requests).toHaveLength(0)
    })

    it('answers 401 when authorize throws, keeping nothing of its reason', async () => {
      const { status, json } = await call(handler({ authorize: () => Promise.reject(new Error('db password hunter2')) }), post(browserBody()))
      expect(status).toBe(401)
      expect(JSON.stringify(json)).not.toContain('hunter2')
      expect(sandbox.requests).toHaveLength(0)
    })

    it('answers 500 when authorize returns something that is not a customer', async () => {
      const { status } = await call(handler({ authorize: () => ({ ...person, email: 'nope' }) }), post(browserBody()))
      expect(status).toBe(500)
      expect(sandbox.requests).toHaveLength(0)
    })
  })

  describe('given a signed-in customer', () => {
    it('sends the rebuilt body with the authorized customer and the API key, and answers like imin', async () => {
      const authorize = vi.fn(() => serverPerson)
      const body = {
        ...browserBody('https://opendata.example/sessions/9'),
        extra: { evil: true },
        potentialAction: [{ type: 'OrderAction', target: 'https://evil.example' }],
      }
      const { status, headers, json } = await call(handler({ authorize }), post(body))

      expect(authorize).toHaveBeenCalledOnce()
      expect(sandbox.requests).toHaveLength(1)
      const [upstream] = sandbox.requests
      expect(upstream!.headers['x-api-key']).toBe(SANDBOX_API_KEY)
      expect(upstream!.headers.authorization).toBeUndefined()
      expect(upstream!.headers['content-type']).toBe('application/json')
      expect(JSON.parse(upstream!.body)).toEqual(expectedBody('https://opendata.example/sessions/9', serverPerson, serverBroker))

      const id = [...sandbox.sessions.keys()].pop()!
      expect(status).toBe(201)
      expect(headers.get('Location')).toBe(`${sandbox.url}/api/checkout-sessions/${id}`)
      expect(headers.get('Cache-Control')).toBe('no-store')
      expect(json).toEqual({
        ...expectedBody('https://opendata.example/sessions/9', serverPerson, serverBroker),
        potentialAction: [{ type: 'OrderAction', name: 'Checkout', target: `${sandbox.url}/checkout/${id}` }],
      })
    })

    it("replaces the browser's customer id too", async () => {
      const body = requestBody(request('a', { customer: 'victim-customer-id' }))
      await call(handler({ authorize: () => 'customer-7' }), post(body))
      expect(JSON.parse(sandbox.requests[0]!.body)['imin:initialOrder'].customer).toBe('customer-7')
      expect(sandbox.requests[0]!.body).not.toContain('victim')
    })

    it('names the broker it was configured with, never the browser\'s', async () => {
      const body = requestBody(request('a', { broker: { name: 'Evil', url: 'https://evil.example/' } }))
      await call(handler(), post(body))
      expect(sent()['imin:initialOrder']!.broker).toEqual({ type: 'Organization', ...serverBroker })
      expect(sandbox.requests[0]!.body).not.toContain('Evil')
    })

    it('accepts a body without a broker or links, as the browser sends with an endpoint', async () => {
      const body = requestBody(request('a', { customer: undefined, broker: undefined }), true)
      const { status } = await call(handler({ navigationLinks: { backToBroker: 'https://real.example/sessions' } }), post(body))
      expect(status).toBe(201)
      expect(sent()['imin:navigationLinks']).toEqual([expect.objectContaining({ url: 'https://real.example/sessions' })])
    })

    /** A body as a hostile browser could send it: any broker and links, unchecked. */
    const hostile = (navigationLinks: Record<string, string> = { backToBroker: 'https://evil.example/back', backToBrokerUserProfile: 'https://evil.example/me' }) => ({
      ...requestBody(request('a', { broker: { name: 'Evil', url: 'https://evil.example/' } })),
      'imin:navigationLinks': Object.entries(navigationLinks).map(([key, url]) => ({
        type: 'WebPage',
        'imin:linkType': key === 'backToBroker' ? 'https://imin.co/BackToBrokerLink' : 'https://imin.co/BackToBrokerUserProfileLink',
        url,
      })),
    })
    const sent = () => JSON.parse(sandbox.requests[0]!.body) as Record<string, Record<string, unknown>>

    it("sends its own navigation links, never the browser's", async () => {
      const navigationLinks = { backToBroker: 'https://real.example/' }
      const { status } = await call(handler({ navigationLinks }), post(hostile()))
      expect(status).toBe(201)
      expect(sent()['imin:navigationLinks']).toEqual([
        { type: 'WebPage', name: 'Back to Broker', 'imin:linkType': 'https://imin.co/BackToBrokerLink', url: 'https://real.example/' },
      ])
      expect(sandbox.requests[0]!.body).not.toContain('evil.example')
    })

    it("sends no links when it has none, whatever the browser's", async () => {
      const { status } = await call(handler(), post(hostile()))
      expect(status).toBe(201)
      expect(sent()['imin:navigationLinks']).toBeUndefined()
      expect(sandbox.requests[0]!.body).not.toContain('evil.example')
    })

    describe('with allowNavigationLinksFromClient', () => {
      const allowing = () =>
        handler({ allowNavigationLinksFromClient: true, navigationLinks: { backToBroker: 'https://real.example/', backToBrokerUserProfile: 'https://real.example/me' } })

      it("takes the browser's https links on the broker's own host, each replacing its own", async () => {
        const { status } = await call(allowing(), post(hostile({ backToBroker: 'https://real.example/sessions/42' })))
        expect(status).toBe(201)
        expect(sent()['imin:navigationLinks']).toEqual([
          expect.objectContaining({ name: 'Back to Broker', url: 'https://real.example/sessions/42' }),
          expect.objectContaining({ name: 'Back to Broker User Profile', url: 'https://real.example/me' }),
        ])
      })

      it.each([
        ['another host', 'https://evil.example/back'],
        ['a sibling host', 'https://www.real.example/back'],
        ['another port', 'https://real.example:8443/back'],
        ['plain http', 'http://real.example/back'],
        ['javascript:', 'javascript:alert(1)'],
      ])('answers 400 to a link on %s, sending nothing', async (_, url) => {
        const { status, json } = await call(allowing(), post(hostile({ backToBroker: url })))
        expect(status).toBe(400)
        expect(json.description).toMatch(/navigationLinks.backToBroker/)
        expect(sandbox.requests).toHaveLength(0)
      })
    })

    it('drops a Location header that holds the API key', async () => {
      const { status, headers, json } = await call(handler(), post(browserBody('sandbox:echo-credentials-location')))
      expect(status).toBe(201)
      expect(headers.get('Location')).toBeNull()
      expect(json.potentialAction).toEqual([expect.objectContaining({ target: expect.stringMatching(`${sandbox.url}/checkout/`) })])
    })
  })

  describe('given Checkout refuses or fails', () => {
    it.each([
      ['sandbox:unavailable', 400, 'UnavailableOpportunityError'],
      ['sandbox:not-bookable', 409, 'OpportunityOfferPairNotBookableError'],
      ['sandbox:full', 409, 'OpportunityIsFullError'],
      ['sandbox:500', 502, 'InternalServerError'],
      ['sandbox:forbidden', 502, 'ForbiddenError'],
      ['sandbox:close', 502, 'BadGatewayError'],
      ['sandbox:not-json', 502, 'BadGatewayError'],
      ['sandbox:no-target', 502, 'BadGatewayError'],
      ['sandbox:hostile-target', 502, 'BadGatewayError'],
      ['sandbox:other-host-target', 502, 'BadGatewayError'],
      ['sandbox:echo-credentials', 400, 'HttpError'],
      ['sandbox:huge', 502, 'BadGatewayError'],
      ['sandbox:huge-declared', 502, 'BadGatewayError'],
      ['sandbox:echo-credentials-target', 502, 'BadGatewayError'],
    ])('%s answers %i %s', async (identifier, status, type) => {
      const response = await call(handler(), post(browserBody(identifier)))
      expect(response.status).toBe(status)
      expect(response.json.type).toBe(type)
      expect(response.json.description).toMatch(/\w/)
      expect(JSON.stringify(response.json)).not.toContain('evil.example')
      expect(JSON.stringify(response.json)).not.toContain(SANDBOX_API_KEY)
    })

    it('answers 502 when its own API key is refused', async () => {
      const { status } = await call(handler({ apiKey: 'wrong-key' }), post(browserBody()))
      expect(status).toBe(502)
    })

    it('answers 504 when Checkout hangs', async () => {
      const { status, json } = await call(handler({ timeoutMs: 200 }), post(browserBody('sandbox:hang')))
      expect(status).toBe(504)
      expect(json.type).toBe('GatewayTimeoutError')
    })

    it('answers 502 when Checkout cannot be reached', async () => {
      const gone = await startSandbox()
      await gone.close()
      const { status } = await call(handler({ checkoutBaseUrl: gone.url }), post(browserBody()))
      expect(status).toBe(502)
    })
  })

  describe('given createCheckoutSession in the browser and the handler served by node:http', () => {
    let server: Awaited<ReturnType<typeof serve>>
    beforeAll(async () => {
      server = await serve(handler())
    })
    afterAll(() => server.close())

    const viaHandler = (identifier: string, token = BROWSER_TOKEN) =>
      createCheckoutSession(request(identifier, { customer: undefined }), {
        checkoutBaseUrl: sandbox.url,
        endpoint: `${server.url}/api/checkout`,
        getAuthToken: () => token,
      })

    it('creates a session for the signed-in customer', async () => {
      const session = await viaHandler('https://opendata.example/sessions/5')
      expect(session.target).toMatch(`${sandbox.url}/checkout/`)
      expect(session.location).toMatch(`${sandbox.url}/api/checkout-sessions/`)
      const page = await (await fetch(session.target)).text()
      expect(page).toContain('>https://opendata.example/sessions/5</span>')
      expect(page).toContain(`>${serverPerson.email}</span>`)
      expect(sandbox.requests[0]!.headers['x-api-key']).toBe(SANDBOX_API_KEY)
    })

    it.each([
      ['sandbox:unavailable', 'unavailable'],
      ['sandbox:full', 'full'],
      ['sandbox:500', 'http'],
      ['sandbox:hostile-target', 'http'],
    ])('reports %s as %s', async (identifier, kind) => {
      const error = await viaHandler(identifier).catch((reason: unknown) => reason)
      expect(error).toBeInstanceOf(CheckoutError)
      expect((error as CheckoutError).kind).toBe(kind)
      expect(errorText(error)).not.toContain(SANDBOX_API_KEY)
      expect(errorText(error)).not.toContain(BROWSER_TOKEN)
    })

    it('reports a stranger as unauthorized, sending nothing upstream', async () => {
      const error = await viaHandler('a', 'stranger').catch((reason: unknown) => reason)
      expect((error as CheckoutError).kind).toBe('unauthorized')
      expect(sandbox.requests).toHaveLength(0)
    })
  })
})
