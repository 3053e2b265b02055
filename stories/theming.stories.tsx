import type { Meta, StoryObj } from '@storybook/react-vite'
import { forwardRef, type ComponentPropsWithoutRef, type CSSProperties } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { BookButton, type BookButtonProps } from '../src/index.js'
import { bookButtonArgTypes } from './arg-types.js'
import { checkoutTarget } from './checkout-handlers.js'
import { BROKER, CHECKOUT_HOST, CUSTOMER, NOW, examples, getStoryToken } from './fixtures.js'
import './theming.css'

/** The stylesheet's main custom properties, as controls. Unset ones keep the defaults. */
interface ThemeArgs {
  accentColor?: string
  accentHoverColor?: string
  onAccentColor?: string
  mutedColor?: string
  onMutedColor?: string
  dangerColor?: string
  focusColor?: string
  radius?: string
  fontFamily?: string
}

const cssVariables: Record<keyof ThemeArgs, string> = {
  accentColor: '--obb-color-accent',
  accentHoverColor: '--obb-color-accent-hover',
  onAccentColor: '--obb-color-on-accent',
  mutedColor: '--obb-color-muted',
  onMutedColor: '--obb-color-on-muted',
  dangerColor: '--obb-color-danger',
  focusColor: '--obb-color-focus',
  radius: '--obb-radius',
  fontFamily: '--obb-font-family',
}

/** Splits the story's args into the theme (as a style of custom properties) and the button's props. */
function themeStyle(args: ThemeArgs & BookButtonProps) {
  const style: Record<string, string> = {}
  const props: Record<string, unknown> = { ...args }
  for (const [name, variable] of Object.entries(cssVariables)) {
    const value = args[name as keyof ThemeArgs]
    delete props[name]
    if (value) style[variable] = value
  }
  return { style: style as CSSProperties, props: props as unknown as BookButtonProps }
}

/**
 * Restyle by setting `--obb-*` custom properties on any ancestor (or `:root`);
 * states are styled only through `[data-state]` and `[aria-disabled]`. Try the
 * colour controls, and the Theme toolbar for the dark scheme.
 */
const meta = {
  title: 'Guides/Theming',
  component: BookButton,
  args: { ...examples.bookable, checkoutBaseUrl: CHECKOUT_HOST, now: NOW, onNavigate: fn() },
  argTypes: {
    ...bookButtonArgTypes,
    accentColor: { control: 'color', description: '--obb-color-accent: bookable background', table: { category: 'CSS variables' } },
    accentHoverColor: { control: 'color', description: '--obb-color-accent-hover', table: { category: 'CSS variables' } },
    onAccentColor: { control: 'color', description: '--obb-color-on-accent: bookable text', table: { category: 'CSS variables' } },
    mutedColor: { control: 'color', description: '--obb-color-muted: not-bookable background', table: { category: 'CSS variables' } },
    onMutedColor: { control: 'color', description: '--obb-color-on-muted: not-bookable text', table: { category: 'CSS variables' } },
    dangerColor: { control: 'color', description: '--obb-color-danger: error border and message', table: { category: 'CSS variables' } },
    focusColor: { control: 'color', description: '--obb-color-focus: focus ring', table: { category: 'CSS variables' } },
    radius: { control: 'text', description: '--obb-radius', table: { category: 'CSS variables' } },
    fontFamily: { control: 'text', description: '--obb-font-family', table: { category: 'CSS variables' } },
  },
  render: (args) => {
    const { style, props } = themeStyle(args)
    return (
      <div className="theming-row" style={style}>
        <BookButton {...props} />
        <BookButton {...props} {...examples['not-yet-open']} />
        <BookButton {...props} {...examples.full} />
      </div>
    )
  },
} satisfies Meta<ThemeArgs & BookButtonProps>

export default meta
type Story = StoryObj<typeof meta>

const background = (element: Element) => getComputedStyle(element).backgroundColor

/** A brand's colours and shape, set as custom properties on a wrapper. */
export const BrandColours: Story = {
  args: {
    accentColor: '#0a7a43',
    accentHoverColor: '#075c33',
    onAccentColor: '#ffffff',
    mutedColor: '#f1f5f2',
    onMutedColor: '#3d4a42',
    focusColor: '#0a7a43',
    radius: '999px',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const book = canvas.getByRole('link', { name: 'Book' })
    await expect(background(book)).toBe('rgb(10, 122, 67)')
    await expect(getComputedStyle(book).borderTopLeftRadius).toBe('999px')
    await expect(background(canvas.getByRole('link', { name: 'Full' }))).toBe('rgb(241, 245, 242)')
  },
}

/** `data-theme="dark"` on any ancestor (the Theme toolbar sets it here). Without it the buttons are light, whatever the OS. */
export const DarkScheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvasElement.querySelector('[data-theme="dark"]')).not.toBeNull()
    await expect(background(canvas.getByRole('link', { name: 'Book' }))).toBe('rgb(109, 157, 255)')
    await expect(background(canvas.getByRole('link', { name: 'Full' }))).toBe('rgb(42, 47, 58)')
  },
}

/** `data-theme="auto"` on an ancestor follows the operating system's `prefers-color-scheme`. */
export const AutoScheme: Story = {
  globals: { theme: 'auto' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvasElement.querySelector('[data-theme="auto"]')).not.toBeNull()
    const dark = matchMedia('(prefers-color-scheme: dark)').matches
    await expect(background(canvas.getByRole('link', { name: 'Book' }))).toBe(dark ? 'rgb(109, 157, 255)' : 'rgb(11, 95, 255)')
  },
}

/** `data-theme="light"` inside a dark section turns its buttons light again: the nearest theme wins. */
export const LightInsideDark: Story = {
  globals: { theme: 'dark' },
  render: (args) => {
    const { style, props } = themeStyle(args)
    return (
      <div className="theming-row" style={style}>
        <BookButton {...props} />
        <div data-theme="light" className="theming-light-panel">
          <BookButton {...props} {...examples.full} />
        </div>
      </div>
    )
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(background(canvas.getByRole('link', { name: 'Book' }))).toBe('rgb(109, 157, 255)')
    await expect(background(canvas.getByRole('link', { name: 'Full' }))).toBe('rgb(238, 240, 243)')
  },
}

/** A design-system button of the broker's own: it forwards its ref and spreads the props it is given. */
const BrokerButton = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function BrokerButton({ className, children, ...props }, ref) {
  return (
    <button ref={ref} className={['broker-cta', className].filter(Boolean).join(' ')} {...props}>
      <span className="broker-cta-icon" aria-hidden="true" />
      {children}
    </button>
  )
})

const BrokerLink = forwardRef<HTMLAnchorElement, ComponentPropsWithoutRef<'a'>>(function BrokerLink({ className, ...props }, ref) {
  return <a ref={ref} className={['broker-cta', className].filter(Boolean).join(' ')} {...props} />
})

/**
 * `asChild` renders the broker's own element with the button's props merged in:
 * `href` (guest) or `type` and the click handler (authenticated), `data-state`, ARIA.
 * An element with no content of its own shows the button's label.
 */
export const BrokerOwnLink: Story = {
  globals: { mode: 'guest' },
  render: (args) => {
    const { style, props } = themeStyle(args)
    return (
      <div className="theming-row" style={style}>
        <BookButton {...props} asChild>
          <BrokerLink />
        </BookButton>
        <BookButton {...props} {...examples.full} asChild>
          <BrokerLink />
        </BookButton>
      </div>
    )
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const link = canvas.getByRole('link', { name: 'Book' })
    await expect(link).toHaveClass('broker-cta', 'obb-button')
    await expect(link).toHaveAttribute('href', expect.stringContaining(`https://${CHECKOUT_HOST}/v1/scheduled-sessions/`))
    await expect(background(link)).toBe('rgb(109, 40, 217)')
    await expect(canvas.getByRole('link', { name: 'Full' })).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(link)
    await expect(args.onNavigate).toHaveBeenCalledOnce()
  },
}

export const BrokerOwnButton: Story = {
  tags: ['checkout'],
  args: { getAuthToken: getStoryToken, broker: BROKER, customer: CUSTOMER },
  render: (args) => {
    const { style, props } = themeStyle(args)
    return (
      <div className="theming-row" style={style}>
        <BookButton {...props} asChild>
          <BrokerButton>Book this class</BrokerButton>
        </BookButton>
      </div>
    )
  },
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Book this class' })
    await expect(button).toHaveClass('broker-cta', 'obb-button')
    await expect(button).toHaveAttribute('data-state', 'bookable')
    await userEvent.click(button)
    await waitFor(() => expect(args.onNavigate).toHaveBeenCalledWith(checkoutTarget('https://opendata.example.org/api/scheduled-sessions/42')))
  },
}
