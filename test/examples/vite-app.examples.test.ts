/**
 * examples/vite-app: Vite + React + TypeScript (strict), built with `tsc
 * --noEmit` and `vite build`, served by `vite preview`, driven in Chromium.
 */
import { describe, expect, it } from 'vitest'
import { chromiumForThisFile, exampleUrl, expectStep, newVisit, sessionItem, stack } from './browser.js'

const browser = chromiumForThisFile()

describe('examples/vite-app', () => {
  it('type-checks under strict and builds with vite build', () => {
    expectStep('vite-app: install')
    expectStep('vite-app: tsc --noEmit')
    expectStep('vite-app: vite build')
  })

  it('sends a guest to the Checkout page of exactly the session clicked, with a clean console', async () => {
    const { page, problems, context } = await newVisit(browser(), 'vite-app')
    await page.goto(exampleUrl('vite-app'))
    const identifier = 'lunchtime/2?level=adv#fast lane'
    const link = sessionItem(page, 'Lunchtime lanes').getByRole('link', { name: 'Book' })
    expect(await link.getAttribute('href')).toBe(`${stack().sandboxUrl}/v1/scheduled-sessions/${encodeURIComponent(identifier)}`)
    await link.click()
    await page.waitForURL(`${stack().sandboxUrl}/v1/scheduled-sessions/**`)
    expect(await page.locator('#identifier').textContent()).toBe(identifier)
    expect(problems).toEqual([])
    await context.close()
  })

  it('says why a session cannot be booked', async () => {
    const { page, problems, context } = await newVisit(browser(), 'vite-app')
    await page.goto(exampleUrl('vite-app'))
    const full = sessionItem(page, 'Evening lanes').getByRole('link')
    await expect.poll(() => full.getAttribute('data-state')).toBe('full')
    expect(await full.getAttribute('aria-disabled')).toBe('true')
    expect(await full.getAttribute('href')).toBeNull()
    expect(await sessionItem(page, 'Lanes next fortnight').getByRole('link').getAttribute('data-state')).toBe('not-yet-open')
    expect(problems).toEqual([])
    await context.close()
  })
})
