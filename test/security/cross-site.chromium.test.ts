/**
 * Cross-site requests as a real Chromium sends them, to a handler behind a
 * CORS layer that reflects any origin (the setup that leaked a customer's
 * details before): only the handler's own Sec-Fetch-Site and Origin checks
 * stand between another site and a checkout session.
 */
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCheckoutSessionHandler } from '../../src/server/index.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { request } from '../checkout/fixtures.js'
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from '../chromium.js'
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from '../sandbox/server.js'
import { serve } from '../server/node-adapter.js'

const page = '<!doctype html><html lang="en"><head><title>Broker</title></head><body><h1>Broker</h1></body></html>'
const html = () => new Response(page, { headers: { 'Content-Type': 'text/html' } })

let sandbox: Sandbox
let api: Awaited<ReturnType<typeof serve>>
let other: Awaited<ReturnType<typeof serve>>
let browser: Browser
let tab: Page
let apiPort = ''
let otherPort = ''
let allowedOrigin = ''

beforeAll(async () => {
  sandbox = await startSandbox()
  other = await serve(async () => html())
  otherPort = new URL(other.url).port
  allowedOrigin = `http://localhost:${otherPort}`
  const options = {
    checkoutBaseUrl: sandbox.url,
    apiKey: SANDBOX_API_KEY,
    broker: { name: 'Acme', url: 'https://acme.example/' },
    authorize: () => ({ type: 'Person' as const, email: 'signed-in@example.com', givenName: 'Sam', familyName: 'Signed' }),
  }
  const strict = createCheckoutSessionHandler(options)
  const allowing = createCheckoutSessionHandler({ ...options, allowedOrigins: [allowedOrigin] })
  api = await serve(async (incoming) => {
    const path = new URL(incoming.url).pathname
    if (incoming.method === 'GET') return html()
    // A permissive CORS layer in front: it reflects whatever origin asks.
    const cors = {
      'Access-Control-Allow-Origin': incoming.headers.get('Origin') ?? '*',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Allow-Methods': 'POST',
    }
    if (incoming.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors })
    const answer = await (path === '/api/allowing' ? allowing : strict)(incoming)
    const headers = new Headers(answer.headers)
    for (const [name, value] of Object.entries(cors)) headers.set(name, value)
    return new Response(answer.body, { status: answer.status, headers })
  })
  apiPort = new URL(api.url).port
  const executablePath = findChromium()
  if (!executablePath) throw new Error(NO_CHROMIUM)
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      '--host-resolver-rules=MAP *.acme.test 127.0.0.1',
      // Fetch metadata is only sent to trustworthy origins: these two stand in for https sites.
      `--unsafely-treat-insecure-origin-as-secure=http://www.acme.test:${otherPort},http://api.acme.test:${apiPort}`,
    ],
  })
  tab = await browser.newPage()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await Promise.all([api?.close(), other?.close(), sandbox?.close()])
})

/** Opens `from` and posts a checkout body to `to` from that page, as a script on it would. */
async function postFrom(from: string, to: string) {
  await tab.goto(from)
  sandbox.requests.length = 0
  const result = await tab.evaluate(
    async ({ url, body }) => {
      try {
        const response = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body })
        return { status: response.status, text: await response.text() }
      } catch (error) {
        return { status: 0, text: String(error) }
      }
    },
    { url: to, body: JSON.stringify(requestBody(request('a'), true)) },
  )
  return { ...result, upstream: sandbox.requests.length }
}

describe('given a real Chromium', () => {
  it('lets the broker\'s own page create a session', async () => {
    const { status, text, upstream } = await postFrom(`${api.url}/page`, `${api.url}/api/checkout`)
    expect(status).toBe(201)
    expect(text).toContain('signed-in@example.com')
    expect(upstream).toBe(1)
  })

  it.each([
    ['another site (Sec-Fetch-Site: cross-site)', () => `http://localhost:${otherPort}/`, () => `${api.url}/api/checkout`],
    ['a same-site sibling subdomain (Sec-Fetch-Site: same-site)', () => `http://www.acme.test:${otherPort}/`, () => `http://api.acme.test:${apiPort}/api/checkout`],
  ])('refuses a page on %s with 403, reading nothing of the customer', async (_, from, to) => {
    const { status, text, upstream } = await postFrom(from(), to())
    expect(status).toBe(403)
    expect(JSON.parse(text)).toEqual({ type: 'ForbiddenError' })
    expect(text).not.toContain('signed-in@example.com')
    expect(upstream).toBe(0)
  })

  it('lets a page on an origin in allowedOrigins create a session', async () => {
    const { status, upstream } = await postFrom(`${allowedOrigin}/`, `${api.url}/api/allowing`)
    expect(status).toBe(201)
    expect(upstream).toBe(1)
  })
})
