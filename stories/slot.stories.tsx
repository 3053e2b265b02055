import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { BookButton } from '../src/index.js'
import { bookButtonArgTypes } from './arg-types.js'
import { checkoutTarget } from './checkout-handlers.js'
import { BROKER, CHECKOUT_HOST, CUSTOMER, NOW, getStoryToken, slotExample } from './fixtures.js'
import { expectNotBookable } from './play-helpers.js'

/**
 * Facility booking: a Slot of one court (an `individualFacilityUse`) of a FacilityUse.
 * Guest links go to `/v1/slots/{identifier}` unless `slotPath` says otherwise.
 */
const meta = {
  title: 'BookButton/Slot (facility booking)',
  component: BookButton,
  tags: ['autodocs'],
  args: { ...slotExample, checkoutBaseUrl: CHECKOUT_HOST, now: NOW, onNavigate: fn(), onError: fn() },
  argTypes: bookButtonArgTypes,
} satisfies Meta<typeof BookButton>

export default meta
type Story = StoryObj<typeof meta>

export const GuestSlot: Story = {
  globals: { mode: 'guest' },
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole('link', { name: 'Book' })
    await expect(link).toHaveAttribute('href', `https://${CHECKOUT_HOST}/v1/slots/7`)
    await expect(link).toHaveAttribute('data-state', 'bookable')
  },
}

/** imin has not published the Slot path yet: `slotPath` sets it. */
export const CustomSlotPath: Story = {
  globals: { mode: 'guest' },
  args: { slotPath: '/v2/facility-slots/' },
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole('link', { name: 'Book' })
    await expect(link).toHaveAttribute('href', `https://${CHECKOUT_HOST}/v2/facility-slots/7`)
  },
}

export const AuthenticatedSlot: Story = {
  tags: ['checkout'],
  args: { getAuthToken: getStoryToken, broker: BROKER, customer: CUSTOMER },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Book' }))
    await waitFor(() => expect(args.onNavigate).toHaveBeenCalledWith(checkoutTarget(7)))
  },
}

/** No `remainingUses` left on the court. */
export const SlotFull: Story = {
  args: { ...slotExample, opportunity: { ...(slotExample.opportunity as object), remainingUses: 0 } },
  play: async (context) => {
    await expectNotBookable(context, 'Full', 'full')
  },
}
