import type { Person } from 'openactive-book-button/server'
import { DEMO_TOKEN } from './auth-client'

/** The signed-in customer, as imin should see them, or null when nobody is signed in. Replace with your own. */
export async function signedInCustomer(request: Request): Promise<Person | null> {
  if (request.headers.get('Authorization') !== `Bearer ${DEMO_TOKEN}`) return null
  return { type: 'Person', email: 'grace@example.org', givenName: 'Grace', familyName: 'Hopper', identifier: 'customer-1906' }
}
