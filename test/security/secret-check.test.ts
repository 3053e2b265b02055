import { describe, expect, it } from 'vitest'
import { secretCheck } from '../../src/core/checkout/secret.js'
import { ECHO_FORMS } from './hostile-upstream.js'

const SECRET = 'sk_live_4f9a8c2e71'
const leaks = secretCheck(SECRET)

describe('the secret check', () => {
  it.each(ECHO_FORMS)('finds the secret %s, alone and inside a longer text', (_, encode) => {
    expect(leaks(encode(SECRET))).toBe(true)
    expect(leaks(`Refused: ${encode(SECRET)} (see logs)`)).toBe(true)
  })

  it('finds base64 of the secret at every offset inside a longer encoded value', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', 'abcd']) expect(leaks(btoa(`${prefix}${SECRET}!`))).toBe(true)
  })

  it('finds base64 of a four-character secret at every offset', () => {
    for (const prefix of ['', 'a', 'ab']) expect(secretCheck('k3y!')(btoa(`${prefix}k3y!`))).toBe(true)
  })

  it('finds base64url of a secret whose base64 holds + and /', () => {
    const secret = 'key>>>???key'
    expect(btoa(secret)).toMatch(/\+.*\//)
    const base64url = btoa(secret).replace(/\+/g, '-').replace(/\//g, '_')
    expect(secretCheck(secret)(`token=${base64url}`)).toBe(true)
  })

  it('finds the secret percent-encoded beside a byte that is not UTF-8', () => {
    const percent = [...SECRET].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')
    expect(leaks(`%FF${percent}`)).toBe(true)
  })

  it('finds a secret configured with a trailing newline, as read from a file', () => {
    expect(secretCheck(`${SECRET}\n`)(`Refused: ${SECRET}.`)).toBe(true)
  })

  it('decodes eight rounds of percent-encoding: harmless text so deep passes, one round more is refused', () => {
    let deep = 'a b'
    for (let i = 0; i < 8; i++) deep = encodeURIComponent(deep)
    expect(leaks(deep)).toBe(false)
    expect(leaks(encodeURIComponent(deep))).toBe(true)
  })

  it('refuses text still percent-encoded after eight rounds, rather than decode forever', () => {
    let deep = 'harmless'
    for (let i = 0; i < 10; i++) deep = encodeURIComponent(deep).replace(/%/g, '%25') + '%41'
    expect(leaks(deep)).toBe(true)
  })

  it.each([
    'This opportunity is not available to book.',
    'https://checkout.example.com/checkout/6f1c2b8e-5d3a-4c1e-9b7f-2a8d4e6c1f3a',
    'https://checkout.example.com/opendata/BQokikJOvBiI2H',
    '100% full; try 50%off',
    btoa('something else entirely, quite long'),
  ])('passes ordinary text: %s', (text) => {
    expect(leaks(text)).toBe(false)
  })

  it('passes everything when there is no secret, and anything that is not text', () => {
    expect(secretCheck(undefined)('anything')).toBe(false)
    expect(secretCheck('')('anything')).toBe(false)
    expect(leaks(42)).toBe(false)
    expect(leaks(undefined)).toBe(false)
  })
})
