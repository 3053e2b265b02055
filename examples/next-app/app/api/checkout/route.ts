// examples/next-app/app/api/checkout/route.ts
import { createCheckoutSessionHandler } from 'openactive-book-button/server'
import { signedInCustomer } from '@/lib/auth'

// Settings missing at build time are fine: the handler then answers 500 and logs which one, never its value.
export const POST = createCheckoutSessionHandler({
  checkoutBaseUrl: process.env.NEXT_PUBLIC_CHECKOUT_BASE_URL!,
  apiKey: process.env.IMIN_API_KEY!, // server-side only: never in a NEXT_PUBLIC_ variable
  broker: { name: 'Acme Sports', url: 'https://acmesports.example' },
  navigationLinks: { backToBroker: 'https://acmesports.example/sessions' },
  authorize: signedInCustomer,
})
