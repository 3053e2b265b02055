import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { BookButton } from '../src/index.js'
import { bookButtonArgTypes } from './arg-types.js'
import { CHECKOUT_HOST, NOW, examples } from './fixtures.js'
import { expectNotBookable, findControl } from './play-helpers.js'

/**
 * One story per state. Each shows the button for one opportunity at a fixed clock
 * (8 March 2027, 09:00 UTC); its play function checks what a user would meet.
 * Flip the Mode toolbar to see the same states as authenticated buttons.
 */
const meta = {
  title: 'BookButton/States',
  component: BookButton,
  tags: ['autodocs'],
  args: {
    ...examples.bookable,
    checkoutBaseUrl: CHECKOUT_HOST,
    now: NOW,
    onNavigate: fn(),
    onStateChange: fn(),
    onCheckoutCreated: fn(),
    onError: fn(),
  },
  argTypes: bookButtonArgTypes,
} satisfies Meta<typeof BookButton>

export default meta
type Story = StoryObj<typeof meta>

/** A guest link: a real `<a href>` to imin's guest Checkout for exactly this identifier. */
export const BookableGuestLink: Story = {
  globals: { mode: 'guest' },
  play: async ({ canvasElement, args }) => {
    const link = within(canvasElement).getByRole('link', { name: 'Book' })
    const guestPage = `https://${CHECKOUT_HOST}/v1/scheduled-sessions/${encodeURIComponent('https://opendata.example.org/api/scheduled-sessions/42')}`
    await expect(link).toHaveAttribute('href', guestPage)
    await expect(link).toHaveAttribute('data-state', 'bookable')
    await expect(link).not.toHaveAttribute('aria-disabled')
    await userEvent.click(link)
    // onNavigate takes over the plain click, so the story stays on the page.
    await expect(args.onNavigate).toHaveBeenCalledWith(guestPage)
  },
}

/** Booking opens later: the label says when, in the venue's time zone. */
export const NotYetOpen: Story = {
  args: examples['not-yet-open'],
  play: async (context) => {
    await expectNotBookable(context, 'Opens 11 Mar 2027, 09:00', 'not-yet-open')
  },
}

export const Started: Story = {
  args: examples.started,
  play: async (context) => {
    await expectNotBookable(context, 'Started', 'started')
  },
}

/** Online booking closed before the start: `validThroughBeforeStartDate` P3D, and the session starts in 2 days. */
export const BookingClosed: Story = {
  args: examples['booking-closed'],
  play: async (context) => {
    await expectNotBookable(context, 'Booking closed', 'booking-closed')
  },
}

export const Full: Story = {
  args: examples.full,
  play: async (context) => {
    await expectNotBookable(context, 'Full', 'full')
  },
}

export const Cancelled: Story = {
  args: examples.cancelled,
  play: async (context) => {
    await expectNotBookable(context, 'Cancelled', 'cancelled')
  },
}

/** A juniors-only series has no public adult offer to book online. */
export const ChildOnly: Story = {
  args: examples['no-adult-offer'],
  play: async (context) => {
    await expectNotBookable(context, 'Juniors only', 'no-adult-offer')
  },
}

/** The public adult offer is not flagged bookable. */
export const OfferUnavailable: Story = {
  args: examples['offer-unavailable'],
  play: async (context) => {
    await expectNotBookable(context, 'Not bookable online', 'offer-unavailable')
  },
}

/** The session itself is not flagged bookable. */
export const OpportunityUnavailable: Story = {
  args: examples['opportunity-unavailable'],
  play: async (context) => {
    await expectNotBookable(context, 'Unavailable', 'opportunity-unavailable')
  },
}

/** The booking window (`validFromBeforeStartDate`) is not a duration. */
export const InvalidBookingWindow: Story = {
  args: examples['invalid-booking-window'],
  play: async (context) => {
    await expectNotBookable(context, 'Booking times unclear', 'invalid-booking-window')
  },
}

/** The session arrived before its SessionSeries: nothing to check it against yet. */
export const MissingParent: Story = {
  args: examples['missing-parent'],
  play: async (context) => {
    await expectNotBookable(context, 'Details missing', 'missing-parent')
  },
}

/** The parent given is not the one the session names. */
export const ParentMismatch: Story = {
  args: examples['parent-mismatch'],
  play: async (context) => {
    await expectNotBookable(context, "Details don't match", 'parent-mismatch')
  },
}

/** Data the rules cannot read (here, a start date that is not a date). */
export const InvalidData: Story = {
  args: examples['invalid-opportunity'],
  play: async (context) => {
    await expectNotBookable(context, 'Listing unreadable', 'invalid-opportunity')
  },
}

/** An RPDE tombstone: the session was removed from the feed. */
export const Deleted: Story = {
  args: examples.deleted,
  play: async (context) => {
    await expectNotBookable(context, 'No longer listed', 'deleted')
  },
}

/** A guest link that cannot be built safely (here, an `http:` Checkout host) says so rather than linking anywhere. */
export const GuestLinkMisconfigured: Story = {
  globals: { mode: 'guest' },
  args: { checkoutBaseUrl: 'http://checkout.example.com' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const link = canvas.getByRole('link', { name: 'Booking unavailable' })
    await expect(link).toHaveAttribute('data-state', 'error')
    await expect(link).toHaveAttribute('aria-disabled', 'true')
    await expect(link).not.toHaveAttribute('href')
    await expect(link).toHaveAccessibleDescription('This booking link is not set up correctly.')
  },
}

/** `unbookable="hide"` renders nothing for an opportunity that cannot be booked, for listings that drop them. */
export const HiddenWhenNotBookable: Story = {
  args: { ...examples.full, unbookable: 'hide' },
  play: async (context) => {
    const canvas = within(context.canvasElement)
    await expect(canvas.queryByRole('link')).toBeNull()
    await expect(canvas.queryByRole('button')).toBeNull()
  },
}

/**
 * `disabled`: not actionable for the app's own reasons ("already booked"), with `data-disabled`
 * and no `href`. `data-state` still says what the rules say.
 */
export const Disabled: Story = {
  args: { disabled: true, children: ({ label }) => `${label} (already in your basket)` },
  argTypes: { children: { control: false } },
  play: async (context) => {
    const control = await findControl(context, 'Book (already in your basket)')
    await expect(control).toHaveAttribute('data-state', 'bookable')
    await expect(control).toHaveAttribute('data-disabled')
    await expect(control).toHaveAttribute('aria-disabled', 'true')
    await expect(control).not.toHaveAttribute('href')
    await userEvent.click(control)
    await expect(context.args.onNavigate).not.toHaveBeenCalled()
  },
}

/**
 * Children, `className` and `style` may be functions of `{ state, bookability, label, isPending, isDisabled }`,
 * to decorate the default label or style by state without re-implementing either.
 */
export const CustomLabel: Story = {
  args: {
    ...examples['not-yet-open'],
    className: ({ isDisabled }) => (isDisabled ? 'is-waiting' : undefined),
    children: ({ state, bookability, label }) =>
      state === 'not-yet-open' && bookability.opensAt ? `Booking opens ${bookability.opensAt.toISOString().slice(0, 10)}` : label,
  },
  argTypes: { children: { control: false } },
  play: async (context) => {
    const control = await findControl(context, 'Booking opens 2027-03-11')
    await expect(control).toHaveAttribute('data-state', 'not-yet-open')
    await expect(control).toHaveClass('obb-button', 'is-waiting')
  },
}
