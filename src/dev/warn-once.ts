/**
 * Development diagnostics: one `console.warn` per distinct mistake, naming the
 * prop and the fix. The whole body sits behind a `process.env.NODE_ENV` check
 * that the app's bundler replaces, so production bundles drop it.
 */

// The app's bundler replaces `process.env.NODE_ENV`; the package itself needs no Node types for it.
declare const process: { env: { NODE_ENV?: string } }

const warned = new Set<string>()

/** Warns once per `key` in development; does nothing in production, or where no `process` exists. */
export function warnOnce(key: string, message: string): void {
  if (typeof process === 'undefined' || process.env.NODE_ENV === 'production') return
  if (warned.has(key)) return
  warned.add(key)
  console.warn(`[openactive-book-button] ${message}`)
}
