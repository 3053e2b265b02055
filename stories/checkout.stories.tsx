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
  tags: ['autodocs'],
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

/** While the checkout session is created (here, Checkout never answers): busy, announced, still focusable. */
export const Pending: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers.hang } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Book' }))
    const button = await canvas.findByRole('button', { name: 'Opening checkout…' })
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
    // With onNavigate handling the move, the button is ready again.
    await expect(await canvas.findByRole('button', { name: 'Book' })).toHaveAttribute('data-state', 'bookable')
  },
}

/**
 * Clicks Book and expects the failure a user would see: a "Try again" button in the
 * error state, described by the message beside it, and `onError` with the kind.
 */
async function expectCheckoutError({ canvasElement, args }: Pick<StoryContext, 'canvasElement' | 'args'>, kind: CheckoutErrorKind, message: string) {
  const canvas = within(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name: 'Book' }))
  const retry = await canvas.findByRole('button', { name: 'Try again' }, { timeout: 3000 })
  await expect(retry).toHaveAttribute('data-state', 'error')
  await expect(retry).not.toHaveAttribute('aria-disabled')
  await expect(retry).toHaveAccessibleDescription(message)
  await expect(canvas.getByRole('status')).toHaveTextContent(message)
  await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind }))
  await expect(args.onNavigate).not.toHaveBeenCalled()
}

/** 400 `UnavailableOpportunityError`: booked or withdrawn since the feed said otherwise. */
export const ErrorUnavailable: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers.unavailable } } },
  play: (context) => expectCheckoutError(context, 'unavailable', 'This is no longer available to book.'),
}

/** 409 `OpportunityIsFullError`. */
export const ErrorFull: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers.full } } },
  play: (context) => expectCheckoutError(context, 'full', 'This is now full.'),
}

/** 401: the broker's sign-in has expired. */
export const ErrorUnauthorized: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers.unauthorized } } },
  play: (context) => expectCheckoutError(context, 'unauthorized', 'Please sign in again, then try again.'),
}

/** 500 from Checkout. */
export const ErrorHttp: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['server-error'] } } },
  play: (context) => expectCheckoutError(context, 'http', 'Checkout is not responding as expected. Please try again.'),
}

/** The request never reached Checkout (offline, DNS, CORS). */
export const ErrorNetwork: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['network-error'] } } },
  play: (context) => expectCheckoutError(context, 'network', 'Could not reach checkout. Check your connection and try again.'),
}

/** Checkout does not answer within `timeoutMs` (300 ms here). */
export const ErrorTimeout: Story = {
  args: { timeoutMs: 300 },
  parameters: { msw: { handlers: { checkout: checkoutHandlers.hang } } },
  play: (context) => expectCheckoutError(context, 'timeout', 'Checkout took too long to answer. Please try again.'),
}

/** 201 whose body is not JSON. */
export const ErrorInvalidResponse: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['not-json'] } } },
  play: (context) => expectCheckoutError(context, 'invalid-response', 'Checkout answered in a way we did not understand. Please try again.'),
}

/** A Checkout target off the checkout host is never followed. */
export const ErrorUnsafeTarget: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['hostile-target'] } } },
  play: (context) => expectCheckoutError(context, 'unsafe-target', 'Checkout sent us to an unexpected address, so we stopped.'),
}

/** The request cannot be built (here, the session has no identifier), so nothing is sent. */
export const ErrorInvalidRequest: Story = {
  args: noIdentifierExample,
  play: (context) => expectCheckoutError(context, 'invalid-request', 'This booking link is not set up correctly.'),
}

/** After a failure, "Try again" books again: the second answer succeeds. */
export const RetryAfterError: Story = {
  parameters: { msw: { handlers: { checkout: checkoutHandlers['network-error'] } } },
  play: async (context) => {
    const { canvasElement, args } = context
    await expectCheckoutError(context, 'network', 'Could not reach checkout. Check your connection and try again.')
    // Checkout is reachable again.
    context.msw?.use(checkoutHandlers.success)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(args.onNavigate).toHaveBeenCalledWith(checkoutTarget(identifier)))
  },
}
