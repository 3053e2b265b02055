/**
 * A missing or invalid `checkoutBaseUrl` is the `error` state on every render, the
 * first in a fresh process included: never a link with a relative or off-host
 * `href`, never a button that sends a doomed request. Its own file, so nothing
 * rendered before it can have warmed a cache.
 */
import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { BookButton, BookingProvider, type BookingConfig } from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'
import { NOW, scheduledSession, sessionSeries } from '../fixtures.js'

vi.spyOn(console, 'warn').mockImplementation(() => {})

function renderButton(config: BookingConfig) {
  return render(
    <BookingProvider now={NOW} useCheckout={useCheckout} {...config}>
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} />
    </BookingProvider>,
  )
}

function expectCannotBook(element: HTMLElement) {
  expect(element).toHaveAttribute('data-state', 'error')
  expect(element).toHaveAttribute('aria-disabled', 'true')
  expect(element).not.toHaveAttribute('href')
  expect(element).toHaveAccessibleDescription('This booking link is not set up correctly.')
}

describe('given no checkoutBaseUrl', () => {
  it('is an error, with no href, on the very first render in a fresh process', () => {
    renderButton({})
    expectCannotBook(screen.getByRole('link', { name: 'Booking unavailable' }))
  })

  it('is an error again after a page that was set up well', () => {
    const good = renderButton({ checkoutBaseUrl: 'checkout.example.com' })
    expect(screen.getByRole('link', { name: 'Book' })).toHaveAttribute('href', expect.stringMatching(/^https:\/\/checkout\.example\.com\//))
    good.unmount()
    const { rerender } = renderButton({})
    expectCannotBook(screen.getByRole('link', { name: 'Booking unavailable' }))
    rerender(
      <BookingProvider now={NOW}>
        <BookButton opportunity={scheduledSession()} parent={sessionSeries()} />
      </BookingProvider>,
    )
    expectCannotBook(screen.getByRole('link', { name: 'Booking unavailable' }))
  })
})

describe.each([
  ['empty', ''],
  ['http: off localhost', 'http://checkout.example.com'],
  ['with a path', 'checkout.example.com/v1'],
  ['with credentials', 'https://user:secret@checkout.example.com'],
  ['not a host', 'checkout example'],
])('given a checkoutBaseUrl %s', (_, checkoutBaseUrl) => {
  it('is an error on the guest route, with no href', () => {
    renderButton({ checkoutBaseUrl })
    expectCannotBook(screen.getByRole('link', { name: 'Booking unavailable' }))
  })

  it.each([
    ['authenticated', { getAuthToken: () => 'token', endpoint: '/api/checkout' }],
    ['standalone', { route: 'standalone' as const }],
  ])('is an error on the %s route before any click', (_, route) => {
    renderButton({ checkoutBaseUrl, ...route })
    expectCannotBook(screen.getByRole('button', { name: 'Booking unavailable' }))
  })
})
