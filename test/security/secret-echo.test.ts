/**
 * A hostile upstream echoes the credential it was sent, in every form an
 * exact-match scrub misses, in every place an answer has. Neither imin's API
 * key (on the server) nor the bearer token (in the browser) may reach
 * anything the browser or a log receives.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ServerResponse } from 'node:http'
import { CheckoutError, createCheckoutSession, createStandaloneCheckoutSession } from '../../src/core/index.js'
import { createCheckoutSessionHandler, createStandaloneCheckoutHandler } from '../../src/server/index.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { request } from '../checkout/fixtures.js'
import { serve } from '../server/node-adapter.js'
import { ECHO_FORMS, sendJson, startHostileUpstream, type HostileRequest, type HostileUpstream } from './hostile-upstream.js'

const API_KEY = 'imin-api-key-5f3c9a'
const TOKEN = 'browser-token-8d21e7'

let upstream: HostileUpstream
let authenticated: Awaited<ReturnType<typeof serve>>
let standalone: Awaited<ReturnType<typeof serve>>
const logs: string[] = []

beforeAll(async () => {
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')))
  upstream = await startHostileUpstream()
  authenticated = await serve(
    createCheckoutSessionHandler({
      checkoutBaseUrl: upstream.url,
      apiKey: API_KEY,
      broker: { name: 'Acme', url: 'https://acme.example/' },
      authorize: () => 'customer-1',
    }),
  )
  standalone = await serve(createStandaloneCheckoutHandler({ checkoutBaseUrl: upstream.url, apiKey: API_KEY }))
})
afterAll(async () => {
  await Promise.all([upstream.close(), authenticated.close(), standalone.close()])
  vi.restoreAllMocks()
})
afterAll(() => {
  for (const line of logs) expectClean(line, API_KEY, API_KEY)
  for (const line of logs) expectClean(line, TOKEN, TOKEN)
})

/** Where in an answer the echo is put. */
const PLACES: [name: string, answer: (echo: string, incoming: HostileRequest, response: ServerResponse) => void][] = [
  ['the description', (echo, _, response) => sendJson(response, 400, { type: 'UnavailableOpportunityError', description: `Refused for ${echo}` })],
  ['the error type', (echo, _, response) => sendJson(response, 400, { type: `InvalidRequestError${echo}`, description: 'Refused.' })],
  ['the error type alone', (echo, _, response) => sendJson(response, 400, { type: echo })],
  ['the Location header', (echo, { origin }, response) =>
    sendJson(response, 201, { potentialAction: [{ type: 'OrderAction', name: 'Checkout', target: `${origin}/checkout/1` }] }, { Location: `${origin}/sessions/1?k=${encodeURI(echo)}` })],
  ['the target query', (echo, { origin }, response) =>
    sendJson(response, 201, { potentialAction: [{ type: 'OrderAction', name: 'Checkout', target: `${origin}/checkout/1?k=${echo}` }] })],
  ['the target path', (echo, { origin }, response) =>
    sendJson(response, 201, { potentialAction: [{ type: 'OrderAction', name: 'Checkout', target: `${origin}/checkout/${echo}` }] })],
  ['the body', (echo, { origin }, response) =>
    sendJson(response, 201, { note: echo, potentialAction: [{ type: 'OrderAction', name: 'Checkout', target: `${origin}/checkout/1` }] })],
]

/** Every string value in a JSON text, decoded, and the text itself. */
function strings(text: string): string[] {
  const found = [text]
  const walk = (value: unknown) => {
    if (typeof value === 'string') found.push(value)
    else if (value && typeof value === 'object') Object.values(value).forEach(walk)
  }
  try {
    walk(JSON.parse(text))
  } catch {
    // Not JSON: the text alone.
  }
  return found
}

/** A value and its percent-decodings: a URL parser encodes what a header or target carried. */
function decodings(value: string): string[] {
  const found = [value]
  for (let round = 0; round < 8; round++) {
    try {
      const decoded = decodeURIComponent(found.at(-1)!)
      if (decoded === found.at(-1)) break
      found.push(decoded)
    } catch {
      break
    }
  }
  return found
}

/** Neither the secret (in any case, percent-decoded, invisible characters removed) nor the exact echo appears. */
function expectClean(text: string, secret: string, echo: string) {
  for (const value of strings(text)) {
    for (const form of decodings(value)) {
      const visible = form.replace(/[\p{Cc}\p{Cf}]/gu, '').toLowerCase()
      expect(visible).not.toContain(secret.toLowerCase())
      expect(form).not.toContain(echo)
    }
  }
}

/** Everything a caller in the browser gets from a checkout call: the session or the error, all of it. */
async function outcome(call: Promise<unknown>): Promise<string> {
  const result = await call.then(
    (session) => session,
    (error: unknown) => {
      expect(error).toBeInstanceOf(CheckoutError)
      const { message, stack, kind, status, type, description } = error as CheckoutError
      return { message, stack, kind, status, type, description, string: String(error) }
    },
  )
  return JSON.stringify(result)
}

/** The handler's whole answer over HTTP: status line fields, headers and body. */
async function raw(url: string, body: unknown): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  return JSON.stringify([response.status, [...response.headers]]) + (await response.text())
}

const standaloneOpportunity = { '@type': 'ScheduledSession', '@id': 'https://opendata.example/sessions/1' }

describe.each(ECHO_FORMS)('given an upstream that echoes the credential %s', (_, encode) => {
  describe.each(PLACES)('in %s', (_, place) => {
    it("never passes on imin's API key from the authenticated handler", async () => {
      const echo = encode(API_KEY)
      upstream.answer = (incoming, response) => place(encode(incoming.credential), incoming, response)
      expectClean(await raw(authenticated.url, requestBody(request('a'), true)), API_KEY, echo)
      const viaBrowser = createCheckoutSession(request('a', { customer: undefined }), {
        checkoutBaseUrl: upstream.url,
        endpoint: authenticated.url,
        getAuthToken: () => TOKEN,
      })
      expectClean(await outcome(viaBrowser), API_KEY, echo)
    })

    it("never passes on imin's API key from the standalone handler", async () => {
      const echo = encode(API_KEY)
      upstream.answer = (incoming, response) => place(encode(incoming.credential), incoming, response)
      const viaBrowser = createStandaloneCheckoutSession({ opportunity: standaloneOpportunity }, { checkoutBaseUrl: upstream.url, endpoint: standalone.url })
      expectClean(await outcome(viaBrowser), API_KEY, echo)
    })

    it('never passes on the bearer token from createCheckoutSession', async () => {
      const echo = encode(TOKEN)
      upstream.answer = (incoming, response) => place(encode(incoming.credential), incoming, response)
      const direct = createCheckoutSession(request('a'), { checkoutBaseUrl: upstream.url, getAuthToken: () => TOKEN })
      expectClean(await outcome(direct), TOKEN, echo)
    })

    it('never passes on the bearer token from createStandaloneCheckoutSession', async () => {
      const echo = encode(TOKEN)
      upstream.answer = (incoming, response) => place(encode(incoming.credential), incoming, response)
      const direct = createStandaloneCheckoutSession({ opportunity: standaloneOpportunity }, { checkoutBaseUrl: upstream.url, getAuthToken: () => TOKEN })
      expectClean(await outcome(direct), TOKEN, echo)
    })
  })
})

describe('given an upstream that echoes the credential in the target', () => {
  it('refuses the target as unsafe-target', async () => {
    upstream.answer = (incoming, response) => PLACES[4]![1](btoa(incoming.credential), incoming, response)
    const error = await createCheckoutSession(request('a'), { checkoutBaseUrl: upstream.url, getAuthToken: () => TOKEN }).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'unsafe-target' })
  })
})
