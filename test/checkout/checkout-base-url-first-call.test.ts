/**
 * Runs alone in a fresh module (Vitest isolates each file): the very first
 * call in a process, with no checkoutBaseUrl, must be refused like any other,
 * never answered from an empty cache as a relative link.
 */
import { expect, it } from 'vitest'
import { CheckoutError, guestCheckoutUrl } from '../../src/core/index.js'

it('refuses a missing checkoutBaseUrl on the first call in a fresh process, and every call after', () => {
  const session = { '@type': 'ScheduledSession', identifier: 'abc' }
  for (const checkoutBaseUrl of [undefined, undefined, '', 'checkout.example.com', undefined]) {
    let result: unknown
    try {
      result = guestCheckoutUrl(session, { checkoutBaseUrl: checkoutBaseUrl as never })
    } catch (error) {
      result = error
    }
    if (checkoutBaseUrl) expect(result).toBe('https://checkout.example.com/v1/scheduled-sessions/abc')
    else expect(result).toMatchObject({ kind: 'invalid-request', message: expect.stringMatching(/checkoutBaseUrl is missing/) })
    if (!checkoutBaseUrl) expect(result).toBeInstanceOf(CheckoutError)
  }
})
