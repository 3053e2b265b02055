import type { Meta, StoryObj } from '@storybook/react-vite'
import axe from 'axe-core'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { BookButton, type BookButtonProps, type BookButtonState } from '../src/index.js'
import { scenarioHandler } from './checkout-handlers.js'
import { CHECKOUT_HOST, NOW, examples, getStoryToken, noIdentifierExample, scenarioExample, type Example } from './fixtures.js'
import './gallery.css'

interface GalleryEntry {
  title: string
  /** The `data-state` the control ends in. */
  state: BookButtonState
  example: Example
  /** Authenticated entries click their button to reach their state. */
  click?: boolean
  /** The checkout error's kind, when the state is an error. */
  kind?: string
  props?: Partial<BookButtonProps>
}

const guestEntries: GalleryEntry[] = [
  { title: 'Bookable', state: 'bookable', example: examples.bookable },
  { title: 'Not yet open', state: 'not-yet-open', example: examples['not-yet-open'] },
  { title: 'Booking closed', state: 'booking-closed', example: examples['booking-closed'] },
  { title: 'Started', state: 'started', example: examples.started },
  { title: 'Full', state: 'full', example: examples.full },
  { title: 'Cancelled', state: 'cancelled', example: examples.cancelled },
  { title: 'Child-only', state: 'no-adult-offer', example: examples['no-adult-offer'] },
  { title: 'Offer unavailable', state: 'offer-unavailable', example: examples['offer-unavailable'] },
  { title: 'Opportunity unavailable', state: 'opportunity-unavailable', example: examples['opportunity-unavailable'] },
  { title: 'Invalid booking window', state: 'invalid-booking-window', example: examples['invalid-booking-window'] },
  { title: 'Missing parent', state: 'missing-parent', example: examples['missing-parent'] },
  { title: 'Parent mismatch', state: 'parent-mismatch', example: examples['parent-mismatch'] },
  { title: 'Invalid data', state: 'invalid-opportunity', example: examples['invalid-opportunity'] },
  { title: 'Deleted', state: 'deleted', example: examples.deleted },
  { title: 'Link misconfigured', state: 'error', kind: 'invalid-request', example: examples.bookable, props: { checkoutBaseUrl: 'http://checkout.example.com' } },
  { title: 'Disabled by the app', state: 'bookable', example: examples.bookable, props: { disabled: true } },
]

/** An authenticated button clicked into a Checkout failure; `state` is where that answer leaves it. */
const checkoutError = (title: string, kind: string, props?: Partial<BookButtonProps>, state: BookButtonState = 'error'): GalleryEntry => ({
  title,
  state,
  kind,
  example: scenarioExample(kind),
  click: true,
  props,
})

const authenticatedEntries: GalleryEntry[] = [
  { title: 'Bookable', state: 'bookable', example: examples.bookable },
  { title: 'Pending', state: 'pending', example: scenarioExample('hang'), click: true },
  checkoutError('Unavailable', 'unavailable', undefined, 'opportunity-unavailable'),
  checkoutError('Full', 'full', undefined, 'full'),
  checkoutError('Unauthorized', 'unauthorized'),
  checkoutError('HTTP error', 'server-error'),
  checkoutError('Network error', 'network-error'),
  { ...checkoutError('Timeout', 'hang', { timeoutMs: 300 }), kind: 'timeout' },
  checkoutError('Invalid response', 'not-json'),
  checkoutError('Unsafe target', 'hostile-target'),
  { ...checkoutError('Invalid request', 'invalid-request'), example: noIdentifierExample },
]

function GalleryCard({ entry, authenticated, shared }: { entry: GalleryEntry; authenticated: boolean; shared: Partial<BookButtonProps> }) {
  return (
    <li className="gallery-card" data-expected-state={entry.state} data-click={entry.click ? '' : undefined}>
      <p className="gallery-title">{entry.title}</p>
      <p className="gallery-state">
        <code>data-state=&quot;{entry.state}&quot;</code>
        {entry.kind ? <> · kind {displayKind(entry.kind)}</> : null}
      </p>
      <div>
        <BookButton
          {...shared}
          {...entry.example}
          getAuthToken={authenticated ? getStoryToken : undefined}
          {...entry.props}
        />
      </div>
    </li>
  )
}

/** The scenario names of the mocked Checkout, shown as the error kinds they produce. */
const displayKind = (kind: string) =>
  ({ 'server-error': 'http', 'network-error': 'network', 'not-json': 'invalid-response', 'hostile-target': 'unsafe-target' })[kind] ?? kind

function StateGallery(shared: Partial<BookButtonProps>) {
  return (
    <div className="gallery">
      <section aria-labelledby="gallery-guest">
        <h2 id="gallery-guest">Guest links</h2>
        <ul className="gallery-grid">
          {guestEntries.map((entry) => (
            <GalleryCard key={entry.title} entry={entry} authenticated={false} shared={shared} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="gallery-authenticated">
        <h2 id="gallery-authenticated">Authenticated checkout</h2>
        <ul className="gallery-grid">
          {authenticatedEntries.map((entry) => (
            <GalleryCard key={entry.title} entry={entry} authenticated shared={shared} />
          ))}
        </ul>
      </section>
    </div>
  )
}

/**
 * Every state on one page: the catalogue's overview and its visual fixture. The play
 * function clicks the authenticated buttons whose state needs a click (pending and
 * each checkout error) and checks every card ends in the state it names. Under Vitest
 * the result is saved under test-results/; `npm run update-gallery` copies it to
 * stories/gallery.png, the picture in the README.
 */
const meta = {
  title: 'BookButton/All states',
  component: BookButton,
  tags: ['checkout'],
  args: { opportunity: {}, checkoutBaseUrl: CHECKOUT_HOST, now: NOW, onNavigate: fn() },
  argTypes: {
    opportunity: { control: false, table: { disable: true } },
    now: { control: 'date' },
  },
  render: ({ opportunity: _opportunity, ...shared }) => <StateGallery {...shared} />,
  globals: { viewport: { value: 'gallery', isRotated: false } },
  parameters: {
    layout: 'padded',
    msw: { handlers: { checkout: scenarioHandler } },
    // Tall enough for the whole gallery, so a screenshot needs no scrolling.
    viewport: { options: { gallery: { name: 'Gallery', styles: { width: '1200px', height: '1500px' }, type: 'desktop' } } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const cards = canvas.getAllByRole('listitem')
    await expect(cards).toHaveLength(guestEntries.length + authenticatedEntries.length)
    for (const card of cards.filter((card) => card.hasAttribute('data-click')))
      await userEvent.click(within(card).getByRole('button', { name: 'Book' }))
    await waitFor(
      () => {
        for (const card of cards) {
          const control = card.querySelector('.obb-button')
          expect(control, card.textContent ?? '').toHaveAttribute('data-state', card.dataset.expectedState)
        }
      },
      { timeout: 3000 },
    )
    // No focus ring from the last click, and the state colours' transitions done, before any screenshot.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    await waitFor(() => {
      for (const control of canvasElement.querySelectorAll('.obb-button')) expect(control.getAnimations()).toEqual([])
    })
    // Every state's text, in this theme, at 4.5:1 or better: axe's own contrast check, in a real browser.
    // axe's color-contrast rule skips aria-disabled controls (WCAG exempts them); a booker still has to read why.
    axe.configure({ rules: [{ id: 'obb-text-contrast', selector: '.obb-button:not([data-state="pending"]), .obb-message', any: ['color-contrast'] }] })
    try {
      const contrast = await axe.run(canvasElement, { runOnly: { type: 'rule', values: ['obb-text-contrast'] } })
      const failures = [...contrast.violations, ...contrast.incomplete].flatMap((result) => result.nodes.map((node) => `${node.target}: ${node.failureSummary}`))
      await expect(failures).toEqual([])
      const texts = canvasElement.querySelectorAll('.obb-button:not([data-state="pending"]), .obb-message')
      await expect(contrast.passes[0]?.nodes.length).toBe(texts.length)
    } finally {
      axe.reset()
    }
  },
} satisfies Meta<typeof BookButton>

export default meta
type Story = StoryObj<typeof meta>

export const Light: Story = {
  parameters: { screenshot: { paths: ['../test-results/gallery.png'] } },
}

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { screenshot: { paths: ['../test-results/gallery-dark.png'] } },
}
