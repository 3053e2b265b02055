/**
 * createParentIndex on 100,000 parents and 100,000 child lookups, against a bare Map keyed
 * by `data['@id']` (which knows nothing of RPDE versions, deletions or courts).
 * Run: npx tsx -e "import('./bench/parent-index.ts').then(m => m.run())"
 */
import { createParentIndex } from '../src/core/rules/parent-index.js'
import { generateFirehose, type RpdeItem } from '../stories/data/generate-firehose.js'

const PARENTS = 100_000
const WARM_UP_ROUNDS = 3
const ROUNDS = 9

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

/** Median milliseconds of `task` over the measured rounds, after warming up. */
function measure(task: () => number): { ms: number; checksum: number } {
  const times: number[] = []
  let checksum = 0
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
    const start = performance.now()
    checksum = task()
    const elapsed = performance.now() - start
    if (round >= WARM_UP_ROUNDS) times.push(elapsed)
  }
  return { ms: median(times), checksum }
}

const reference = (child: RpdeItem): unknown => child.data?.superEvent ?? child.data?.facilityUse

export async function run(): Promise<void> {
  const sample = generateFirehose(1, {
    sessionSeries: PARENTS * 0.8,
    sessionsPerSeries: 1,
    facilityUses: PARENTS * 0.2,
    slotsPerFacilityUse: 1,
    orphans: 0,
  })
  const parents = sample.parents
  const children = sample.children.slice(0, PARENTS)

  const index = measure(() => createParentIndex(parents).size)
  const baselineIndex = measure(() => new Map(parents.map((item) => [item.data?.['@id'], item.data])).size)

  const parentIndex = createParentIndex(parents)
  const lookup = measure(() => {
    let found = 0
    for (const child of children) if (parentIndex.parentOf(child)) found++
    return found
  })
  const baselineMap = new Map(parents.map((item) => [item.data?.['@id'], item.data]))
  const baselineLookup = measure(() => {
    let found = 0
    for (const child of children) if (baselineMap.get(reference(child))) found++
    return found
  })

  const row = (name: string, result: { ms: number }, baseline: { ms: number }, count: number) =>
    `${name.padEnd(10)} ${result.ms.toFixed(1).padStart(7)} ms  ${((result.ms * 1e6) / count).toFixed(0).padStart(5)} ns/item` +
    `   baseline ${baseline.ms.toFixed(1).padStart(7)} ms  ${((baseline.ms * 1e6) / count).toFixed(0).padStart(5)} ns/item` +
    `   ratio ${(result.ms / baseline.ms).toFixed(2)}x`
  console.log(`parent-index: ${parents.length} parent items, ${children.length} children; median of ${ROUNDS} rounds after ${WARM_UP_ROUNDS} warm-up`)
  console.log(row('index', index, baselineIndex, parents.length))
  console.log(row('lookup', lookup, baselineLookup, children.length))
  console.log(`parents held ${index.checksum}; children joined ${lookup.checksum} (baseline, without courts: ${baselineLookup.checksum})`)
}
