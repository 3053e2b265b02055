/**
 * The broker's own sign-in, reduced to one demo customer. Replace it with
 * yours: read your session cookie or verify your bearer token, and return the
 * customer imin should see, or null when nobody is signed in.
 */
import type { Person } from 'openactive-book-button/server'

const DEMO_TOKEN = 'demo-customer-token'

export function signedInCustomer(request: Request): Person | null {
  if (request.headers.get('Authorization') !== `Bearer ${DEMO_TOKEN}`) return null
  return { type: 'Person', email: 'ada@example.org', givenName: 'Ada', familyName: 'Lovelace', identifier: 'customer-1815' }
}
