/**
 * The Authenticated Checkout request body, in one place: built from a request
 * in the browser, parsed back and rebuilt by the server handler.
 */
import { invalidRequest } from './checkout-error.js'
import { isSecureUrl } from './checkout-url.js'
import {
  isObject,
  opportunityType,
  parentReference,
  publicAdultOffer,
  readId,
  readType,
  rpdeData,
  DELETED,
  type JsonObject,
  type OpportunityType,
} from '../rules/opportunity.js'

/** The customer's details, so the booker does not type them on Checkout. */
export interface Person {
  /** @defaultValue 'Person' (always sent as `Person`) */
  type?: 'Person'
  /**
   * The customer's email address; Checkout sends the confirmation there.
   * @defaultValue none (required)
   */
  email: string
  /** @defaultValue none (required) */
  givenName: string
  /** @defaultValue none (required) */
  familyName: string
  /**
   * The broker's own id for this customer.
   * @defaultValue undefined (not sent)
   */
  identifier?: string | number
}

/** The broker's customer id, or the customer's details. */
export type Customer = string | Person

/** The broker named on Checkout. */
export interface Broker {
  /** @defaultValue none (required) */
  name: string
  /**
   * The broker's home page (an http(s) URL).
   * @defaultValue none (required)
   */
  url: string
}

/** The links Checkout shows back to the broker's site (`https:` URLs; `http:` only on localhost). */
export interface NavigationLinks {
  /** @defaultValue undefined (no link) */
  backToBroker?: string
  /** @defaultValue undefined (no link) */
  backToBrokerUserProfile?: string
}

export interface CheckoutSessionRequest {
  /**
   * A ScheduledSession or Slot, bare or as an RPDE item.
   * @defaultValue none (required)
   */
  opportunity: unknown
  /**
   * Its SessionSeries or FacilityUse, bare or as an RPDE item.
   * @defaultValue the embedded `superEvent`/`facilityUse`, when it is an object
   */
  parent?: unknown
  /**
   * Who is booking. Required when posting to Checkout itself (no `endpoint`
   * option): without it, `invalid-request` and nothing is sent. Optional with
   * an `endpoint`: the `./server` handler replaces it with the customer its
   * `authorize` returns.
   * @defaultValue undefined (only with `endpoint`)
   */
  customer?: Customer
  /**
   * The broker named on Checkout. Required when posting to Checkout itself (no
   * `endpoint` option). Optional with an `endpoint`: the `./server` handler
   * always names its own broker.
   * @defaultValue undefined (only with `endpoint`)
   */
  broker?: Broker
  /**
   * The Offer to book.
   * @defaultValue the `publicAdult` offer (the parent's, or a Slot's own), else the first of the Slot's or the parent's `offers`
   */
  offerId?: string
  /**
   * The links back to the broker that Checkout shows: `https:` URLs (`http:`
   * only on localhost). The `./server` handler uses its own instead, unless it
   * is created with `allowNavigationLinksFromClient: true`.
   * @defaultValue undefined (no links)
   */
  navigationLinks?: NavigationLinks
}

/** The checked-but-untyped fields a body is built from. */
export interface CheckoutFields {
  type: OpportunityType
  identifier: unknown
  acceptedOffer: unknown
  /** Left out of the body when undefined (a body for the `./server` handler, which names its own). */
  broker?: unknown
  customer?: unknown
  navigationLinks?: unknown
}

/** Checkout's navigation links: the option's key, the name imin shows, and imin's link type. */
export const LINKS = [
  ['backToBroker', 'Back to Broker', 'https://imin.co/BackToBrokerLink'],
  ['backToBrokerUserProfile', 'Back to Broker User Profile', 'https://imin.co/BackToBrokerUserProfileLink'],
] as const

function need(condition: unknown, detail: string): asserts condition {
  if (!condition) throw invalidRequest(detail)
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

const url = (value: unknown): URL | undefined => {
  try {
    return text(value) ? new URL(value) : undefined
  } catch {
    // Not a URL: undefined.
  }
}

/** An http(s) URL, as a string. */
export const webUrl = (value: unknown): value is string => {
  const protocol = url(value)?.protocol
  return protocol === 'https:' || protocol === 'http:'
}

/** Navigation links are shown on Checkout under the broker's name: https only (http on localhost). */
export const isNavigationLink = (value: unknown) => {
  const parsed = url(value)
  return parsed !== undefined && isSecureUrl(parsed)
}

/** Throws a CheckoutError `invalid-request` unless the identifier is a non-empty string or a finite number. */
export function checkIdentifier(identifier: unknown): string | number {
  need(text(identifier) || Number.isFinite(identifier), 'The opportunity has no identifier.')
  return identifier as string | number
}

/** The opportunity's data and type, from bare data or an RPDE item. */
export function readOpportunity(value: unknown): { data: JsonObject; type: OpportunityType } {
  const data = rpdeData(value)
  const type = isObject(data) ? opportunityType(data) : null
  need(type && isObject(data), data === DELETED ? 'The opportunity was deleted.' : 'The opportunity is not a ScheduledSession or Slot.')
  return { data, type }
}

/** The customer as sent to Checkout: an id, or a Person with only the known fields. */
export function customerJson(customer: unknown): string | JsonObject {
  if (text(customer)) return customer
  need(isObject(customer), 'customer must be a customer id or a Person.')
  const { email, givenName, familyName, identifier } = customer
  need(typeof email === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email), 'customer.email is not an email address.')
  need(text(givenName) && text(familyName), 'customer.givenName and customer.familyName are required.')
  const person: JsonObject = { type: 'Person', email, givenName, familyName }
  if (identifier !== undefined) person.identifier = checkIdentifier(identifier)
  return person
}

/** Throws a CheckoutError `invalid-request` unless the broker has a name and an http(s) home page. */
export function checkBroker(broker: unknown): asserts broker is Broker {
  need(isObject(broker) && text(broker.name), 'broker.name is required.')
  need(webUrl(broker.url), 'broker.url must be an http(s) URL.')
}

/** Validates the fields and builds the body imin documents for Authenticated Checkout. */
export function checkoutBody(fields: CheckoutFields): JsonObject {
  const { broker, navigationLinks = {} } = fields
  if (broker !== undefined) checkBroker(broker)
  need(text(fields.acceptedOffer), 'No offer to book: pass offerId (the Offer `@id` from the parent\'s `imin:aggregateOffer.publicAdult`).')
  need(isObject(navigationLinks), 'navigationLinks must be an object.')
  const links = []
  for (const [key, name, linkType] of LINKS) {
    const url = navigationLinks[key]
    if (url === undefined) continue
    need(isNavigationLink(url), `navigationLinks.${key} must be an https: URL (http: only on localhost).`)
    links.push({ type: 'WebPage', name, 'imin:linkType': linkType, url })
  }
  const order: JsonObject = {
    type: 'OrderQuote',
    ...(fields.customer !== undefined && { customer: customerJson(fields.customer) }),
    ...(isObject(broker) && { broker: { type: 'Organization', name: broker.name, url: broker.url } }),
    orderedItem: [
      {
        type: 'OrderItem',
        // Sent as is: Checkout matches it against the feed, so it is never URL-encoded here.
        orderedItem: { type: fields.type, identifier: checkIdentifier(fields.identifier) },
        acceptedOffer: fields.acceptedOffer,
      },
    ],
  }
  const body: JsonObject = {
    '@context': ['https://openactive.io/', 'https://imin.co/'],
    type: 'imin:CheckoutSession',
    'imin:initialOrder': order,
  }
  if (links.length) body['imin:navigationLinks'] = links
  return body
}

const firstOfferId = (offers: unknown) => (Array.isArray(offers) ? readId(offers[0]) : undefined)

/**
 * The body for a request from the browser (or any caller of createCheckoutSession).
 * `viaEndpoint`: it goes to the broker's own backend, which supplies the
 * customer and the broker; otherwise both are required.
 */
export function requestBody(request: CheckoutSessionRequest, viaEndpoint = false): JsonObject {
  need(isObject(request), 'The request must be an object.')
  if (!viaEndpoint) {
    need(request.customer !== undefined, 'customer is required.')
    checkBroker(request.broker)
  }
  const { data, type } = readOpportunity(request.opportunity)
  const given = rpdeData(request.parent)
  const embedded = parentReference(data, type)
  const parent = isObject(given) ? given : isObject(embedded) ? embedded : undefined
  return checkoutBody({
    type,
    identifier: data.identifier,
    acceptedOffer:
      request.offerId ??
      readId(publicAdultOffer(data, type, parent)) ??
      (type === 'Slot' ? firstOfferId(data.offers) : undefined) ??
      firstOfferId(parent?.offers),
    broker: request.broker,
    customer: request.customer,
    navigationLinks: request.navigationLinks,
  })
}

/**
 * The fields of a body that createCheckoutSession sent, for the server to
 * rebuild from; anything else in the body is dropped. Values are checked when
 * checkoutBody rebuilds it.
 */
export function parseCheckoutBody(json: unknown): CheckoutFields {
  const shape = 'The body is not a checkout session for one ScheduledSession or Slot.'
  need(isObject(json) && readType(json) === 'imin:CheckoutSession', shape)
  const order = json['imin:initialOrder']
  need(isObject(order) && Array.isArray(order.orderedItem) && order.orderedItem.length === 1, shape)
  const item: unknown = order.orderedItem[0]
  need(isObject(item) && isObject(item.orderedItem), shape)
  const type = readType(item.orderedItem)
  need(type === 'ScheduledSession' || type === 'Slot', shape)
  const list = json['imin:navigationLinks'] ?? []
  need(Array.isArray(list), 'imin:navigationLinks must be a list.')
  const navigationLinks: Record<string, unknown> = {}
  for (const link of list) {
    const known = isObject(link) && LINKS.find((entry) => entry[2] === link['imin:linkType'])
    need(known, 'imin:navigationLinks holds an unknown link.')
    navigationLinks[known[0]] = link.url
  }
  return {
    type,
    identifier: item.orderedItem.identifier,
    acceptedOffer: item.acceptedOffer,
    broker: order.broker,
    customer: order.customer,
    navigationLinks,
  }
}
