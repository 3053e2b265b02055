/**
 * Installs React 18 for the react-18 Vitest project from this folder's own
 * lockfile, once: later runs reuse test/react-18/node_modules.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const prefix = fileURLToPath(new URL('.', import.meta.url))
// Under `npm run`, npm_execpath is the running npm's script: no PATH lookup needed.
const [command, npmScript] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []]
const npm = (...args: string[]) => [...npmScript, ...args, '--prefix', prefix]

const installed = spawnSync(command, npm('ls', '--silent'), { stdio: 'ignore' }).status === 0
if (!installed) execFileSync(command, npm('ci', '--no-audit', '--no-fund'), { stdio: 'inherit' })
