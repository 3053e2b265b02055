import { CheckoutError } from './checkout-error.js'

const isLocal = (url: URL) => url.hostname === 'localhost' || url.hostname === '127.0.0.1'

/** https, or http on localhost/127.0.0.1 (local development only), and no credentials. */
export const isSecureUrl = (url: URL) =>
  (url.protocol === 'https:' || (url.protocol === 'http:' && isLocal(url))) && !url.username && !url.password

/** Whether an endpoint (resolved against `base`, when given) is a secure URL; see isSecureUrl. */
export function isSecureEndpoint(endpoint: unknown, base?: string): boolean {
  try {
    return isSecureUrl(new URL(endpoint as string, base))
  } catch {
    return false
  }
}

/**
 * The checkout origin (`https://checkout.example.com`) from a bare host or an origin.
 * Anything more is refused rather than trimmed, since a wrong host would send
 * customers (and tokens) somewhere else.
 */
export function checkoutOrigin(checkoutBaseUrl: unknown): string {
  // A page of buttons shares one checkout host: parse it once, not once per button.
  if (checkoutBaseUrl === lastBase) return lastOrigin
  lastOrigin = parseCheckoutOrigin(checkoutBaseUrl)
  lastBase = checkoutBaseUrl
  return lastOrigin
}

let lastBase: unknown
let lastOrigin = ''

function parseCheckoutOrigin(checkoutBaseUrl: unknown): string {
  const refuse = (why: string) => new CheckoutError('invalid-request', `checkoutBaseUrl ${why}.`)
  if (typeof checkoutBaseUrl !== 'string' || !checkoutBaseUrl.trim()) throw refuse('is missing')
  const base = checkoutBaseUrl.trim()
  // `localhost:4010` is a host with a port; `javascript:x` or `ftp://x` has a scheme.
  const hasScheme = /^[a-z][\w+.-]*:(?!\d*\/?$)/i.test(base)
  let url: URL
  try {
    url = new URL(hasScheme ? base : `https://${base}`)
  } catch {
    throw refuse('is not a host name or an origin')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('must use https:')
  if (url.username || url.password || base.includes('@')) throw refuse('must not contain credentials')
  if (!isSecureUrl(url)) throw refuse('must use https: (http: only on localhost or 127.0.0.1)')
  if (url.pathname !== '/' || /[?#\\]/.test(base) || /\/./.test(base.replace(/^[a-z][\w+.-]*:\/\//i, '')))
    throw refuse('must be a host or an origin, without a path, query or fragment')
  return url.origin
}

/**
 * The target as an absolute URL when it is safe to send the browser to: secure
 * (see isSecureUrl) and on the checkout host or one of `allowedHosts`.
 */
export function safeTarget(target: string, origin: string, allowedHosts: readonly string[] = []): string | undefined {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return undefined
  }
  const allowed = url.origin === origin || allowedHosts.some((host) => [url.host, url.hostname].includes(host.toLowerCase()))
  return allowed && isSecureUrl(url) ? url.href : undefined
}
