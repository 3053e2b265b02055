/**
 * Loose OpenActive shapes for what the rules and checkout read, as the imin
 * Firehose (`@id`/`@type`) and imin's Events API (`id`/`type`) send them.
 *
 * Every field is optional and anything else is allowed, because real feeds
 * omit and add properties freely; the rules check each value they read. Any
 * `@type` string passes, so a plain object written in code compiles without
 * `as const`. What tells a child from a parent is what each carries: only a
 * child has its own bookable flag and capacity, only a parent (or a Slot) an
 * aggregate offer, only a FacilityUse its courts. So swapping `opportunity` and
 * `parent`, or passing a string or a number, fails to compile, while data typed
 * `any` (from `JSON.parse` or `res.json()`) is accepted as it is.
 */

/** A JSON-LD node: `@id`/`@type` in the Firehose, `id`/`type` in the Events API. */
interface Node<Type extends string> {
  '@type'?: Type
  type?: Type
  '@id'?: string
  id?: string
  [property: string]: unknown
}

/**
 * A node whose written type is a hint, not a check: any string passes, so an object
 * written in code (`'@type': string` once TypeScript widens it) compiles.
 */
type NestedNode<Type extends string> = Node<Type | (string & {})>

/** Properties that the named kind of node never has: they keep a child from passing as a parent, and back. */
type Without<Property extends string> = { [P in Property]?: never }

/** Neither an opportunity nor a parent is itself an RPDE item. */
type NotAnRpdeItem = Without<'data'>

/** An ISO 8601 duration such as `P7D` or `PT30M`. */
type Duration = string

/** An Offer: its price and, for imin, its booking window and bookable flag. */
export interface Offer extends NestedNode<'Offer'> {
  price?: number
  priceCurrency?: string
  /** How long before the start booking opens; `null` or missing means no lower bound. */
  validFromBeforeStartDate?: Duration | null
  /** How long before the start booking closes; missing means at the start. */
  validThroughBeforeStartDate?: Duration | null
  'imin:isPotentiallyBookable'?: boolean
}

/** imin's summary of a parent's offers: the `publicAdult` offer decides bookability. */
export interface AggregateOffer extends NestedNode<'imin:AggregateOffer'> {
  publicAdult?: Offer | null
}

/** A series of events that a SessionSeries may belong to (imin's Events API embeds it). */
export interface EventSeries extends NestedNode<'EventSeries'> {
  'imin:aggregateOffer'?: AggregateOffer | null
  offers?: Offer[]
}

/** The parent of a ScheduledSession. */
export interface SessionSeries
  extends NestedNode<'SessionSeries'>,
    NotAnRpdeItem,
    Without<'imin:isPotentiallyBookable' | 'remainingAttendeeCapacity' | 'remainingUses'> {
  identifier?: string | number
  name?: string
  'imin:aggregateOffer'?: AggregateOffer | null
  offers?: Offer[]
  /** The EventSeries above this series: an `@id`, or the object embedded. */
  superEvent?: string | EventSeries
}

/** One occurrence of a SessionSeries. */
export interface ScheduledSession
  extends NestedNode<'ScheduledSession'>,
    NotAnRpdeItem,
    Without<'imin:aggregateOffer' | 'facilityUse' | 'individualFacilityUse'> {
  identifier?: string | number
  startDate?: string
  endDate?: string
  eventStatus?: string
  remainingAttendeeCapacity?: number
  offers?: Offer[]
  'imin:isPotentiallyBookable'?: boolean
  'imin:checkoutUrlTemplate'?: string
  /** The parent SessionSeries: its `@id`, or the object embedded. */
  superEvent?: string | SessionSeries
}

/** The parent of a Slot: a bookable facility, such as a sports hall. */
export interface FacilityUse
  extends NestedNode<'FacilityUse'>,
    NotAnRpdeItem,
    Without<'imin:isPotentiallyBookable' | 'remainingAttendeeCapacity' | 'remainingUses' | 'superEvent'> {
  identifier?: string | number
  name?: string
  'imin:aggregateOffer'?: AggregateOffer | null
  offers?: Offer[]
  /** Single courts or lanes of this facility, by `@id` or embedded. */
  individualFacilityUse?: (string | IndividualFacilityUse)[]
}

/** One court or lane of a FacilityUse, which imin's Events API embeds in a Slot. */
export interface IndividualFacilityUse extends NestedNode<'IndividualFacilityUse'> {
  name?: string
  /** The FacilityUse this court belongs to: its `@id`, or the object embedded. */
  facilityUse?: string | FacilityUse
}

/** A bookable time on a FacilityUse or on one of its courts. */
export interface Slot
  extends NestedNode<'Slot'>,
    NotAnRpdeItem,
    Without<'superEvent' | 'individualFacilityUse'> {
  identifier?: string | number
  startDate?: string
  endDate?: string
  duration?: Duration
  eventStatus?: string
  remainingUses?: number
  offers?: Offer[]
  'imin:aggregateOffer'?: AggregateOffer | null
  'imin:isPotentiallyBookable'?: boolean
  'imin:checkoutUrlTemplate'?: string
  /** The FacilityUse or court: an `@id`, or the object embedded. */
  facilityUse?: string | FacilityUse | IndividualFacilityUse
}

/** An item of an RPDE feed page: a deleted item carries no `data`. */
export interface RpdeItem<T> {
  /** An RPDE item is not itself a JSON-LD node, which keeps a bare parent from passing as one. */
  '@type'?: undefined
  type?: undefined
  state?: 'updated' | 'deleted'
  kind?: string
  id?: string | number
  modified?: string | number
  data?: T
  [property: string]: unknown
}

/** What the rules and checkout take as the opportunity: a ScheduledSession or Slot, bare or as an RPDE item. */
export type OpportunityInput = ScheduledSession | Slot | RpdeItem<ScheduledSession | Slot>

/** What they take as its parent: a SessionSeries or FacilityUse, bare or as an RPDE item. */
export type ParentInput = SessionSeries | FacilityUse | RpdeItem<SessionSeries | FacilityUse>
