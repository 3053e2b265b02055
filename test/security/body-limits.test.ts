/**
 * Request bodies are counted in bytes and read as a stream that stops at
 * 64 KiB: a signed-in user cannot make the server buffer more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCheckoutSessionHandler, createStandaloneCheckoutHandler } from '../../src/server/index.js'
import { requestBody } from '../../src/core/checkout/checkout-body.js'
import { request } from '../checkout/fixtures.js'
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from '../sandbox/server.js'
import { serve } from '../server/node-adapter.js'

const LIMIT = 64 * 1024
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

const handlers = {
  authenticated: () =>
    createCheckoutSessionHandler({
      checkoutBaseUrl: sandbox.url,
      apiKey: SANDBOX_API_KEY,
      broker: { name: 'Acme', url: 'https://acme.example/' },
      authorize: () => 'customer-1',
    }),
  standalone: () => createStandaloneCheckoutHandler({ checkoutBaseUrl: sandbox.url }),
}

/** A body stream that counts what the handler pulls from it, and whether it was cancelled. */
function countedStream(chunk: Uint8Array, chunks: number) {
  const seen = { pulled: 0, cancelled: false }
  let sent = 0
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent++ >= chunks) return controller.close()
        seen.pulled += chunk.byteLength
        controller.enqueue(chunk)
      },
      cancel() {
        seen.cancelled = true
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, seen }
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://broker.example/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit)

describe.each(['authenticated', 'standalone'] as const)('the %s handler', (route) => {
  it('stops reading a 128 MiB streamed body at the limit, without buffering more', async () => {
    const { stream, seen } = countedStream(new Uint8Array(16 * 1024).fill(0x20), 8 * 1024)
    const response = await handlers[route]()(post(stream))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ type: 'PayloadTooLargeError' })
    expect(seen.pulled).toBeLessThanOrEqual(LIMIT + 16 * 1024)
    expect(seen.cancelled).toBe(true)
  })

  it('answers 413 to a declared Content-Length over the limit without reading the body', async () => {
    const { stream, seen } = countedStream(new Uint8Array(1024), 1)
    const response = await handlers[route]()(post(stream, { 'Content-Length': String(LIMIT + 1) }))
    expect(response.status).toBe(413)
    expect(seen.pulled).toBe(0)
  })

  it('counts bytes, not characters: 30,000 euro signs are 90,000 bytes', async () => {
    const body = JSON.stringify({ ...requestBody(request('a'), true), padding: '€'.repeat(30_000) })
    expect(body.length).toBeLessThan(LIMIT)
    const response = await handlers[route]()(post(body))
    expect(response.status).toBe(413)
  })

  it('answers 413 over real HTTP to a chunked body with no Content-Length', async () => {
    const server = await serve(handlers[route]())
    try {
      let sent = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // 8 MiB at most, so the test ends even if the limit were not enforced.
          if (sent >= 8 * 1024 * 1024) return controller.close()
          sent += 16 * 1024
          controller.enqueue(new Uint8Array(16 * 1024).fill(0x20))
        },
      })
      const response = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, duplex: 'half' } as RequestInit)
      expect(response.status).toBe(413)
      expect(await response.json()).toMatchObject({ type: 'PayloadTooLargeError' })
    } finally {
      await server.close()
    }
  })

  it('accepts a body of exactly the limit (and then answers it on its merits)', async () => {
    const base = JSON.stringify(requestBody(request('a'), true))
    const body = base.slice(0, -1) + `,"padding":"${' '.repeat(LIMIT - base.length - 13)}"}`
    expect(new TextEncoder().encode(body).byteLength).toBe(LIMIT)
    const response = await handlers[route]()(post(body))
    expect(response.status).not.toBe(413)
  })
})
