/**
 * Mounting cost of <BookButton> in a real browser: 1,000 buttons against 1,000
 * plain <a> elements with the same class and hrefs, in headless Chromium, with
 * production React and the packed package, render plus layout. The three
 * listings alternate within every round, in a rotating order, so that garbage
 * collection and CPU noise fall on all of them alike.
 */
import { mkdtempSync, rmSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build, preview } from 'vite'
import { launchChromium } from '../test/chromium.js'
import { installPackedPackage } from '../test/size/packed-install.js'
import type { Listing, MountBenchmarkPage } from './chromium-page/main.js'
import { median, printTable } from './measure.js'

const COUNT = 1_000
const ROUNDS = 30
const WARM_UP_ROUNDS = 5

export async function run(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'obb-mount-bench-'))
  const root = join(workspace, 'page')
  installPackedPackage(workspace)
  cpSync(fileURLToPath(new URL('./chromium-page/', import.meta.url)), root, { recursive: true })
  const config = { root, configFile: false as const, logLevel: 'error' as const, plugins: [react()], preview: { host: '127.0.0.1', port: 0 } }
  await build(config)
  const [server, browser] = await Promise.all([preview(config), launchChromium()])
  try {
    const page = await browser.newPage()
    await page.goto(server.resolvedUrls!.local[0]!)
    const mount = (listing: Listing) => page.evaluate((name) => (window as unknown as MountBenchmarkPage).mountListing(name), listing)

    const listings: Listing[] = ['links', 'fixed', 'live']
    const samples: Record<Listing, number[]> = { links: [], fixed: [], live: [] }
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
      for (let turn = 0; turn < listings.length; turn++) {
        const listing = listings[(round + turn) % listings.length]!
        const { ms, links } = await mount(listing)
        if (links !== COUNT) throw new Error(`The ${listing} listing rendered ${links} Book links, not ${COUNT}: the comparison would be unfair.`)
        if (round >= WARM_UP_ROUNDS) samples[listing].push(ms)
      }
    }
    const [linksMs, fixedMs, liveMs] = [median(samples.links), median(samples.fixed), median(samples.live)]
    printTable(`Mounting ${COUNT} buttons (headless Chromium ${browser.version()}, production React, render plus layout, median of ${ROUNDS})`, [
      ['1,000 plain <a> (baseline)', `${linksMs.toFixed(1)} ms`, '1.00x'],
      ['1,000 <BookButton>, fixed clock', `${fixedMs.toFixed(1)} ms`, `${(fixedMs / linksMs).toFixed(2)}x`],
      ['1,000 <BookButton>, live clock', `${liveMs.toFixed(1)} ms`, `${(liveMs / linksMs).toFixed(2)}x (target <= 1.1x)`],
    ])
  } finally {
    await Promise.all([browser.close(), server.close()])
    rmSync(workspace, { recursive: true, force: true })
  }
}
