/** The JSON answers every `./server` handler gives, shaped like imin's. */
import { asCheckoutError, CheckoutError } from '../core/checkout/checkout-error.js'
import { postCheckoutSession, type CheckoutSession } from '../core/checkout/checkout-request.js'
import type { JsonObject } from '../core/rules/opportunity.js'
import { isKnownErrorType } from './error-types.js'
import type { UpstreamSettings } from './handler-settings.js'

export const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  })

// JSON leaves an undefined description out: `{"type":"ForbiddenError"}`.
export const failure = (status: number, type: string, description?: string) => answer(status, { type, description })

/** 400 for a body that is not a checkout session, saying what is wrong with it. */
export const invalidBody = (error: unknown) => failure(400, 'InvalidRequestError', asCheckoutError(error).message)

/**
 * 201 with the body that was sent, as imin echoes it, plus only the checked
 * target and Location: nothing else from upstream reaches the browser.
 */
export function created(sent: JsonObject, session: CheckoutSession): Response {
  const checkout = { type: 'OrderAction', name: 'Checkout', target: session.target }
  return answer(201, { ...sent, potentialAction: [checkout] }, session.location ? { Location: session.location } : {})
}

/**
 * A failed upstream call as an answer. imin's refusals keep their status, and
 * a type and description that passed the checks (else `HttpError`); a fault
 * on imin's side is a 502 (504 for a timeout).
 */
export function upstreamFailure(error: unknown): Response {
  const checkout = error instanceof CheckoutError ? error : new CheckoutError('network')
  const { kind, status = 0, type, description, message } = checkout
  if (kind === 'timeout') return failure(504, 'GatewayTimeoutError', 'Checkout did not answer in time. Try again.')
  if (kind === 'unavailable' || kind === 'full' || (kind === 'http' && status < 500))
    return failure(status >= 400 ? status : 409, type ?? 'HttpError', description ?? message)
  // 401/403 upstream means this server's API key was refused: not the customer's to fix.
  return failure(502, type ?? 'BadGatewayError', kind === 'unauthorized' ? 'Checkout refused the server\'s credentials.' : message)
}

/**
 * Sends a checked body to imin, with the API key when there is one, and answers
 * the browser with only what passed the checks. A client that disconnects
 * (`request.signal`) cancels the call to imin.
 */
export async function forwardToImin(
  request: Request,
  body: JsonObject,
  settings: UpstreamSettings & { apiKey?: string; fetch?: typeof fetch; timeoutMs?: number },
): Promise<Response> {
  const { apiKey } = settings
  try {
    const session = await postCheckoutSession({
      endpoint: settings.endpoint,
      body,
      auth: apiKey === undefined ? undefined : ['X-API-KEY', '', () => apiKey],
      origin: settings.origin,
      allowedTargetHosts: settings.allowedTargetHosts,
      fetch: settings.fetch,
      timeoutMs: settings.timeoutMs,
      signal: request.signal,
      isKnownErrorType,
    })
    return created(body, session)
  } catch (error) {
    return upstreamFailure(error)
  }
}
