/**
 * A browser that goes away (a closed tab, a cancelled fetch) cancels the call
 * to imin: the handler passes `request.signal` on, and the sandbox sees its
 * connection close before it answered.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createCheckoutSessionHandler, createStandaloneCheckoutHandler } from '../../src/server/index.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { standaloneBody } from '../../src/core/checkout/standalone-body.js'
import { request } from '../checkout/fixtures.js'
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from '../sandbox/server.js'
import { serve } from './node-adapter.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

const routes = {
  authenticated: {
    handler: () =>
      createCheckoutSessionHandler({
        checkoutBaseUrl: sandbox.url,
        apiKey: SANDBOX_API_KEY,
        broker: { name: 'Acme', url: 'https://acme.example/' },
        authorize: () => 'customer-1',
      }),
    body: () => requestBody(request('sandbox:hang'), true),
  },
  standalone: {
    handler: () => createStandaloneCheckoutHandler({ checkoutBaseUrl: sandbox.url }),
    body: () => standaloneBody('ScheduledSession', 'https://opendata.example/sessions/sandbox:hang'),
  },
}

describe.each(['authenticated', 'standalone'] as const)('the %s handler', (route) => {
  it('aborts the upstream call when the client disconnects', async () => {
    const server = await serve(routes[route].handler())
    try {
      sandbox.requests.length = 0
      sandbox.aborted.length = 0
      const client = new AbortController()
      const pending = fetch(server.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(routes[route].body()),
        signal: client.signal,
      }).catch((error: unknown) => error)
      await vi.waitFor(() => expect(sandbox.requests).toHaveLength(1))
      expect(sandbox.aborted).toHaveLength(0)
      client.abort()
      await pending
      await vi.waitFor(() => expect(sandbox.aborted).toHaveLength(1))
    } finally {
      await server.close()
    }
  })
})
