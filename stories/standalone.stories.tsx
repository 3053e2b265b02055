import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { BookButton } from '../src/index.js'
import { bookButtonArgTypes } from './arg-types.js'
import { standaloneHandlers, standaloneTarget } from './checkout-handlers.js'
import { CHECKOUT_HOST, DAY, NOW, iso, openDataSession } from './fixtures.js'

/**
 * Standalone Checkout: for brokers who process OpenActive open data from publishers'
 * own feeds. With `route="standalone"`, the button POSTs the opportunity's open-data
 * `@id` to imin's Standalone Checkout (here, Mock Service Worker answering as imin
 * would) and sends the browser to the page it returns. There are no imin flags and
 * no parent: bookability comes from the open-data rules (`rules: 'open-data'`), the
 * booking window of each Offer in `offers`. Each story picks one answer with
 * `parameters.msw.handlers.standalone`.
 */
const meta = {
  title: 'BookButton/Standalone checkout',
  component: BookButton,
  tags: ['autodocs', 'checkout'],
  args: {
    route: 'standalone',
    opportunity: openDataSession(),
    checkoutBaseUrl: CHECKOUT_HOST,
    now: NOW,
    onNavigate: fn(),
    onCheckoutCreated: fn(),
    onError: fn(),
  },
  argTypes: bookButtonArgTypes,
  parameters: { msw: { handlers: { standalone: standaloneHandlers.success } } },
} satisfies Meta<typeof BookButton>

export default meta
type Story = StoryObj<typeof meta>

const id = 'https://opendata.example.org/api/scheduled-sessions/310003324'

/** A `<button>`: press Enter, and the Checkout page for this open-data `@id` opens (here, `onNavigate` receives it). */
export const BookableStandalone: Story = {
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Book' })
    await expect(button).toHaveAttribute('type', 'button')
    await expect(button).toHaveAttribute('data-state', 'bookable')
    await userEvent.tab()
    await expect(button).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(args.onNavigate).toHaveBeenCalledWith(standaloneTarget(id)))
    await expect(args.onCheckoutCreated).toHaveBeenCalledWith({ target: standaloneTarget(id) })
    await expect(args.onError).not.toHaveBeenCalled()
  },
}

/**
 * Checkout answers after a pause: pending, then on to Checkout. A double click makes
 * one session, and the button stays pending while the page navigates.
 */
export const SlowStandalone: Story = {
  parameters: { msw: { handlers: { standalone: standaloneHandlers.slow } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.dblClick(canvas.getByRole('button', { name: 'Book' }))
    const pending = await canvas.findByRole('button', { name: 'Opening checkout…' })
    await expect(pending).toHaveAttribute('aria-busy', 'true')
    await waitFor(() => expect(args.onNavigate).toHaveBeenCalledWith(standaloneTarget(id)), { timeout: 3000 })
    await userEvent.dblClick(pending)
    await expect(pending).toHaveAttribute('data-state', 'pending')
    await expect(args.onCheckoutCreated).toHaveBeenCalledTimes(1)
  },
}

/** imin answers `400 UnavailableOpportunityError`: not bookable through imin, with no retry. */
export const UnavailableThroughImin: Story = {
  parameters: { msw: { handlers: { standalone: standaloneHandlers.unavailable } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Book' }))
    const button = await canvas.findByRole('button', { name: 'Unavailable' }, { timeout: 3000 })
    await expect(button).toHaveAttribute('data-state', 'opportunity-unavailable')
    await expect(button).toHaveAccessibleDescription('This is no longer available to book.')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'unavailable' }))
    await expect(args.onNavigate).not.toHaveBeenCalled()
  },
}

/** Checkout fails with a 500: "Try again". */
export const ErrorStandalone: Story = {
  parameters: { msw: { handlers: { standalone: standaloneHandlers['server-error'] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Book' }))
    const retry = await canvas.findByRole('button', { name: 'Try again' }, { timeout: 3000 })
    await expect(retry).toHaveAccessibleDescription('Checkout is not responding as expected. Please try again.')
  },
}

/** The `@id` is not a URL, so Standalone Checkout cannot be asked: nothing is sent, and retrying cannot help. */
export const IdNotAUrl: Story = {
  args: { opportunity: openDataSession('310003324', { '@id': 'session-310003324' }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Book' }))
    const button = await canvas.findByRole('button', { name: 'Booking unavailable' })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid-request' }))
  },
}

type Context = Pick<StoryContext, 'canvasElement'>

async function expectState({ canvasElement }: Context, name: string, state: string) {
  const button = within(canvasElement).getByRole('button', { name })
  await expect(button).toHaveAttribute('data-state', state)
  await expect(button).toHaveAttribute('aria-disabled', 'true')
}

/** The offers' window has not opened: `validFromBeforeStartDate` P7D, the session 10 days away. */
export const NotYetOpenOpenData: Story = {
  args: { opportunity: openDataSession('310003324', { startDate: iso(NOW + 10 * DAY) }) },
  play: (context) => expectState(context, 'Opens 11 Mar 2027, 09:00', 'not-yet-open'),
}

/** Online booking closed 3 days before the start (`validThroughBeforeStartDate`), and the session is in 2. */
export const BookingClosedOpenData: Story = {
  args: { opportunity: openDataSession('310003324', { offers: [{ '@type': 'Offer', validThroughBeforeStartDate: 'P3D' }] }) },
  play: (context) => expectState(context, 'Booking closed', 'booking-closed'),
}

/** Cancelled in the publisher's feed: never sent to imin. */
export const CancelledOpenData: Story = {
  args: { opportunity: openDataSession('310003324', { eventStatus: 'https://schema.org/EventCancelled' }) },
  play: (context) => expectState(context, 'Cancelled', 'cancelled'),
}
