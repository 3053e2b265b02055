/**
 * `npm run size` (part of `npm test`): what a broker's page pays for this
 * package, as the difference between fixture apps that differ only in how they
 * render the Book link. Fails when a figure exceeds its budget.
 */
import { weighApps } from './measure-apps.js'

/**
 * Each budget: the app, the same app without the package, and the most the package may add at page load
 * (brotli, 1 kB = 1,000 B), with the most its checkout chunk may weigh when the first checkout starts.
 * The limits sit a little above today's figures, so any growth fails; README says why they are above the
 * 4.0 / 7.0 / 2.0 kB first proposed (the rules, checks and states added since).
 */
const budgets = [
  { what: 'guest listing (BookingProvider + BookButton) over plain <a> links', app: 'guest', baseline: 'links', limit: 9_000, onDemandLimit: 0 },
  { what: 'authenticated listing over the same app already using React Query', app: 'authenticated', baseline: 'links-react-query', limit: 11_000, onDemandLimit: 2_400 },
  { what: 'evaluateBookability alone over plain <a> links', app: 'rules', baseline: 'links', limit: 2_300, onDemandLimit: 0 },
] as const

// That a guest app builds and runs without React Query is proven in Chromium by test/e2e/guest-bundle.e2e.test.ts.
const weights = await weighApps(['links', 'links-react-query', 'guest', 'authenticated', 'rules'])

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
const rows = budgets.map(({ what, app, baseline, limit, onDemandLimit }) => {
  const added = weights[app].pageLoad - weights[baseline].pageLoad
  const onDemand = weights[app].onDemand
  return { what, added, limit, onDemand, over: added > limit || onDemand > onDemandLimit }
})

const table = [
  ['what the package adds to a page', 'page load', 'budget', 'loaded when a checkout starts', 'budget', ''],
  ...budgets.map(({ onDemandLimit }, index) => {
    const { what, added, limit, onDemand, over } = rows[index]!
    return [what, kB(added), kB(limit), onDemand ? kB(onDemand) : 'nothing', onDemandLimit ? kB(onDemandLimit) : 'nothing', over ? 'OVER BUDGET' : 'ok']
  }),
]
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)))
console.log('\nVite production builds of test/size/apps from the packed package; brotli of every script and stylesheet each page loads\n')
for (const row of table) console.log('  ' + row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd())
console.log('\nWhole pages: ' + Object.entries(weights).map(([app, weight]) => `${app} ${kB(weight.pageLoad)}`).join(', '))

// Development warnings stay out of a broker's production build: the package's NODE_ENV checks let the bundler drop them.
const WARNING_TEXTS = ['[openactive-book-button]', 'so no button can book', 'without `renderedAt`', 'invalid-request, and nothing was sent', 'no checkout is registered']
const leaks = Object.entries(weights).flatMap(([app, weight]) => WARNING_TEXTS.filter((text) => weight.scripts.includes(text)).map((text) => `${app}: “${text}”`))
if (leaks.length) {
  console.error(`\nDevelopment warnings in production builds: ${leaks.join('; ')}`)
  process.exitCode = 1
} else console.log(`\nNo development warning in any production build (${WARNING_TEXTS.length} texts looked for).`)

const over = rows.filter((row) => row.over)
if (over.length) {
  console.error(`\n${over.length} size budget(s) exceeded: ${over.map((row) => row.what).join('; ')}`)
  process.exitCode = 1
}
