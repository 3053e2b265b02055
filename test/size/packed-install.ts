/**
 * Installs the package into a folder the way a broker's `npm install` does:
 * the tarball `npm pack` makes from dist/ (npm test builds it first), unpacked
 * into node_modules beside the app's own React, React Query and clsx.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repository = fileURLToPath(new URL('../../', import.meta.url))

/** What a broker's app has installed besides this package (taken from this repository's node_modules). */
const BROKER_APP_PACKAGES = ['react', 'react-dom', '@tanstack/react-query', 'clsx']

/** Installs the packed package into `appDirectory`, beside links to what a broker's app already has. */
export function installPackedPackage(appDirectory: string): void {
  if (!existsSync(join(repository, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first.')
  const modules = join(appDirectory, 'node_modules')
  const installed = join(modules, 'openactive-book-button')
  mkdirSync(installed, { recursive: true })

  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', appDirectory], { cwd: repository, encoding: 'utf8' }),
  ) as [{ filename: string }]
  execFileSync('tar', ['-xzf', join(appDirectory, filename), '-C', installed, '--strip-components=1'])

  for (const name of BROKER_APP_PACKAGES) {
    mkdirSync(dirname(join(modules, name)), { recursive: true })
    symlinkSync(join(repository, 'node_modules', name), join(modules, name), 'junction')
  }
}
