import type { ArgTypes } from '@storybook/react-vite'
import type { BookButtonProps } from '../src/index.js'

/** Controls shared by the BookButton stories; the rest come from the props' JSDoc. */
export const bookButtonArgTypes: Partial<ArgTypes<BookButtonProps>> = {
  opportunity: { control: 'object', table: { category: 'Data' } },
  parent: { control: 'object', table: { category: 'Data' } },
  now: {
    control: 'date',
    description: 'A fixed clock (stories pin it to 8 March 2027, 09:00 UTC). Clear it to follow live time.',
    table: { category: 'Clock' },
  },
  locale: {
    control: 'select',
    options: ['en-GB', 'en-US', 'fr-FR', 'de-DE'],
    description: 'Date format of the opening time. The Locale toolbar also switches the labels.',
    table: { category: 'Locale' },
  },
  timeZone: {
    control: 'select',
    options: ['Europe/London', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'],
    table: { category: 'Locale' },
  },
  labels: { control: 'object', table: { category: 'Locale' } },
  unbookable: { control: 'inline-radio', options: ['show', 'hide'] },
  disabled: { control: 'boolean' },
  className: { control: 'text' },
  style: { control: 'object' },
  target: { control: 'inline-radio', options: [undefined, '_blank'] },
  children: { control: 'text' },
  route: { control: 'inline-radio', options: [undefined, 'guest', 'authenticated', 'standalone'], table: { category: 'Checkout' } },
  rules: { control: 'inline-radio', options: [undefined, 'imin-firehose', 'open-data'], table: { category: 'Data' } },
  checkoutBaseUrl: { control: 'text', table: { category: 'Checkout' } },
  timeoutMs: { control: { type: 'number', min: 100, step: 100 }, table: { category: 'Checkout' } },
  getAuthToken: {
    control: false,
    description: 'Switches to authenticated checkout. Use the Mode toolbar to flip every story.',
    table: { category: 'Checkout' },
  },
  useCheckout: {
    control: false,
    description: 'useCheckout from openactive-book-button/checkout: the catalogue registers it on its provider.',
    table: { category: 'Checkout' },
  },
  endpoint: { table: { category: 'Checkout' } },
  broker: { control: 'object', table: { category: 'Checkout' } },
  customer: { control: 'object', table: { category: 'Checkout' } },
  navigationLinks: { control: 'object', table: { category: 'Checkout' } },
  allowedTargetHosts: { control: 'object', table: { category: 'Checkout' } },
  slotPath: { table: { category: 'Checkout' } },
  queryClient: { control: false, table: { category: 'Checkout' } },
  asChild: { control: false },
  onNavigate: { table: { category: 'Events' } },
  onStateChange: { table: { category: 'Events' } },
  onCheckoutCreated: { table: { category: 'Events' } },
  onError: { table: { category: 'Events' } },
}
