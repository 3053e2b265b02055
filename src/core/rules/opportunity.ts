/**
 * Readers for OpenActive data as it arrives from the imin Firehose (`@id`/`@type`)
 * or imin's Events API (`id`/`type`, parents embedded). Every property may be
 * missing or of the wrong type, so each reader checks what it reads. A hostile
 * object (a throwing getter, a revoked Proxy) can still throw here: the public
 * functions catch that.
 */

/** A JSON object as parsed from a feed. */
export type JsonObject = Record<string, unknown>

/** The two kinds of bookable opportunity the Firehose carries. */
export type OpportunityType = 'ScheduledSession' | 'Slot'

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What {@link rpdeData} returns for a deleted RPDE item, which has no data. */
export const DELETED: unique symbol = Symbol('deleted')

/**
 * Takes either a bare `data` object or a whole RPDE item
 * (`{ state: 'updated' | 'deleted', kind, data }`) and returns the data, or
 * `DELETED` for a deleted item. Returns no wrapper object: it runs once per feed item.
 */
export function rpdeData(value: unknown): unknown {
  if (isObject(value) && typeof value.kind === 'string') {
    if (value.state === 'deleted') return DELETED
    if (value.state === 'updated') return value.data
  }
  return value
}

/** `@type`, else `type`. */
export function readType(object: JsonObject): unknown {
  return object['@type'] ?? object.type
}

/**
 * An id as a string: a reference itself, or an object's `@id`, else `id`.
 * Numbers count, so `14961` matches `"14961"`.
 */
export function readId(value: unknown): string | undefined {
  if (isObject(value)) value = value['@id'] ?? value.id
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}

/**
 * The opportunity's type: its `@type`/`type` when that is ScheduledSession or Slot;
 * when no type is written, ScheduledSession if it has a `superEvent`, Slot if it has
 * a `facilityUse`; otherwise null.
 */
export function opportunityType(opportunity: JsonObject): OpportunityType | null {
  const type = readType(opportunity)
  if (type === 'ScheduledSession' || type === 'Slot') return type
  if (type !== undefined) return null
  if (opportunity.superEvent !== undefined) return 'ScheduledSession'
  if (opportunity.facilityUse !== undefined) return 'Slot'
  return null
}

/**
 * The property naming the parent one level up: a ScheduledSession's SessionSeries
 * and a SessionSeries' EventSeries are `superEvent`; a Slot's FacilityUse (or
 * IndividualFacilityUse) and a court's FacilityUse are `facilityUse`.
 */
export function parentKey(type: OpportunityType): 'superEvent' | 'facilityUse' {
  return type === 'Slot' ? 'facilityUse' : 'superEvent'
}

/** Where an opportunity names (or embeds) its parent: `superEvent` or `facilityUse`. */
export function parentReference(opportunity: JsonObject, type: OpportunityType): unknown {
  return opportunity[parentKey(type)]
}

/**
 * `object[key]` when it is set (not null, nor an empty list), else the same property
 * of the parent that `object` embeds one level up (a SessionSeries' EventSeries, a
 * court's FacilityUse). Two levels at most, so a cyclic object cannot loop.
 */
export function inherited(object: JsonObject, key: string, type: OpportunityType): unknown {
  const value = object[key]
  if (value != null && !(Array.isArray(value) && value.length === 0)) return value
  const above = object[parentKey(type)]
  return isObject(above) ? above[key] : undefined
}

/**
 * Whether `parent` is the one that `reference` (an opportunity's `superEvent` or
 * `facilityUse`: an id or an embedded object) names. A Slot's FacilityUse also
 * matches through a court: one it lists in `individualFacilityUse`, or an embedded
 * IndividualFacilityUse whose own `facilityUse` is this FacilityUse.
 */
export function namesParent(reference: unknown, parent: JsonObject, type: OpportunityType): boolean {
  const referenceId = readId(reference)
  if (referenceId === undefined) return true
  const parentId = readId(parent)
  if (referenceId === parentId) return true
  if (type !== 'Slot') return false
  if (parentId !== undefined && isObject(reference) && readId(reference.facilityUse) === parentId) return true
  const courts = parent.individualFacilityUse
  return Array.isArray(courts) && courts.some((court) => readId(court) === referenceId)
}

const AGGREGATE_OFFER = 'imin:aggregateOffer'

/**
 * The `publicAdult` offer that decides bookability: the parent's
 * `imin:aggregateOffer.publicAdult`, or one level further up when the parent has no
 * `imin:aggregateOffer` (a SessionSeries' embedded EventSeries, a court's embedded
 * FacilityUse); for a Slot whose parents have none, the Slot's own. A null
 * `imin:aggregateOffer` counts as absent.
 */
export function publicAdultOffer(
  opportunity: JsonObject,
  type: OpportunityType,
  parent: JsonObject | undefined,
): JsonObject | undefined {
  let aggregate = parent === undefined ? undefined : inherited(parent, AGGREGATE_OFFER, type)
  if (aggregate == null && type === 'Slot') aggregate = opportunity[AGGREGATE_OFFER]
  if (!isObject(aggregate)) return undefined
  const publicAdult = aggregate.publicAdult
  return isObject(publicAdult) ? publicAdult : undefined
}
