/**
 * The bundled sample Firehose, for stories: load it, or join each child to its parent
 * as a broker's listing page would.
 */
import { createParentIndex } from '../../src/core/rules/parent-index.js'
import type { JsonObject } from '../../src/core/rules/opportunity.js'
import firehose from './firehose.json'
import type { FirehoseSample, RpdeItem } from './generate-firehose.js'

export { SAMPLE_NOW } from './generate-firehose.js'
export type { FirehoseSample, RpdeItem } from './generate-firehose.js'

/** One row of a listing: a ScheduledSession or Slot and its parent, if it has arrived. */
export interface ListingEntry {
  opportunity: JsonObject
  parent: JsonObject | undefined
}

/** The sample as parsed from stories/data/firehose.json. Shared: do not mutate it. */
export function loadSampleFirehose(): FirehoseSample {
  // Typed by hand: inferring a 300 KB literal type would slow the type checker for nothing.
  return firehose as unknown as FirehoseSample
}

/**
 * Every live child joined to its parent: the latest version of each child RPDE item,
 * deletions dropped, in feed order. Orphans are kept with `parent: undefined`, so the
 * listing can show them as not bookable.
 */
export function createSampleListing(sample: FirehoseSample = loadSampleFirehose()): ListingEntry[] {
  const parents = createParentIndex(sample.parents)
  const latest = new Map<string, RpdeItem>()
  for (const item of sample.children) {
    const key = `${item.kind} ${item.id}`
    const previous = latest.get(key)
    if (!previous || previous.modified <= item.modified) latest.set(key, item)
  }
  const listing: ListingEntry[] = []
  for (const item of latest.values()) {
    if (item.state === 'updated' && item.data) listing.push({ opportunity: item.data, parent: parents.parentOf(item) })
  }
  return listing
}
