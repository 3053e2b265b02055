import { describe, expect, it } from 'vitest'
import { createStandaloneCheckoutSession, type StandaloneCheckoutOptions } from '../../src/core/index.js'
import { SANDBOX_BROKER, SANDBOX_TOKEN } from '../sandbox/server.js'
import { errorText, checkoutFailure } from './fixtures.js'
import { sandboxForThisFile } from '../sandbox/for-this-file.js'

const sandbox = sandboxForThisFile()

const FUSION = 'https://opendata.fusion-lifestyle.com/OpenActive/api/scheduled-sessions/310003324'

/** A ScheduledSession from a publisher's own open-data feed: no imin flags, no identifier needed. */
const openDataSession = (id: unknown = FUSION) => ({
  '@context': 'https://openactive.io/',
  '@type': 'ScheduledSession',
  '@id': id,
  identifier: 'not-this',
  superEvent: 'https://opendata.example/session-series/1',
  startDate: '2027-03-10T18:00:00Z',
})
const magic = (name: string) => openDataSession(`https://opendata.example/scheduled-sessions/sandbox:${name}`)

const options = (extra: Partial<StandaloneCheckoutOptions> = {}): StandaloneCheckoutOptions => ({ checkoutBaseUrl: sandbox.url, ...extra })

describe('createStandaloneCheckoutSession', () => {
  describe('given an opportunity from open data', () => {
    it("posts imin's Standalone body to /checkout-sessions and returns the target, body and resolved Location", async () => {
      const session = await createStandaloneCheckoutSession({ opportunity: openDataSession() }, options())
      expect(sandbox.requests).toHaveLength(1)
      const [sent] = sandbox.requests
      expect(sent!.method).toBe('POST')
      expect(sent!.path).toBe('/checkout-sessions')
      expect(sent!.headers['content-type']).toBe('application/json')
      expect(sent!.headers.authorization).toBeUndefined()
      expect(sent!.headers['x-api-key']).toBeUndefined()
      expect(JSON.parse(sent!.body)).toEqual({
        '@context': ['https://openactive.io/', 'https://imin.co/'],
        type: 'imin:CheckoutSession',
        'imin:initialOrder': {
          type: 'OrderQuote',
          orderedItem: [{ type: 'OrderItem', orderedItem: { type: 'ScheduledSession', id: FUSION } }],
        },
      })

      const id = [...sandbox.sessions.keys()].pop()!
      expect(session.target).toBe(`${sandbox.url}/opendata/${id}`)
      expect(session.location).toBe(`${sandbox.url}/checkout-sessions/${id}`)
      expect(session.body).toMatchObject({ 'imin:initialOrder': { broker: SANDBOX_BROKER } })
      const page = await (await fetch(session.target)).text()
      expect(page).toContain(`>${FUSION}</span>`)
    })

    it('sends a Slot by its id, from an RPDE item, and uses `id` when there is no `@id`', async () => {
      const slot = { '@type': 'Slot', id: 'https://opendata.example/slots/7', facilityUse: 'https://opendata.example/facility-uses/1' }
      await createStandaloneCheckoutSession({ opportunity: { state: 'updated', kind: 'Slot', id: '7', modified: 1, data: slot } }, options())
      expect(JSON.parse(sandbox.requests[0]!.body)['imin:initialOrder'].orderedItem[0].orderedItem).toEqual({
        type: 'Slot',
        id: 'https://opendata.example/slots/7',
      })
    })

    it('posts to a configured endpoint, with a bearer token when one is given', async () => {
      await createStandaloneCheckoutSession(
        { opportunity: openDataSession() },
        options({ endpoint: `${sandbox.url}/checkout-sessions?via=backend`, getAuthToken: () => SANDBOX_TOKEN }),
      )
      expect(sandbox.requests[0]!.path).toBe('/checkout-sessions?via=backend')
      expect(sandbox.requests[0]!.headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN}`)
    })
  })

  describe('given an opportunity Checkout refuses', () => {
    it.each([
      ['unavailable', 'unavailable', 400, 'UnavailableOpportunityError'],
      ['not-bookable', 'unavailable', 409, 'OpportunityOfferPairNotBookableError'],
      ['full', 'full', 409, 'OpportunityIsFullError'],
      ['500', 'http', 500, 'InternalServerError'],
      ['forbidden', 'unauthorized', 403, 'ForbiddenError'],
    ])('sandbox:%s is %s', async (name, kind, status, type) => {
      const error = await checkoutFailure(createStandaloneCheckoutSession({ opportunity: magic(name) }, options()))
      expect(error).toMatchObject({ kind, status, type })
    })
  })

  describe('given an answer it cannot use', () => {
    it.each([
      ['not-json', 'invalid-response'],
      ['no-target', 'invalid-response'],
      ['huge', 'invalid-response'],
      ['hostile-target', 'unsafe-target'],
      ['relative-target', 'unsafe-target'],
      ['other-host-target', 'unsafe-target'],
      ['close', 'network'],
      ['redirect', 'network'],
    ])('sandbox:%s is %s', async (name, kind) => {
      const error = await checkoutFailure(createStandaloneCheckoutSession({ opportunity: magic(name) }, options()))
      expect(error.kind).toBe(kind)
    })

    it('times out, and is aborted by its signal', async () => {
      expect((await checkoutFailure(createStandaloneCheckoutSession({ opportunity: magic('hang') }, options({ timeoutMs: 100 })))).kind).toBe('timeout')
      const controller = new AbortController()
      const pending = createStandaloneCheckoutSession({ opportunity: magic('hang') }, options({ signal: controller.signal }))
      controller.abort()
      expect((await checkoutFailure(pending)).kind).toBe('aborted')
    })

    it('refuses a target that repeats the token', async () => {
      const error = await checkoutFailure(
        createStandaloneCheckoutSession({ opportunity: magic('echo-credentials-target') }, options({ getAuthToken: () => SANDBOX_TOKEN })),
      )
      expect(error.kind).toBe('unsafe-target')
      expect(errorText(error)).not.toContain(SANDBOX_TOKEN)
    })
  })

  describe('given an opportunity without a usable open-data id', () => {
    it.each([
      ['no @id', { '@type': 'ScheduledSession', identifier: '1380172616' }],
      ['a plain-string @id', openDataSession('1380172616')],
      ['a numeric @id', openDataSession(14961)],
      ['a javascript: @id', openDataSession('javascript:alert(1)')],
      ['an ftp @id', openDataSession('ftp://opendata.example/1')],
      ['an Event', { '@type': 'Event', '@id': FUSION }],
      ['a deleted RPDE item', { state: 'deleted', kind: 'ScheduledSession', id: '1', modified: 2 }],
    ])('is invalid-request with %s, and sends nothing', async (_, opportunity) => {
      const error = await checkoutFailure(createStandaloneCheckoutSession({ opportunity }, options()))
      expect(error.kind).toBe('invalid-request')
      expect(sandbox.requests).toHaveLength(0)
    })

    it('is invalid-request with an insecure endpoint, and sends nothing', async () => {
      const error = await checkoutFailure(createStandaloneCheckoutSession({ opportunity: openDataSession() }, options({ endpoint: 'http://imin.example/checkout-sessions' })))
      expect(error.kind).toBe('invalid-request')
      expect(sandbox.requests).toHaveLength(0)
    })
  })
})
