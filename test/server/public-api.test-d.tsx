import { expectTypeOf, test } from 'vitest'
import { createCheckoutSession, createStandaloneCheckoutSession, type CheckoutSession } from '../../src/core/index.js'
import { createCheckoutSessionHandler, createStandaloneCheckoutHandler } from '../../src/server/index.js'

const authorize = () => 'customer-1'

test('the authenticated handler needs a broker, and takes the new options', () => {
  // @ts-expect-error broker is required: Checkout shows it to every customer
  createCheckoutSessionHandler({ checkoutBaseUrl: 'checkout.example.com', apiKey: 'key', authorize })
  const handler = createCheckoutSessionHandler({
    checkoutBaseUrl: 'checkout.example.com',
    apiKey: 'key',
    authorize,
    broker: { name: 'Acme', url: 'https://acme.example/' },
    allowedOrigins: ['https://www.acme.example'],
    allowNavigationLinksFromClient: true,
  })
  expectTypeOf(handler).toEqualTypeOf<(request: Request) => Promise<Response>>()
})

test('the standalone handler is anonymous and its key optional', () => {
  expectTypeOf(createStandaloneCheckoutHandler({ checkoutBaseUrl: 'checkout.example.com' })).toEqualTypeOf<(request: Request) => Promise<Response>>()
  // @ts-expect-error no authorize on a guest route
  createStandaloneCheckoutHandler({ checkoutBaseUrl: 'checkout.example.com', authorize })
})

test('the browser routes resolve to a CheckoutSession; with an endpoint no broker is needed', () => {
  expectTypeOf(createStandaloneCheckoutSession({ opportunity: {} }, { checkoutBaseUrl: 'checkout.example.com' })).toEqualTypeOf<Promise<CheckoutSession>>()
  expectTypeOf(createCheckoutSession({ opportunity: {} }, { checkoutBaseUrl: 'checkout.example.com', endpoint: '/api/checkout' })).toEqualTypeOf<Promise<CheckoutSession>>()
})
