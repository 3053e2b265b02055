/**
 * Typed inputs: `opportunity` and `parent` take the loose OpenActive types, so
 * swapping them, or passing a string or a number, does not compile, while data
 * typed `any` (from `JSON.parse` or `res.json()`) compiles without a cast.
 */
import { describe, expectTypeOf, it } from 'vitest'
import {
  BookButton,
  evaluateBookability,
  guestCheckoutUrl,
  useBookability,
  type CheckoutInput,
  type FacilityUse,
  type OpportunityInput,
  type ParentInput,
  type RpdeItem,
  type ScheduledSession,
  type SessionSeries,
  type Slot,
  type UseBookabilityOptions,
} from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'

declare const session: ScheduledSession
declare const series: SessionSeries
declare const slot: Slot
declare const facility: FacilityUse
declare const sessionItem: RpdeItem<ScheduledSession>
declare const seriesItem: RpdeItem<SessionSeries>
const options = { checkoutBaseUrl: 'checkout.example.com' }

describe('given typed data', () => {
  it('takes a session or slot with its parent, bare or as RPDE items, on every entry point', () => {
    void (<BookButton opportunity={session} parent={series} />)
    void (<BookButton opportunity={slot} parent={facility} />)
    void (<BookButton opportunity={sessionItem} parent={seriesItem} />)
    void (<BookButton opportunity={session} />)
    useBookability(session, series)
    useBookability(slot, undefined)
    useCheckout({}).checkout({ opportunity: sessionItem, parent: seriesItem })
    evaluateBookability(session, series)
    guestCheckoutUrl(slot, options)
  })

  it('refuses the parent as the opportunity, and the opportunity as the parent', () => {
    // @ts-expect-error swapped
    void (<BookButton opportunity={series} parent={session} />)
    // @ts-expect-error swapped, as RPDE items
    void (<BookButton opportunity={seriesItem} parent={sessionItem} />)
    // @ts-expect-error a FacilityUse is not a Slot
    void (<BookButton opportunity={facility} parent={slot} />)
    // @ts-expect-error swapped
    useBookability(series, session)
    // @ts-expect-error swapped
    useCheckout({}).checkout({ opportunity: series, parent: session })
    // @ts-expect-error a parent written in place
    void (<BookButton opportunity={{ '@type': 'SessionSeries', superEvent: 'https://example.org/event-series/1', 'imin:aggregateOffer': {} }} />)
  })

  it('refuses a string or a number', () => {
    // @ts-expect-error an identifier is not an opportunity
    void (<BookButton opportunity="https://example.org/sessions/1" />)
    // @ts-expect-error nor is a number
    void (<BookButton opportunity={42} parent={series} />)
    // @ts-expect-error a parent is not its @id
    void (<BookButton opportunity={session} parent="https://example.org/series/1" />)
    // @ts-expect-error nor a number
    useBookability(session, 7)
    // @ts-expect-error nor a string
    useBookability('session', series)
    // @ts-expect-error nor a number
    useCheckout({}).checkout({ opportunity: 1 })
  })

  it('declares the same types on the checkout input', () => {
    expectTypeOf<CheckoutInput['opportunity']>().toEqualTypeOf<OpportunityInput>()
    expectTypeOf<CheckoutInput['parent']>().toEqualTypeOf<ParentInput | null | undefined>()
    expectTypeOf(useBookability).parameters.toEqualTypeOf<[OpportunityInput, ParentInput | null | undefined, UseBookabilityOptions?]>()
  })
})

describe('given data typed any', () => {
  it('compiles without a cast, from JSON.parse or res.json()', async () => {
    const feed = JSON.parse('{}')
    void (<BookButton opportunity={feed.items[0]} parent={feed.parents[0]} />)
    const fetched = await (await fetch('https://example.org/feed')).json()
    void (<BookButton opportunity={fetched.session} parent={fetched.series} />)
    useBookability(feed.session, fetched.series)
    useCheckout({}).checkout({ opportunity: fetched.session, parent: feed.series })
    evaluateBookability(feed.session, feed.series)
  })
})

describe('given data written as plain objects', () => {
  it("takes a top-level @type widened to string, and still tells a child from a parent by what each carries", () => {
    const offer = { '@type': 'Offer', 'imin:isPotentiallyBookable': true }
    const series = { '@type': 'SessionSeries', 'imin:aggregateOffer': { '@type': 'imin:AggregateOffer', publicAdult: offer } }
    const written = { '@type': 'ScheduledSession', startDate: '2027-03-10T18:00Z', 'imin:isPotentiallyBookable': true, remainingAttendeeCapacity: 4 }
    void (<BookButton opportunity={written} parent={series} />)
    // @ts-expect-error swapped: a session has its own flag and capacity, a series an aggregate offer
    void (<BookButton opportunity={series} parent={written} />)
    const court = { '@type': 'FacilityUse', individualFacilityUse: [{ '@id': 'court-1' }] }
    // @ts-expect-error a FacilityUse with its courts is no Slot
    void (<BookButton opportunity={court} />)
  })
})

describe('given data written in code the way the README shows', () => {
  it('keeps the literal @type through an annotation, satisfies or as const', () => {
    const annotated: ScheduledSession = { '@type': 'ScheduledSession', startDate: '2027-03-10T18:00Z' }
    const satisfying = { '@type': 'ScheduledSession', startDate: '2027-03-10T18:00Z' } satisfies ScheduledSession
    const constant = { '@type': 'SessionSeries' as const, '@id': 'https://example.org/series/1' }
    void (<BookButton opportunity={annotated} parent={constant} />)
    void (<BookButton opportunity={satisfying} parent={constant} />)
  })
})
