/**
 * `npm run size` (part of `npm test`): what a broker's page pays for this
 * package, as the difference between fixture apps that differ only in how they
 * render the Book link. Fails when a figure exceeds its budget.
 */
import { weighApps } from './measure-apps.js'

/** Each budget: the app, the same app without the package, and the most the package may add (brotli, 1 kB = 1,000 B). */
const budgets = [
  { what: 'guest listing (BookingProvider + BookButton) over plain <a> links', app: 'guest', baseline: 'links', limit: 4_000 },
  { what: 'authenticated listing over the same app already using React Query', app: 'authenticated', baseline: 'links-react-query', limit: 7_000 },
  { what: 'evaluateBookability alone over plain <a> links', app: 'rules', baseline: 'links', limit: 2_000 },
] as const

const weights = await weighApps(['links', 'links-react-query', 'guest', 'authenticated', 'rules'])

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
const rows = budgets.map(({ what, app, baseline, limit }) => {
  const added = weights[app].pageLoad - weights[baseline].pageLoad
  return { what, added, limit, onDemand: weights[app].onDemand, over: added > limit }
})

const table = [
  ['what the package adds to a page', 'page load', 'budget', 'loaded when a checkout starts', ''],
  ...rows.map(({ what, added, limit, onDemand, over }) => [what, kB(added), kB(limit), onDemand ? kB(onDemand) : 'nothing', over ? 'OVER BUDGET' : 'ok']),
]
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)))
console.log('\nVite production builds of test/size/apps from the packed package; brotli of every script and stylesheet each page loads\n')
for (const row of table) console.log('  ' + row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd())
console.log('\nWhole pages: ' + Object.entries(weights).map(([app, weight]) => `${app} ${kB(weight.pageLoad)}`).join(', '))

const over = rows.filter((row) => row.over)
if (over.length) {
  console.error(`\n${over.length} size budget(s) exceeded: ${over.map((row) => row.what).join('; ')}`)
  process.exitCode = 1
}
