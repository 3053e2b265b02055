/**
 * Mock Service Worker handlers that answer like imin's Checkout API
 * (`POST https://checkout.example.com/api/checkout-sessions/`) and its Standalone
 * Checkout (`POST https://checkout.example.com/checkout-sessions`), mirroring
 * test/sandbox/server.ts. Pick one per story:
 *
 *   parameters: { msw: { handlers: { checkout: checkoutHandlers.full } } }
 *   parameters: { msw: { handlers: { standalone: standaloneHandlers.unavailable } } }
 *
 * The `checkout` and `standalone` keys let a story replace the default of its file.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { CHECKOUT_HOST, STORY_TOKEN } from './fixtures.js'

export const CHECKOUT_ORIGIN = `https://${CHECKOUT_HOST}`
export const CHECKOUT_ENDPOINT = `${CHECKOUT_ORIGIN}/api/checkout-sessions/`
export const STANDALONE_ENDPOINT = `${CHECKOUT_ORIGIN}/checkout-sessions`

/** Every answer the mocked Checkout can give. */
export type CheckoutScenario =
  | 'success'
  | 'slow'
  | 'hang'
  | 'unavailable'
  | 'full'
  | 'unauthorized'
  | 'server-error'
  | 'network-error'
  | 'not-json'
  | 'hostile-target'

/** How long `slow` waits before it succeeds, in milliseconds. */
export const SLOW_MS = 600

/** The Checkout page a successful session sends the browser to: one per identifier, so stories can expect it. */
export const checkoutTarget = (identifier: unknown) => `${CHECKOUT_ORIGIN}/checkout/${encodeURIComponent(String(identifier))}`

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `imin:initialOrder.orderedItem[0].orderedItem` of a checkout session body: the opportunity it books. */
function orderedOpportunityOf(body: unknown): Record<string, unknown> | undefined {
  const order = isObject(body) ? body['imin:initialOrder'] : undefined
  const item: unknown = isObject(order) && Array.isArray(order.orderedItem) ? order.orderedItem[0] : undefined
  return isObject(item) && isObject(item.orderedItem) ? item.orderedItem : undefined
}

/** The `identifier` an authenticated checkout session books. */
const identifierOf = (body: unknown) => orderedOpportunityOf(body)?.identifier

const imin = (status: number, type: string, description: string) =>
  HttpResponse.json({ '@context': ['https://openactive.io/', 'https://imin.co/'], type, description }, { status })

/** 201 with the body echoed and an OrderAction to `target`, as imin answers. */
async function created(request: Request, target?: string) {
  if (request.headers.get('Authorization') !== `Bearer ${STORY_TOKEN}`)
    return imin(401, 'UnauthenticatedError', 'The bearer token is missing or has expired.')
  const body: unknown = await request.json()
  const identifier = identifierOf(body)
  return HttpResponse.json(
    {
      ...(isObject(body) ? body : {}),
      potentialAction: [{ type: 'OrderAction', name: 'Checkout', target: target ?? checkoutTarget(identifier) }],
    },
    { status: 201, headers: { Location: `${CHECKOUT_ENDPOINT}${encodeURIComponent(String(identifier))}` } },
  )
}

const answers: Record<CheckoutScenario, (request: Request) => Promise<Response> | Response> = {
  success: (request) => created(request),
  slow: async (request) => {
    await delay(SLOW_MS)
    return created(request)
  },
  // Never answers: the button stays pending (or times out, with a small `timeoutMs`).
  hang: async () => {
    await delay('infinite')
    return new HttpResponse(null, { status: 204 })
  },
  unavailable: () => imin(400, 'UnavailableOpportunityError', 'The opportunity is no longer available.'),
  full: () => imin(409, 'OpportunityIsFullError', 'There are no spaces left.'),
  unauthorized: () => imin(401, 'UnauthenticatedError', 'The bearer token is missing or has expired.'),
  'server-error': () => imin(500, 'InternalServerError', 'Something went wrong.'),
  'network-error': () => HttpResponse.error(),
  'not-json': () => new HttpResponse('<html><body>Created</body></html>', { status: 201, headers: { 'Content-Type': 'text/html' } }),
  // A target off the checkout host must never be followed.
  'hostile-target': (request) => created(request, 'https://evil.example/checkout/1'),
}

/** One handler per scenario, for `parameters.msw.handlers.checkout`. */
export const checkoutHandlers = Object.fromEntries(
  Object.entries(answers).map(([scenario, answer]) => [scenario, http.post(CHECKOUT_ENDPOINT, ({ request }) => answer(request))]),
) as Record<CheckoutScenario, HttpHandler>

const isScenario = (name: string): name is CheckoutScenario => name in answers

/**
 * Answers by the opportunity's identifier, like the sandbox's magic identifiers:
 * `scenario:full` is full, `scenario:hang` never answers; anything else succeeds.
 * Lets one page (the gallery) show every outcome at once.
 */
export const scenarioHandler = http.post(CHECKOUT_ENDPOINT, async ({ request }) => {
  const identifier = identifierOf(await request.clone().json().catch(() => undefined))
  const scenario = typeof identifier === 'string' ? identifier.replace(/^scenario:/, '') : 'success'
  return answers[isScenario(scenario) ? scenario : 'success'](request)
})

/** The Checkout page a Standalone Checkout session sends the browser to: one per open-data `@id`. */
export const standaloneTarget = (id: unknown) => `${CHECKOUT_ORIGIN}/opendata/${encodeURIComponent(String(id))}`

/** The open-data `id` a Standalone Checkout session books. */
const openDataIdOf = (body: unknown) => orderedOpportunityOf(body)?.id

/** 201 with the order echoed, the broker imin holds for the account, and an OrderAction, as Standalone Checkout answers. */
async function createdStandalone(request: Request) {
  const body: unknown = await request.json()
  const id = openDataIdOf(body)
  return HttpResponse.json(
    {
      ...(isObject(body) ? body : {}),
      'imin:initialOrder': { ...(isObject(body) && isObject(body['imin:initialOrder']) ? body['imin:initialOrder'] : {}), broker: { type: 'Organization', name: 'Active Bristol' } },
      potentialAction: [{ type: 'OrderAction', name: 'Checkout', target: standaloneTarget(id) }],
    },
    { status: 201, headers: { Location: `/checkout-sessions/${encodeURIComponent(String(id))}` } },
  )
}

/** Every answer the mocked Standalone Checkout can give. */
export type StandaloneScenario = 'success' | 'slow' | 'hang' | 'unavailable' | 'server-error'

const standaloneAnswers: Record<StandaloneScenario, (request: Request) => Promise<Response> | Response> = {
  success: createdStandalone,
  slow: async (request) => {
    await delay(SLOW_MS)
    return createdStandalone(request)
  },
  hang: answers.hang,
  unavailable: () => imin(400, 'UnavailableOpportunityError', 'This opportunity is not available to book.'),
  'server-error': answers['server-error'],
}

/** One Standalone Checkout handler per scenario, for `parameters.msw.handlers.standalone`. */
export const standaloneHandlers = Object.fromEntries(
  Object.entries(standaloneAnswers).map(([scenario, answer]) => [scenario, http.post(STANDALONE_ENDPOINT, ({ request }) => answer(request))]),
) as Record<StandaloneScenario, HttpHandler>

/**
 * Answers by the last path segment of the open-data `@id`, like the sandbox:
 * `…/scenario:unavailable` is not bookable through imin; anything else succeeds.
 */
export const standaloneScenarioHandler = http.post(STANDALONE_ENDPOINT, async ({ request }) => {
  const id = openDataIdOf(await request.clone().json().catch(() => undefined))
  const scenario = typeof id === 'string' ? (/\/scenario:([\w-]+)$/.exec(id)?.[1] ?? 'success') : 'success'
  return standaloneAnswers[scenario in standaloneAnswers ? (scenario as StandaloneScenario) : 'success'](request)
})
