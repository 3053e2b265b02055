import { describe, expect, it } from 'vitest'
import { checkoutBody, parseCheckoutBody, requestBody } from '../../src/core/checkout/checkout-body.js'
import { broker, expectedBody, person, request, scheduledSession, series, refusal } from './fixtures.js'

const acceptedOffer = (body: Record<string, unknown>) =>
  (body['imin:initialOrder'] as { orderedItem: { acceptedOffer: unknown }[] }).orderedItem[0]!.acceptedOffer

const invalid = (run: () => unknown, detail: RegExp) => expect(refusal(run).message).toMatch(detail)

describe('requestBody', () => {
  it('builds the body imin documents, identifier not encoded', () => {
    expect(requestBody(request('https://x.example/a b?c'))).toEqual(expectedBody('https://x.example/a b?c'))
  })

  it('keeps a number identifier a number', () => {
    expect(requestBody(request(14961))).toEqual(expectedBody(14961))
  })

  it('sends a customer id as a string and drops unknown Person fields', () => {
    expect(requestBody(request('1', { customer: 'customer-42' }))).toEqual(expectedBody('1', 'customer-42'))
    const extra = { ...person, identifier: 9, telephone: '0123', password: 'x' }
    expect(requestBody(request('1', { customer: extra }))).toEqual(expectedBody('1', { ...person, identifier: 9 }))
  })

  it('adds a type to a Person given without one', () => {
    const { type: _, ...untyped } = person
    expect(requestBody(request('1', { customer: untyped }))).toEqual(expectedBody('1'))
  })

  it('omits the customer and the broker when none is given for an endpoint, for the server handler to add', () => {
    const body = requestBody(request('1', { customer: undefined, broker: undefined }), true)
    expect(body['imin:initialOrder']).not.toHaveProperty('customer')
    expect(body['imin:initialOrder']).not.toHaveProperty('broker')
  })

  it.each([
    ['customer', { customer: undefined }],
    ['broker', { broker: undefined }],
  ])('requires a %s without an endpoint', (name, extra) => {
    expect(() => requestBody(request('1', extra))).toThrow(new RegExp(name))
  })

  it.each(['http://acme.example/', 'javascript:alert(1)', 'ftp://acme.example/'])('refuses the navigation link %s', (url) => {
    expect(() => requestBody(request('1', { navigationLinks: { backToBroker: url } }))).toThrow(/navigationLinks.backToBroker must be an https: URL/)
  })

  it('accepts http navigation links on localhost', () => {
    expect(() => requestBody(request('1', { navigationLinks: { backToBroker: 'http://localhost:3000/' } }))).not.toThrow()
  })

  it('turns navigation links into imin:navigationLinks entries', () => {
    const body = requestBody(
      request('1', {
        navigationLinks: { backToBroker: 'https://acme.example/', backToBrokerUserProfile: 'https://acme.example/me' },
      }),
    )
    expect(body['imin:navigationLinks']).toEqual([
      { type: 'WebPage', name: 'Back to Broker', 'imin:linkType': 'https://imin.co/BackToBrokerLink', url: 'https://acme.example/' },
      {
        type: 'WebPage',
        name: 'Back to Broker User Profile',
        'imin:linkType': 'https://imin.co/BackToBrokerUserProfileLink',
        url: 'https://acme.example/me',
      },
    ])
    expect(requestBody(request('1', { navigationLinks: { backToBroker: 'https://a.example/' } }))['imin:navigationLinks']).toHaveLength(1)
  })

  describe('given the offer to accept', () => {
    it('uses offerId first', () => {
      expect(acceptedOffer(requestBody(request('1', { offerId: 'offer-x' })))).toBe('offer-x')
    })

    it("uses the parent's publicAdult offer", () => {
      expect(acceptedOffer(requestBody(request('1')))).toBe('https://id.example/series/1#/offers/adult')
    })

    it('reads an RPDE item parent and an embedded superEvent', () => {
      const item = { state: 'updated', kind: 'SessionSeries', id: '1', modified: 1, data: series }
      expect(acceptedOffer(requestBody(request('1', { parent: item })))).toBe('https://id.example/series/1#/offers/adult')
      const embedded = { ...scheduledSession('1'), superEvent: { ...series, 'imin:aggregateOffer': { publicAdult: { id: 'embedded' } } } }
      expect(acceptedOffer(requestBody(request('1', { opportunity: embedded, parent: undefined })))).toBe('embedded')
    })

    it("falls back to the first of the parent's offers", () => {
      const parent = { ...series, 'imin:aggregateOffer': {} }
      expect(acceptedOffer(requestBody(request('1', { parent })))).toBe('https://id.example/series/1#/offers/first')
    })

    it("uses a Slot's own publicAdult offer, then its own offers", () => {
      const slot = { '@type': 'Slot', identifier: 's1', 'imin:aggregateOffer': { publicAdult: { id: 'slot-adult' } } }
      expect(acceptedOffer(requestBody(request('1', { opportunity: slot, parent: undefined })))).toBe('slot-adult')
      const plain = { '@type': 'Slot', identifier: 's1', offers: [{ id: 'slot-first' }] }
      expect(acceptedOffer(requestBody(request('1', { opportunity: plain, parent: { '@type': 'FacilityUse' } })))).toBe('slot-first')
    })

    it('refuses when there is no offer', () => {
      invalid(() => requestBody(request('1', { parent: { '@type': 'SessionSeries' } })), /offerId/)
      invalid(() => requestBody(request('1', { offerId: '' })), /offerId/)
    })
  })

  describe('given an invalid request', () => {
    it.each([
      ['an email that is not an email', { customer: { ...person, email: 'alex' } }, /email/],
      ['an email with spaces', { customer: { ...person, email: 'a lex@example.com' } }, /email/],
      ['no given name', { customer: { ...person, givenName: ' ' } }, /givenName/],
      ['no family name', { customer: { ...person, familyName: undefined } }, /familyName/],
      ['an empty customer id', { customer: '' }, /customer/],
      ['a number customer', { customer: 42 }, /customer/],
      ['no broker name', { broker: { ...broker, name: '' } }, /broker.name/],
      ['no broker url', { broker: { name: 'Acme' } }, /broker.url/],
      ['a javascript: broker url', { broker: { ...broker, url: 'javascript:alert(1)' } }, /broker.url/],
      ['no broker', { broker: undefined }, /broker/],
      ['a javascript: navigation link', { navigationLinks: { backToBroker: 'javascript:alert(1)' } }, /backToBroker/],
      ['a relative navigation link', { navigationLinks: { backToBrokerUserProfile: '/me' } }, /backToBrokerUserProfile/],
      ['no identifier', { opportunity: { '@type': 'ScheduledSession', '@id': 'x' } }, /identifier/],
      ['a deleted opportunity', { opportunity: { state: 'deleted', kind: 'ScheduledSession', id: '1' } }, /deleted/],
    ])('refuses %s', (_, extra, detail) => {
      invalid(() => requestBody(request('1', extra as never)), detail)
    })

    it('refuses a request that is not an object', () => {
      invalid(() => requestBody(null as never), /request/)
    })
  })
})

describe('parseCheckoutBody', () => {
  it('gives back the fields, so rebuilding gives the same body', () => {
    const body = requestBody(
      request('https://x.example/1', { navigationLinks: { backToBroker: 'https://acme.example/', backToBrokerUserProfile: 'https://acme.example/me' } }),
    )
    const fields = parseCheckoutBody(JSON.parse(JSON.stringify(body)))
    expect(checkoutBody(fields)).toEqual(body)
    expect(checkoutBody({ ...fields, customer: 'server-customer' })).toEqual({
      ...body,
      'imin:initialOrder': { ...(body['imin:initialOrder'] as object), customer: 'server-customer' },
    })
  })

  it('drops anything it does not know', () => {
    const body = JSON.parse(JSON.stringify(requestBody(request('1')))) as Record<string, Record<string, unknown>>
    body.extra = { evil: true }
    body['imin:initialOrder']!.seller = 'someone'
    const rebuilt = checkoutBody(parseCheckoutBody(body))
    expect(rebuilt).toEqual(expectedBody('1'))
  })

  it.each([
    ['not an object', 'text'],
    ['another type', { type: 'Order' }],
    ['no initial order', { type: 'imin:CheckoutSession' }],
    ['two items', { type: 'imin:CheckoutSession', 'imin:initialOrder': { orderedItem: [{}, {}] } }],
    ['an Event', { type: 'imin:CheckoutSession', 'imin:initialOrder': { orderedItem: [{ orderedItem: { type: 'Event' } }] } }],
  ])('refuses a body that is %s', (_, body) => {
    invalid(() => parseCheckoutBody(body), /checkout session/)
  })

  it('refuses unknown navigation links', () => {
    const body = { ...requestBody(request('1')), 'imin:navigationLinks': [{ 'imin:linkType': 'https://evil.example', url: 'https://x' }] }
    invalid(() => parseCheckoutBody(body), /navigationLinks/)
  })
})
