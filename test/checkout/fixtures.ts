import { expect } from 'vitest'
import { CheckoutError, type CheckoutSessionRequest } from '../../src/core/index.js'
import { SANDBOX_TOKEN } from '../sandbox/server.js'

export const series = {
  '@type': 'SessionSeries',
  '@id': 'https://id.example/series/1',
  'imin:aggregateOffer': { publicAdult: { '@id': 'https://id.example/series/1#/offers/adult' } },
  offers: [{ '@id': 'https://id.example/series/1#/offers/first' }],
}

export const scheduledSession = (identifier: string | number = 'https://opendata.example/scheduled-sessions/310003324') => ({
  '@type': 'ScheduledSession',
  '@id': 'https://id.example/sessions/1',
  superEvent: series['@id'],
  identifier,
})

export const person = { type: 'Person' as const, email: 'alex@example.com', givenName: 'Alex', familyName: 'Smith' }

export const broker = { name: 'Acme Sports', url: 'https://acme.example/' }

export const request = (identifier?: string | number, extra: Partial<CheckoutSessionRequest> = {}): CheckoutSessionRequest => ({
  opportunity: scheduledSession(identifier),
  parent: series,
  customer: person,
  broker,
  ...extra,
})

/** The body imin documents, for `request(identifier)`. */
export const expectedBody = (identifier: string | number, customer: unknown = person, named: { name: string; url: string } = broker) => ({
  '@context': ['https://openactive.io/', 'https://imin.co/'],
  type: 'imin:CheckoutSession',
  'imin:initialOrder': {
    type: 'OrderQuote',
    customer,
    broker: { type: 'Organization', ...named },
    orderedItem: [
      {
        type: 'OrderItem',
        orderedItem: { type: 'ScheduledSession', identifier },
        acceptedOffer: 'https://id.example/series/1#/offers/adult',
      },
    ],
  },
})

/** Every way a value could leak through an error. */
export const errorText = (error: unknown) => {
  const value = error as Error
  return [String(value), value.message, value.stack, JSON.stringify(value), JSON.stringify({ ...value })].join('\n')
}

/** The CheckoutError a call rejects with; it never carries the sandbox's sign-in token. */
export async function checkoutFailure(promise: Promise<unknown>): Promise<CheckoutError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(CheckoutError)
  expect(errorText(error)).not.toContain(SANDBOX_TOKEN)
  return error as CheckoutError
}

/** The `invalid-request` CheckoutError that `run` throws, as core does before sending anything. */
export function refusal(run: () => unknown): CheckoutError {
  let thrown: unknown
  try {
    run()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(CheckoutError)
  expect((thrown as CheckoutError).kind).toBe('invalid-request')
  return thrown as CheckoutError
}
