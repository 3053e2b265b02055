import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CheckoutError, guestCheckoutUrl } from '../../src/core/index.js'
import { startSandbox, type Sandbox } from '../sandbox/server.js'

const base = { checkoutBaseUrl: 'checkout.example.com' }
const session = (identifier: unknown) => ({ '@type': 'ScheduledSession', '@id': 'https://id.example/not-this', identifier })
const slot = (identifier: unknown) => ({ '@type': 'Slot', identifier })

/** Decodes the last path segment the way a server would. */
const lastSegment = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop()!)

const corpus: (string | number)[] = [
  'https://opendata.fusion-lifestyle.com/OpenActive/api/scheduled-sessions/310003324',
  '1380172616',
  14961,
  0,
  -3.5,
  '../../admin',
  '../',
  '...',
  '.hidden',
  'a/../b',
  '?#%',
  '%2F',
  '%',
  '100%',
  'with space',
  ' leading and trailing ',
  'tab\there',
  'line\nbreak',
  'emoji 🏸🎾',
  'naïve café',
  '日本語',
  'a+b=c&d',
  "quote'\"<script>alert(1)</script>",
  '//evil.example/path',
  '\\\\evil.example',
  '@evil.example',
  'javascript:alert(1)',
  'x'.repeat(2000),
]

describe('guestCheckoutUrl', () => {
  describe('given a ScheduledSession', () => {
    it('builds the path imin documents from its identifier, never its @id', () => {
      expect(guestCheckoutUrl(session('1380172616'), base)).toBe(
        'https://checkout.example.com/v1/scheduled-sessions/1380172616',
      )
    })

    it('encodes a URL identifier as one path segment', () => {
      const url = guestCheckoutUrl(session(corpus[0]), base)
      expect(url).toBe(
        'https://checkout.example.com/v1/scheduled-sessions/https%3A%2F%2Fopendata.fusion-lifestyle.com%2FOpenActive%2Fapi%2Fscheduled-sessions%2F310003324',
      )
    })

    it.each(corpus.map((identifier) => [identifier]))('round-trips %j through the last path segment', (identifier) => {
      const url = guestCheckoutUrl(session(identifier), base)
      const parsed = new URL(url)
      expect(parsed.origin).toBe('https://checkout.example.com')
      expect(parsed.pathname.startsWith('/v1/scheduled-sessions/')).toBe(true)
      expect(parsed.search).toBe('')
      expect(parsed.hash).toBe('')
      expect(lastSegment(url)).toBe(String(identifier))
    })

    it('accepts an RPDE item and an Events API `type` without `@`', () => {
      const item = { state: 'updated', kind: 'ScheduledSession', id: 'x', modified: 1, data: { type: 'ScheduledSession', identifier: 7 } }
      expect(guestCheckoutUrl(item, base)).toBe('https://checkout.example.com/v1/scheduled-sessions/7')
    })

    it('infers the type from superEvent when none is written', () => {
      expect(guestCheckoutUrl({ superEvent: 'https://x', identifier: 'a' }, base)).toBe(
        'https://checkout.example.com/v1/scheduled-sessions/a',
      )
    })
  })

  describe('given a Slot', () => {
    it('uses /v1/slots/ by default', () => {
      expect(guestCheckoutUrl(slot('court 1/09:00'), base)).toBe('https://checkout.example.com/v1/slots/court%201%2F09%3A00')
    })

    it.each(corpus.map((identifier) => [identifier]))('round-trips %j', (identifier) => {
      expect(lastSegment(guestCheckoutUrl(slot(identifier), base))).toBe(String(identifier))
    })

    it('uses slotPath when given, adding the trailing slash', () => {
      expect(guestCheckoutUrl(slot('a'), { ...base, slotPath: '/v2/facility-slots' })).toBe(
        'https://checkout.example.com/v2/facility-slots/a',
      )
    })

    it.each(['@evil.example/', 'evil/', '//evil.example/', '/a?b/', '/a#b/', '/a b/', '\\evil/'])(
      'refuses slotPath %j, which could leave the path',
      (slotPath) => {
        expect(() => guestCheckoutUrl(slot('a'), { ...base, slotPath })).toThrow(/slotPath/)
      },
    )
  })

  describe('given checkoutBaseUrl', () => {
    it.each([
      ['checkout.example.com', 'https://checkout.example.com'],
      ['https://checkout.example.com', 'https://checkout.example.com'],
      ['https://checkout.example.com/', 'https://checkout.example.com'],
      ['HTTPS://Checkout.Example.COM/', 'https://checkout.example.com'],
      ['  checkout.example.com  ', 'https://checkout.example.com'],
      ['https://checkout.example.com:443', 'https://checkout.example.com'],
      ['checkout.example.com:8443', 'https://checkout.example.com:8443'],
      ['localhost:4010', 'https://localhost:4010'],
      ['http://localhost:4010', 'http://localhost:4010'],
      ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
      ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ])('normalises %j to %s', (checkoutBaseUrl, origin) => {
      expect(guestCheckoutUrl(session('1'), { checkoutBaseUrl })).toBe(`${origin}/v1/scheduled-sessions/1`)
    })

    it.each([
      ['', /missing/],
      ['   ', /missing/],
      ['ftp://checkout.example.com', /https:/],
      ['javascript:alert(1)', /https:/],
      ['data:text/html,hi', /https:/],
      ['http://checkout.example.com', /http: only on localhost/],
      ['http://localhost.evil.example', /http: only on localhost/],
      ['https://user:secret@checkout.example.com', /credentials/],
      ['user@checkout.example.com', /credentials/],
      ['https://checkout.example.com/v1', /path/],
      ['checkout.example.com/v1/', /path/],
      ['https://checkout.example.com//', /path/],
      ['https://checkout.example.com/.', /path/],
      ['https://checkout.example.com?x=1', /query/],
      ['https://checkout.example.com/?', /query/],
      ['https://checkout.example.com#top', /fragment/],
      ['https://evil.example\\@checkout.example.com', /credentials|path/],
      ['https://', /not a host/],
      ['exa mple.com', /not a host/],
    ])('refuses %j, saying what is wrong', (checkoutBaseUrl, reason) => {
      let thrown: unknown
      try {
        guestCheckoutUrl(session('1'), { checkoutBaseUrl })
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(CheckoutError)
      expect((thrown as CheckoutError).kind).toBe('invalid-request')
      expect((thrown as CheckoutError).message).toMatch(/checkoutBaseUrl/)
      expect((thrown as CheckoutError).message).toMatch(reason)
      expect((thrown as CheckoutError).message).not.toMatch(/secret/)
    })

    it('refuses a value that is not a string', () => {
      expect(() => guestCheckoutUrl(session('1'), { checkoutBaseUrl: undefined as unknown as string })).toThrow(CheckoutError)
    })
  })

  describe('given an opportunity it cannot link to', () => {
    it.each([
      ['no identifier', { '@type': 'ScheduledSession', '@id': 'https://id.example/1' }],
      ['an empty identifier', session('')],
      ['a NaN identifier', session(Number.NaN)],
      ['an object identifier', session({ value: 1 })],
      ['a `.` identifier', session('.')],
      ['a `..` identifier', session('..')],
      ['a lone surrogate', session('\uD800')],
      ['another type', { '@type': 'SessionSeries', identifier: '1' }],
      ['no type at all', { identifier: '1' }],
      ['a deleted RPDE item', { state: 'deleted', kind: 'ScheduledSession', id: '1', modified: 1 }],
      ['null', null],
      ['an array', [session('1')]],
    ])('throws invalid-request for %s', (_, opportunity) => {
      expect(() => guestCheckoutUrl(opportunity, base)).toThrow(
        expect.objectContaining({ name: 'CheckoutError', kind: 'invalid-request' }),
      )
    })
  })

  describe('given an imin:checkoutUrlTemplate (imin\'s Events API)', () => {
    const templated = (template: unknown, type = 'ScheduledSession') => ({ type, id: 'https://id.example/1', identifier: 'ignored', 'imin:checkoutUrlTemplate': template })

    it.each([
      ['a bare host', 'checkout.example.com'],
      ['an origin', 'https://checkout.example.com'],
    ])('replaces {checkoutBaseUrl} with the checkout origin, from %s', (_, checkoutBaseUrl) => {
      const url = guestCheckoutUrl(templated('{checkoutBaseUrl}/v1/events/abc123/sessions/xyz?x=1'), { checkoutBaseUrl })
      expect(url).toBe('https://checkout.example.com/v1/events/abc123/sessions/xyz?x=1')
    })

    it('is used for a Slot too, instead of slotPath', () => {
      const url = guestCheckoutUrl(templated('{checkoutBaseUrl}/v1/facilities/1/slots/2', 'Slot'), { ...base, slotPath: '/other/' })
      expect(url).toBe('https://checkout.example.com/v1/facilities/1/slots/2')
    })

    it('may lead to a host in allowedTargetHosts', () => {
      const url = guestCheckoutUrl(templated('https://book.imin.example/v1/events/1'), { ...base, allowedTargetHosts: ['book.imin.example'] })
      expect(url).toBe('https://book.imin.example/v1/events/1')
    })

    it.each([
      ['another host', 'https://evil.example/v1/events/1'],
      ['a host that only starts with the placeholder', '{checkoutBaseUrl}.evil.example/v1/events/1'],
      ['userinfo after the placeholder', '{checkoutBaseUrl}@evil.example/v1'],
      ['plain http', 'http://checkout.example.com/v1/events/1'],
      ['javascript:', 'javascript:alert(1)'],
      ['a relative path', '/v1/events/1'],
      ['an unknown placeholder', '{checkoutBaseUrl}/v1/events/{eventId}'],
      ['an empty string', ''],
    ])('is invalid-request for a template giving %s: never a broken or off-host link', (_, template) => {
      let thrown: unknown
      try {
        guestCheckoutUrl(templated(template), base)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(CheckoutError)
      expect(thrown).toMatchObject({ kind: 'invalid-request', message: expect.stringContaining('imin:checkoutUrlTemplate') })
    })

    it('is ignored when it is not a string', () => {
      expect(guestCheckoutUrl(templated(42), base)).toBe('https://checkout.example.com/v1/scheduled-sessions/ignored')
    })
  })

  describe('given the sandbox checkout server', () => {
    let sandbox: Sandbox
    beforeAll(async () => {
      sandbox = await startSandbox()
    })
    afterAll(() => sandbox.close())

    it.each([
      [corpus[0]!],
      ['?#%'],
      ['emoji 🏸🎾'],
      ['../../admin'],
      ["quote'\"<script>alert(1)</script>"],
      [14961],
    ])('opens a page that shows %j', async (identifier) => {
      const response = await fetch(guestCheckoutUrl(session(identifier), { checkoutBaseUrl: sandbox.url }))
      expect(response.status).toBe(200)
      const html = await response.text()
      const escaped = String(identifier).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
      expect(html).toContain(`<span id="identifier" data-testid="identifier">${escaped}</span>`)
      expect(html).toContain('<span id="type" data-testid="type">ScheduledSession</span>')
      expect(html).not.toContain('<script>')
    })

    it('opens the Slot page', async () => {
      const html = await (await fetch(guestCheckoutUrl(slot('court/1'), { checkoutBaseUrl: sandbox.url }))).text()
      expect(html).toContain('>Slot</span>')
      expect(html).toContain('>court/1</span>')
    })
  })
})
