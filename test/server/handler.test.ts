import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CheckoutError, createCheckoutSession } from '../../src/core/index.js'
import { createCheckoutSessionHandler, type CheckoutSessionHandlerOptions } from '../../src/server/index.js'
import { SANDBOX_API_KEY, startSandbox } from '../sandbox/server.js'
import { errorText, expectedBody, person, request } from '../checkout/fixtures.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { serve } from './node-adapter.js'
import { sandboxForThisFile } from '../sandbox/for-this-file.js'

const serverPerson = { type: 'Person' as const, email: 'signed-in@example.com', givenName: 'Sam', familyName: 'Signed' }
const BROWSER_TOKEN = 'browser-session-token'

const sandbox = sandboxForThisFile()

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

/** A signed-in browser's POST of `body` as it is: bytes, a stream or text. */
const send = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://broker.example/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${BROWSER_TOKEN}`, ...headers },
    body,
    duplex: 'half',
  } as RequestInit)

const post = (body: unknown, headers: Record<string, string> = {}) => send(typeof body === 'string' ? body : JSON.stringify(body), headers)

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
    const LOGGED_BY = 'openactive-book-button/server createCheckoutSessionHandler: '

    /**
     * Creates the handler, which must not throw, answers one request, and returns what it
     * logged after the line's prefix naming the package and the handler.
     */
    async function misconfigured(extra: Partial<CheckoutSessionHandlerOptions>, create = () => handler(extra)) {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
      try {
        const handle = create()
        expect(logged).not.toHaveBeenCalled()
        const response = await call(handle, post(browserBody()))
        expect(response.status).toBe(500)
        expect(response.json).toEqual({ type: 'ServerMisconfiguredError', description: expect.stringMatching(/try again later/i) })
        expect(sandbox.requests).toHaveLength(0)
        expect(logged).toHaveBeenCalledOnce()
        const line = logged.mock.calls[0]!.map(String).join(' ')
        expect(line).not.toContain(SANDBOX_API_KEY)
        expect(line.slice(0, LOGGED_BY.length)).toBe(LOGGED_BY)
        return line.slice(LOGGED_BY.length)
      } finally {
        logged.mockRestore()
      }
    }

    it.each([
      ['authorize', { authorize: undefined as never }],
      ['apiKey', { apiKey: '' }],
      ['apiKey', { apiKey: '   ' }],
      ['apiKey', { apiKey: undefined as never }],
      ['broker', { broker: undefined as never }],
      ['broker', { broker: { name: 'Acme', url: 'javascript:alert(1)' } }],
      ['checkoutBaseUrl', { checkoutBaseUrl: undefined as never }],
      ['checkoutBaseUrl', { checkoutBaseUrl: `http://checkout.example.com/${SANDBOX_API_KEY}` }],
      ['navigationLinks', { navigationLinks: 'https://real.example/' as never }],
      ['navigationLinks.backToBroker', { navigationLinks: { backToBroker: 'http://real.example/' } }],
      ['allowedTargetHosts[1]', { allowedTargetHosts: ['ok.example', 'https://bad.example'] }],
      ['allowedOrigins[0]', { allowedOrigins: ['https://www.example.com/path'] }],
      ['allowedOrigins[1]', { allowedOrigins: ['https://www.example.com', 'data:text/plain,x'] }],
    ])('is created without a valid %s, then answers 500 and logs one line that starts with it', async (setting, extra) => {
      const message = await misconfigured(extra)
      expect(message.slice(0, setting.length)).toBe(setting)
    })

    it('says allowedOrigins is a list when given one origin as a string', async () => {
      expect(await misconfigured({ allowedOrigins: 'https://www.example.com' as never })).toMatch(/^allowedOrigins must be a list/)
    })

    it('says options are required when given something else, such as the checkout URL alone', async () => {
      expect(await misconfigured({}, () => createCheckoutSessionHandler(sandbox.url as never))).toMatch(/^options are required/)
      expect(await misconfigured({}, () => createCheckoutSessionHandler(null as never))).toMatch(/^options are required/)
    })

    it('takes allowedOrigins written with capitals or a trailing slash, and lets those sites call it', async () => {
      const allowing = handler({ allowedOrigins: ['https://www.acme.example', 'https://Shop.Acme.example/'] })
      const from = (origin: string) => post(browserBody(), { 'Sec-Fetch-Site': 'cross-site', Origin: origin })
      expect((await call(allowing, from('https://www.acme.example'))).status).toBe(201)
      expect((await call(allowing, from('https://shop.acme.example'))).status).toBe(201)
      expect((await call(allowing, from('https://evil.example'))).status).toBe(403)
      expect(sandbox.requests).toHaveLength(2)
    })

    it.each([
      ['plain http off localhost', 'http://imin.example/api/checkout-sessions/'],
      ['relative', '/api/checkout-sessions/'],
      ['with credentials', `https://user:${SANDBOX_API_KEY}@imin.example/api/checkout-sessions/`],
      ['not a URL', 'https://'],
    ])('answers 500 with an endpoint %s, which would expose the key', async (_, endpoint) => {
      expect(await misconfigured({ endpoint })).toMatch(/^endpoint must be an https: URL/)
    })

    it('answers 500 with an endpoint that is a URL object, not the string it must be', async () => {
      const endpoint = new URL(`${sandbox.url}/api/checkout-sessions/`)
      expect(await misconfigured({ endpoint: endpoint as never })).toMatch(/^endpoint must be an https: URL/)
    })

    it('is created from options that throw when read, then answers 500', async () => {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      expect(await misconfigured({}, () => createCheckoutSessionHandler(proxy as never))).toMatch(/options/)
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
    it('answers 405 to anything but POST, saying to use POST', async () => {
      const { status, headers, json } = await call(handler(), new Request('http://broker.example/api/checkout'))
      expect(status).toBe(405)
      expect(headers.get('Allow')).toBe('POST')
      expect(json).toEqual({ type: 'MethodNotAllowedError', description: expect.stringMatching(/POST/) })
    })

    const unsupported = { type: 'UnsupportedMediaTypeError', description: expect.stringMatching(/Content-Type: application\/json/) }

    it.each([
      ['text/plain, which a cross-site form could send', 'text/plain'],
      ['text/plain naming JSON in a parameter, which a cross-site fetch can send without a preflight', 'text/plain; charset=utf-8; profile=application/json'],
    ])('answers 415 to a body declared %s', async (_, contentType) => {
      const { status, json } = await call(handler(), post(browserBody(), { 'Content-Type': contentType }))
      expect(status).toBe(415)
      expect(json).toEqual(unsupported)
      expect(sandbox.requests).toHaveLength(0)
    })

    it('answers 415 to a body without a Content-Type', async () => {
      const bytes = new TextEncoder().encode(JSON.stringify(browserBody()))
      const incoming = new Request('http://broker.example/api/checkout', { method: 'POST', headers: { Authorization: `Bearer ${BROWSER_TOKEN}` }, body: bytes })
      expect(incoming.headers.get('Content-Type')).toBeNull()
      const { status, json } = await call(handler(), incoming)
      expect(status).toBe(415)
      expect(json).toEqual(unsupported)
    })

    it('takes application/json in any case and with parameters', async () => {
      const { status } = await call(handler(), post(browserBody(), { 'Content-Type': 'Application/JSON; charset=utf-8' }))
      expect(status).toBe(201)
    })

    /** A valid body padded with spaces to exactly `bytes` bytes. */
    const paddedBody = (bytes: number) => {
      const text = JSON.stringify(browserBody())
      return `${text.slice(0, -1)}${' '.repeat(bytes - text.length)}}`
    }

    it('answers 413 to a declared Content-Length over 64 KiB, and takes one of exactly 64 KiB', async () => {
      const over = await call(handler(), post(browserBody(), { 'Content-Length': String(64 * 1024 + 1) }))
      expect(over.status).toBe(413)
      expect(over.json).toEqual({ type: 'PayloadTooLargeError', description: expect.stringMatching(/too large/) })
      const body = paddedBody(64 * 1024)
      expect(new TextEncoder().encode(body).byteLength).toBe(64 * 1024)
      const exact = await call(handler(), post(body, { 'Content-Length': String(64 * 1024) }))
      expect(exact.status).toBe(201)
      expect(sandbox.requests).toHaveLength(1)
    })

    it('answers 400 to a body that is not JSON, saying so', async () => {
      const { status, json } = await call(handler(), post('{"type":'))
      expect(status).toBe(400)
      expect(json).toEqual({ type: 'InvalidRequestError', description: expect.stringMatching(/not JSON/) })
    })

    it('answers 400 to a body that is not UTF-8, rather than booking with replacement characters', async () => {
      const bytes = new TextEncoder().encode(JSON.stringify(browserBody('abZ')))
      bytes[bytes.indexOf('Z'.charCodeAt(0))] = 0xff
      const { status, json } = await call(handler(), send(bytes))
      expect(status).toBe(400)
      expect(json).toEqual({ type: 'InvalidRequestError', description: expect.stringMatching(/not JSON/) })
      expect(sandbox.requests).toHaveLength(0)
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

    const signIn = { type: 'UnauthorizedError', description: expect.stringMatching(/sign in/i) }

    it('answers 401 when authorize returns null, asking the customer to sign in', async () => {
      const { status, json } = await call(handler(), post(browserBody(), { Authorization: 'Bearer someone-else' }))
      expect(status).toBe(401)
      expect(json).toEqual(signIn)
      expect(sandbox.requests).toHaveLength(0)
    })

    it('answers 401 when authorize throws, keeping nothing of its reason', async () => {
      const { status, json } = await call(handler({ authorize: () => Promise.reject(new Error('db password hunter2')) }), post(browserBody()))
      expect(status).toBe(401)
      expect(json).toEqual(signIn)
      expect(JSON.stringify(json)).not.toContain('hunter2')
      expect(sandbox.requests).toHaveLength(0)
    })

    it('answers 500 when authorize returns something that is not a customer, naming authorize', async () => {
      const { status, json } = await call(handler({ authorize: () => ({ ...person, email: 'nope' }) }), post(browserBody()))
      expect(status).toBe(500)
      expect(json).toEqual({ type: 'ServerError', description: expect.stringMatching(/^authorize returned/) })
      expect(sandbox.requests).toHaveLength(0)
    })

    it('answers 500, and keeps nothing of the reason, when the body fails while it is read', async () => {
      const broken = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error('connection reset by 10.0.0.7')) })
      const { status, json } = await call(handler(), send(broken))
      expect(status).toBe(500)
      expect(json).toEqual({ type: 'ServerError', description: expect.stringMatching(/try again/i) })
      expect(JSON.stringify(json)).not.toContain('10.0.0.7')
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

    it("answers 502 when its own API key is refused, saying it is the server's credentials, not the customer's", async () => {
      const { status, json } = await call(handler({ apiKey: 'wrong-key' }), post(browserBody()))
      expect(status).toBe(502)
      expect(json.description).toMatch(/server's credentials/)
    })

    it('answers 502 to a failure on Checkout\'s side with a description that does not blame credentials', async () => {
      const { status, json } = await call(handler(), post(browserBody('sandbox:500')))
      expect(status).toBe(502)
      expect(json.description).toMatch(/try again later/i)
      expect(json.description).not.toMatch(/credentials/)
    })

    it('answers 409, never a success, to a refusal Checkout sends with a 2xx status', async () => {
      const refusal = JSON.stringify({ type: 'UnavailableOpportunityError', description: 'Sold out.' })
      const fetch = () => Promise.resolve(new Response(refusal, { status: 200, headers: { 'Content-Type': 'application/json' } }))
      const { status, json } = await call(handler({ fetch }), post(browserBody()))
      expect(status).toBe(409)
      expect(json).toEqual({ type: 'UnavailableOpportunityError', description: 'Sold out.' })
    })

    it('answers 504 when Checkout hangs, saying to try again', async () => {
      const { status, json } = await call(handler({ timeoutMs: 200 }), post(browserBody('sandbox:hang')))
      expect(status).toBe(504)
      expect(json).toEqual({ type: 'GatewayTimeoutError', description: expect.stringMatching(/try again/i) })
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
