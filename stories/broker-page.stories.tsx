import type { Meta, StoryObj } from '@storybook/react-vite'
import { useId, useMemo, useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { BookButton, BookingProvider, evaluateBookability, useBookingConfig, type BookButtonProps, type JsonObject } from '../src/index.js'
import { SAMPLE_NOW, createSampleListing, type ListingEntry } from './data/sample.js'
import { bookButtonArgTypes } from './arg-types.js'
import { CHECKOUT_HOST } from './fixtures.js'
import './broker-page.css'

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

/** What a listing row shows, read from the opportunity and its parent as a broker would. */
interface Row {
  key: string
  entry: ListingEntry
  type: 'ScheduledSession' | 'Slot'
  start: number
  end: number
  title: string
  details: string
}

function toRow(entry: ListingEntry): Row {
  const { opportunity, parent } = entry
  const type = opportunity['@type'] === 'Slot' ? 'Slot' : 'ScheduledSession'
  const start = Date.parse(String(opportunity.startDate))
  const end = Date.parse(String(opportunity.endDate))
  let title = text(parent?.name) ?? (type === 'Slot' ? 'Facility slot' : 'Session')
  if (type === 'Slot' && Array.isArray(parent?.individualFacilityUse)) {
    const court = parent.individualFacilityUse.find((use: unknown) => isObject(use) && use['@id'] === opportunity.facilityUse)
    if (isObject(court) && text(court.name)) title += ` · ${court.name}`
  }
  const location = isObject(parent?.location) ? text(parent.location.name) : undefined
  const aggregate = parent?.['imin:aggregateOffer']
  const adult = isObject(aggregate) && isObject(aggregate.publicAdult) ? aggregate.publicAdult : undefined
  const offers = Array.isArray(opportunity.offers) ? opportunity.offers : []
  const price = adult?.price ?? (isObject(offers[0]) ? offers[0].price : undefined)
  const spaces = type === 'Slot' ? opportunity.remainingUses : opportunity.remainingAttendeeCapacity
  const details = parent
    ? [
        location,
        typeof price === 'number' ? (price === 0 ? 'Free' : `£${price.toFixed(2)}`) : undefined,
        typeof spaces === 'number' ? `${spaces} ${spaces === 1 ? 'space' : 'spaces'} left` : undefined,
      ]
        .filter(Boolean)
        .join(' · ')
    : 'Details not received yet'
  return { key: `${type} ${String(opportunity['@id'])}`, entry, type, start, end, title, details }
}

/** The sample Firehose joined with createParentIndex, in start order; built once. */
const rows = createSampleListing()
  .map(toRow)
  .sort((a, b) => a.start - b.start)

type Kind = 'all' | 'ScheduledSession' | 'Slot'

/**
 * A broker's listing: filters, sessions and courts grouped by day, a Book button on
 * each. Shared settings go on one BookingProvider, as on a real page.
 */
function BrokerPage({ now, checkoutBaseUrl, onNavigate }: Pick<BookButtonProps, 'now' | 'checkoutBaseUrl' | 'onNavigate'>) {
  const inherited = useBookingConfig()
  const [kind, setKind] = useState<Kind>('all')
  const [bookableOnly, setBookableOnly] = useState(false)
  const [showPast, setShowPast] = useState(false)
  const kindId = useId()
  const at = now instanceof Date ? now.getTime() : (now ?? Date.now())
  const locale = inherited.locale ?? 'en-GB'
  const timeZone = inherited.timeZone ?? 'Europe/London'

  const visible = useMemo(
    () =>
      rows.filter(
        (row) =>
          (kind === 'all' || row.type === kind) &&
          (showPast || !(row.start <= at)) &&
          (!bookableOnly || evaluateBookability(row.entry.opportunity, row.entry.parent, { now: at }).bookable),
      ),
    [kind, bookableOnly, showPast, at],
  )

  const days = useMemo(() => {
    const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone })
    const groups = new Map<string, Row[]>()
    for (const row of visible) {
      const day = Number.isNaN(row.start) ? 'Date to be confirmed' : dayFormat.format(row.start)
      groups.set(day, [...(groups.get(day) ?? []), row])
    }
    return [...groups]
  }, [visible, locale, timeZone])

  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone })
  const span = (row: Row) => (Number.isNaN(row.start) ? '' : Number.isNaN(row.end) ? time.format(row.start) : `${time.format(row.start)}–${time.format(row.end)}`)

  return (
    <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={now}>
      <main className="broker-page">
        <h1>Book a session</h1>
        <form className="broker-filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor={kindId}>
            Show
            <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
              <option value="all">Sessions and courts</option>
              <option value="ScheduledSession">Sessions</option>
              <option value="Slot">Courts and pitches</option>
            </select>
          </label>
          <label className="broker-checkbox">
            <input type="checkbox" checked={bookableOnly} onChange={(event) => setBookableOnly(event.target.checked)} />
            Only what I can book now
          </label>
          <label className="broker-checkbox">
            <input type="checkbox" checked={showPast} onChange={(event) => setShowPast(event.target.checked)} />
            Include past sessions
          </label>
        </form>
        <p role="status">
          Showing {visible.length} of {rows.length}
        </p>
        {days.map(([day, dayRows]) => (
          <section key={day} className="broker-day" aria-label={day}>
            <h2>{day}</h2>
            <ul className="broker-list">
              {dayRows.map((row) => (
                <li key={row.key} className="broker-item" data-type={row.type}>
                  <span className="broker-time">{span(row)}</span>
                  <div>
                    <h3>{row.title}</h3>
                    <p>{row.details}</p>
                  </div>
                  <BookButton opportunity={row.entry.opportunity} parent={row.entry.parent} onNavigate={onNavigate} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </main>
    </BookingProvider>
  )
}

/**
 * A realistic listing from the bundled sample Firehose (stories/data/firehose.json):
 * SessionSeries with their ScheduledSessions and FacilityUses with courts and Slots,
 * each child joined to its parent with `createParentIndex()`, at the sample's clock
 * (8 March 2027, 09:00 UTC). Orphans whose parent never arrived stay listed as not bookable.
 */
const meta = {
  title: 'Examples/Broker page',
  component: BookButton,
  args: { opportunity: {}, checkoutBaseUrl: CHECKOUT_HOST, now: Date.parse(SAMPLE_NOW), onNavigate: fn() },
  argTypes: { ...bookButtonArgTypes, opportunity: { control: false }, parent: { control: false } },
  parameters: { layout: 'padded' },
  render: ({ now, checkoutBaseUrl, onNavigate }) => <BrokerPage now={now} checkoutBaseUrl={checkoutBaseUrl} onNavigate={onNavigate} />,
} satisfies Meta<typeof BookButton>

export default meta
type Story = StoryObj<typeof meta>

export const GuestLinks: Story = {
  globals: { mode: 'guest' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('heading', { level: 1, name: 'Book a session' })).toBeVisible()
    const states = () => [...canvasElement.querySelectorAll('.obb-button')].map((control) => control.getAttribute('data-state'))
    await expect(states()).toContain('bookable')
    await expect(states()).toContain('not-yet-open')
    await expect(states()).toContain('missing-parent')

    await userEvent.click(canvas.getByRole('checkbox', { name: 'Only what I can book now' }))
    await expect(new Set(states())).toEqual(new Set(['bookable']))

    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Show' }), 'Courts and pitches')
    const links = canvas.getAllByRole('link', { name: 'Book' })
    await expect(links.length).toBeGreaterThan(0)
    for (const link of links) await expect(link.getAttribute('href')).toMatch(`https://${CHECKOUT_HOST}/v1/slots/`)
    await userEvent.click(links[0]!)
    await expect(args.onNavigate).toHaveBeenCalledWith(links[0]!.getAttribute('href'))
  },
}

/** The same page for a signed-in customer: each Book button creates a checkout session. */
export const Authenticated: Story = {
  tags: ['checkout'],
  globals: { mode: 'authenticated' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Only what I can book now' }))
    await userEvent.click(canvas.getAllByRole('button', { name: 'Book' })[0]!)
    await waitFor(() => expect(args.onNavigate).toHaveBeenCalledWith(expect.stringMatching(`^https://${CHECKOUT_HOST}/checkout/`)))
  },
}
