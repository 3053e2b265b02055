/**
 * End to end in a real headless Chromium: a broker's page built from the
 * published package (dist/), the sandbox checkout server, and real navigation.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { Browser, Page } from 'playwright-core'
import { build, preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SANDBOX_TOKEN, startSandbox, type Sandbox } from '../sandbox/server.js'
import { launchChromium } from '../chromium.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const outDir = mkdtempSync(join(tmpdir(), 'obb-broker-page-'))

let sandbox: Sandbox
let server: PreviewServer
let browser: Browser
let page: Page
let pageOrigin: string

beforeAll(async () => {
  const config = {
    root: here('./page'),
    configFile: false as const,
    logLevel: 'error' as const,
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^openactive-book-button\/styles\.css$/, replacement: here('../../dist/styles.css') },
        { find: /^openactive-book-button$/, replacement: here('../../dist/index.js') },
        { find: /^openactive-book-button\/checkout$/, replacement: here('../../dist/checkout.js') },
      ],
    },
    build: { outDir, emptyOutDir: true },
    preview: { host: '127.0.0.1', port: 0 },
  }
  await build(config)
  ;[sandbox, server, browser] = await Promise.all([startSandbox(), preview(config), launchChromium()])
  pageOrigin = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
})

afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close(), server?.close()])
  rmSync(outDir, { recursive: true, force: true })
})

beforeEach(async () => {
  const context = await browser.newContext()
  page = await context.newPage()
  return () => context.close()
})

const openBrokerPage = (mode: 'guest' | 'authenticated' | 'standalone', theme?: 'light' | 'dark' | 'auto') =>
  page.goto(`${pageOrigin}/?checkout=${encodeURIComponent(sandbox.url)}&mode=${mode}${theme ? `&theme=${theme}` : ''}`)

const bookButtonFor = (session: string, role: 'link' | 'button' = 'link') =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: session }) }).getByRole(role)

describe('given guest mode', () => {
  it.each([
    ['Morning swim', 'https://opendata.fusion-lifestyle.com/OpenActive/api/scheduled-sessions/310003324'],
    ['Odd swim', 'lane/2?level=adv#deep-end café 🏊'],
    ['Numbered swim', '14961'],
  ])('a click on %s lands on the guest Checkout page for exactly its identifier', async (session, identifier) => {
    await openBrokerPage('guest')
    const link = bookButtonFor(session)
    await expect.poll(() => link.getAttribute('data-state')).toBe('bookable')
    await link.click()
    await page.waitForURL(`${sandbox.url}/v1/scheduled-sessions/**`)
    expect(await page.locator('#identifier').textContent()).toBe(identifier)
    const lastSegment = new URL(page.url()).pathname.split('/').pop()!
    expect(decodeURIComponent(lastSegment)).toBe(identifier)
  })

  it('works with the keyboard alone: Tab to the button, Enter, with a visible focus ring', async () => {
    await openBrokerPage('guest')
    await expect.poll(() => bookButtonFor('Morning swim').getAttribute('data-state')).toBe('bookable')
    await page.keyboard.press('Tab') // the page's own link comes first
    await page.keyboard.press('Tab')
    const focused = page.locator(':focus')
    expect(await focused.textContent()).toBe('Book')
    expect(await focused.evaluate((element) => element.closest('li')?.querySelector('h2')?.textContent)).toBe('Morning swim')
    expect(await focused.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid')
    await page.screenshot({ path: here('../../test-results/broker-page-focus.png') })
    await page.keyboard.press('Enter')
    await page.waitForURL(`${sandbox.url}/v1/scheduled-sessions/**`)
    expect(await page.locator('#identifier').textContent()).toBe('https://opendata.fusion-lifestyle.com/OpenActive/api/scheduled-sessions/310003324')
  })
})

describe('given authenticated mode', () => {
  it('sends one POST with the bearer token and lands on the returned target', async () => {
    await openBrokerPage('authenticated')
    const before = sandbox.requests.length
    const button = bookButtonFor('Morning swim', 'button')
    await expect.poll(() => button.getAttribute('data-state')).toBe('bookable')
    await button.click()
    await page.waitForURL(`${sandbox.url}/checkout/**`)

    const posts = sandbox.requests.slice(before).filter((request) => request.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]!.headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN}`)
    expect(JSON.parse(posts[0]!.body)['imin:initialOrder'].orderedItem[0].orderedItem.identifier).toBe(
      'https://opendata.example.org/api/scheduled-sessions/310003324',
    )
    expect(await page.locator('#identifier').textContent()).toBe('https://opendata.example.org/api/scheduled-sessions/310003324')
    expect(await page.locator('#customer-email').textContent()).toBe('ada@example.org')
  })

  it('works with the keyboard alone', async () => {
    await openBrokerPage('authenticated')
    const button = bookButtonFor('Morning swim', 'button')
    await expect.poll(() => button.getAttribute('data-state')).toBe('bookable')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-state'))).toBe('bookable')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${sandbox.url}/checkout/**`)
  })

  it('does not follow a hostile target, and says so', async () => {
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await openBrokerPage('authenticated')
    const pageUrl = page.url()
    const button = bookButtonFor('Dodgy swim', 'button')
    await expect.poll(() => button.getAttribute('data-state')).toBe('bookable')
    await button.click()
    await expect.poll(() => button.getAttribute('data-state')).toBe('error')
    // Retrying cannot make the answer safe: no "Try again".
    expect(await button.textContent()).toBe('Booking unavailable')
    expect(await button.getAttribute('aria-disabled')).toBe('true')
    expect(await page.getByRole('status').filter({ hasText: 'unexpected address' }).count()).toBe(1)
    expect(page.url()).toBe(pageUrl)
    expect(dialogs).toEqual([])
  })
})

describe('given the standalone route', () => {
  const posts = (since: number) => sandbox.requests.slice(since).filter((request) => request.method === 'POST')

  it('sends the open-data @id to Standalone Checkout and lands on the page it returns', async () => {
    await openBrokerPage('standalone')
    const before = sandbox.requests.length
    const button = bookButtonFor('Lane swim', 'button')
    await expect.poll(() => button.getAttribute('data-state')).toBe('bookable')
    await button.click()
    await page.waitForURL(`${sandbox.url}/opendata/**`)

    expect(posts(before)).toHaveLength(1)
    expect(posts(before)[0]!.path).toBe('/checkout-sessions')
    expect(posts(before)[0]!.headers.authorization).toBeUndefined()
    expect(await page.locator('#id').textContent()).toBe('https://opendata.example.org/api/scheduled-sessions/310003324')
  })

  it('creates one session for a burst of double clicks while it is pending', async () => {
    await openBrokerPage('standalone')
    const before = sandbox.requests.length
    const button = bookButtonFor('Slow swim', 'button')
    await expect.poll(() => button.getAttribute('data-state')).toBe('bookable')
    await button.dblclick()
    await expect.poll(() => button.getAttribute('data-state')).toBe('pending')
    // Playwright waits for an aria-disabled control to be enabled; a person clicks it anyway.
    await button.dblclick({ force: true })
    await page.waitForURL(`${sandbox.url}/opendata/**`)
    expect(posts(before)).toHaveLength(1)
    expect(await page.locator('#id').textContent()).toBe('https://opendata.example.org/api/scheduled-sessions/sandbox:slow')
  })
})

describe('given the pending state', () => {
  it('keeps the button’s width and shows an indicator that does not move under reduced motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await openBrokerPage('authenticated')
    const button = bookButtonFor('Busy swim', 'button')
    await expect.poll(() => button.getAttribute('data-state')).toBe('bookable')
    const before = await button.boundingBox()
    await button.click()
    await expect.poll(() => button.getAttribute('data-state')).toBe('pending')
    expect(await button.boundingBox()).toEqual(before)
    const indicator = button.locator('.obb-indicator')
    expect(await indicator.isVisible()).toBe(true)
    expect(await indicator.evaluate((element) => getComputedStyle(element).animationName)).toBe('none')

    await page.emulateMedia({ reducedMotion: 'no-preference' })
    expect(await indicator.evaluate((element) => element.getAnimations().length)).toBe(1)
  })
})

describe('given the operating system in dark mode', () => {
  const bookBackground = () => bookButtonFor('Morning swim').evaluate((element) => getComputedStyle(element).backgroundColor)

  it.each([
    ['no data-theme', undefined, 'rgb(11, 95, 255)'],
    ['data-theme="light"', 'light', 'rgb(11, 95, 255)'],
    ['data-theme="auto"', 'auto', 'rgb(109, 157, 255)'],
    ['data-theme="dark"', 'dark', 'rgb(109, 157, 255)'],
  ] as const)('with %s the buttons are %s', async (_, theme, background) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await openBrokerPage('guest', theme)
    await expect.poll(() => bookButtonFor('Morning swim').getAttribute('data-state')).toBe('bookable')
    expect(await bookBackground()).toBe(background)
  })

  it('follows a light OS under data-theme="auto"', async () => {
    await page.emulateMedia({ colorScheme: 'light' })
    await openBrokerPage('guest', 'auto')
    await expect.poll(() => bookButtonFor('Morning swim').getAttribute('data-state')).toBe('bookable')
    expect(await bookBackground()).toBe('rgb(11, 95, 255)')
  })
})
