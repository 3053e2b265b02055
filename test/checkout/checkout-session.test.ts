import { describe, expect, it, vi } from 'vitest'
import { createCheckoutSession, type CheckoutSessionOptions } from '../../src/core/index.js'
import { SANDBOX_TOKEN, startSandbox } from '../sandbox/server.js'
import { errorText, expectedBody, person, request, checkoutFailure } from './fixtures.js'
import { sandboxForThisFile } from '../sandbox/for-this-file.js'

const sandbox = sandboxForThisFile({ unavailable: ['fixture-unavailable'] })

const options = (extra: Partial<CheckoutSessionOptions> = {}): CheckoutSessionOptions => ({
  checkoutBaseUrl: sandbox.url,
  getAuthToken: () => SANDBOX_TOKEN,
  ...extra,
})

describe('createCheckoutSession', () => {
  describe('given a bookable opportunity', () => {
    it('posts the documented body with the bearer token, and returns the target', async () => {
      const session = await createCheckoutSession(
        request('https://opendata.example/scheduled-sessions/1?x=1#y', { navigationLinks: { backToBroker: 'https://acme.example/' } }),
        options({ getAuthToken: async () => SANDBOX_TOKEN }),
      )
      expect(sandbox.requests).toHaveLength(1)
      const [received] = sandbox.requests
      expect(received!.method).toBe('POST')
      expect(received!.path).toBe('/api/checkout-sessions/')
      expect(received!.headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN}`)
      expect(received!.headers['content-type']).toBe('application/json')
      expect(received!.headers.accept).toBe('application/json')
      expect(received!.headers['x-api-key']).toBeUndefined()
      expect(JSON.parse(received!.body)).toEqual({
        ...expectedBody('https://opendata.example/scheduled-sessions/1?x=1#y'),
        'imin:navigationLinks': [
          { type: 'WebPage', name: 'Back to Broker', 'imin:linkType': 'https://imin.co/BackToBrokerLink', url: 'https://acme.example/' },
        ],
      })

      const id = [...sandbox.sessions.keys()].pop()!
      expect(session.target).toBe(`${sandbox.url}/checkout/${id}`)
      expect(session.location).toBe(`${sandbox.url}/api/checkout-sessions/${id}`)
      expect(session.body).toMatchObject({ type: 'imin:CheckoutSession', potentialAction: [{ type: 'OrderAction', target: session.target }] })

      const page = await (await fetch(session.target)).text()
      expect(page).toContain('>https://opendata.example/scheduled-sessions/1?x=1#y</span>')
      expect(page).toContain(`>${person.email}</span>`)
    })

    it('asks for a token on every call and never retries', async () => {
      const getAuthToken = vi.fn(() => SANDBOX_TOKEN)
      await createCheckoutSession(request('a'), options({ getAuthToken }))
      await checkoutFailure(createCheckoutSession(request('sandbox:500'), options({ getAuthToken })))
      expect(getAuthToken).toHaveBeenCalledTimes(2)
      expect(sandbox.requests).toHaveLength(2)
    })

    it('sends the token in a configured header', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('a'), options({ authHeader: 'X-Broker-Auth' })))
      expect(sandbox.requests[0]!.headers['x-broker-auth']).toBe(`Bearer ${SANDBOX_TOKEN}`)
      expect(sandbox.requests[0]!.headers.authorization).toBeUndefined()
      expect(error.kind).toBe('unauthorized')
    })

    it('posts to a configured endpoint', async () => {
      await createCheckoutSession(request('a'), options({ endpoint: `${sandbox.url}/api/checkout-sessions?via=endpoint` }))
      expect(sandbox.requests[0]!.path).toBe('/api/checkout-sessions?via=endpoint')
    })

    it('sends nothing to a plain-http endpoint off localhost', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('a'), options({ endpoint: 'http://api.example/checkout' })))
      expect(error.kind).toBe('invalid-request')
      expect(error.message).toMatch(/endpoint/)
    })

    it('accepts a target on an allowed host', async () => {
      const session = await createCheckoutSession(request('sandbox:other-host-target'), options({ allowedTargetHosts: ['EVIL.example'] }))
      expect(session.target).toBe('https://evil.example/checkout/1')
    })
  })

  describe('given Checkout refuses the opportunity', () => {
    it.each([
      ['sandbox:unavailable', 'unavailable', 400, 'UnavailableOpportunityError'],
      ['fixture-unavailable', 'unavailable', 400, 'UnavailableOpportunityError'],
      ['sandbox:not-bookable', 'unavailable', 409, 'OpportunityOfferPairNotBookableError'],
      ['sandbox:full', 'full', 409, 'OpportunityIsFullError'],
      ['sandbox:500', 'http', 500, 'InternalServerError'],
      ['sandbox:forbidden', 'unauthorized', 403, 'ForbiddenError'],
    ])('%s is %s', async (identifier, kind, status, type) => {
      const error = await checkoutFailure(createCheckoutSession(request(identifier), options()))
      expect(error).toMatchObject({ name: 'CheckoutError', kind, status, type })
      expect(error.description).toMatch(/\w/)
      expect(error.message).not.toBe(error.description)
    })
  })

  describe('given no valid sign-in', () => {
    it('is unauthorized when the server refuses the token', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('a'), options({ getAuthToken: () => 'wrong-token' })))
      expect(error).toMatchObject({ kind: 'unauthorized', status: 401 })
      expect(errorText(error)).not.toContain('wrong-token')
    })

    it('sends nothing when there is no token', async () => {
      for (const token of [null, undefined, '']) {
        const error = await checkoutFailure(createCheckoutSession(request('a'), options({ getAuthToken: () => token })))
        expect(error.kind).toBe('unauthorized')
      }
      expect(sandbox.requests).toHaveLength(0)
    })

    it('sends nothing, and keeps nothing of the reason, when getAuthToken throws', async () => {
      const error = await checkoutFailure(
        createCheckoutSession(request('a'), options({ getAuthToken: () => Promise.reject(new Error(`expired ${SANDBOX_TOKEN}`)) })),
      )
      expect(error.kind).toBe('unauthorized')
      expect(error.cause).toBeUndefined()
      expect(sandbox.requests).toHaveLength(0)
    })

    it('is unauthorized without credentials', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('a'), options({ getAuthToken: undefined })))
      expect(error).toMatchObject({ kind: 'unauthorized', status: 401 })
      expect(sandbox.requests[0]!.headers.authorization).toBeUndefined()
    })
  })

  describe('given a broken connection', () => {
    it('times out a server that never answers', async () => {
      const started = Date.now()
      const error = await checkoutFailure(createCheckoutSession(request('sandbox:hang'), options({ timeoutMs: 200 })))
      expect(error.kind).toBe('timeout')
      expect(Date.now() - started).toBeLessThan(2000)
    })

    it('is network when the server closes the connection', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('sandbox:close'), options()))
      expect(error.kind).toBe('network')
    })

    it('follows no redirect, which would resend the token unchecked', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('sandbox:redirect'), options()))
      expect(error.kind).toBe('network')
      expect(sandbox.requests).toHaveLength(1)
    })

    it('is network when nothing listens', async () => {
      const gone = await startSandbox()
      await gone.close()
      const error = await checkoutFailure(createCheckoutSession(request('a'), options({ checkoutBaseUrl: gone.url })))
      expect(error.kind).toBe('network')
    })

    it("is aborted when the caller's signal aborts mid-request", async () => {
      const controller = new AbortController()
      const answer = checkoutFailure(createCheckoutSession(request('sandbox:hang'), options({ signal: controller.signal })))
      await vi.waitUntil(() => sandbox.requests.length === 1)
      controller.abort()
      const error = await answer
      expect(error.kind).toBe('aborted')
    })

    it('times out a token getter that never settles, sending nothing', async () => {
      const error = await checkoutFailure(
        createCheckoutSession(request('a'), options({ getAuthToken: () => new Promise<string>(() => {}), timeoutMs: 50 })),
      )
      expect(error.kind).toBe('timeout')
      expect(sandbox.requests).toHaveLength(0)
    }, 2000)

    it("is aborted when the caller's signal aborts while the token getter hangs, sending nothing", async () => {
      const controller = new AbortController()
      let asked = false
      const hangs = () => ((asked = true), new Promise<string>(() => {}))
      const answer = checkoutFailure(createCheckoutSession(request('a'), options({ getAuthToken: hangs, signal: controller.signal })))
      await vi.waitUntil(() => asked)
      controller.abort()
      const error = await answer
      expect(error.kind).toBe('aborted')
      expect(sandbox.requests).toHaveLength(0)
    }, 2000)

    it('sends nothing when the signal has already aborted', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('a'), options({ signal: AbortSignal.abort() })))
      expect(error.kind).toBe('aborted')
      expect(sandbox.requests).toHaveLength(0)
    })
  })

  describe('given a response it cannot use', () => {
    it.each([
      ['sandbox:not-json', 'invalid-response'],
      ['sandbox:no-target', 'invalid-response'],
      ['sandbox:hostile-target', 'unsafe-target'],
      ['sandbox:data-target', 'unsafe-target'],
      ['sandbox:relative-target', 'unsafe-target'],
      ['sandbox:other-host-target', 'unsafe-target'],
    ])('%s is %s', async (identifier, kind) => {
      const error = await checkoutFailure(createCheckoutSession(request(identifier), options()))
      expect(error).toMatchObject({ kind, status: 201 })
    })

    it('takes the OrderAction named Checkout, else the first OrderAction', async () => {
      const named = await createCheckoutSession(request('sandbox:many-actions'), options())
      expect(named.target).toMatch(new RegExp(`^${sandbox.url}/checkout/[\\w-]+$`))
      const unnamed = await createCheckoutSession(request('sandbox:unnamed-action'), options())
      expect(unnamed.target).toMatch(new RegExp(`^${sandbox.url}/checkout/[\\w-]+$`))
    })
  })

  describe('given a server that repeats the credentials', () => {
    it('drops its type and description', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('sandbox:echo-credentials'), options()))
      expect(error).toMatchObject({ kind: 'http', status: 400, type: undefined, description: undefined })
    })

    it('refuses a target that holds the token', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('sandbox:echo-credentials-target'), options()))
      expect(error).toMatchObject({ kind: 'unsafe-target', status: 201 })
    })

    it('drops a Location header that holds the token', async () => {
      const session = await createCheckoutSession(request('sandbox:echo-credentials-location'), options())
      expect(session.target).toMatch(`${sandbox.url}/checkout/`)
      expect(session.location).toBeUndefined()
      expect(JSON.stringify(session)).not.toContain(SANDBOX_TOKEN)
    })
  })

  describe('given a token that is part of an error type', () => {
    it.each([
      ['sandbox:full', 'IsFull', 'full', 409],
      ['sandbox:unavailable', 'Unavailable', 'unavailable', 400],
    ])('still reports %s by its type, without repeating the type', async (identifier, token, kind, status) => {
      const own = await startSandbox({ tokens: [token] })
      try {
        const error = await checkoutFailure(createCheckoutSession(request(identifier), options({ checkoutBaseUrl: own.url, getAuthToken: () => token })))
        expect(error).toMatchObject({ kind, status, type: undefined })
        expect(errorText(error)).not.toContain(token)
      } finally {
        await own.close()
      }
    })
  })

  describe('given an endpoint on the broker\'s backend', () => {
    it('sends no broker, customer or links when the app has none: the handler supplies them', async () => {
      await createCheckoutSession(
        request('a', { customer: undefined, broker: undefined }),
        options({ endpoint: `${sandbox.url}/api/checkout-sessions?via=backend` }),
      ).catch(() => undefined)
      const order = JSON.parse(sandbox.requests[0]!.body)['imin:initialOrder']
      expect(order).not.toHaveProperty('broker')
      expect(order).not.toHaveProperty('customer')
    })

    it('still requires a broker when posting to Checkout itself', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('a', { broker: undefined }), options()))
      expect(error).toMatchObject({ kind: 'invalid-request', message: expect.stringMatching(/broker/) })
      expect(sandbox.requests).toHaveLength(0)
    })
  })

  describe('given options it cannot use', () => {
    it.each([
      ['timeoutMs', { timeoutMs: -5 }],
      ['timeoutMs', { timeoutMs: '100' as never }],
      ['fetch', { fetch: 'fetch' as never }],
      ['getAuthToken', { getAuthToken: 'token' as never }],
      ['allowedTargetHosts', { allowedTargetHosts: 'checkout.imin.co' as never }],
    ])('rejects a wrong %s with invalid-request, sending nothing', async (name, extra) => {
      const error = await checkoutFailure(createCheckoutSession(request('a'), options(extra)))
      expect(error).toMatchObject({ kind: 'invalid-request', message: expect.stringContaining(name) })
      expect(sandbox.requests).toHaveLength(0)
    })
  })

  describe('given an answer over the size limit', () => {
    it.each(['sandbox:huge', 'sandbox:huge-declared'])('%s is invalid-response', async (identifier) => {
      const error = await checkoutFailure(createCheckoutSession(request(identifier), options()))
      expect(error.kind).toBe('invalid-response')
    })

    it('times out an answer that drips forever', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('sandbox:drip'), options({ timeoutMs: 300 })))
      expect(error.kind).toBe('timeout')
    })
  })

  describe('given an invalid request', () => {
    it('sends nothing without a customer when the endpoint is Checkout itself', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('a', { customer: undefined }), options()))
      expect(error.kind).toBe('invalid-request')
      expect(error.message).toMatch(/customer/)
      expect(sandbox.requests).toHaveLength(0)
    })

    it('sends nothing', async () => {
      const error = await checkoutFailure(createCheckoutSession(request('a', { customer: { ...person, email: 'nope' } }), options()))
      expect(error.kind).toBe('invalid-request')
      expect(error.message).toMatch(/email/)
      const refused = await checkoutFailure(createCheckoutSession(request('a'), options({ checkoutBaseUrl: 'http://checkout.example.com' })))
      expect(refused.kind).toBe('invalid-request')
      expect(sandbox.requests).toHaveLength(0)
    })
  })
})
