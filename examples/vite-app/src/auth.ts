/**
 * The broker's own sign-in, reduced to one demo customer. Replace it with yours
 * (Auth.js, Clerk, a session cookie): the token only has to mean something to
 * your backend's `authorize`.
 */
export const DEMO_TOKEN = 'demo-customer-token'

export async function getSessionToken(): Promise<string | null> {
  return DEMO_TOKEN
}
