/**
 * The `./server` handlers run unchanged in an edge runtime: the built
 * `dist/server.js`, bundled as an edge platform bundles an app, runs in Vercel's
 * Edge Runtime (`@edge-runtime/vm`: web APIs only, no `process`, `Buffer` or
 * `require`) and talks to the sandbox over real HTTP on 127.0.0.1.
 */
import { fileURLToPath } from 'node:url'
import { EdgeVM } from '@edge-runtime/vm'
import { build, type Rolldown } from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type * as Server from '../../src/server/index.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { standaloneBody } from '../../src/core/checkout/standalone-body.js'
import { request } from '../checkout/fixtures.js'
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from '../sandbox/server.js'

const builtServer = fileURLToPath(new URL('../../dist/server.js', import.meta.url))

/** dist/server.js and the modules it imports, as one script for the edge runtime. */
async function bundleForTheEdge(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: builtServer, formats: ['iife'], name: 'openactiveServer' } },
  })) as Rolldown.RolldownOutput[]
  return output[0]!.output[0].code
}

let sandbox: Sandbox
let edge: EdgeVM
let handlers: typeof Server
beforeAll(async () => {
  sandbox = await startSandbox()
  edge = new EdgeVM({ initialCode: await bundleForTheEdge() })
  handlers = edge.evaluate<typeof Server>('openactiveServer')
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.requests.length = 0
})

/** A request as the edge platform hands it over: built from the runtime's own Request. */
const post = (body: unknown) =>
  new edge.context.Request('https://broker.example/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer browser-token' },
    body: JSON.stringify(body),
  })

async function answer(response: Response) {
  const text = await response.text()
  expect(text + JSON.stringify([...response.headers])).not.toContain(SANDBOX_API_KEY)
  return { status: response.status, json: JSON.parse(text) as Record<string, unknown> }
}

describe('in the Edge Runtime', () => {
  it('has web APIs and no Node globals', () => {
    expect(edge.evaluate('typeof EdgeRuntime')).toBe('string')
    expect(edge.evaluate('[typeof process, typeof Buffer, typeof require]')).toEqual(['undefined', 'undefined', 'undefined'])
  })

  describe('createCheckoutSessionHandler', () => {
    const handle = () =>
      handlers.createCheckoutSessionHandler({
        checkoutBaseUrl: sandbox.url,
        apiKey: SANDBOX_API_KEY,
        broker: { name: 'Acme', url: 'https://acme.example/' },
        authorize: (incoming) => (incoming.headers.get('Authorization') === 'Bearer browser-token' ? 'customer-1' : null),
      })

    it('creates a checkout session with the API key, and answers with its target', async () => {
      const { status, json } = await answer(await handle()(post(requestBody(request('https://opendata.example/sessions/5'), true))))
      expect(status).toBe(201)
      expect(JSON.stringify(json)).toContain(`${sandbox.url}/checkout/`)
      expect(sandbox.requests).toHaveLength(1)
      expect(sandbox.requests[0]!.headers['x-api-key']).toBe(SANDBOX_API_KEY)
    })

    it('answers as imin does when the session is full', async () => {
      const { status, json } = await answer(await handle()(post(requestBody(request('sandbox:full'), true))))
      expect(status).toBe(409)
      expect(json.type).toBe('OpportunityIsFullError')
    })
  })

  describe('createStandaloneCheckoutHandler', () => {
    const handle = () => handlers.createStandaloneCheckoutHandler({ checkoutBaseUrl: sandbox.url, apiKey: SANDBOX_API_KEY })

    it('creates a standalone checkout session, and answers with its checked target', async () => {
      const { status, json } = await answer(await handle()(post(standaloneBody('ScheduledSession', 'https://opendata.example/sessions/42'))))
      expect(status).toBe(201)
      expect(JSON.stringify(json)).toContain(`${sandbox.url}/opendata/`)
      expect(sandbox.requests[0]!.headers['x-api-key']).toBe(SANDBOX_API_KEY)
    })

    it('answers 502 when Checkout fails', async () => {
      const { status } = await answer(await handle()(post(standaloneBody('ScheduledSession', 'https://opendata.example/sessions/sandbox:500'))))
      expect(status).toBe(502)
    })
  })
})
