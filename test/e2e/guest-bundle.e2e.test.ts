/**
 * Guest links never load React Query: not from dist/index.js, not from any chunk
 * it imports statically or dynamically, and a guest-only app without React Query
 * installed builds and runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
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
    expect([...moduleGraph(join(dist, 'checkout.js'))].filter(mentionsReactQuery)).toEqual([join(dist, 'checkout.js')])
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
