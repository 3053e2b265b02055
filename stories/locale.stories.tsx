import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { BookButton, type BookButtonProps } from '../src/index.js'
import { bookButtonArgTypes } from './arg-types.js'
import { checkoutHandlers } from './checkout-handlers.js'
import { BROKER, CHECKOUT_HOST, CUSTOMER, NOW, examples, getStoryToken } from './fixtures.js'

/** A few states side by side, so a translation can be read in context. */
function Showcase(props: BookButtonProps) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.75rem' }}>
      <BookButton {...props} />
      <BookButton {...props} {...examples['not-yet-open']} />
      <BookButton {...props} {...examples.full} />
      <BookButton {...props} getAuthToken={getStoryToken} broker={BROKER} customer={CUSTOMER} />
    </div>
  )
}

/**
 * Labels and dates follow `locale` and `labels` (the Locale toolbar sets both on the
 * provider). Opening times show in `timeZone`, the venue's, whatever the viewer's.
 */
const meta = {
  title: 'Guides/Locale',
  component: BookButton,
  args: { ...examples.bookable, checkoutBaseUrl: CHECKOUT_HOST, now: NOW, onNavigate: fn() },
  argTypes: bookButtonArgTypes,
  render: (args) => <Showcase {...args} />,
  parameters: { msw: { handlers: { checkout: checkoutHandlers.unavailable } } },
} satisfies Meta<typeof BookButton>

export default meta
type Story = StoryObj<typeof meta>

/** `<BookingProvider locale="fr-FR" labels={frenchLabels}>`, here set by the Locale toolbar. */
export const French: Story = {
  globals: { locale: 'fr-FR', mode: 'guest' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('link', { name: 'Réserver' })).toHaveAttribute('data-state', 'bookable')
    await expect(canvas.getByRole('link', { name: 'Ouvre le 11 mars 2027, 09:00' })).toHaveAttribute('data-state', 'not-yet-open')
    await expect(canvas.getByRole('link', { name: 'Complet' })).toHaveAttribute('aria-disabled', 'true')
    await expect(canvas.getByRole('button', { name: 'Réserver' })).toHaveAttribute('data-state', 'bookable')
  },
}

/** Checkout's answer, in French: here the session was taken meanwhile, so it is no longer bookable. */
export const FrenchCheckoutAnswer: Story = {
  tags: ['checkout'],
  globals: { locale: 'fr-FR', mode: 'guest' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Réserver' }))
    const button = await canvas.findByRole('button', { name: 'Indisponible' })
    await expect(button).toHaveAttribute('data-state', 'opportunity-unavailable')
    await expect(button).toHaveAccessibleDescription("Ce créneau n'est plus disponible.")
  },
}

/** American English for a New York audience: the same opening instant, in their clock and format. */
export const UsEnglishNewYork: Story = {
  globals: { locale: 'en-GB', mode: 'guest' },
  args: { locale: 'en-US', timeZone: 'America/New_York' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('link', { name: 'Opens Mar 11, 2027, 4:00 AM' })).toHaveAttribute('data-state', 'not-yet-open')
  },
}

/** Any label can be replaced; the rest stay as they were. */
export const CustomLabels: Story = {
  globals: { locale: 'en-GB', mode: 'guest' },
  args: { labels: { book: 'Book a place', reasons: { full: 'Sold out' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('link', { name: 'Book a place' })).toBeVisible()
    await expect(canvas.getByRole('link', { name: 'Sold out' })).toHaveAttribute('data-state', 'full')
    await expect(canvas.getByRole('link', { name: 'Opens 11 Mar 2027, 09:00' })).toBeVisible()
  },
}
