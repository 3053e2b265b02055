/**
 * Opportunities in every state the button knows, built with the unit tests' builders so
 * stories and tests describe the same data. The clock is fixed at NOW (2027-03-08 09:00 UTC);
 * booking opens a week before each session.
 */
import { DAY, HOUR, NOW, facilityUse, iso, scheduledSession, sessionSeries, slot } from '../test/fixtures.js'
import type { Broker, OpportunityInput, ParentInput, Person, ScheduledSession } from '../src/index.js'

export { DAY, HOUR, NOW, iso }

/** The broker's imin Checkout host in every story; MSW answers for it (see checkout-handlers.ts). */
export const CHECKOUT_HOST = 'checkout.example.com'

/** The bearer token the mocked Checkout accepts. */
export const STORY_TOKEN = 'story-token'

/** The broker's sign-in, as `getAuthToken`: switches a button to authenticated checkout. */
export const getStoryToken = () => STORY_TOKEN

export const BROKER: Broker = { name: 'Active Bristol', url: 'https://broker.example.com/' }

export const CUSTOMER: Person = { email: 'sam.patel@example.com', givenName: 'Sam', familyName: 'Patel' }

/** What a button needs to book: a ScheduledSession or Slot, and its parent. */
export interface Example {
  opportunity: OpportunityInput
  parent?: ParentInput
}

const series = sessionSeries()

/** One opportunity per state, named after the state's `data-state`. */
export const examples = {
  bookable: { opportunity: scheduledSession(), parent: series },
  'not-yet-open': {
    // Starts in 10 days; the P7D booking window opens on 11 March at 09:00 UTC.
    opportunity: scheduledSession({ startDate: iso(NOW + 10 * DAY), endDate: iso(NOW + 10 * DAY + HOUR) }),
    parent: series,
  },
  started: { opportunity: scheduledSession({ startDate: iso(NOW - HOUR / 2), endDate: iso(NOW + HOUR / 2) }), parent: series },
  // Starts in 2 days; online booking closes 3 days before the start (`validThroughBeforeStartDate`).
  'booking-closed': { opportunity: scheduledSession(), parent: sessionSeries({}, { validThroughBeforeStartDate: 'P3D' }) },
  full: { opportunity: scheduledSession({ remainingAttendeeCapacity: 0 }), parent: series },
  cancelled: { opportunity: scheduledSession({ eventStatus: 'https://schema.org/EventCancelled' }), parent: series },
  'no-adult-offer': {
    // A juniors-only series: imin lists only a publicJunior offer.
    opportunity: scheduledSession(),
    parent: sessionSeries({
      name: 'Junior swim squad',
      'imin:aggregateOffer': {
        '@type': 'imin:AggregateOffer',
        publicJunior: { '@type': 'Offer', price: 3, priceCurrency: 'GBP', 'imin:isPotentiallyBookable': true },
      },
    }),
  },
  'offer-unavailable': { opportunity: scheduledSession(), parent: sessionSeries({}, { 'imin:isPotentiallyBookable': false }) },
  'opportunity-unavailable': { opportunity: scheduledSession({ 'imin:isPotentiallyBookable': false }), parent: series },
  'invalid-booking-window': { opportunity: scheduledSession(), parent: sessionSeries({}, { validFromBeforeStartDate: 'seven days' }) },
  // The parent has not arrived in the feed yet: `superEvent` is only a URL.
  'missing-parent': { opportunity: scheduledSession(), parent: undefined },
  'parent-mismatch': { opportunity: scheduledSession(), parent: sessionSeries({ '@id': 'https://example.org/session-series/99' }) },
  'invalid-opportunity': { opportunity: scheduledSession({ startDate: 'next Tuesday' }), parent: series },
  deleted: {
    opportunity: { state: 'deleted', kind: 'ScheduledSession', id: 'scheduled-session-42', modified: 1_772_900_000_000 },
    parent: series,
  },
} satisfies Record<string, Example>

export type ExampleName = keyof typeof examples

/** A facility booking: court 1 of the sports hall, three hours from NOW. */
export const slotExample: Example = { opportunity: slot(), parent: facilityUse() }

/** A bookable session whose identifier tells the mocked Checkout how to answer (see `scenarioHandler`). */
export function scenarioExample(scenario: string): Example {
  return { opportunity: scheduledSession({ identifier: `scenario:${scenario}` }), parent: series }
}

/** A bookable session with no identifier: Checkout cannot be asked for it. */
export const noIdentifierExample: Example = { opportunity: scheduledSession({ identifier: undefined }), parent: series }

/**
 * A ScheduledSession from a publisher's own open-data feed (the standalone route):
 * no imin flags and no parent, its own `offers`, and an `@id` that Standalone
 * Checkout takes. Its last path segment tells the mocked Checkout how to answer
 * (see `standaloneScenarioHandler`); it starts in 2 days.
 */
export function openDataSession(scenario = '310003324', overrides: Record<string, unknown> = {}): ScheduledSession {
  return {
    '@context': 'https://openactive.io/',
    '@type': 'ScheduledSession',
    '@id': `https://opendata.example.org/api/scheduled-sessions/${scenario}`,
    name: 'Lane swim',
    startDate: iso(NOW + 2 * DAY),
    offers: [{ '@type': 'Offer', price: 4.5, priceCurrency: 'GBP', validFromBeforeStartDate: 'P7D' }],
    ...overrides,
  }
}
