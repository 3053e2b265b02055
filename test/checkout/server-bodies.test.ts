/**
 * The `./server` handlers rebuild the body the browser sent before anything
 * goes to imin: a body of another shape answers 400 saying what is wrong, and
 * nothing is sent upstream.
 */
import { describe, expect, it } from 'vitest'
import { createCheckoutSessionHandler, createStandaloneCheckoutHandler } from '../../src/server/index.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { SANDBOX_API_KEY } from '../sandbox/server.js'
import { request } from './fixtures.js'
import { sandboxForThisFile } from '../sandbox/for-this-file.js'

const sandbox = sandboxForThisFile()

const post = (body: unknown) =>
  new Request('http://broker.example/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

/** The body the browser sends, as far as these tests change it. */
type Sent = Record<string, unknown> & { 'imin:initialOrder': Record<string, unknown> & { orderedItem: unknown[] } }

const SHAPE = 'The body is not a checkout session for one ScheduledSession or Slot.'

describe('the authenticated handler', () => {
  const handler = () =>
    createCheckoutSessionHandler({ checkoutBaseUrl: sandbox.url, apiKey: SANDBOX_API_KEY, broker: { name: 'Acme', url: 'https://acme.example/' }, authorize: () => 'customer-1' })
  const body = () => JSON.parse(JSON.stringify(requestBody(request('a'), true))) as Sent

  it('books a Slot', async () => {
    const slot = { '@type': 'Slot', identifier: 'court-1', offers: [{ '@id': 'https://id.example/slots/1#/offers/1' }] }
    const response = await handler()(post(requestBody(request('a', { opportunity: slot, parent: undefined }), true)))
    expect(response.status).toBe(201)
    expect(JSON.parse(sandbox.requests[0]!.body)['imin:initialOrder'].orderedItem[0].orderedItem).toEqual({ type: 'Slot', identifier: 'court-1' })
  })

  it.each([
    ['another type', (sent: Sent) => ({ ...sent, type: 'Order' }), SHAPE],
    ['two opportunities', (sent: Sent) => {
      const order = sent['imin:initialOrder']
      return { ...sent, 'imin:initialOrder': { ...order, orderedItem: [order.orderedItem[0], order.orderedItem[0]] } }
    }, SHAPE],
    ['an item without an opportunity', (sent: Sent) => ({ ...sent, 'imin:initialOrder': { ...sent['imin:initialOrder'], orderedItem: [{ type: 'OrderItem' }] } }), SHAPE],
    ['navigation links that are not a list', (sent: Sent) => ({ ...sent, 'imin:navigationLinks': { url: 'https://acme.example/' } }), 'imin:navigationLinks must be a list.'],
  ])('answers 400 to a body with %s, saying what is wrong', async (_, change, reason) => {
    const response = await handler()(post(change(body())))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ type: 'InvalidRequestError', description: `Invalid checkout request: ${reason}` })
    expect(sandbox.requests).toHaveLength(0)
  })
})

describe('the standalone handler', () => {
  const handler = () => createStandaloneCheckoutHandler({ checkoutBaseUrl: sandbox.url })
  const opportunity = { type: 'ScheduledSession', id: 'https://opendata.example/sessions/1' }
  const body = (extra: Record<string, unknown> = {}, orderedItem: unknown = opportunity) => ({
    type: 'imin:CheckoutSession',
    'imin:initialOrder': { type: 'OrderQuote', orderedItem: [{ type: 'OrderItem', orderedItem }] },
    ...extra,
  })

  it('takes an opportunity named by its JSON-LD @id', async () => {
    const response = await handler()(post(body({}, { '@type': 'Slot', '@id': 'https://opendata.example/slots/7' })))
    expect(response.status).toBe(201)
    expect(JSON.parse(sandbox.requests[0]!.body)['imin:initialOrder'].orderedItem[0].orderedItem).toEqual({ type: 'Slot', id: 'https://opendata.example/slots/7' })
  })

  it.each([
    ['another type', body({ type: 'Order' }), SHAPE],
    ['no initial order', body({ 'imin:initialOrder': undefined }), SHAPE],
    ['an id that is not an http(s) URL', body({}, { type: 'ScheduledSession', id: '1380172616' }), "The opportunity's @id must be an http(s) URL."],
  ])('answers 400 to a body with %s, saying what is wrong', async (_, sent, reason) => {
    const response = await handler()(post(sent))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ type: 'InvalidRequestError', description: `Invalid checkout request: ${reason}` })
    expect(sandbox.requests).toHaveLength(0)
  })
})
