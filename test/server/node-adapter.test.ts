/**
 * The handlers behind `@hono/node-server` on 127.0.0.1 survive what a public
 * server meets: a malformed `Host`, a `TRACE` request, a client that goes away
 * in the middle of its body. Each answer (or none) leaves the server serving.
 */
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCheckoutSessionHandler, createStandaloneCheckoutHandler } from '../../src/server/index.js'
import { standaloneBody } from '../../src/core/checkout/standalone-body.js'
import { SANDBOX_API_KEY } from '../sandbox/server.js'
import { serve } from './node-adapter.js'
import { sandboxForThisFile } from '../sandbox/for-this-file.js'

const sandbox = sandboxForThisFile()

const handlers = {
  authenticated: () =>
    createCheckoutSessionHandler({
      checkoutBaseUrl: sandbox.url,
      apiKey: SANDBOX_API_KEY,
      broker: { name: 'Acme', url: 'https://acme.example/' },
      authorize: () => 'customer-1',
    }),
  standalone: () => createStandaloneCheckoutHandler({ checkoutBaseUrl: sandbox.url, apiKey: SANDBOX_API_KEY }),
}

/** Writes raw bytes to the server and collects what it answers until it closes the connection. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(bytes))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

function trace(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: 'TRACE' }, (response) => {
      response.resume()
      resolve(response.statusCode!)
    })
    outgoing.on('error', reject).end()
  })
}

describe.each(['authenticated', 'standalone'] as const)('the %s handler behind @hono/node-server', (route) => {
  let server: Awaited<ReturnType<typeof serve>>
  const settled: string[] = []
  beforeAll(async () => {
    const handle = handlers[route]()
    server = await serve((incoming) => {
      settled.push('called')
      return handle(incoming).then(
        (response) => (settled.push(`answered ${response.status}`), response),
        (error: unknown) => (settled.push('threw'), Promise.reject(error)),
      )
    })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    settled.length = 0
  })

  /** Still serving: a well-formed request gets the handler's answer (415: the body is not JSON). */
  async function expectStillServing() {
    const response = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' })
    expect(response.status).toBe(415)
  }

  it('answers 400 to a malformed Host, without calling the handler, and keeps serving', async () => {
    const answer = await rawExchange(server.url, 'POST / HTTP/1.1\r\nHost: not a host\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(settled).toEqual([])
    await expectStillServing()
  })

  it('answers 405 to TRACE, and keeps serving', async () => {
    expect(await trace(server.url)).toBe(405)
    await expectStillServing()
    expect(sandbox.requests).toHaveLength(0)
  })

  it('survives a client that disconnects in the middle of its body, sending nothing upstream', async () => {
    const body = JSON.stringify(standaloneBody('ScheduledSession', 'https://opendata.example/sessions/1'))
    const { port } = new URL(server.url)
    const socket = connect(Number(port), '127.0.0.1')
    socket.write(
      `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAuthorization: Bearer t\r\n` +
        `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`,
    )
    await vi.waitFor(() => expect(settled).toEqual(['called']))
    socket.destroy()
    // The handler still answers (nobody is there to read it), rather than throwing.
    await vi.waitFor(() => expect(settled).toEqual(['called', expect.stringMatching(/^answered/)]))
    await expectStillServing()
    expect(sandbox.requests).toHaveLength(0)
  })
})
