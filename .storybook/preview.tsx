import type { Decorator, Loader, Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { useEffect, type ReactNode } from 'react'
import { BookingProvider, frenchLabels } from '../src/index.js'
import { useCheckout } from '../src/use-checkout/index.js'
import { checkoutHandlers } from '../stories/checkout-handlers.js'
import { BROKER, CUSTOMER, getStoryToken } from '../stories/fixtures.js'
import '../src/styles.css'
import { defaultValuesFromJsDoc } from './default-values.js'
import './preview.css'

type Theme = 'light' | 'dark' | 'auto'

/** Sets `data-theme` on a wrapper (the stylesheet's own hook) and on the page, so a dark OS setting cannot leak in. */
function ThemeFrame({ theme, children }: { theme: Theme; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  return (
    <div className="story-frame" data-theme={theme}>
      {children}
    </div>
  )
}

const withTheme: Decorator = (Story, { globals }) => (
  <ThemeFrame theme={globals.theme === 'dark' || globals.theme === 'auto' ? globals.theme : 'light'}>
    <Story />
  </ThemeFrame>
)

/**
 * Everything a broker sets once for the page: locale and labels, the time zone of the
 * venues, and, in authenticated mode, the sign-in and broker details. A story's own args win.
 */
const withBookingProvider: Decorator = (Story, { globals }) => {
  const french = globals.locale === 'fr-FR'
  const authenticated = globals.mode === 'authenticated'
  return (
    <BookingProvider
      locale={french ? 'fr-FR' : 'en-GB'}
      labels={french ? frenchLabels : undefined}
      timeZone="Europe/London"
      getAuthToken={authenticated ? getStoryToken : undefined}
      useCheckout={useCheckout}
      broker={BROKER}
      customer={CUSTOMER}
    >
      <Story />
    </BookingProvider>
  )
}

const startMockCheckout = mswLoader()

/**
 * Mock Service Worker answers checkout sessions, and only stories that create them
 * load it (tagged `checkout`, or any story under the Mode toolbar's Authenticated):
 * every other story renders where service workers are blocked or unavailable
 * (a plain-http LAN address).
 */
const mockCheckoutWhenNeeded: Loader = (context) =>
  context.tags.includes('checkout') || context.globals.mode === 'authenticated' ? startMockCheckout(context) : {}

const preview: Preview = {
  decorators: [withBookingProvider, withTheme],
  loaders: [mockCheckoutWhenNeeded],
  argTypesEnhancers: [defaultValuesFromJsDoc],
  globalTypes: {
    theme: {
      description: 'Colour scheme: sets data-theme on a wrapper',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'auto', title: 'Auto (follows the OS)', icon: 'mirror' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of dates and labels (frenchLabels for fr-FR)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-GB', title: 'English (en-GB)', right: 'EN' },
          { value: 'fr-FR', title: 'Français (fr-FR)', right: 'FR' },
        ],
        dynamicTitle: true,
      },
    },
    mode: {
      description: 'Guest links, or authenticated checkout sessions (getAuthToken on the provider)',
      toolbar: {
        title: 'Mode',
        icon: 'user',
        items: [
          { value: 'guest', title: 'Guest link' },
          { value: 'authenticated', title: 'Authenticated' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en-GB', mode: 'guest' },
  parameters: {
    layout: 'padded',
    controls: { matchers: { color: /(background|color)$/i, date: /^now$/ }, sort: 'requiredFirst' },
    a11y: { test: 'error' },
    // Authenticated clicks succeed unless a story picks another answer.
    msw: { handlers: { checkout: checkoutHandlers.success } },
  },
}

export default preview
