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
   * `"637283497580000000"`, which `Number()` cannot tell apart). Anything without an
   * `@id`/`id`, or that throws when read, is ignored; never throws.
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

/** One RPDE item's latest version; `data` is undefined once deleted (a tombstone). */
interface ParentRecord {
  modified: unknown
  data: JsonObject | undefined
  id: string | undefined
  courts: string[] | undefined
}

const DIGITS = /^\d+$/

/** A non-negative integer as its digits, without leading zeros; else undefined. */
function digitsOf(modified: unknown): string | undefined {
  if (typeof modified === 'number') return Number.isSafeInteger(modified) && modified >= 0 ? String(modified) : undefined
  return typeof modified === 'string' && DIGITS.test(modified) ? modified.replace(/^0+(?=\d)/, '') : undefined
}

const order = (modified: unknown): number =>
  typeof modified === 'number' || (typeof modified === 'string' && modified !== '') ? Number(modified) : NaN

/**
 * RPDE `modified` is a number, often a digit string longer than a double holds
 * exactly: digits compare by length, then digit by digit; other numbers as numbers;
 * anything else as text.
 */
function isOlder(modified: unknown, current: unknown): boolean {
  if (typeof modified === 'number' && typeof current === 'number') return modified < current
  const digits = digitsOf(modified)
  const currentDigits = digitsOf(current)
  if (digits !== undefined && currentDigits !== undefined) {
    return digits.length < currentDigits.length || (digits.length === currentDigits.length && digits < currentDigits)
  }
  const a = order(modified)
  const b = order(current)
  if (a === a && b === b) return a < b
  return typeof modified === 'string' && typeof current === 'string' && modified < current
}

/** The ids of a FacilityUse's `individualFacilityUse` courts, or undefined without a list. */
function courtIds(data: JsonObject): string[] | undefined {
  const courts = data.individualFacilityUse
  if (!Array.isArray(courts)) return undefined
  const ids: string[] = []
  for (const court of courts) {
    const id = readId(court)
    if (id !== undefined) ids.push(id)
  }
  return ids
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
  // Lookup key (parent or court `@id`) -> parent data.
  const parents = new Map<string, JsonObject>()
  // RPDE `kind` -> `id` (or, for bare data, '' -> `@id`) -> latest version, so that a
  // deletion, which carries no data, still finds the `@id`s it removes.
  const records = new Map<unknown, Map<string, ParentRecord>>()
  let size = 0

  function add(item: unknown): void {
    // Read everything first, so an item that throws part-way changes nothing.
    let kind: unknown = ''
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
      const usable = parentId !== undefined && isObject(data)
      record = { modified, data: usable ? data : undefined, id: parentId, courts: usable ? courtIds(data) : undefined }
    } catch {
      return
    }
    if (key === undefined) return
    let versions = records.get(kind)
    if (!versions) records.set(kind, (versions = new Map()))
    const previous = versions.get(key)
    if (previous) {
      if (isOlder(record.modified, previous.modified)) return
      if (previous.data) {
        size--
        remove(previous.id, previous.data)
        if (previous.courts) for (const id of previous.courts) remove(id, previous.data)
      }
    }
    versions.set(key, record)
    if (record.data === undefined || record.id === undefined) return
    parents.set(record.id, record.data)
    size++
    if (record.courts) for (const id of record.courts) parents.set(id, record.data)
  }

  /** Only if it still points at this version: another record may have claimed the `@id` since. */
  function remove(id: string | undefined, data: JsonObject): void {
    if (id !== undefined && parents.get(id) === data) parents.delete(id)
  }

  function addAll(list: Iterable<unknown>): void {
    try {
      if (list == null || typeof (list as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') return
      for (const item of list) add(item)
    } catch {
      // A hostile iterable: keep what was added.
    }
  }

  function get(parentId: string): JsonObject | undefined {
    return parents.get(parentId)
  }

  /** The parent a reference (an id, or an embedded object's `@id`/`id`) names. */
  function lookup(reference: unknown): JsonObject | undefined {
    const id = readId(reference)
    return id === undefined ? undefined : parents.get(id)
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
      return undefined
    }
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
