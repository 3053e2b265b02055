import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useId, useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { BookButton, type BookButtonProps } from '../src/index.js'
import { scheduledSession, sessionSeries } from '../test/fixtures.js'
import { bookButtonArgTypes } from './arg-types.js'
import { CHECKOUT_HOST, NOW, iso } from './fixtures.js'

const MINUTE = 60_000

/** A session whose booking opens at `opensAt` (a PT1H window) and that starts an hour later. */
function sessionOpeningAt(opensAt: number) {
  return {
    opportunity: scheduledSession({ startDate: iso(opensAt + 60 * MINUTE), endDate: iso(opensAt + 105 * MINUTE) }),
    parent: sessionSeries({ name: 'Lunchtime spin' }, { validFromBeforeStartDate: 'PT1H' }),
  }
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', timeZone: 'Europe/London' })

/**
 * The clock is a story-level state: step it, or drag the slider, and the button
 * re-evaluates. Booking opens 30 minutes after `now` and the session starts an hour later; the slider covers two hours.
 */
function ControllableClock({ now, ...props }: BookButtonProps) {
  const start = typeof now === 'number' ? now : now instanceof Date ? now.getTime() : NOW
  const [minutes, setMinutes] = useState(0)
  const sliderId = useId()
  const clock = start + minutes * MINUTE
  const step = (delta: number) => setMinutes((value) => Math.min(120, Math.max(0, value + delta)))
  return (
    <div style={{ display: 'grid', gap: '1rem', maxWidth: '28rem' }}>
      <div style={{ display: 'grid', gap: '0.25rem' }}>
        <label htmlFor={sliderId}>Clock</label>
        <input id={sliderId} type="range" min={0} max={120} step={5} value={minutes} onChange={(event) => setMinutes(Number(event.target.value))} />
        <output htmlFor={sliderId}>{timeFormat.format(clock)}</output>
      </div>
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <button type="button" onClick={() => step(-15)}>
          Back 15 minutes
        </button>
        <button type="button" onClick={() => step(15)}>
          Forward 15 minutes
        </button>
      </div>
      <div>
        <BookButton {...props} {...sessionOpeningAt(start + 30 * MINUTE)} now={clock} />
      </div>
    </div>
  )
}

/** Real time: booking opens 3 seconds after the story renders; the button changes by itself. */
function RealTimeOpening(props: BookButtonProps) {
  const [opensAt, setOpensAt] = useState(() => Date.now() + 3000)
  const [, tick] = useState(0)
  const remaining = Math.max(0, Math.ceil((opensAt - Date.now()) / 1000))
  useEffect(() => {
    if (remaining === 0) return
    const timer = setTimeout(() => tick((count) => count + 1), 250)
    return () => clearTimeout(timer)
  })
  return (
    <div style={{ display: 'grid', gap: '1rem', justifyItems: 'start' }}>
      <p style={{ margin: 0 }}>{remaining > 0 ? `Booking opens in ${remaining} s` : 'Booking is open'}</p>
      <BookButton {...props} {...sessionOpeningAt(opensAt)} now={undefined} />
      <button type="button" onClick={() => setOpensAt(Date.now() + 3000)}>
        Start again
      </button>
    </div>
  )
}

/**
 * Time passing changes a button's state: it opens for booking, then closes when the
 * session starts. Every mounted button shares one timer that wakes exactly when the
 * next change is due.
 */
const meta = {
  title: 'Guides/Live clock',
  component: BookButton,
  args: { opportunity: {}, checkoutBaseUrl: CHECKOUT_HOST, now: NOW, onNavigate: fn(), onStateChange: fn() },
  argTypes: { ...bookButtonArgTypes, opportunity: { control: false }, parent: { control: false } },
} satisfies Meta<typeof BookButton>

export default meta
type Story = StoryObj<typeof meta>

export const ControllableClockStory: Story = {
  name: 'Controllable clock',
  globals: { mode: 'guest' },
  render: (args) => <ControllableClock key={String(args.now)} {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('link', { name: 'Opens 8 Mar 2027, 09:30' })).toHaveAttribute('data-state', 'not-yet-open')
    const forward = canvas.getByRole('button', { name: 'Forward 15 minutes' })
    await userEvent.click(forward)
    await expect(canvas.getByRole('link', { name: /^Opens/ })).toHaveAttribute('data-state', 'not-yet-open')
    await userEvent.click(forward)
    await expect(canvas.getByRole('link', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
    await expect(args.onStateChange).toHaveBeenLastCalledWith('bookable', expect.objectContaining({ bookable: true }))
    // 10:30: the session has started, so booking has closed.
    for (let step = 0; step < 4; step++) await userEvent.click(forward)
    await expect(canvas.getByRole('slider', { name: 'Clock' })).toHaveValue('90')
    await expect(canvas.getByRole('link', { name: 'Started' })).toHaveAttribute('data-state', 'started')
  },
}

export const RealTime: Story = {
  name: 'Real time (opens in 3 seconds)',
  globals: { mode: 'guest' },
  args: { now: undefined },
  argTypes: { now: { control: false } },
  render: (args) => <RealTimeOpening {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('link', { name: /^Opens/ })).toHaveAttribute('data-state', 'not-yet-open')
    await waitFor(() => expect(canvas.getByRole('link', { name: 'Book' })).toHaveAttribute('data-state', 'bookable'), { timeout: 6000 })
  },
}
