import { isObject, opportunityType, parentReference, readId, rpdeData, type JsonObject } from './opportunity.js'

/**
 * Parents (SessionSeries, FacilityUse, IndividualFacilityUse) by `@id`, for joining
 * each ScheduledSession or Slot to its parent as a broker harvesting the Firehose must.
 */
export interface ParentIndex {
  /**
   * Adds one parent: bare data or an RPDE item. An RPDE item replaces an earlier
   * version with the same `kind` and `id` unless its `modified` is older; a `deleted`
   * item removes it. Anything without an `@id`/`id` is ignored; never throws.
   */
  add(item: unknown): void
  /** Adds each parent in order, as {@link ParentIndex.add} does. */
  addAll(items: Iterable<unknown>): void
  /**
   * The parent whose `@id` is `parentId`, or the FacilityUse that lists it as one of
   * its `individualFacilityUse` courts; undefined when not (yet) indexed.
   */
  get(parentId: string): JsonObject | undefined
  /**
   * The parent of a ScheduledSession (`superEvent`) or Slot (`facilityUse`), bare or
   * RPDE-wrapped; undefined when the reference is missing or the parent has not
   * arrived (children often arrive before their parents).
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

const order = (modified: unknown): number =>
  typeof modified === 'number' || (typeof modified === 'string' && modified !== '') ? Number(modified) : NaN

/** RPDE `modified` is a number, sometimes a numeric string; anything else compares as text. */
function isOlder(modified: unknown, current: unknown): boolean {
  const a = order(modified)
  const b = order(current)
  if (a === a && b === b) return a < b
  return typeof modified === 'string' && typeof current === 'string' && modified < current
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
    const data = rpdeData(item)
    const parentId = readId(data)
    let kind: unknown = ''
    let key = parentId
    let modified: unknown
    if (data !== item) {
      const rpde = item as JsonObject
      const id = rpde.id
      kind = rpde.kind
      modified = rpde.modified
      if (typeof id === 'string' || typeof id === 'number') key = String(id)
    }
    if (key === undefined) return
    let versions = records.get(kind)
    if (!versions) records.set(kind, (versions = new Map()))
    const previous = versions.get(key)
    if (previous) {
      if (isOlder(modified, previous.modified)) return
      if (previous.data) {
        size--
        remove(previous.id, previous.data)
        if (previous.courts) for (const id of previous.courts) remove(id, previous.data)
      }
    }
    // A malformed newer version still supersedes the old one: its parent is then missing.
    const record: ParentRecord = { modified, data: undefined, id: parentId, courts: undefined }
    versions.set(key, record)
    if (parentId === undefined || !isObject(data)) return
    record.data = data
    parents.set(parentId, data)
    size++
    const courts = data.individualFacilityUse
    if (!Array.isArray(courts)) return
    record.courts = []
    for (const court of courts) {
      const courtId = readId(court)
      if (courtId === undefined) continue
      record.courts.push(courtId)
      parents.set(courtId, data)
    }
  }

  /** Only if it still points at this version: another record may have claimed the `@id` since. */
  function remove(id: string | undefined, data: JsonObject): void {
    if (id !== undefined && parents.get(id) === data) parents.delete(id)
  }

  function addAll(list: Iterable<unknown>): void {
    if (list == null || typeof (list as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') return
    for (const item of list) add(item)
  }

  function get(parentId: string): JsonObject | undefined {
    return parents.get(parentId)
  }

  function parentOf(opportunity: unknown): JsonObject | undefined {
    const data = rpdeData(opportunity)
    if (!isObject(data)) return undefined
    const type = opportunityType(data)
    if (type === null) return undefined
    const reference = parentReference(data, type)
    // imin's Events API embeds the parent; its `@id`/`id` still names the indexed one.
    return get(typeof reference === 'string' ? reference : (readId(reference) as string))
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
