/**
 * Finds a Chromium the machine already has: `CHROMIUM_PATH`, then Debian's
 * `/usr/bin/chromium`, then Playwright's own cache. Nothing is downloaded.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export const NO_CHROMIUM =
  'No Chromium found for the real-browser tests. Install one: `sudo apt-get install chromium` on Debian or Ubuntu, ' +
  'or `npx playwright install chromium` elsewhere, or set CHROMIUM_PATH to a Chromium or Chrome executable.'

/** The first Chromium that exists, or undefined. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', safely(() => chromium.executablePath())]
  return candidates.find((path): path is string => !!path && existsSync(path))
}

export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error(NO_CHROMIUM)
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
}

function safely(read: () => string): string | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}
