/**
 * Mounting cost of <BookButton> against the cheapest possible listing: the same
 * number of plain <a> elements with the same hrefs, in the same run. Uses the
 * built package (dist), as brokers do, in jsdom.
 */
import { JSDOM } from 'jsdom'
import { median, printTable, time } from './measure.js'

const COUNT = 1_000
const ROUNDS = 25
const NOW = Date.parse('2027-03-08T09:00:00Z')

export async function run(): Promise<void> {
  const dom = new JSDOM('<!doctype html><html><body></body></html>')
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator })
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: false })

  // Count the timers the page holds, through the globals the library's clock uses.
  const pending = new Set<unknown>()
  const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = globalThis
  globalThis.setTimeout = ((handler: () => void, ms?: number) => {
    const id = realSetTimeout(() => {
      pending.delete(id)
      handler()
    }, ms)
    pending.add(id)
    return id
  }) as typeof setTimeout
  globalThis.clearTimeout = ((id: ReturnType<typeof setTimeout>) => {
    pending.delete(id)
    realClearTimeout(id)
  }) as typeof clearTimeout

  const { createElement: h } = await import('react')
  const { flushSync } = await import('react-dom')
  const { createRoot } = await import('react-dom/client')
  const { BookButton, BookingProvider, guestCheckoutUrl } = await import('../dist/index.js')

  const sessions = Array.from({ length: COUNT }, (_, index) => ({
    opportunity: {
      '@type': 'ScheduledSession' as const,
      identifier: `https://opendata.example.org/api/scheduled-sessions/${index}`,
      superEvent: 'https://example.org/session-series/1',
      startDate: new Date(NOW + (index + 1) * 3_600_000).toISOString(),
      remainingAttendeeCapacity: index % 10,
      'imin:isPotentiallyBookable': true,
    },
  }))
  const parent = {
    '@type': 'SessionSeries' as const,
    '@id': 'https://example.org/session-series/1',
    'imin:aggregateOffer': { publicAdult: { '@id': 'offer', 'imin:isPotentiallyBookable': true, validFromBeforeStartDate: 'P7D' } },
  }
  const checkoutBaseUrl = 'checkout.example.com'
  const hrefs = sessions.map(({ opportunity }) => guestCheckoutUrl(opportunity, { checkoutBaseUrl }))

  const mount = (tree: ReturnType<typeof h>) => {
    const container = document.createElement('div')
    document.body.append(container)
    const root = createRoot(container)
    const ms = time(() => flushSync(() => root.render(tree)))
    return { ms, unmount: () => (root.unmount(), container.remove()) }
  }

  const plainLinks = () => h('ul', null, hrefs.map((href, index) => h('li', { key: index }, h('a', { href, className: 'obb-button' }, 'Book'))))
  const buttons = (now?: number) =>
    h(
      BookingProvider,
      { checkoutBaseUrl, now },
      h('ul', null, sessions.map(({ opportunity }, index) => h('li', { key: index }, h(BookButton, { opportunity, parent })))),
    )

  // Rounds alternate between the three trees, so that garbage collection and CPU noise fall on all of them alike.
  const trees = { links: plainLinks, fixed: () => buttons(NOW), live: () => buttons() }
  const samples: Record<keyof typeof trees, number[]> = { links: [], fixed: [], live: [] }
  for (let round = 0; round < ROUNDS + 3; round++) {
    for (const name of Object.keys(trees) as (keyof typeof trees)[]) {
      const { ms, unmount } = mount(trees[name]())
      unmount()
      if (round >= 3) samples[name].push(ms) // the first rounds warm up the JIT
    }
  }
  const [linksMs, buttonsMs, liveMs] = [median(samples.links), median(samples.fixed), median(samples.live)]

  const live = mount(buttons())
  const timers = pending.size
  live.unmount()

  printTable(`Mounting ${COUNT} buttons (jsdom, median of ${ROUNDS})`, [
    ['1,000 plain <a> (baseline)', `${linksMs.toFixed(1)} ms`, '1.00x'],
    ['1,000 <BookButton>, fixed clock', `${buttonsMs.toFixed(1)} ms`, `${(buttonsMs / linksMs).toFixed(2)}x (target <= 3x)`],
    ['1,000 <BookButton>, live clock', `${liveMs.toFixed(1)} ms`, `${(liveMs / linksMs).toFixed(2)}x (target <= 3x)`],
    ['pending timers with 1,000 live buttons', String(timers), '(target 1)'],
  ])
  dom.window.close()
}
