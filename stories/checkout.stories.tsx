import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { BookButton, type CheckoutErrorKind } from '../src/index.js'
import { bookButtonArgTypes } from './arg-types.js'
import { checkoutHandlers, checkoutTarget } from './checkout-handlers.js'
import { BROKER, CHECKOUT_HOST, CUSTOMER, NOW, examples, getStoryToken, noIdentifierExample } from './fixtures.js'

/**
 * Authenticated checkout: with `getAuthToken`, the button POSTs a checkout session
 * to imin (here, Mock Service Worker answering as imin would) and sends the browser
 * to the Checkout page it returns. Each story picks one answer with
 * `parameters.msw.handlers.checkout`; its play function clicks and checks the outcome.
 */
const meta = {
  title: 'BookButton/Authenticated checkout',
  component: BookButton,
  tags: ['autodocs', 'checkout'],
  args: {
    ...examples.bookable,
    checkoutBaseUrl: CHECKOUT_HOST,
    getAuthToken: getStoryToken,
    broker: BROKER,
    customer: CUSTOMER,
    now: NOW,
    onNavigate: fn(),
    onStateChange: fn(),
    onCheckoutCreated: fn(),
    onError: fn(),
  },
  argTypes: bookButtonArgTypes,
  parameters: { msw: { handlers: { checkout: checkoutHandlers.success } } },
} satisfies Meta<typeof BookButton>

export default meta
type Story = StoryObj<typeof meta>

const identifier = 'https://opendata.example.org/api/scheduled-sessions/42'

/** A `<button>`: Tab to it, press Enter, and Checkout opens (here, `onNavigate` receives its address). */
export const BookableAuthenticated: Story = {
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Book' })
    await expect(button).toHaveAttribute('type', 'button')
    await expect(button).toHaveAttribute('data-state', 'bookable')
    await userEvent.tab()
    await expect(button).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(args.onNavigate).toHaveBeenCalledWith(checkoutTarget(identifier)))
    await expect(args.onCheckoutCreated).toHaveBeenCalledWith({ target: checkoutTarget(identifier) })
    await expect(args.onError).not.toHaveBeenCalled()
  },
}

/**
 * While the checkout session is created (here, Checkout never answers): busy, announced
 * through the provider's live region, still focusable, the same width, with a small indicator.
 */
export const Pending: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers.hang } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const book = canvas.getByRole('button', { name: 'Book' })
    const { width, height } = book.getBoundingClientRect()
    await userEvent.click(book)
    const button = await canvas.findByRole('button', { name: 'Opening checkout…' })
    await expect(button.getBoundingClientRect().width).toBe(width)
    await expect(button.getBoundingClientRect().height).toBe(height)
    await expect(button.querySelector('.obb-indicator')).toBeVisible()
    await expect(button).toHaveAttribute('data-state', 'pending')
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveFocus()
    await expect(canvas.getByRole('status')).toHaveTextContent('Opening checkout…')
  },
}

/** Checkout answers after a pause: pending, then on to Checkout. A double click still makes one checkout session. */
export const SlowCheckout: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers.slow } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.dblClick(canvas.getByRole('button', { name: 'Book' }))
    await expect(await canvas.findByRole('button', { name: 'Opening checkout…' })).toHaveAttribute('data-state', 'pending')
    await waitFor(() => expect(args.onNavigate).toHaveBeenCalledWith(checkoutTarget(identifier)), { timeout: 3000 })
    await expect(args.onCheckoutCreated).toHaveBeenCalledTimes(1)
    // While the app navigates the button stays pending, so a double click cannot create a second session; 2 s later it is ready.
    await expect(canvas.getByRole('button', { name: 'Opening checkout…' })).toHaveAttribute('aria-disabled', 'true')
    await expect(await canvas.findByRole('button', { name: 'Book' }, { timeout: 3000 })).toHaveAttribute('data-state', 'bookable')
    await expect(args.onCheckoutCreated).toHaveBeenCalledTimes(1)
  },
}

type PlayContext = Pick<StoryContext, 'canvasElement' | 'args'>

/** Clicks Book; Checkout answers with a failure of this kind, reported to `onError`, and nothing navigates. */
async function clickBookAndFail({ canvasElement, args }: PlayContext, kind: CheckoutErrorKind) {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Book' }))
  await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind })), { timeout: 3000 })
  await expect(args.onNavigate).not.toHaveBeenCalled()
}

/** The message sits beside the control, level with it, whatever its length. */
async function expectMessageBeside(control: HTMLElement) {
  const message = document.getElementById(control.getAttribute('aria-describedby') ?? '')!
  await expect(message).toHaveClass('obb-message')
  const button = control.getBoundingClientRect()
  const beside = message.getBoundingClientRect()
  await expect(beside.left).toBeGreaterThan(button.right)
  await expect(beside.top).toBeLessThan(button.bottom)
  await expect(beside.bottom).toBeGreaterThan(button.top)
}

/** A failure trying again can fix: "Try again", described by the message beside it, which is also announced. */
async function expectRetry(context: PlayContext, kind: CheckoutErrorKind, message: string) {
  await clickBookAndFail(context, kind)
  const canvas = within(context.canvasElement)
  const retry = canvas.getByRole('button', { name: 'Try again' })
  await expect(retry).toHaveAttribute('data-state', 'error')
  await expect(retry).not.toHaveAttribute('aria-disabled')
  await expect(retry).toHaveAccessibleDescription(message)
  await expect(retry).toHaveFocus()
  await expect(canvas.getByRole('status')).toHaveTextContent(message)
  await expectMessageBeside(retry)
}

/** A failure trying again cannot fix: the button is disabled in `state`, named `label`, and says why beside itself. */
async function expectNoRetry(context: PlayContext, kind: CheckoutErrorKind, label: string, state: string, message: string) {
  await clickBookAndFail(context, kind)
  const canvas = within(context.canvasElement)
  const button = canvas.getByRole('button', { name: label })
  await expect(button).toHaveAttribute('data-state', state)
  await expect(button).toHaveAttribute('aria-disabled', 'true')
  await expect(button).toHaveAccessibleDescription(message)
  await expect(button).toHaveFocus()
  await expect(canvas.getByRole('status')).toHaveTextContent(message)
  await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull()
  await expectMessageBeside(button)
}

/** 400 `UnavailableOpportunityError`: booked or withdrawn since the feed said otherwise. Not bookable any more, no retry. */
export const ErrorUnavailable: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers.unavailable } } },
  play: (context) => expectNoRetry(context, 'unavailable', 'Unavailable', 'opportunity-unavailable', 'This is no longer available to book.'),
}

/** 409 `OpportunityIsFullError`: the `full` state, no retry. */
export const ErrorFull: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers.full } } },
  play: (context) => expectNoRetry(context, 'full', 'Full', 'full', 'This is now full.'),
}

/** 401: the broker's sign-in has expired. */
export const ErrorUnauthorized: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers.unauthorized } } },
  play: (context) => expectRetry(context, 'unauthorized', 'Please sign in again, then try again.'),
}

/** 500 from Checkout. */
export const ErrorHttp: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['server-error'] } } },
  play: (context) => expectRetry(context, 'http', 'Checkout is not responding as expected. Please try again.'),
}

/** The request never reached Checkout (offline, DNS, CORS). */
export const ErrorNetwork: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['network-error'] } } },
  play: (context) => expectRetry(context, 'network', 'Could not reach checkout. Check your connection and try again.'),
}

/** Checkout does not answer within `timeoutMs` (300 ms here). */
export const ErrorTimeout: Story = {
  args: { timeoutMs: 300 },
  parameters: { msw: { handlers: { checkout: checkoutHandlers.hang } } },
  play: (context) => expectRetry(context, 'timeout', 'Checkout took too long to answer. Please try again.'),
}

/** 201 whose body is not JSON. */
export const ErrorInvalidResponse: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['not-json'] } } },
  play: (context) => expectRetry(context, 'invalid-response', 'Checkout answered in a way we did not understand. Please try again.'),
}

/** A Checkout target off the checkout host is never followed, and retrying cannot help. */
export const ErrorUnsafeTarget: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['hostile-target'] } } },
  play: (context) => expectNoRetry(context, 'unsafe-target', 'Booking unavailable', 'error', 'Checkout sent us to an unexpected address, so we stopped.'),
}

/** The request cannot be built (here, the session has no identifier), so nothing is sent, and retrying cannot help. */
export const ErrorInvalidRequest: Story = {
  args: noIdentifierExample,
  play: (context) => expectNoRetry(context, 'invalid-request', 'Booking unavailable', 'error', 'This booking link is not set up correctly.'),
}

/** After a failure, "Try again" books again: the second answer succeeds. */
export const RetryAfterError: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['network-error'] } } },
  play: async (context) => {
    const { canvasElement, args } = context
    await expectRetry(context, 'network', 'Could not reach checkout. Check your connection and try again.')
    // Checkout is reachable again.
    context.msw?.use(checkoutHandlers.success)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(args.onNavigate).toHaveBeenCalledWith(checkoutTarget(identifier)))
  },
}
