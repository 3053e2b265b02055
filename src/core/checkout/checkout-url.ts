import { invalidRequest } from './checkout-error.js'

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
  // Only a string that parsed is remembered, so a missing one is refused every time.
  if (typeof checkoutBaseUrl === 'string' && checkoutBaseUrl === last?.base) return last.origin
  const origin = parseCheckoutOrigin(checkoutBaseUrl)
  last = { base: checkoutBaseUrl as string, origin }
  return origin
}

let last: { base: string; origin: string } | undefined

function parseCheckoutOrigin(checkoutBaseUrl: unknown): string {
  const refuse = (why: string) => invalidRequest(`checkoutBaseUrl ${why}.`)
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
  // Userinfo is only ever written with an `@`.
  if (base.includes('@')) throw refuse('must not contain credentials')
  if (!isSecureUrl(url)) throw refuse('must use https: (http: only on localhost or 127.0.0.1)')
  // Checked on the text: the URL parser would resolve `/.` and `//` away.
  if (/[?#\\]/.test(base) || /\/./s.test(base.replace(/^[a-z][\w+.-]*:\/\//i, '')))
    throw refuse('must be a host or an origin, without a path, query or fragment')
  return url.origin
}

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/

/**
 * `allowedTargetHosts` as exact hosts: `host` or `host:port`, lower-cased,
 * without a trailing dot. An entry with a scheme, path, credentials or
 * non-ASCII characters (use punycode) is refused, naming the entry, rather
 * than silently matching nothing.
 */
export function readAllowedTargetHosts(value: unknown): readonly string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw invalidRequest('allowedTargetHosts must be a list of hosts.')
  // Every templated guest link reads the list on every render: the last one read is kept, keyed by its entries
  // (as JSON, so `42` and `'42'` differ; only a list of strings is ever kept, since any other entry is refused).
  const key = JSON.stringify(value)
  if (lastHosts?.key === key) return lastHosts.hosts
  const hosts = Object.freeze(readHosts(value))
  lastHosts = { key, hosts }
  return hosts
}

let lastHosts: { key: string; hosts: readonly string[] } | undefined

function readHosts(value: readonly unknown[]): string[] {
  return Array.from(value, (entry: unknown, index) => {
    const host = typeof entry === 'string' ? entry.toLowerCase().replace(/\.(?=$|:)/, '') : ''
    let parsed = ''
    try {
      // The URL parser drops the default port and refuses ports out of range.
      parsed = HOST.test(host) ? new URL(`https://${host}`).host : ''
    } catch {
      // Not a host: refused below.
    }
    if (!parsed)
      throw invalidRequest(
        `allowedTargetHosts[${index}] must be a host or host:port, without a scheme, path or credentials (non-ASCII names in punycode).`,
      )
    return parsed
  })
}

/** The URL's host as allowedTargetHosts entries are written: without a trailing dot. */
const hostOf = (url: URL) => url.hostname.replace(/\.$/, '') + (url.port ? `:${url.port}` : '')

/**
 * The target as an absolute URL when it is safe to send the browser to: secure
 * (see isSecureUrl) and on the checkout origin or exactly one of `allowedHosts`
 * (as read by readAllowedTargetHosts). Relative targets are refused unless a
 * `base` is given (a `Location` header resolves against the request's URL).
 */
export function safeTarget(target: unknown, origin: string, allowedHosts: readonly string[], base?: string): string | undefined {
  if (typeof target !== 'string') return undefined
  let url: URL
  try {
    url = new URL(target, base)
  } catch {
    return undefined
  }
  const allowed = url.origin === origin || allowedHosts.includes(hostOf(url))
  return allowed && isSecureUrl(url) ? url.href : undefined
}
