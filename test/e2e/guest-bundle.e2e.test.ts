/**
 * Guest links never load React Query: not from dist/index.js, not from any chunk
 * it imports statically or dynamically, and a guest-only app without React Query
 * installed builds and runs.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build, preview, type Plugin, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../chromium.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const dist = here('../../dist/')

/** Every file a module reaches through relative imports, static (`from`) or dynamic (`import()`). */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen
  seen.add(entry)
  const source = readFileSync(entry, 'utf8')
  for (const [, specifier] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g))
    moduleGraph(resolve(dirname(entry), specifier!), seen)
  return seen
}

const mentionsReactQuery = (file: string) => readFileSync(file, 'utf8').includes('@tanstack/react-query')

describe('the built React entry', () => {
  it('reaches no module that mentions @tanstack/react-query', () => {
    const graph = moduleGraph(join(dist, 'index.js'))
    expect(graph.size).toBeGreaterThan(1)
    expect([...graph].filter(mentionsReactQuery)).toEqual([])
  })

  it('leaves React Query to openactive-book-button/checkout', () => {
    expect([...moduleGraph(join(dist, 'checkout.js'))].filter(mentionsReactQuery)).toEqual([join(dist, 'use-checkout/use-checkout.js')])
  })
})

/** The app's bundler, as in an app that never installed React Query: asking for it fails the build. */
const withoutReactQuery: Plugin = {
  name: 'app-without-react-query',
  enforce: 'pre',
  resolveId(id) {
    if (id.startsWith('@tanstack/react-query')) this.error(`${id} is not installed in this app`)
  },
}

describe('a guest-only app without React Query', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'obb-guest-app-'))
  const config = {
    root: here('./guest-app'),
    configFile: false as const,
    logLevel: 'error' as const,
    plugins: [withoutReactQuery, react()],
    resolve: {
      alias: [
        { find: /^openactive-book-button\/styles\.css$/, replacement: join(dist, 'styles.css') },
        { find: /^openactive-book-button$/, replacement: join(dist, 'index.js') },
      ],
    },
    build: { outDir, emptyOutDir: true },
    preview: { host: '127.0.0.1', port: 0 },
  }
  let server: PreviewServer
  let browser: Browser

  beforeAll(async () => {
    await build(config)
    ;[server, browser] = await Promise.all([preview(config), launchChromium()])
  })

  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
    rmSync(outDir, { recursive: true, force: true })
  })

  it('builds, and renders a real guest link', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(server.resolvedUrls!.local[0]!)
    const link = page.getByRole('link', { name: 'Book' })
    await expect.poll(() => link.getAttribute('href')).toBe('https://checkout.example.com/v1/scheduled-sessions/14961')
    expect(errors).toEqual([])
    await page.close()
  })

  it('fails to build when the app does reach React Query, so the check above can fail', async () => {
    await expect(
      build({ ...config, root: here('./page'), build: { outDir: join(outDir, 'broker'), emptyOutDir: true }, resolve: {
        alias: [...config.resolve.alias, { find: /^openactive-book-button\/checkout$/, replacement: join(dist, 'checkout.js') }],
      } }),
    ).rejects.toThrow('@tanstack/react-query is not installed in this app')
  })
})

describe('a guest-only TypeScript app without React Query', () => {
  const root = here('../../')
  const app = mkdtempSync(join(tmpdir(), 'obb-guest-types-'))
  afterAll(() => rmSync(app, { recursive: true, force: true }))

  /** The app as installed: the package and React's types in its own node_modules, React Query nowhere. */
  function install(files: Record<string, string>) {
    const modules = join(app, 'node_modules')
    mkdirSync(join(modules, '@types'), { recursive: true })
    for (const name of ['@types/react', '@types/react-dom', 'csstype']) symlinkSync(join(root, 'node_modules', name), join(modules, name))
    cpSync(join(root, 'package.json'), join(modules, 'openactive-book-button/package.json'))
    cpSync(dist, join(modules, 'openactive-book-button/dist'), { recursive: true })
    for (const [name, text] of Object.entries(files)) writeFileSync(join(app, name), text)
  }

  const typeCheck = (files: string[]) => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true, skipLibCheck: false, noEmit: true, types: [] },
        files,
      }),
    )
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, encoding: 'utf8' })
      return ''
    } catch (error) {
      return String((error as { stdout?: string }).stdout)
    }
  }

  it('type-checks with skipLibCheck off; the checkout entry is what needs React Query', () => {
    install({
      'app.tsx': readFileSync(here('./guest-app/main.tsx'), 'utf8'),
      'styles.d.ts': "declare module 'openactive-book-button/styles.css'\n",
      'authenticated.ts': "import { useCheckout } from 'openactive-book-button/checkout'\nvoid useCheckout\n",
    })
    // One run over both: the guest app's types are clean; only the checkout entry asks for React Query.
    const errors = typeCheck(['app.tsx', 'styles.d.ts', 'authenticated.ts']).trim().split('\n')
    expect(errors).toEqual([
      expect.stringMatching(/^node_modules\/openactive-book-button\/dist\/use-checkout\/use-checkout\.d\.ts.*Cannot find module '@tanstack\/react-query'/),
    ])
  }, 120_000)
})
