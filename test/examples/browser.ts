/** Helpers for driving the examples in Chromium: every page's console is collected, so no error goes unseen. */
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'
import { launchChromium } from '../chromium.js'
import type { ExampleName } from './stack.js'

export const stack = () => inject('examples')

/** The URL of a running example; fails with the build's own output when it did not start. */
export function exampleUrl(name: ExampleName): string {
  const { urls, steps } = stack()
  const url = urls[name]
  if (!url) {
    const failed = Object.entries(steps).filter(([key, step]) => key.startsWith(name) && !step.ok)
    throw new Error(`${name} is not running.\n${failed.map(([key, step]) => `${key}:\n${step.output}`).join('\n') || 'It was not built.'}`)
  }
  return url
}

/** Asserts a build step passed, showing its output when it did not. */
export function expectStep(key: string) {
  const step = stack().steps[key]
  expect(step, `no step "${key}" ran`).toBeDefined()
  expect(step!.ok, step!.output).toBe(true)
}

export interface Visit {
  page: Page
  /** Console errors and warnings, and uncaught exceptions, while the page shows the example (not the sandbox Checkout). */
  problems: string[]
  context: BrowserContext
}

export async function newVisit(browser: Browser, example: ExampleName): Promise<Visit> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems: string[] = []
  const onExample = () => page.url().startsWith(exampleUrl(example))
  page.on('console', (message: ConsoleMessage) => {
    if (onExample() && (message.type() === 'error' || message.type() === 'warning'))
      problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => {
    if (onExample()) problems.push(`uncaught: ${error.message}`)
  })
  return { page, problems, context }
}

/** One Chromium for the whole test file: call at the top of the file, then `browser()` in each test. */
export function chromiumForThisFile(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())
  return () => browser!
}

/** The list item for a session, found by its heading, as a visitor scans the page. */
export const sessionItem = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) })
