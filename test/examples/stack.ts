/**
 * Builds and starts the three example apps the way a broker would run them:
 * each installs the packed library from its own committed lockfile, builds with
 * its own tools, and talks to the sandbox checkout server over real HTTP.
 *
 * Installs are cached in each example's node_modules (keyed on its lockfile);
 * only the library itself is refreshed on every run, from `npm pack` of dist/.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { SANDBOX_API_KEY, startSandbox } from '../sandbox/server.js'

export const EXAMPLES = ['node-server', 'vite-app', 'next-app'] as const
export type ExampleName = (typeof EXAMPLES)[number]

export interface StepResult {
  ok: boolean
  /** What the command printed: the reason when it failed. */
  output: string
  ms: number
}

/** What the tests receive: where each running example answers, and how each step went. */
export interface ExamplesStack {
  sandboxUrl: string
  /** Epoch ms just after `next build` prerendered its pages (0 if it failed). */
  nextBuiltAt: number
  steps: Record<string, StepResult>
  urls: Partial<Record<ExampleName, string>>
}

const root = fileURLToPath(new URL('../../', import.meta.url))
export const exampleDir = (name: ExampleName) => join(root, 'examples', name)

/**
 * The environment without npm's `npm_*` variables: an example installs and runs with its own
 * `.npmrc`, not the settings of the `npm test` that started these tests.
 */
const ownEnvironment = (extra: NodeJS.ProcessEnv) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
  ...extra,
})

/** Runs a command to completion; never throws, so one failed build does not hide the others. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<StepResult> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: ownEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}`, ms: Date.now() - started }))
    child.on('close', (code) => resolve({ ok: code === 0, output, ms: Date.now() - started }))
  })
}

interface Started {
  url: string
  stop(): Promise<void>
}

/** Starts a long-running server, and waits until it prints its URL. */
function start(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, listening: RegExp): Promise<Started> {
  const child = spawn(command, args, { cwd, env: ownEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] })
  const stop = () => stopProcess(child)
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`${command} ${args.join(' ')} did not start within 60 s:\n${output}`)), 60_000)
    const fail = (error: Error) => {
      clearTimeout(timer)
      void stop().then(() => reject(error))
    }
    const read = (chunk: Buffer) => {
      output += chunk
      const url = listening.exec(output)?.[1]
      if (!url) return
      clearTimeout(timer)
      child.stdout!.off('data', read)
      resolve({ url, stop })
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
    child.once('exit', (code) => fail(new Error(`${command} exited with ${code}:\n${output}`)))
  })
}

/** Ends a server this file started, by its own process id. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** An example's own copy of a tool (its node_modules/.bin), run directly: one process, no npx in between. */
const bin = (name: ExampleName, tool: string) => join(exampleDir(name), 'node_modules/.bin', tool)

/** A free port on 127.0.0.1, for servers that cannot report the one they took. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** `npm pack` of the built library, unpacked: exactly the files a broker's install receives. */
async function packLibrary(): Promise<{ dir: string; result: StepResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'obb-examples-pack-'))
  if (!existsSync(join(root, 'dist/index.js')))
    return { dir, result: { ok: false, output: 'dist/ is missing: run `npm run build` first (npm test does).', ms: 0 } }
  const packed = await run('npm', ['pack', '--silent', '--pack-destination', dir], root)
  if (!packed.ok) return { dir, result: packed }
  const tarball = join(dir, packed.output.trim().split('\n').pop()!)
  const unpacked = await run('tar', ['-xzf', tarball, '-C', dir], root)
  return { dir: join(dir, 'package'), result: { ...unpacked, ms: packed.ms + unpacked.ms } }
}

/**
 * `npm ci` from the example's lockfile when its node_modules was installed from
 * another one (or never), then the freshly packed library in place of the copy
 * npm made, as `npm ci` would install it from `file:../..` with install-links.
 */
async function install(name: ExampleName, packed: string): Promise<StepResult> {
  const dir = exampleDir(name)
  const lockHash = createHash('sha256').update(readFileSync(join(dir, 'package-lock.json'))).digest('hex')
  const stamp = join(dir, 'node_modules/.installed-from-lockfile')
  let result: StepResult = { ok: true, output: 'node_modules already matches package-lock.json', ms: 0 }
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
    result = await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], dir)
    if (!result.ok) return result
    writeFileSync(stamp, lockHash)
  }
  const target = join(dir, 'node_modules/openactive-book-button')
  rmSync(target, { recursive: true, force: true })
  mkdirSync(target, { recursive: true })
  const copied = await run('cp', ['-R', `${packed}/.`, target], dir)
  return { ...copied, output: `${result.output}\n${copied.output}`, ms: result.ms + copied.ms }
}

/** Everything the example tests need, started; `stop()` ends it all. */
export async function startExamples(): Promise<{ stack: ExamplesStack; stop(): Promise<void> }> {
  const stops: (() => Promise<void>)[] = []
  const stop = async () => {
    await Promise.all(stops.map((stopOne) => stopOne()))
  }
  try {
    return { stack: await buildAndStart(stops), stop }
  } catch (error) {
    await stop()
    throw error
  }
}

async function buildAndStart(stops: (() => Promise<void>)[]): Promise<ExamplesStack> {
  const steps: Record<string, StepResult> = {}
  const urls: ExamplesStack['urls'] = {}
  const sandbox = await startSandbox()
  stops.push(() => sandbox.close())
  const stack: ExamplesStack = { sandboxUrl: sandbox.url, nextBuiltAt: 0, steps, urls }
  const step = async (key: string, work: () => Promise<StepResult>) => (steps[key] = await work()).ok
  const serve = async (name: ExampleName, starting: () => Promise<Started>) => {
    try {
      const server = await starting()
      stops.push(server.stop)
      urls[name] = server.url
    } catch (error) {
      steps[`${name}: start`] = { ok: false, output: String(error), ms: 0 }
    }
  }

  const packed = await packLibrary()
  steps.pack = packed.result
  if (!packed.result.ok) return stack
  // Installs first, together: mostly waiting on the disk and the npm cache.
  const installed = await Promise.all(EXAMPLES.map((name) => step(`${name}: install`, () => install(name, packed.dir))))
  rmSync(join(packed.dir, '..'), { recursive: true, force: true })
  const [serverInstalled, viteInstalled, nextInstalled] = installed

  if (serverInstalled && (await step('node-server: tsc', () => run(bin('node-server', 'tsc'), [], exampleDir('node-server'))))) {
    const env = { IMIN_CHECKOUT_BASE_URL: sandbox.url, IMIN_API_KEY: SANDBOX_API_KEY, PORT: '0' }
    await serve('node-server', () => start('node', ['dist/server.js'], exampleDir('node-server'), env, /listening on (http:\/\/\S+)/))
  }

  const viteEnv = { VITE_CHECKOUT_BASE_URL: sandbox.url }
  if (
    viteInstalled &&
    (await step('vite-app: tsc --noEmit', () => run(bin('vite-app', 'tsc'), ['--noEmit'], exampleDir('vite-app')))) &&
    (await step('vite-app: vite build', () => run(bin('vite-app', 'vite'), ['build'], exampleDir('vite-app'), viteEnv)))
  ) {
    await serve('vite-app', async () => {
      // The example's own Vite, in process: its preview server closes cleanly, a child process may not.
      const vitePath = join(exampleDir('vite-app'), 'node_modules/vite/dist/node/index.js')
      const vite = (await import(pathToFileURL(vitePath).href)) as typeof import('vite')
      // Its vite.config.ts forwards /api to the node server named here (port 9 refuses, if that did not start).
      process.env.CHECKOUT_API_ORIGIN = urls['node-server'] ?? 'http://127.0.0.1:9'
      const preview = await vite.preview({ root: exampleDir('vite-app'), logLevel: 'error', preview: { host: '127.0.0.1', port: 0 } })
      return { url: preview.resolvedUrls!.local[0]!.replace(/\/$/, ''), stop: () => preview.close() }
    })
  }

  const nextEnv = { NEXT_TELEMETRY_DISABLED: '1', NEXT_PUBLIC_CHECKOUT_BASE_URL: sandbox.url, IMIN_API_KEY: SANDBOX_API_KEY }
  if (nextInstalled && (await step('next-app: next build', () => run(bin('next-app', 'next'), ['build'], exampleDir('next-app'), nextEnv)))) {
    stack.nextBuiltAt = Date.now()
    const port = String(await freePort())
    const next = bin('next-app', 'next')
    await serve('next-app', () => start(next, ['start', '-H', '127.0.0.1', '-p', port], exampleDir('next-app'), nextEnv, /Local:\s+(http:\/\/\S+)[\s\S]*Ready in/))
  }

  console.log(`Example steps: ${Object.entries(steps).map(([key, { ok, ms }]) => `${key} ${ok ? 'ok' : 'FAILED'} ${(ms / 1000).toFixed(1)} s`).join(', ')}`)
  return stack
}
