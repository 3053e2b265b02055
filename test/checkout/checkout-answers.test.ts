/**
 * What a broker's page gets back from createCheckoutSession for each kind of
 * answer Checkout (or something pretending to be it) can give, over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCheckoutSession, type CheckoutSessionOptions } from '../../src/core/index.js'
import { sendJson, startHostileUpstream, type HostileUpstream } from '../security/hostile-upstream.js'
import { request, checkoutFailure } from './fixtures.js'

let upstream: HostileUpstream
beforeAll(async () => {
  upstream = await startHostileUpstream()
})
afterAll(() => upstream.close())

const book = (extra: Partial<CheckoutSessionOptions> = {}) =>
  createCheckoutSession(request('a'), { checkoutBaseUrl: upstream.url, getAuthToken: () => 'token-for-answers', ...extra })

const refuse = (status: number, body: unknown) => (upstream.answer = (_, response) => sendJson(response, status, body))

describe('given an error answer', () => {
  it.each([
    ['markup before the name', '<b>x</b>OpportunityIsFullError'],
    ['text after the name', 'OpportunityIsFullError: try later'],
    ['a sentence ending in a name', 'Refused by UnavailableOpportunityError'],
    ['a list of names', ['OpportunityIsFullError']],
    ['a number', 409],
  ])('passes on no type when it is %s, and decides the kind from the status', async (_, type) => {
    refuse(409, { type, description: 'Refused.' })
    expect(await checkoutFailure(book())).toMatchObject({ kind: 'http', status: 409, type: undefined, description: 'Refused.' })
  })

  it('says which HTTP status failed', async () => {
    refuse(502, { type: 'BadGatewayError' })
    expect((await checkoutFailure(book())).message).toContain('HTTP 502.')
  })

  it('keeps characters outside the Basic Multilingual Plane whole while cutting a long description', async () => {
    const description = `Court 🏸 is closed. ${'a'.repeat(600)}`
    refuse(400, { type: 'UnavailableOpportunityError', description })
    expect((await checkoutFailure(book())).description).toBe(description.slice(0, 500))
  })
})

describe('given a success answer', () => {
  const target = () => `${upstream.url}/checkout/1`

  it('passes on a body holding numbers, booleans and nulls whole', async () => {
    const body = { remainingAttendeeCapacity: 3, isFull: false, note: null, potentialAction: [{ type: 'OrderAction', name: 'Checkout', target: target() }] }
    upstream.answer = (_, response) => sendJson(response, 201, body)
    expect((await book()).body).toEqual(body)
  })

  it('has no location when the answer has no Location header', async () => {
    upstream.answer = (_, response) => sendJson(response, 201, { potentialAction: [{ type: 'OrderAction', target: target() }] })
    const session = await book()
    expect(session).toEqual({ target: target(), body: expect.any(Object) })
    expect(session).not.toHaveProperty('location')
  })

  it('reads an answer of exactly 256 KiB that declares its length', async () => {
    const start = `{"potentialAction":[{"type":"OrderAction","target":"${target()}"}],"padding":"`
    const text = start + 'x'.repeat(256 * 1024 - start.length - 2) + '"}'
    upstream.answer = (_, response) => {
      response.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) })
      response.end(text)
    }
    expect(Buffer.byteLength(text)).toBe(256 * 1024)
    expect((await book()).target).toBe(target())
  })

  it('says an answer over the limit is too large, with its status', async () => {
    upstream.answer = (_, response) => {
      response.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': String(256 * 1024 + 1) })
      response.end()
    }
    expect(await checkoutFailure(book())).toMatchObject({ kind: 'invalid-response', status: 201, message: expect.stringContaining('too large') })
  })

  it('says an answer that is not JSON is not JSON, even when empty', async () => {
    upstream.answer = (_, response) => {
      response.writeHead(204)
      response.end()
    }
    expect(await checkoutFailure(book())).toMatchObject({ kind: 'invalid-response', status: 204, message: expect.stringContaining('Not JSON.') })
  })

  it('says when there is no checkout target', async () => {
    upstream.answer = (_, response) => sendJson(response, 201, { potentialAction: [{ type: 'OrderAction', name: 'Checkout' }] })
    expect(await checkoutFailure(book())).toMatchObject({ kind: 'invalid-response', status: 201, message: expect.stringContaining('No checkout target.') })
  })

  it('refuses a target that spells the token only once its dot segments are resolved', async () => {
    const token = 'tok/en-5f3c9a2b'
    upstream.answer = ({ origin }, response) =>
      sendJson(response, 201, { potentialAction: [{ type: 'OrderAction', target: `${origin}/checkout/tok/./en-5f3c9a2b` }] })
    const error = await checkoutFailure(book({ getAuthToken: () => token }))
    expect(error).toMatchObject({ kind: 'unsafe-target', status: 201 })
  })
})

describe('given a fetch of the app that returns something not quite a Response', () => {
  it('is invalid-response, with the plain message', async () => {
    const fetcher = async () => {
      const real = new Response(JSON.stringify({ potentialAction: [] }), { status: 201 })
      return { headers: real.headers, body: real.body, get status(): number { throw new TypeError('no status') } } as unknown as Response
    }
    const error = await checkoutFailure(book({ fetch: fetcher }))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toBe('Checkout answer unreadable; try again later.')
  })

  it('says a bodiless answer declaring more than 256 KiB is too large', async () => {
    const fetcher = async () => new Response(null, { status: 201, headers: { 'Content-Length': String(1024 * 1024) } })
    expect(await checkoutFailure(book({ fetch: fetcher }))).toMatchObject({ kind: 'invalid-response', status: 201, message: expect.stringContaining('too large') })
  })
})
