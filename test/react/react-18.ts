/**
 * Runs the component tests against React 18: every `require('react')` and
 * `require('react-dom')` in this worker (React DOM's own, Testing Library's)
 * resolves to the React 18 copies, matching the source's aliased imports.
 */
import Module from 'node:module'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const redirects: [RegExp, string][] = [
  [/^react(\/.*)?$/, 'react-18'],
  [/^react-dom(\/.*)?$/, 'react-dom-18'],
]

const moduleWithResolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string }
const resolveFilename = moduleWithResolver._resolveFilename
moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  for (const [pattern, replacement] of redirects) {
    const match = pattern.exec(request)
    if (match) return require.resolve(replacement + (match[1] ?? ''))
  }
  return resolveFilename.call(this, request, ...rest)
}
