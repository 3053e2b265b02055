import { isObject, opportunityType, parentReference, readId, rpdeData, type JsonObject } from './opportunity.js'

/**
 * Parents (SessionSeries, FacilityUse, IndividualFacilityUse) by `@id`, for joining
 * each ScheduledSession or Slot to its parent as a broker harvesting the Firehose must.
 */
export interface ParentIndex {
  /**
   * Adds one parent: bare data or an RPDE item. An RPDE item replaces an earlier
   * version with the same `kind` and `id` unless its `modified` is older; a `deleted`
   * item removes it. `modified` compares exactly: numbers as numbers, digit strings
   * by length then digit by digit (so `"637283497580000001"` beats
   * `"637283497580000000"`, which `Number()` cannot tell apart). Any other `modified`
   * (missing, negative, fractional, text) gives no order: the item added later wins.
   * Anything without an `@id`/`id`, or that throws when read, is ignored; never throws.
   */
  add(item: unknown): void
  /**
   * Adds each parent in order, as {@link ParentIndex.add} does. Never throws: an
   * iterable that throws part-way keeps the items before it.
   */
  addAll(items: Iterable<unknown>): void
  /**
   * The parent whose `@id` is `parentId`, or the FacilityUse that lists it as one of
   * its `individualFacilityUse` courts; undefined when not (yet) indexed.
   */
  get(parentId: string): JsonObject | undefined
  /**
   * The parent of a ScheduledSession (`superEvent`) or Slot (`facilityUse`), bare or
   * RPDE-wrapped; undefined when the reference is missing or the parent has not
   * arrived (children often arrive before their parents). A Slot on a court that
   * embeds its FacilityUse (imin's Events API) finds that FacilityUse, even when it
   * does not list its courts. Never throws.
   */
  parentOf(opportunity: unknown): JsonObject | undefined
  /** How many parents are held (courts are not counted separately). */
  readonly size: number
}

/** A parent as indexed: its `@id`, its data, and the `@id`s of the courts it lists. */
interface IndexedParent {
  id: string
  data: JsonObject
  courts: string[] | undefined
}

/** One RPDE item's latest version; `parent` is undefined once deleted (a tombstone) or when the version has no usable data. */
interface ParentRecord {
  modified: unknown
  parent: IndexedParent | undefined
}

const DIGITS = /^\d+$/

/** A non-negative integer as its digits, without leading zeros; else undefined. */
function digitsOf(modified: unknown): string | undefined {
  if (typeof modified === 'number') return Number.isSafeInteger(modified) && modified >= 0 ? String(modified) : undefined
  return typeof modified === 'string' && DIGITS.test(modified) ? modified.replace(/^0+(?=\d)/, '') : undefined
}

/**
 * RPDE `modified` is a non-negative integer, often a digit string longer than a double
 * holds exactly: two numbers compare as numbers; digits by length, then digit by digit.
 * Anything else gives no order, so the version read later wins.
 */
function isOlder(modified: unknown, current: unknown): boolean {
  if (typeof modified === 'number' && typeof current === 'number') return modified < current
  const digits = digitsOf(modified)
  const currentDigits = digitsOf(current)
  if (digits === undefined || currentDigits === undefined) return false
  return digits.length < currentDigits.length || (digits.length === currentDigits.length && digits < currentDigits)
}

/** The ids of a FacilityUse's `individualFacilityUse` courts, or undefined without a list. */
function courtIds(data: JsonObject): string[] | undefined {
  const courts = data.individualFacilityUse
  return Array.isArray(courts) ? courts.map(readId).filter((id) => id !== undefined) : undefined
}

/**
 * Creates an index of parents, optionally filled with `items`.
 *
 * @example
 * const parents = createParentIndex(sessionSeriesItems)
 * parents.add(rpdeItem) // later `modified` replaces, `deleted` removes
 * const parent = parents.parentOf(scheduledSessionItem)
 */
export function createParentIndex(items?: Iterable<unknown>): ParentIndex {
  // Lookup key (parent or court `@id`) -> parent data. It never holds undefined, so a
  // missing reference finds nothing.
  const parents = new Map<string | undefined, JsonObject>()
  // RPDE `kind` (undefined for bare data) -> `id` (else the `@id`; undefined for an item
  // with neither, which holds no parent) -> latest version, so that a deletion, which
  // carries no data, still finds the `@id`s it removes.
  const records = new Map<unknown, Map<string | undefined, ParentRecord>>()
  let size = 0

  function add(item: unknown): void {
    // Read everything first, so an item that throws part-way changes nothing.
    let kind: unknown
    let key: string | undefined
    let record: ParentRecord
    try {
      const data = rpdeData(item)
      const parentId = readId(data)
      let modified: unknown
      key = parentId
      if (data !== item) {
        const rpde = item as JsonObject
        const id = rpde.id
        kind = rpde.kind
        modified = rpde.modified
        if (typeof id === 'string' || typeof id === 'number') key = String(id)
      }
      // A malformed newer version still supersedes the old one: its parent is then missing.
      const parent = parentId !== undefined && isObject(data) ? { id: parentId, data, courts: courtIds(data) } : undefined
      record = { modified, parent }
    } catch {
      return
    }
    let versions = records.get(kind)
    if (!versions) records.set(kind, (versions = new Map()))
    const previous = versions.get(key)
    if (previous) {
      if (isOlder(record.modified, previous.modified)) return
      if (previous.parent) unindex(previous.parent)
    }
    versions.set(key, record)
    if (record.parent) index(record.parent)
  }

  function index(parent: IndexedParent): void {
    parents.set(parent.id, parent.data)
    if (parent.courts) for (const id of parent.courts) parents.set(id, parent.data)
    size++
  }

  function unindex(parent: IndexedParent): void {
    release(parent.id, parent.data)
    if (parent.courts) for (const id of parent.courts) release(id, parent.data)
    size--
  }

  /** Only if it still points at this version: another record may have claimed the `@id` since. */
  function release(id: string, data: JsonObject): void {
    if (parents.get(id) === data) parents.delete(id)
  }

  function addAll(list: Iterable<unknown>): void {
    try {
      for (const item of list) add(item)
    } catch {
      // Not iterable, or a hostile iterable: keep what was added.
    }
  }

  function get(parentId: string): JsonObject | undefined {
    return parents.get(parentId)
  }

  /** The parent a reference (an id, or an embedded object's `@id`/`id`) names. */
  function lookup(reference: unknown): JsonObject | undefined {
    return parents.get(readId(reference))
  }

  function parentOf(opportunity: unknown): JsonObject | undefined {
    try {
      const data = rpdeData(opportunity)
      if (!isObject(data)) return undefined
      const type = opportunityType(data)
      if (type === null) return undefined
      // imin's Events API embeds the parent; its `@id`/`id` still names the indexed one.
      const reference = parentReference(data, type)
      const parent = lookup(reference)
      if (parent !== undefined || type !== 'Slot' || !isObject(reference)) return parent
      return lookup(reference.facilityUse)
    } catch {
      // A child that throws when read has no parent.
    }
    return undefined
  }

  if (items !== undefined) addAll(items)
  return {
    add,
    addAll,
    get,
    parentOf,
    get size() {
      return size
    },
  }
}
