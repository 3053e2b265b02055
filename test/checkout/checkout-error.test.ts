/**
 * CheckoutError is public: apps branch on its kind and read its fields, and
 * may build one themselves (a custom fetch, a test double).
 */
import { describe, expect, it } from 'vitest'
import { CheckoutError, guestCheckoutUrl } from '../../src/core/index.js'

describe('new CheckoutError', () => {
  it.each([['bogus'], [undefined], [42]])('reads an unknown kind %j as invalid-request, with its message', (kind) => {
    const error = new CheckoutError(kind as never, 'slotPath is wrong.')
    expect(error).toMatchObject({ name: 'CheckoutError', kind: 'invalid-request', message: 'Invalid checkout request: slotPath is wrong.' })
  })

  it('keeps only fields of the documented types', () => {
    const error = new CheckoutError('http', undefined, { status: '500', description: 42, type: ['Error'] } as never)
    expect(error.status).toBeUndefined()
    expect(error.description).toBeUndefined()
    expect(error.type).toBeUndefined()
    const kept = new CheckoutError('http', undefined, { status: 500, description: 'Refused.', type: 'InternalServerError' })
    expect(kept).toMatchObject({ status: 500, description: 'Refused.', type: 'InternalServerError' })
  })
})

describe('a checkout function given options it cannot read', () => {
  it('throws invalid-request saying so, and nothing of what it was given', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    let thrown: unknown
    try {
      guestCheckoutUrl({ '@type': 'ScheduledSession', identifier: 'a' }, proxy as never)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CheckoutError)
    expect(thrown).toMatchObject({ kind: 'invalid-request', message: 'Invalid checkout request: The request or its options could not be read.' })
  })
})
