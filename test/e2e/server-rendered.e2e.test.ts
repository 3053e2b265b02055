/**
 * What only a real browser shows, on a broker's server-rendered page built from
 * the published package (dist/): hydration in Chromium without a console error,
 * a return from Checkout through the back-forward cache, and a `_blank` Checkout
 * tab opened inside the click, with Chromium's popup blocker on.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import react from '@vitejs/plugin-react'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build, type InlineConfig } from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from '../chromium.js'
import { startSandbox, type Sandbox } from '../sandbox/server.js'
import type { PageData } from './ssr-page/sessions.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const outDir = mkdtempSync(join(tmpdir(), 'obb-server-rendered-'))
const clientDir = join(outDir, 'client')

let sandbox: Sandbox
let server: Server
let browser: Browser
let page: Page
let pageOrigin: string

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' }

/** The broker's server: each page rendered on request, with its data for hydration, and the built assets. */
function serve(render: (data: PageData) => string) {
  const template = readFileSync(join(clientDir, 'index.html'), 'utf8')
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === '/favicon.ico') return response.writeHead(204).end()
    if (url.pathname === '/') {
      const data: PageData = {
        checkoutBaseUrl: sandbox.url,
        mode: url.searchParams.get('mode') === 'authenticated' ? 'authenticated' : 'guest',
        target: url.searchParams.get('target') === '_blank' ? '_blank' : undefined,
        renderedAt: Date.now(),
      }
      const json = JSON.stringify(data).replace(/</g, '\\u003c')
      const html = template
        .replace('<!--app-->', render(data))
        .replace('<!--data-->', `<script id="page-data" type="application/json">${json}</script>`)
      response.writeHead(200, { 'Content-Type': TYPES['.html'] })
      return response.end(html)
    }
    const file = normalize(join(clientDir, url.pathname))
    if (!file.startsWith(clientDir)) return response.writeHead(404).end()
    try {
      const body = readFileSync(file)
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
}

beforeAll(async () => {
  const config = (build: InlineConfig['build']): InlineConfig => ({
    root: here('./ssr-page'),
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^openactive-book-button\/styles\.css$/, replacement: here('../../dist/styles.css') },
        { find: /^openactive-book-button$/, replacement: here('../../dist/index.js') },
        { find: /^openactive-book-button\/checkout$/, replacement: here('../../dist/checkout.js') },
      ],
    },
    build,
  })
  const serverDir = join(outDir, 'server')
  await build(config({ outDir: clientDir, emptyOutDir: true }))
  await build(config({ outDir: serverDir, emptyOutDir: true, ssr: here('./ssr-page/server.tsx') }))
  const { render } = (await import(pathToFileURL(join(serverDir, 'server.js')).href)) as { render: (data: PageData) => string }

  const executablePath = findChromium()
  if (!executablePath) throw new Error(NO_CHROMIUM)
  ;[sandbox, browser] = await Promise.all([
    startSandbox(),
    // Playwright turns Chromium's popup blocker and back-forward cache off by default; a user's browser has both on.
    chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--disable-popup-blocking', '--disable-back-forward-cache'] }),
  ])
  server = serve(render)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  pageOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 120_000)

afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close(), new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))])
  rmSync(outDir, { recursive: true, force: true })
})

/** Every console error, warning and uncaught exception on the page. */
let problems: string[]
beforeEach(async () => {
  const context = await browser.newContext()
  page = await context.newPage()
  problems = []
  page.on('console', (message) => {
    // The broker's page only: Checkout is another site's.
    if (!page.url().startsWith(pageOrigin)) return
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  return () => context.close()
})

async function openPage(query = '') {
  await page.goto(`${pageOrigin}/${query}`)
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.hydrated)).toBe('true')
}

const bookButtonFor = (session: string, role: 'link' | 'button') =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: session }) }).getByRole(role)

const checkoutPosts = (since: number) => sandbox.requests.slice(since).filter((request) => request.method === 'POST')

describe('given a server-rendered page', () => {
  it.each(['guest', 'authenticated'])('hydrates in %s mode with no console error or warning, keeping the server’s labels', async (mode) => {
    const html = await (await fetch(`${pageOrigin}/?mode=${mode}`)).text()
    expect(html).toContain('>Book</')
    expect(html).toMatch(/>Opens \d+ \w+ \d{4}, \d\d:\d\d</)

    await openPage(`?mode=${mode}`)
    const role = mode === 'guest' ? 'link' : 'button'
    expect(await bookButtonFor('Morning swim', role).getAttribute('data-state')).toBe('bookable')
    expect(await bookButtonFor('Next week’s swim', role).textContent()).toMatch(/^Opens /)
    expect(problems).toEqual([])
  })
})

describe('given a return from Checkout through the back-forward cache', () => {
  it('is bookable again, and a click creates a new checkout session', async () => {
    await openPage('?mode=authenticated')
    const before = sandbox.requests.length
    const button = bookButtonFor('Morning swim', 'button')
    await button.click()
    await page.waitForURL(`${sandbox.url}/checkout/**`)

    // A page restored from the cache fires no load event for Playwright to wait for: the commit is enough.
    await page.goBack({ waitUntil: 'commit' })
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.fromPageCache)).toBe('true')
    await expect.poll(() => button.getAttribute('data-state')).toBe('bookable')

    await button.click()
    await page.waitForURL(`${sandbox.url}/checkout/**`)
    const posts = checkoutPosts(before)
    expect(posts).toHaveLength(2)
    expect(sandbox.sessions.size).toBeGreaterThanOrEqual(2)
    expect(problems).toEqual([])
  })
})

describe('given a checkout in a new tab', () => {
  it('opens the tab inside the click, before the session exists, and sends it to Checkout; the page stays', async () => {
    await openPage('?mode=authenticated&target=_blank')
    const pageUrl = page.url()
    const sessionsBefore = sandbox.sessions.size
    const tab = page.waitForEvent('popup')
    await bookButtonFor('Popular swim', 'button').click()
    const checkout = await tab
    // Opened before the (slow) answer: a tab opened after an await can lose the click's user activation to the popup blocker.
    expect(sandbox.sessions.size).toBe(sessionsBefore)
    await checkout.waitForURL(`${sandbox.url}/checkout/**`)
    // The tab cannot reach back into the broker's page.
    expect(await checkout.evaluate(() => window.opener)).toBeNull()
    expect(page.url()).toBe(pageUrl)
    // Once the tab is on its way the page stays, and its button is bookable again (after the 2 s hold tested in jsdom).
    await expect.poll(() => bookButtonFor('Popular swim', 'button').getAttribute('data-state'), { timeout: 10_000 }).toBe('bookable')
    expect(problems).toEqual([])
  })
})
