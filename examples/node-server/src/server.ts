// examples/node-server/src/server.ts
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createCheckoutSessionHandler } from 'openactive-book-button/server'
import { signedInCustomer } from './auth.js'

const createCheckoutSession = createCheckoutSessionHandler({
  checkoutBaseUrl: process.env.IMIN_CHECKOUT_BASE_URL!, // checkout.acmesports.com
  apiKey: process.env.IMIN_API_KEY!, // server-side only: never sent to a browser
  broker: { name: 'Acme Sports', url: 'https://acmesports.example' },
  navigationLinks: { backToBroker: 'https://acmesports.example/sessions' },
  authorize: signedInCustomer,
})

const app = new Hono()
app.all('/api/checkout', (context) => createCheckoutSession(context.req.raw))

serve({ fetch: app.fetch, hostname: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 3000) }, ({ address, port }) =>
  console.log(`Checkout API listening on http://${address}:${port}`),
)
