/**
 * The example apps against the library features issue 9 added: each describe block
 * names the feature it proves (renderedAt, per-module client directives, an endpoint
 * with no broker in the browser, handlers that answer 500 instead of throwing).
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { chromiumForThisFile, exampleUrl, newVisit, sessionItem, stack } from './browser.js'
import { exampleDir } from './stack.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

const browser = chromiumForThisFile()

describe('renderedAt on BookingProvider: HTML made before a booking window opened still hydrates', () => {
  // "Yoga next week" opens a day after its HTML was rendered (at build time). The visitor's clock is past that.
  it.each(['/sessions', '/timetable', '/account'])('%s, prerendered at build time, visited after booking opened', async (path) => {
    const { page, problems, context } = await newVisit(browser(), 'next-app')
    await context.clock.install({ time: stack().nextBuiltAt + DAY + HOUR })
    const response = await page.goto(`${exampleUrl('next-app')}${path}`)
    const html = await response!.text()
    const book = sessionItem(page, 'Yoga next week').getByRole(path === '/account' ? 'button' : 'link')
    // The server HTML says it is not open yet...
    expect(html).toMatch(/data-state="not-yet-open"/)
    // ...and once hydrated, the button follows the visitor's clock.
    await expect.poll(() => book.getAttribute('data-state')).toBe('bookable')
    expect(problems).toEqual([])
    await context.close()
  })
})

describe("'use client' per module: the core works from the main entry in a server component", () => {
  it('the bookability route answers 200 with the same state from both entries', async () => {
    const { page, problems, context } = await newVisit(browser(), 'next-app')
    const response = await page.goto(`${exampleUrl('next-app')}/bookability`)
    expect(response!.status()).toBe(200)
    const cells = async (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').allTextContents()
    expect(await cells('Sunrise yoga')).toEqual(['bookable', 'bookable'])
    expect(await cells('Lunchtime yoga')).toEqual(['full', 'full'])
    expect(await cells('Yoga next week')).toEqual(['not-yet-open', 'not-yet-open'])
    expect(problems).toEqual([])
    await context.close()
  })
})

describe('the authenticated route with an endpoint needs no broker in the browser', () => {
  it.each([
    ['next-app', '/account', 'Sunrise yoga', 'https://opendata.example.org/api/scheduled-sessions/yoga-sunrise', 'grace@example.org'],
    ['vite-app', '/account', 'Early lanes', 'https://opendata.example.org/api/scheduled-sessions/310003324', 'ada@example.org'],
  ] as const)('%s: a signed-in click lands on the sandbox Checkout for the signed-in customer', async (example, path, session, identifier, email) => {
    const { page, problems, context } = await newVisit(browser(), example)
    await page.goto(`${exampleUrl(example)}${path}`)
    const book = sessionItem(page, session).getByRole('button', { name: 'Book' })
    await expect.poll(() => book.getAttribute('data-state')).toBe('bookable')
    await book.click()
    // Either it lands on Checkout, or the button says why not: fail with that reason, not a timeout.
    const failed = page.locator('[data-state="error"]').first()
    await Promise.race([page.waitForURL(`${stack().sandboxUrl}/checkout/**`), failed.waitFor()])
    if (page.url().startsWith(exampleUrl(example))) expect.fail(`The checkout failed: ${await sessionItem(page, session).textContent()}`)
    expect(await page.locator('#identifier').textContent()).toBe(identifier)
    expect(await page.locator('#customer-email').textContent()).toBe(email)
    expect(problems).toEqual([])
    await context.close()
  })
})

describe('createCheckoutSessionHandler never throws when created', () => {
  it('examples/node-server starts without its settings, and answers 500 naming none of their values', async () => {
    const server = spawn('node', ['dist/server.js'], {
      cwd: exampleDir('node-server'),
      env: { PATH: process.env.PATH, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk
          const found = /listening on (http:\/\/\S+)/.exec(output)?.[1]
          if (found) resolve(found)
        })
        server.stderr.on('data', (chunk: Buffer) => (output += chunk))
        server.once('exit', (code) => reject(new Error(`node-server exited with ${code}:\n${output}`)))
      })
      const response = await fetch(`${url}/api/checkout`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-customer-token' },
        body: '{}',
      })
      expect(response.status).toBe(500)
      expect(await response.json()).toMatchObject({ type: 'ServerMisconfiguredError' })
    } finally {
      server.kill()
    }
  })
})
