import { describe, expect, it } from 'vitest'
import { buttonState, type ButtonStateInput } from '../../../src/core/button/button-state.js'
import { BOOKABILITY_REASONS, type Bookability, type BookabilityReason } from '../../../src/core/rules/bookability.js'
import type { CheckoutErrorKind } from '../../../src/core/checkout/checkout-error.js'

const bookable: Bookability = { bookable: true, state: 'bookable', reasons: [], opensAt: null, closesAt: null, nextChangeAt: null }
const notBookable = (reason: BookabilityReason): Bookability => ({ ...bookable, bookable: false, state: reason, reasons: [reason] })

const view = (input: Partial<ButtonStateInput>) => buttonState({ bookability: bookable, route: 'guest', ...input })

describe('given a bookable opportunity', () => {
  it('is an actionable "Book" link for guests', () => {
    expect(view({})).toEqual({
      state: 'bookable',
      labelKey: 'book',
      actionable: true,
      element: 'a',
      errorKind: null,
      describesLabel: false,
      announcement: null,
    })
  })

  it.each(['authenticated', 'standalone'] as const)('is an actionable "Book" button on the %s route', (route) => {
    expect(view({ route })).toMatchObject({ state: 'bookable', labelKey: 'book', actionable: true, element: 'button' })
  })

  it('becomes a non-actionable "cannot book" error when the guest link cannot be built', () => {
    expect(view({ errorKind: 'invalid-request' })).toMatchObject({
      state: 'error',
      labelKey: 'cannotBook',
      actionable: false,
      errorKind: 'invalid-request',
      announcement: null,
    })
  })

  it.each(['pending', 'success'] as const)('is pending and announces it while the checkout is %s', (checkoutStatus) => {
    expect(view({ route: 'authenticated', checkoutStatus })).toMatchObject({
      state: 'pending',
      labelKey: 'pending',
      actionable: false,
      errorKind: null,
      announcement: 'pending',
    })
  })
})

describe('given an answer from Checkout', () => {
  it.each([
    ['full', 'full'],
    ['unavailable', 'opportunity-unavailable'],
  ] as const)('%s makes it not bookable (%s), with no retry, and announces why', (errorKind, state) => {
    expect(view({ route: 'authenticated', checkoutStatus: 'error', errorKind })).toMatchObject({
      state,
      labelKey: state,
      actionable: false,
      errorKind,
      announcement: errorKind,
    })
  })

  it.each(['invalid-request', 'unsafe-target'] as const)('%s is an error that offers no retry', (errorKind) => {
    expect(view({ route: 'standalone', checkoutStatus: 'error', errorKind })).toMatchObject({
      state: 'error',
      labelKey: 'cannotBook',
      actionable: false,
      errorKind,
      announcement: errorKind,
    })
  })

  it.each(['network', 'timeout', 'http', 'invalid-response', 'unauthorized', 'aborted'] as const)('%s keeps "Try again"', (errorKind) => {
    expect(view({ route: 'authenticated', checkoutStatus: 'error', errorKind })).toMatchObject({
      state: 'error',
      labelKey: 'retry',
      actionable: true,
      errorKind,
      announcement: errorKind,
    })
  })

  it('gives every kind of failure the state, label and retry of the README table', () => {
    const table: Record<CheckoutErrorKind, [state: string, labelKey: string, retry: boolean]> = {
      full: ['full', 'full', false],
      unavailable: ['opportunity-unavailable', 'opportunity-unavailable', false],
      'invalid-request': ['error', 'cannotBook', false],
      'unsafe-target': ['error', 'cannotBook', false],
      network: ['error', 'retry', true],
      timeout: ['error', 'retry', true],
      http: ['error', 'retry', true],
      'invalid-response': ['error', 'retry', true],
      unauthorized: ['error', 'retry', true],
      aborted: ['error', 'retry', true],
    }
    for (const [errorKind, [state, labelKey, actionable]] of Object.entries(table) as [CheckoutErrorKind, [string, string, boolean]][])
      expect(view({ route: 'authenticated', checkoutStatus: 'error', errorKind }), errorKind).toMatchObject({ state, labelKey, actionable, errorKind })
  })
})

describe('given an opportunity the rules say is not bookable', () => {
  it.each(BOOKABILITY_REASONS)('%s: shows the reason, not actionable', (reason) => {
    expect(view({ bookability: notBookable(reason) })).toMatchObject({ state: reason, labelKey: reason, actionable: false, errorKind: null })
  })

  it('shows the reason rather than an earlier checkout failure', () => {
    expect(view({ bookability: notBookable('started'), route: 'authenticated', checkoutStatus: 'error', errorKind: 'network' })).toMatchObject({
      state: 'started',
      actionable: false,
      errorKind: null,
      announcement: null,
    })
  })

  it('describes the reason when custom content replaces the label', () => {
    expect(view({ bookability: notBookable('full'), customContent: true }).describesLabel).toBe(true)
    expect(view({ bookability: notBookable('full') }).describesLabel).toBe(false)
    expect(view({ customContent: true }).describesLabel).toBe(false)
  })

  it('shows "invalid-opportunity" for an answer that is not bookable but gives no reason', () => {
    expect(view({ bookability: { ...bookable, bookable: false } })).toMatchObject({ state: 'invalid-opportunity', labelKey: 'invalid-opportunity', actionable: false })
  })
})

describe('given custom content in place of the label', () => {
  it('adds no description while pending: the pending state is announced instead', () => {
    expect(view({ route: 'authenticated', checkoutStatus: 'pending', customContent: true })).toMatchObject({ state: 'pending', describesLabel: false, announcement: 'pending' })
  })

  it.each([
    ['a retry', 'network', 'retry'],
    ['a failure that cannot be retried', 'invalid-request', 'cannotBook'],
  ] as const)('adds no description for %s: the error shown beside it describes the control', (_name, errorKind, labelKey) => {
    expect(view({ route: 'authenticated', checkoutStatus: 'error', errorKind, customContent: true })).toMatchObject({ labelKey, errorKind, describesLabel: false })
  })

  it('describes every reason the rules give', () => {
    for (const reason of BOOKABILITY_REASONS) expect(view({ bookability: notBookable(reason), customContent: true }).describesLabel, reason).toBe(true)
  })
})

describe('given the app disables the button', () => {
  it('is not actionable, and the state stays what the rules say', () => {
    expect(view({ disabled: true })).toMatchObject({ state: 'bookable', labelKey: 'book', actionable: false })
    expect(view({ disabled: true, bookability: notBookable('full') })).toMatchObject({ state: 'full', actionable: false })
  })

  it('offers no retry after a failure', () => {
    expect(view({ disabled: true, route: 'authenticated', checkoutStatus: 'error', errorKind: 'network' })).toMatchObject({
      state: 'error',
      labelKey: 'retry',
      actionable: false,
    })
  })
})
