/**
 * A sandbox that behaves like imin's Checkout, for local work, tests, stories
 * and real-browser tests. Node's own `http` only; not part of the package.
 *
 * | Request                                   | Answer                                                                 |
 * | ----------------------------------------- | ---------------------------------------------------------------------- |
 * | `OPTIONS *`                               | 204 with the CORS headers below                                        |
 * | `POST /api/checkout-sessions/`            | needs `Authorization: Bearer <token>` or `X-API-KEY: <key>`, else 401  |
 * |                                           | body not JSON or not imin's shape: 400 `InvalidRequestError`           |
 * |                                           | identifier in `unavailable` (fixture): 400 `UnavailableOpportunityError` |
 * |                                           | otherwise 201, `Location`, the body echoed with `potentialAction`      |
 * |                                           | `[{ type: 'OrderAction', name: 'Checkout', target: <origin>/checkout/<id> }]` |
 * | `POST /checkout-sessions`                 | Standalone Checkout: any `Authorization` or `X-API-KEY` sent must be valid, else 401 |
 * |                                           | body not imin's Standalone shape (one `orderedItem` with an http(s) `id`): 400 |
 * |                                           | otherwise 201, `Location: /checkout-sessions/<session>` (relative, as imin documents), |
 * |                                           | the body echoed with a `broker` and a target `<origin>/opendata/<session>` |
 * | `GET /opendata/:session`                  | that session's page: `#type`, `#id`                                     |
 * | `GET /v1/scheduled-sessions/:identifier`  | guest page: `<h1>Checkout</h1>`, `<p id="identifier">` decoded, escaped |
 * | `GET /v1/slots/:identifier`               | the same for a Slot                                                    |
 * | `GET /checkout/:session`                  | the session's page: `#identifier`, `#customer-email` (404 if unknown)   |
 * | anything else                             | 404                                                                    |
 *
 * Magic identifiers (`orderedItem.orderedItem.identifier`; for Standalone Checkout, an `id` whose last path
 * segment is the magic value, e.g. `https://opendata.example/sessions/sandbox:full`), checked after the credentials:
 *
 * | Identifier                          | Answer                                                                 |
 * | ----------------------------------- | ---------------------------------------------------------------------- |
 * | `sandbox:unavailable`               | 400 `UnavailableOpportunityError` (as imin)                            |
 * | `sandbox:not-bookable`              | 409 `OpportunityOfferPairNotBookableError` (as OpenActive)             |
 * | `sandbox:full`                      | 409 `OpportunityIsFullError`                                           |
 * | `sandbox:forbidden`                 | 403 `ForbiddenError`                                                   |
 * | `sandbox:500`                       | 500 `InternalServerError`                                              |
 * | `sandbox:hang`                      | never answers (until `close()`)                                        |
 * | `sandbox:slow`                      | succeeds after `slowMs` (default 1000 ms), or as `holdSlowAnswers` says |
 * | `sandbox:close`                     | destroys the connection without answering                              |
 * | `sandbox:redirect`                  | 307 to `/api/checkout-sessions/?redirected` (which would re-POST)      |
 * | `sandbox:not-json`                  | 201 with an HTML body                                                  |
 * | `sandbox:no-target`                 | 201 with no `potentialAction`                                          |
 * | `sandbox:hostile-target`            | 201, target `javascript:alert(1)`                                      |
 * | `sandbox:data-target`               | 201, target `data:text/html,<script>alert(1)</script>`                 |
 * | `sandbox:relative-target`           | 201, target `/checkout/relative`                                       |
 * | `sandbox:other-host-target`         | 201, target `https://evil.example/checkout/1`                          |
 * | `sandbox:many-actions`              | 201 with a ViewAction, an OrderAction `Other`, then the `Checkout` one |
 * | `sandbox:unnamed-action`            | 201 with a ViewAction (to evil.example), then an unnamed OrderAction   |
 * | `sandbox:echo-credentials`          | 400 whose `description` and `type` repeat the credentials it was sent  |
 * | `sandbox:echo-credentials-target`   | 201, the target's query repeats the credentials                        |
 * | `sandbox:echo-credentials-location` | 201, the `Location` header's query repeats the credentials             |
 * | `sandbox:huge`                      | 201 with a 300 KiB JSON body, streamed without a `Content-Length`      |
 * | `sandbox:huge-declared`             | 201 declaring `Content-Length` of 300 KiB                              |
 * | `sandbox:drip`                      | 201 headers, then one byte of body every 50 ms, never finishing        |
 *
 * Every response carries `Access-Control-Allow-Origin: *` (allowing `Authorization`,
 * `Content-Type` and `X-API-KEY`, exposing `Location`), since browser tests call it
 * from another port. Every request is recorded in `requests` (method, path,
 * headers, raw body) once its body has arrived; one whose connection closed before it was answered is also
 * in `aborted`.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { simulateLatency } from '../wait.js'

export interface SandboxOptions {
  /** @defaultValue 0 (any free port) */
  port?: number
  /** @defaultValue '127.0.0.1' */
  host?: string
  /** Bearer tokens it accepts. @defaultValue ['sandbox-token'] */
  tokens?: readonly string[]
  /** `X-API-KEY` values it accepts. @defaultValue ['sandbox-api-key'] */
  apiKeys?: readonly string[]
  /** Identifiers its fixture marks unavailable, besides `sandbox:unavailable`. */
  unavailable?: readonly (string | number)[]
  /** Delay for `sandbox:slow` until `holdSlowAnswers()` is first called. @defaultValue 1000 */
  slowMs?: number
}

export interface RecordedRequest {
  method: string
  /** The raw path and query, as sent (not decoded). */
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export interface SandboxSession {
  id: string
  type: string
  /** The identifier (authenticated route) or the open-data id (Standalone Checkout). */
  identifier: string | number
  customer: unknown
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`: usable as `checkoutBaseUrl`. */
  url: string
  origin: string
  port: number
  requests: RecordedRequest[]
  /** Requests whose client went away before the answer was sent. */
  aborted: RecordedRequest[]
  sessions: Map<string, SandboxSession>
  /**
   * Holds every `sandbox:slow` answer from now on until `releaseSlowAnswers()`: a test can then
   * look at a pending state for as long as it needs, with no answer racing it.
   */
  holdSlowAnswers(): void
  /** Sends the held `sandbox:slow` answers, and answers later ones at once, until `holdSlowAnswers()` again. */
  releaseSlowAnswers(): void
  close(): Promise<void>
}

export const SANDBOX_TOKEN = 'sandbox-token'
export const SANDBOX_API_KEY = 'sandbox-api-key'

/** The broker Standalone Checkout names in its answers. */
export const SANDBOX_BROKER = { type: 'Organization', name: 'Sandbox Broker', url: 'https://broker.example/' }

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-API-KEY',
  'Access-Control-Expose-Headers': 'Location',
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const page = (title: string, rows: Record<string, string>) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>` +
  `<h1>${title}</h1>` +
  Object.entries(rows)
    .map(([id, value]) => `<p>${id}: <span id="${id}" data-testid="${id}">${escapeHtml(value)}</span></p>`)
    .join('') +
  '</main></body></html>'

/** What is wrong with a checkout session body, or undefined when it has imin's shape. */
function bodyProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'The body is not a JSON object.'
  const context = body['@context']
  if (!Array.isArray(context) || !context.includes('https://openactive.io/') || !context.includes('https://imin.co/'))
    return '@context must list https://openactive.io/ and https://imin.co/.'
  if (body.type !== 'imin:CheckoutSession') return 'type must be imin:CheckoutSession.'
  const order = body['imin:initialOrder']
  if (!isObject(order) || order.type !== 'OrderQuote') return 'imin:initialOrder must be an OrderQuote.'
  const { customer, broker, orderedItem } = order
  if (typeof customer !== 'string' || !customer) {
    if (!isObject(customer) || customer.type !== 'Person') return 'customer must be an id or a Person.'
    if (typeof customer.email !== 'string' || !customer.email.includes('@')) return 'customer.email is required.'
    if (typeof customer.givenName !== 'string' || typeof customer.familyName !== 'string')
      return 'customer.givenName and customer.familyName are required.'
  }
  if (!isObject(broker) || broker.type !== 'Organization' || typeof broker.name !== 'string' || typeof broker.url !== 'string')
    return 'broker must be an Organization with a name and url.'
  if (!Array.isArray(orderedItem) || orderedItem.length !== 1) return 'orderedItem must hold one OrderItem.'
  const item: unknown = orderedItem[0]
  if (!isObject(item) || item.type !== 'OrderItem' || typeof item.acceptedOffer !== 'string')
    return 'The OrderItem needs an acceptedOffer.'
  const opportunity = item.orderedItem
  if (!isObject(opportunity) || (opportunity.type !== 'ScheduledSession' && opportunity.type !== 'Slot'))
    return 'The OrderItem must order a ScheduledSession or Slot.'
  if (typeof opportunity.identifier !== 'string' && typeof opportunity.identifier !== 'number')
    return 'The opportunity needs an identifier.'
  const links = body['imin:navigationLinks']
  if (links !== undefined && (!Array.isArray(links) || !links.every((link) => isObject(link) && typeof link.url === 'string')))
    return 'imin:navigationLinks must be WebPages with a url.'
  return undefined
}

/** What is wrong with a Standalone Checkout body, or undefined when it has imin's shape. */
function standaloneProblem(body: unknown): string | undefined {
  if (!isObject(body) || body.type !== 'imin:CheckoutSession') return 'type must be imin:CheckoutSession.'
  const context = body['@context']
  if (!Array.isArray(context) || !context.includes('https://openactive.io/') || !context.includes('https://imin.co/'))
    return '@context must list https://openactive.io/ and https://imin.co/.'
  const order = body['imin:initialOrder']
  if (!isObject(order) || order.type !== 'OrderQuote') return 'imin:initialOrder must be an OrderQuote.'
  const { orderedItem } = order
  if (!Array.isArray(orderedItem) || orderedItem.length !== 1) return 'orderedItem must hold one OrderItem.'
  const item: unknown = orderedItem[0]
  const opportunity = isObject(item) && item.type === 'OrderItem' ? item.orderedItem : undefined
  if (!isObject(opportunity) || (opportunity.type !== 'ScheduledSession' && opportunity.type !== 'Slot'))
    return 'The OrderItem must order a ScheduledSession or Slot.'
  if (typeof opportunity.id !== 'string' || !/^https?:\/\//.test(opportunity.id)) return 'The opportunity needs its open-data id.'
  return undefined
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { host = '127.0.0.1', tokens = [SANDBOX_TOKEN], apiKeys = [SANDBOX_API_KEY], slowMs = 1000 } = options
  const unavailable = new Set(['sandbox:unavailable', ...(options.unavailable ?? []).map(String)])
  const requests: RecordedRequest[] = []
  const aborted: RecordedRequest[] = []
  const sessions = new Map<string, SandboxSession>()
  /** How `sandbox:slow` answers: after `slowMs`, when released (holding them), or at once (released). */
  let slowAnswers: 'delayed' | 'held' | 'released' = 'delayed'
  const heldSlowAnswers: (() => void)[] = []
  let origin = ''

  const send = (response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { ...CORS, 'Content-Type': 'application/json; charset=utf-8', ...headers })
    response.end(body)
  }
  const json = (response: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) =>
    send(response, status, JSON.stringify(body), headers)
  const html = (response: ServerResponse, status: number, body: string) =>
    send(response, status, body, { 'Content-Type': 'text/html; charset=utf-8' })
  const error = (response: ServerResponse, status: number, type: string, description: string) =>
    json(response, status, { type, description })

  type Route = 'authenticated' | 'standalone'

  /** The credential the request carries, undefined when it carries none, or false when one is wrong. */
  function credentialOf(request: IncomingMessage): string | false | undefined {
    const authorization = request.headers.authorization
    const apiKey = request.headers['x-api-key']
    if (authorization === undefined && apiKey === undefined) return undefined
    const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1]
    return (bearer && tokens.includes(bearer) && bearer) || (typeof apiKey === 'string' && apiKeys.includes(apiKey) && apiKey)
  }

  async function createSession(request: IncomingMessage, response: ServerResponse, raw: string, route: Route) {
    const credential = credentialOf(request)
    // Standalone Checkout takes no credentials, but refuses wrong ones.
    if (credential === false || (route === 'authenticated' && !credential))
      return error(response, 401, 'UnauthenticatedError', 'A valid bearer token or X-API-KEY is required.')
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      return error(response, 400, 'InvalidRequestError', 'The body is not JSON.')
    }
    const problem = route === 'authenticated' ? bodyProblem(body) : standaloneProblem(body)
    if (problem || !isObject(body)) return error(response, 400, 'InvalidRequestError', problem ?? '')
    const order = body['imin:initialOrder'] as Record<string, unknown>
    const item = (order.orderedItem as Record<string, Record<string, unknown>>[])[0]!
    const { type, identifier, id: openDataId } = item.orderedItem as { type: string; identifier: string | number; id: string }
    const key = route === 'authenticated' ? String(identifier) : (/\/(sandbox:[\w-]+)$/.exec(openDataId)?.[1] ?? openDataId)
    const id = randomUUID()
    // Answer with the origin the caller used (localhost or 127.0.0.1), as a CNAMEd Checkout would.
    const own = /^(localhost|127\.0\.0\.1):\d+$/.test(request.headers.host ?? '') ? `http://${request.headers.host}` : origin
    let target: string | undefined = route === 'authenticated' ? `${own}/checkout/${id}` : `${own}/opendata/${id}`

    switch (key) {
      case 'sandbox:not-bookable':
        return error(response, 409, 'OpportunityOfferPairNotBookableError', 'This opportunity is not available to book.')
      case 'sandbox:full':
        return error(response, 409, 'OpportunityIsFullError', 'This opportunity is full.')
      case 'sandbox:forbidden':
        return error(response, 403, 'ForbiddenError', 'These credentials may not book.')
      case 'sandbox:500':
        return error(response, 500, 'InternalServerError', 'The sandbox failed on purpose.')
      case 'sandbox:echo-credentials':
        return error(response, 400, `InvalidRequestError ${credential}`, `Rejected credentials ${credential}`)
      case 'sandbox:hang':
        return
      case 'sandbox:close':
        return request.socket.destroy()
      case 'sandbox:redirect':
        return send(response, 307, '', { Location: `${own}/api/checkout-sessions/?redirected` })
      case 'sandbox:not-json':
        return html(response, 201, '<html><body>Created</body></html>')
      case 'sandbox:huge':
        response.writeHead(201, { ...CORS, 'Content-Type': 'application/json' })
        response.write(`{"type":"imin:CheckoutSession","padding":"`)
        for (let i = 0; i < 300; i++) response.write('x'.repeat(1024))
        return response.end('"}')
      case 'sandbox:huge-declared':
        response.writeHead(201, { ...CORS, 'Content-Type': 'application/json', 'Content-Length': String(300 * 1024) })
        return response.write('{')
      case 'sandbox:drip': {
        response.writeHead(201, { ...CORS, 'Content-Type': 'application/json' })
        const drip = setInterval(() => response.write(' '), 50)
        response.on('close', () => clearInterval(drip))
        return
      }
      case 'sandbox:slow':
        if (slowAnswers === 'held') await new Promise<void>((answer) => heldSlowAnswers.push(answer))
        else if (slowAnswers === 'delayed') await simulateLatency(slowMs)
        break
      case 'sandbox:no-target':
        target = undefined
        break
      case 'sandbox:hostile-target':
        target = 'javascript:alert(1)'
        break
      case 'sandbox:data-target':
        target = 'data:text/html,<script>alert(1)</script>'
        break
      case 'sandbox:relative-target':
        target = '/checkout/relative'
        break
      case 'sandbox:other-host-target':
        target = 'https://evil.example/checkout/1'
        break
      case 'sandbox:echo-credentials-target':
        target += `?credential=${credential}`
        break
    }
    if (unavailable.has(key))
      return error(response, 400, 'UnavailableOpportunityError', 'This opportunity is not available to book.')
    sessions.set(id, { id, type, identifier: route === 'authenticated' ? identifier : openDataId, customer: order.customer })
    let actions: unknown[] | undefined = target === undefined ? undefined : [{ type: 'OrderAction', name: 'Checkout', target }]
    const view = { type: 'ViewAction', name: 'Checkout', target: 'https://evil.example/view' }
    if (key === 'sandbox:many-actions') actions = [view, { type: 'OrderAction', name: 'Other', target: `${own}/other` }, ...actions!]
    if (key === 'sandbox:unnamed-action') actions = [view, { '@type': 'OrderAction', target }]
    const echoed = route === 'authenticated' ? body : { ...body, 'imin:initialOrder': { ...order, broker: SANDBOX_BROKER } }
    const created = actions ? { ...echoed, potentialAction: actions } : echoed
    const echo = key === 'sandbox:echo-credentials-location' ? `?credential=${credential}` : ''
    const location = route === 'authenticated' ? `${own}/api/checkout-sessions/${id}` : `/checkout-sessions/${id}`
    json(response, 201, created, { Location: location + echo })
  }

  function guestPage(response: ServerResponse, type: string, segment: string) {
    let identifier: string
    try {
      identifier = decodeURIComponent(segment)
    } catch {
      return html(response, 400, page('Bad identifier', {}))
    }
    html(response, 200, page('Checkout', { type, identifier }))
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request)
    const path = request.url ?? '/'
    const recorded = { method: request.method ?? '', path, headers: request.headers, body }
    requests.push(recorded)
    response.on('close', () => {
      if (!response.writableFinished) aborted.push(recorded)
    })
    const pathname = path.split('?')[0]!
    if (request.method === 'OPTIONS') return send(response, 204, '')
    const route = /^\/api\/checkout-sessions\/?$/.test(pathname) ? 'authenticated' : /^\/checkout-sessions\/?$/.test(pathname) ? 'standalone' : undefined
    if (route) {
      if (request.method !== 'POST') return error(response, 405, 'MethodNotAllowedError', 'Use POST.')
      return createSession(request, response, body, route)
    }
    if (request.method !== 'GET') return error(response, 405, 'MethodNotAllowedError', 'Use GET.')
    const guest = /^\/v1\/(scheduled-sessions|slots)\/([^/]+)$/.exec(pathname)
    if (guest) return guestPage(response, guest[1] === 'slots' ? 'Slot' : 'ScheduledSession', guest[2]!)
    const openData = /^\/opendata\/([^/]+)$/.exec(pathname)
    const openDataSession = openData && sessions.get(openData[1]!)
    if (openDataSession) return html(response, 200, page('Checkout', { type: openDataSession.type, id: String(openDataSession.identifier) }))
    const checkout = /^\/checkout\/([^/]+)$/.exec(pathname)
    if (checkout) {
      const session = sessions.get(checkout[1]!)
      if (!session) return html(response, 404, page('Unknown checkout session', {}))
      const { customer } = session
      const email = isObject(customer) && typeof customer.email === 'string' ? customer.email : ''
      return html(response, 200, page('Checkout', {
        type: session.type,
        identifier: String(session.identifier),
        'customer-email': email,
        'customer-id': typeof customer === 'string' ? customer : '',
      }))
    }
    html(response, 404, page('Not found', {}))
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) error(response, 500, 'InternalServerError', 'The sandbox failed.')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const { port } = server.address() as AddressInfo
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    url: origin,
    origin,
    port,
    requests,
    aborted,
    sessions,
    holdSlowAnswers() {
      slowAnswers = 'held'
    },
    releaseSlowAnswers() {
      slowAnswers = 'released'
      for (const answer of heldSlowAnswers.splice(0)) answer()
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((closeError) => (closeError ? reject(closeError) : resolve()))
        // Hung requests would keep the server open forever.
        server.closeAllConnections()
      }),
  }
}
