/**
 * `allowedTargetHosts` entries are exact hosts: a bare host is the default
 * port only, `host:port` that port only; case and a trailing dot are
 * normalised; anything else is refused naming the entry, never ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CheckoutError, createCheckoutSession, guestCheckoutUrl } from '../../src/core/index.js'
import { createCheckoutSessionHandler } from '../../src/server/index.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { request } from '../checkout/fixtures.js'
import { sendJson, startHostileUpstream, type HostileUpstream } from './hostile-upstream.js'

let upstream: HostileUpstream
let target = ''
beforeAll(async () => {
  upstream = await startHostileUpstream()
  upstream.answer = (_, response) => sendJson(response, 201, { potentialAction: [{ type: 'OrderAction', name: 'Checkout', target }] })
})
afterAll(() => upstream.close())

/** Whether a session whose target is `to` is accepted with these entries. */
async function accepts(to: string, allowedTargetHosts: string[]): Promise<boolean> {
  target = to
  return createCheckoutSession(request('a'), { checkoutBaseUrl: upstream.url, getAuthToken: () => 'token', allowedTargetHosts }).then(
    () => true,
    (error: CheckoutError) => {
      expect(error.kind).toBe('unsafe-target')
      return false
    },
  )
}

describe('given entries that are hosts', () => {
  it.each([
    ['a bare host, on the default port', 'https://pay.example/1', ['pay.example'], true],
    ['a bare host, on another port', 'https://pay.example:8443/1', ['pay.example'], false],
    ['host:port, on that port', 'https://pay.example:8443/1', ['pay.example:8443'], true],
    ['host:port, on the default port', 'https://pay.example/1', ['pay.example:8443'], false],
    ['host:443, on the default port', 'https://pay.example/1', ['pay.example:443'], true],
    ['an upper-case entry', 'https://pay.example/1', ['PAY.Example'], true],
    ['an entry with a trailing dot', 'https://pay.example/1', ['pay.example.'], true],
    ['a target with a trailing dot', 'https://pay.example./1', ['pay.example'], true],
    ['a punycode entry, for a Unicode target', 'https://bücher.example/1', ['xn--bcher-kva.example'], true],
    ['a subdomain of an entry', 'https://evil.pay.example/1', ['pay.example'], false],
    ['a suffix of an entry', 'https://evilpay.example/1', ['pay.example'], false],
    ['plain http on an allowed host', 'http://pay.example/1', ['pay.example'], false],
    ['http on localhost:port', 'http://localhost:4010/1', ['localhost:4010'], true],
  ])('%s: %s', async (_, to, entries, expected) => {
    expect(await accepts(to, entries)).toBe(expected)
  })

  it('reads a list again when the app changes it in place', async () => {
    const entries = ['pay.example']
    expect(await accepts('https://shop.example/1', entries)).toBe(false)
    entries.push('shop.example')
    expect(await accepts('https://shop.example/1', entries)).toBe(true)
    entries.pop()
    expect(await accepts('https://shop.example/1', entries)).toBe(false)
  })
})

const BAD_ENTRIES = [
  ['a scheme', 'https://pay.example'],
  ['a path', 'pay.example/checkout'],
  ['userinfo', 'user@pay.example'],
  ['Unicode not in punycode', 'bücher.example'],
  ['a space', 'pay .example'],
  ['an empty string', ''],
  ['a port out of range', 'pay.example:99999'],
  ['a wildcard', '*.pay.example'],
  ['not a string', 42],
] as const

describe.each(BAD_ENTRIES)('given an entry with %s', (_, entry) => {
  const entries = ['ok.example', entry] as string[]

  it('rejects createCheckoutSession with invalid-request naming the entry, sending nothing', async () => {
    target = `${upstream.url}/checkout/1`
    const error = await createCheckoutSession(request('a'), { checkoutBaseUrl: upstream.url, getAuthToken: () => 'token', allowedTargetHosts: entries }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CheckoutError)
    expect(error).toMatchObject({ kind: 'invalid-request', message: expect.stringContaining('allowedTargetHosts[1]') })
  })

  it('makes guestCheckoutUrl throw invalid-request for a templated link', () => {
    const opportunity = { '@type': 'ScheduledSession', 'imin:checkoutUrlTemplate': '{checkoutBaseUrl}/v1/events/1' }
    expect(() => guestCheckoutUrl(opportunity, { checkoutBaseUrl: 'checkout.example.com', allowedTargetHosts: entries })).toThrow(/allowedTargetHosts\[1\]/)
  })

  it('makes the handler answer 500 ServerMisconfiguredError, logging the setting', async () => {
    const errors: string[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void errors.push(args.join(' '))
    try {
      const handler = createCheckoutSessionHandler({
        checkoutBaseUrl: upstream.url,
        apiKey: 'key',
        broker: { name: 'Acme', url: 'https://acme.example/' },
        authorize: () => 'customer-1',
        allowedTargetHosts: entries,
      })
      const response = await handler(
        new Request('http://broker.example/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(requestBody(request('a'), true)) }),
      )
      expect(response.status).toBe(500)
      expect(await response.json()).toMatchObject({ type: 'ServerMisconfiguredError' })
      expect(errors).toEqual([expect.stringContaining('allowedTargetHosts[1]')])
    } finally {
      console.error = original
    }
  })
})
