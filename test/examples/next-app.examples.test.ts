/**
 * examples/next-app: Next.js App Router, built with `next build` (which
 * type-checks it) and served by `next start`, driven in Chromium.
 */
import { describe, expect, it } from 'vitest'
import { chromiumForThisFile, exampleUrl, expectStep, newVisit, sessionItem, stack } from './browser.js'

const sunriseYoga = 'https://opendata.example.org/api/scheduled-sessions/yoga-sunrise'
const guestHref = (identifier: string | number) => `${stack().sandboxUrl}/v1/scheduled-sessions/${encodeURIComponent(identifier)}`

const browser = chromiumForThisFile()

describe('examples/next-app', () => {
  it('builds with next build', () => {
    expectStep('next-app: install')
    expectStep('next-app: next build')
  })

  it.each(['/sessions', '/timetable'])('puts the guest Checkout link in the server HTML of %s', async (path) => {
    const response = await fetch(`${exampleUrl('next-app')}${path}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`href="${guestHref(sunriseYoga)}"`)
    // Full, or not open yet: no link to follow.
    expect(html).not.toContain(`href="${guestHref(14961)}"`)
    expect(html).not.toContain(`href="${guestHref('yoga-next-week')}"`)
  })

  it('books as a guest without JavaScript', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${exampleUrl('next-app')}/sessions`)
    await sessionItem(page, 'Sunrise yoga').getByRole('link', { name: 'Book' }).click()
    await page.waitForURL(`${stack().sandboxUrl}/v1/scheduled-sessions/**`)
    expect(await page.locator('#identifier').textContent()).toBe(sunriseYoga)
    await context.close()
  })

  it.each(['/sessions', '/timetable', '/account'])('hydrates %s with no warning or error in the console', async (path) => {
    const { page, problems, context } = await newVisit(browser(), 'next-app')
    await page.goto(`${exampleUrl('next-app')}${path}`)
    const book = sessionItem(page, 'Sunrise yoga').getByRole(path === '/account' ? 'button' : 'link', { name: 'Book' })
    await expect.poll(() => book.getAttribute('data-state')).toBe('bookable')
    // Every script has loaded and run, so hydration is over.
    await page.waitForLoadState('networkidle')
    expect(problems).toEqual([])
    await context.close()
  })
})
