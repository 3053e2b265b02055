/** What went wrong with a checkout; callers branch on it (e.g. offer a retry for `network`). */
export type CheckoutErrorKind =
  | 'unavailable'
  | 'full'
  | 'unauthorized'
  | 'http'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid-response'
  | 'unsafe-target'
  | 'invalid-request'

// Short on purpose: these ship in every bundle. Each says what happened, then what to do.
const MESSAGES: Record<CheckoutErrorKind, string> = {
  unavailable: 'No longer bookable; choose another.',
  full: 'Full; choose another.',
  unauthorized: 'Sign-in refused; sign in again.',
  http: 'Checkout failed; try again later.',
  network: 'Checkout unreachable; check the connection and retry.',
  timeout: 'Checkout timed out; retry.',
  aborted: 'Checkout cancelled.',
  'invalid-response': 'Checkout answer unreadable; try again later.',
  'unsafe-target': 'Checkout page off the checkout host; not opened.',
  'invalid-request': 'Invalid checkout request:',
}

/**
 * The one error every checkout flow throws. Its message and properties never
 * hold a token or API key.
 */
export class CheckoutError extends Error {
  override name = 'CheckoutError'
  readonly kind: CheckoutErrorKind
  /** The HTTP status, when the server answered. */
  status?: number
  /** The server's own `description`, when it sent one. */
  description?: string
  /** The server's error `type` (e.g. `UnavailableOpportunityError`), when it sent one. */
  type?: string

  constructor(kind: CheckoutErrorKind, detail?: string, fields?: { status?: number; description?: string; type?: string }) {
    // Never throws itself, whatever it is given: an unknown kind is an invalid request.
    const known = typeof kind === 'string' && Object.hasOwn(MESSAGES, kind) ? kind : 'invalid-request'
    super(typeof detail === 'string' && detail ? `${MESSAGES[known]} ${detail}` : MESSAGES[known])
    this.kind = known
    try {
      const { status, description, type } = fields ?? {}
      if (typeof status === 'number') this.status = status
      if (typeof description === 'string') this.description = description
      if (typeof type === 'string') this.type = type
    } catch {
      // Fields that cannot be read are left out.
    }
  }
}

/** The error for a request or option that cannot be used: `detail` says which and why. */
export const invalidRequest = (detail: string) => new CheckoutError('invalid-request', detail)

/**
 * Any thrown value as a CheckoutError, so no raw `TypeError` (a throwing
 * getter, a revoked Proxy) escapes a checkout function. The value itself is
 * dropped: it may describe the caller's data or credentials.
 */
export function asCheckoutError(error: unknown, kind: CheckoutErrorKind = 'invalid-request'): CheckoutError {
  try {
    if (error instanceof CheckoutError) return error
  } catch {
    // A revoked Proxy throws even on instanceof.
  }
  return new CheckoutError(kind, kind === 'invalid-request' ? 'The request or its options could not be read.' : undefined)
}
