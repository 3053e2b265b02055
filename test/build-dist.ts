/**
 * Global setup for the Vitest projects that test the built package (unit, e2e,
 * examples): builds dist/ once when it is missing or older than what it is built
 * from, so each project runs on a fresh clone on its own. `npm test` builds first,
 * so there this finds dist/ fresh and does nothing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const builtFrom = ['src', 'vite.config.ts', 'tsconfig.build.json', 'package.json']
const builtEntries = ['index.js', 'checkout.js', 'core.js', 'server.js', 'styles.css', 'index.d.ts']

function newestChange(path: string): number {
  const stats = statSync(join(root, path))
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(stats.mtimeMs, ...readdirSync(join(root, path)).map((name) => newestChange(join(path, name))))
}

/** Why dist/ must be built, or null when it is there and newer than its sources. */
function staleness(): string | null {
  const missing = builtEntries.filter((entry) => !existsSync(join(root, 'dist', entry)))
  if (missing.length) return `dist/ is missing ${missing.join(', ')}`
  const builtAt = Math.min(...builtEntries.map((entry) => statSync(join(root, 'dist', entry)).mtimeMs))
  const changed = builtFrom.filter((path) => newestChange(path) > builtAt)
  return changed.length ? `dist/ is older than ${changed.join(', ')}` : null
}

/** The environment `npm run build` has: without Vitest's NODE_ENV=test, which would build React's development JSX runtime. */
function buildEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'TEST'))
  return { ...env, NODE_ENV: 'production' }
}

export default function buildDist() {
  const reason = staleness()
  if (!reason) return
  console.log(`${reason}: building it once (npm run build)…`)
  try {
    execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: buildEnvironment() })
  } catch {
    throw new Error(`${reason}, and building it failed (output above). Run \`npm run build\` and fix what it reports.`)
  }
}
