/**
 * `npm run size` (part of `npm test`): what a broker's page pays for this
 * package, as the difference between fixture apps that differ only in how they
 * render the Book link. Fails when a figure exceeds its budget, or when the
 * guest listing does not build in an app that has no React Query installed.
 */
import { weighApps } from './measure-apps.js'
import { stripVTControlCharacters } from 'node:util'
import { BROKER_APP_PACKAGES } from './packed-install.js'

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

const withoutReactQuery = BROKER_APP_PACKAGES.filter((name) => name !== '@tanstack/react-query')
const [weights, guestWithoutReactQuery] = await Promise.all([
  weighApps(['links', 'links-react-query', 'guest', 'authenticated', 'rules']),
  weighApps(['guest'], withoutReactQuery).then(
    () => undefined,
    (error: Error) => firstBuildError(error),
  ),
])

/** The first of the bundler's errors, e.g. `[MISSING_EXPORT] "QueryClient" is not exported by …`. */
function firstBuildError(error: Error): string {
  const lines = stripVTControlCharacters(error.message).split('\n').map((line) => line.trim())
  return lines.find((line) => /^\[[A-Z_]+\]/.test(line)) ?? lines[0]!
}

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

console.log(`A guest listing in an app without @tanstack/react-query: ${guestWithoutReactQuery ? `does not build (${guestWithoutReactQuery})` : 'builds'}`)

const over = rows.filter((row) => row.over)
if (over.length) {
  console.error(`\n${over.length} size budget(s) exceeded: ${over.map((row) => row.what).join('; ')}`)
  process.exitCode = 1
}
if (guestWithoutReactQuery) {
  console.error('\nGuest links must not need React Query: it is an optional peer that only the checkout routes use.')
  process.exitCode = 1
}
