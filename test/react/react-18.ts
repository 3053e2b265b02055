/**
 * Runs the component tests against React 18: every `require('react')` and
 * `require('react-dom')` in this worker (React DOM's own, Testing Library's)
 * resolves to the copies installed in test/react-18/node_modules, matching
 * what the react-18 project resolves the source's imports to.
 */
import { existsSync } from 'node:fs'
import Module from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Paths, not URL objects: the jsdom environment replaces the global URL.
const react18Package = join(fileURLToPath(import.meta.url), '../../react-18')
if (!existsSync(join(react18Package, 'node_modules/react-dom/package.json'))) {
  throw new Error('React 18 for the react-18 tests is not installed: run `npm run install:react-18` (npm test does it).')
}

const redirected = /^(react|react-dom)(\/.*)?$/

type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: { paths?: string[] }) => string
const moduleWithResolver = Module as unknown as { _resolveFilename: ResolveFilename }
const resolveFilename = moduleWithResolver._resolveFilename
moduleWithResolver._resolveFilename = function (request, parent, isMain, options) {
  // Looked up from the nested package, whoever asks.
  return resolveFilename.call(this, request, parent, isMain, redirected.test(request) ? { paths: [react18Package] } : options)
}
