/**
 * A hostile stand-in for imin's Checkout, over real HTTP on 127.0.0.1: each
 * test sets `answer` to decide what the next requests get. It records the
 * credential it was sent, so an answer can echo it back in any form.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface HostileRequest {
  /** The bearer token or API key the request carried. */
  credential: string
  body: string
  request: IncomingMessage
  /** This server's origin, as the caller used it. */
  origin: string
}

export type Answer = (incoming: HostileRequest, response: ServerResponse) => void

export interface HostileUpstream {
  url: string
  answer: Answer
  close(): Promise<void>
}

/** Every form the credential could be echoed in, each able to slip past an exact-match scrub. */
export const ECHO_FORMS: [name: string, encode: (secret: string) => string][] = [
  ['raw', (s) => s],
  ['upper-cased', (s) => s.toUpperCase()],
  ['mixed case', (s) => [...s].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('')],
  ['percent-encoded', (s) => percent(s)],
  ['percent-encoded twice', (s) => percent(percent(s))],
  ['percent-encoded three times', (s) => percent(percent(percent(s)))],
  ['base64', (s) => btoa(s)],
  ['base64 inside a longer value', (s) => btoa(`user:${s}`)],
  ['base64url', (s) => base64url(s)],
  ['base64url inside a longer value', (s) => base64url(`{"k":"${s}"}`)],
  ['base64 of the upper-cased secret', (s) => btoa(s.toUpperCase())],
  ['base64, percent-encoded', (s) => percent(btoa(`x${s}`))],
  ['with a zero-width space', (s) => `${s.slice(0, 3)}\u200B${s.slice(3)}`],
  ['with zero-width joiners throughout', (s) => [...s].join('\u200D')],
  ['with a byte-order mark', (s) => `\uFEFF${s.slice(0, 5)}\uFEFF${s.slice(5)}`],
  ['with a soft hyphen', (s) => `${s.slice(0, 2)}\u00AD${s.slice(2)}`],
  ['with control characters', (s) => `${s.slice(0, 4)}\u0000\u0007${s.slice(4)}`],
  ['with a percent-encoded zero-width space', (s) => `${s.slice(0, 3)}%E2%80%8B${s.slice(3)}`],
  ['upper-cased and percent-encoded', (s) => percent(s.toUpperCase())],
]

function percent(text: string): string {
  return [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
}

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

export async function startHostileUpstream(): Promise<HostileUpstream> {
  const upstream: HostileUpstream = {
    url: '',
    answer: (_, response) => sendJson(response, 500, { type: 'InternalServerError' }),
    close: async () => {},
  }
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
      const apiKey = request.headers['x-api-key']
      const credential = bearer ?? (typeof apiKey === 'string' ? apiKey : '')
      upstream.answer({ credential, body: Buffer.concat(chunks).toString('utf8'), request, origin: `http://${request.headers.host}` }, response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  upstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  upstream.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return upstream
}
