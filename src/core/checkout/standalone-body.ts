/**
 * The Standalone Checkout request body (imin's route for brokers who process
 * OpenActive open data directly): one opportunity, named by its open-data
 * `@id`, and nothing else. Built in the browser, parsed back and rebuilt by
 * the server handler.
 */
import { invalidRequest } from './checkout-error.js'
import { readOpportunity, webUrl } from './checkout-body.js'
import { isObject, readType, type JsonObject, type OpportunityType } from '../rules/opportunity.js'

/** The body imin documents, for one opportunity; its id must be an http(s) URL. */
export function standaloneBody(type: OpportunityType, id: unknown): JsonObject {
  if (!webUrl(id)) throw invalidRequest('The opportunity\'s @id must be an http(s) URL.')
  return {
    '@context': ['https://openactive.io/', 'https://imin.co/'],
    type: 'imin:CheckoutSession',
    'imin:initialOrder': { type: 'OrderQuote', orderedItem: [{ type: 'OrderItem', orderedItem: { type, id } }] },
  }
}

/** The body for an opportunity (bare data or an RPDE item): its `@id`, else `id`. */
export function standaloneRequestBody(opportunity: unknown): JsonObject {
  const { data, type } = readOpportunity(opportunity)
  return standaloneBody(type, data['@id'] ?? data.id)
}

/** The one opportunity a Standalone body names, for the server to rebuild from; anything else is dropped. */
export function parseStandaloneBody(json: unknown): JsonObject {
  const refuse = () => invalidRequest('The body is not a checkout session for one ScheduledSession or Slot.')
  if (!isObject(json) || readType(json) !== 'imin:CheckoutSession') throw refuse()
  const order = json['imin:initialOrder']
  if (!isObject(order) || !Array.isArray(order.orderedItem) || order.orderedItem.length !== 1) throw refuse()
  const item: unknown = order.orderedItem[0]
  const opportunity = isObject(item) ? item.orderedItem : undefined
  const type = isObject(opportunity) ? readType(opportunity) : undefined
  if (!isObject(opportunity) || (type !== 'ScheduledSession' && type !== 'Slot')) throw refuse()
  return standaloneBody(type, opportunity['@id'] ?? opportunity.id)
}
