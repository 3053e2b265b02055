/**
 * Readers for OpenActive data as it arrives from the imin Firehose (`@id`/`@type`)
 * or imin's Events API (`id`/`type`). Every property may be missing or of the
 * wrong type, so each reader checks what it reads and never throws.
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

/** Where an opportunity names (or embeds) its parent: `superEvent` or `facilityUse`. */
export function parentReference(opportunity: JsonObject, type: OpportunityType): unknown {
  return type === 'ScheduledSession' ? opportunity.superEvent : opportunity.facilityUse
}

const AGGREGATE_OFFER = 'imin:aggregateOffer'

/**
 * The `publicAdult` offer that decides bookability: the parent's
 * `imin:aggregateOffer.publicAdult`; for a Slot whose parent has no
 * `imin:aggregateOffer` at all, the Slot's own.
 */
export function publicAdultOffer(
  opportunity: JsonObject,
  type: OpportunityType,
  parent: JsonObject | undefined,
): JsonObject | undefined {
  let aggregate = parent?.[AGGREGATE_OFFER]
  if (aggregate === undefined && type === 'Slot') aggregate = opportunity[AGGREGATE_OFFER]
  if (!isObject(aggregate)) return undefined
  const publicAdult = aggregate.publicAdult
  return isObject(publicAdult) ? publicAdult : undefined
}
