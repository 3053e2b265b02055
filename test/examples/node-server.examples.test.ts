/**
 * examples/node-server: the `./server` handler behind @hono/node-server, built
 * with `tsc` (strict) and run with node, against the sandbox checkout server.
 * Hostile or broken requests must get an answer and leave the server running.
 */
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createCheckoutSession } from '../../src/core/index.js'
import { exampleUrl, expectStep, stack } from './browser.js'

const DEMO_TOKEN = 'demo-customer-token'

/** Sends raw bytes, as a broken or hostile client would; resolves with the status line (empty when none). */
function sendRaw(request: string, options: { hangUpAfterWrite?: boolean } = {}): Promise<string> {
  const { port, hostname } = new URL(exampleUrl('node-server'))
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''))
    socket.write(request, () => {
      if (options.hangUpAfterWrite) socket.destroy()
    })
  })
}

const stillServes = async () => {
  const response = await fetch(`${exampleUrl('node-server')}/api/checkout`, { method: 'GET' })
  expect(response.status).toBe(405)
}

const session = {
  '@type': 'ScheduledSession',
  '@id': 'https://opendata.example.org/api/scheduled-sessions/1',
  identifier: 'https://opendata.example.org/api/scheduled-sessions/1',
  superEvent: 'https://opendata.example.org/api/session-series/1',
  startDate: new Date(Date.now() + 86_400_000).toISOString(),
  'imin:isPotentiallyBookable': true,
}
const series = {
  '@type': 'SessionSeries',
  '@id': 'https://opendata.example.org/api/session-series/1',
  'imin:aggregateOffer': { publicAdult: { '@id': 'https://opendata.example.org/api/session-series/1#/offers/adult', 'imin:isPotentiallyBookable': true } },
}

describe('examples/node-server', () => {
  it('type-checks under strict and builds with tsc', () => {
    expectStep('node-server: install')
    expectStep('node-server: tsc')
  })

  it('creates a checkout session on the sandbox for a signed-in customer', async () => {
    const { target } = await createCheckoutSession(
      { opportunity: session, parent: series, broker: { name: 'Ignored', url: 'https://ignored.example' } },
      { checkoutBaseUrl: stack().sandboxUrl, endpoint: `${exampleUrl('node-server')}/api/checkout`, getAuthToken: () => DEMO_TOKEN },
    )
    expect(target).toMatch(new RegExp(`^${stack().sandboxUrl}/checkout/`))
    const checkoutPage = await (await fetch(target)).text()
    expect(checkoutPage).toContain('ada@example.org')
  })

  it('answers 401 to a visitor who is not signed in, and never shows the API key', async () => {
    const response = await fetch(`${exampleUrl('node-server')}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(401)
    expect(await response.text()).not.toContain('sandbox-api-key')
  })

  it('answers a malformed Host header with 400 and keeps serving', async () => {
    const status = await sendRaw(
      'POST /api/checkout HTTP/1.1\r\nHost: exa mple:99999\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    )
    expect(status).toBe('HTTP/1.1 400 Bad Request')
    await stillServes()
  })

  it('answers a TRACE request with 405 and keeps serving', async () => {
    const status = await sendRaw('TRACE /api/checkout HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
    expect(status).toBe('HTTP/1.1 405 Method Not Allowed')
    await stillServes()
  })

  it('keeps serving after a client disconnects in the middle of its body', async () => {
    await sendRaw(
      'POST /api/checkout HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Authorization: Bearer ${DEMO_TOKEN}\r\nContent-Length: 500\r\n\r\n{"@context": [`,
      { hangUpAfterWrite: true },
    )
    await stillServes()
  })
})
