/**
 * Cross-site requests, sent over real HTTP with the headers browsers send:
 * `Sec-Fetch-Site` first (a proxy in front may change the origin the server
 * sees), then `Origin`; only `allowedOrigins` lets another site in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCheckoutSessionHandler, createStandaloneCheckoutHandler } from '../../src/server/index.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { standaloneRequestBody } from '../../src/core/checkout/standalone-body.js'
import { request } from '../checkout/fixtures.js'
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from '../sandbox/server.js'
import { serve } from '../server/node-adapter.js'

let sandbox: Sandbox
const servers: Awaited<ReturnType<typeof serve>>[] = []
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
  await sandbox.close()
})

const ALLOWED = 'https://www.acme.example'

const handlers = {
  authenticated: () =>
    createCheckoutSessionHandler({
      checkoutBaseUrl: sandbox.url,
      apiKey: SANDBOX_API_KEY,
      broker: { name: 'Acme', url: 'https://acme.example/' },
      authorize: () => 'customer-1',
      allowedOrigins: [ALLOWED],
    }),
  standalone: () => createStandaloneCheckoutHandler({ checkoutBaseUrl: sandbox.url, allowedOrigins: [ALLOWED] }),
}
const bodies = {
  authenticated: () => requestBody(request('a'), true),
  standalone: () => standaloneRequestBody({ '@type': 'ScheduledSession', '@id': 'https://opendata.example/sessions/1' }),
}

describe.each(['authenticated', 'standalone'] as const)('the %s handler over HTTP', (route) => {
  let url: string
  beforeAll(async () => {
    const server = await serve(handlers[route]())
    servers.push(server)
    url = server.url
  })

  const send = async (headers: Record<string, string>) => {
    sandbox.requests.length = 0
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(bodies[route]()) })
    return { status: response.status, json: (await response.json()) as unknown, upstream: sandbox.requests.length }
  }

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'Sec-Fetch-Site': 'same-site', Origin: 'https://blog.acme.example' }],
    ['Sec-Fetch-Site: none', { 'Sec-Fetch-Site': 'none' }],
    ['Sec-Fetch-Site: cross-site, though a proxy made Origin look like our own', { 'Sec-Fetch-Site': 'cross-site', Origin: 'OWN' }],
    ['no Sec-Fetch-Site and another Origin', { Origin: 'https://evil.example' }],
    ['no Sec-Fetch-Site and Origin: null (a sandboxed frame)', { Origin: 'null' }],
    ['an allowed origin with another port', { 'Sec-Fetch-Site': 'cross-site', Origin: `${ALLOWED}:8443` }],
  ] as [string, Record<string, string>][])('answers 403 ForbiddenError to %s, sending nothing upstream', async (_, headers) => {
    const own = headers.Origin === 'OWN' ? { ...headers, Origin: url } : headers
    const { status, json, upstream } = await send(own)
    expect(status).toBe(403)
    expect(json).toEqual({ type: 'ForbiddenError' })
    expect(upstream).toBe(0)
  })

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'Sec-Fetch-Site': 'same-origin', Origin: 'OWN' }],
    ['Sec-Fetch-Site: same-origin behind a proxy that changed the Origin', { 'Sec-Fetch-Site': 'same-origin', Origin: 'https://internal.example' }],
    ['no Sec-Fetch-Site and its own Origin', { Origin: 'OWN' }],
    ['neither header (server to server)', {}],
    ['an origin in allowedOrigins, cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: ALLOWED }],
    ['an origin in allowedOrigins, without Sec-Fetch-Site', { Origin: ALLOWED }],
  ] as [string, Record<string, string>][])('lets %s through', async (_, headers) => {
    const own = headers.Origin === 'OWN' ? { ...headers, Origin: url } : headers
    const { status, upstream } = await send(own)
    expect(status).toBe(201)
    expect(upstream).toBe(1)
  })
})
