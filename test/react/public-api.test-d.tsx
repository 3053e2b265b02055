/**
 * The public props and return types, checked by the compiler: what brokers
 * may write compiles, and what they must not write does not.
 */
import { createRef } from 'react'
import { describe, expectTypeOf, it } from 'vitest'
import {
  BookButton,
  BookingProvider,
  CheckoutError,
  useBookability,
  useCheckout as movedUseCheckout,
  type Bookability,
  type BookabilityReason,
  type BookButtonProps,
  type BookButtonState,
  type CheckoutErrorKind,
  type CheckoutSession,
  type BookButtonRenderProps,
  type OpportunityInput,
  type ParentInput,
  type BookButtonRoute,
  type BookButtonSource,
} from '../../src/index.js'
import { QueryClient } from '@tanstack/react-query'
import { useCheckout } from '../../src/use-checkout/index.js'

describe('BookButton props', () => {
  it('needs an opportunity, typed as OpportunityInput, and a ParentInput (or nothing) for its parent', () => {
    expectTypeOf<BookButtonProps['opportunity']>().toEqualTypeOf<OpportunityInput>()
    expectTypeOf<BookButtonProps['parent']>().toEqualTypeOf<ParentInput | null | undefined>()
    // @ts-expect-error an opportunity is required
    void (<BookButton parent={{}} />)
    void (<BookButton opportunity={{ '@type': 'ScheduledSession' }} parent={null} />)
  })

  it('accepts native props, a forwarded ref, and both kinds of children', () => {
    const ref = createRef<HTMLElement>()
    void (
      <BookButton opportunity={{}} ref={ref} className="x" id="b" aria-label="Book the swim" data-testid="cta" onClick={(event) => event.preventDefault()}>
        {({ state, bookability }) => `${state} ${bookability.bookable}`}
      </BookButton>
    )
  })

  it('takes only the documented values for unbookable', () => {
    void (<BookButton opportunity={{}} unbookable="hide" />)
    // @ts-expect-error only 'show' or 'hide'
    void (<BookButton opportunity={{}} unbookable="disable" />)
  })

  it('types its callbacks', () => {
    void (
      <BookButton
        opportunity={{}}
        onStateChange={(state, bookability) => {
          expectTypeOf(state).toEqualTypeOf<BookButtonState>()
          expectTypeOf(bookability).toEqualTypeOf<Bookability>()
        }}
        onCheckoutCreated={(session) => expectTypeOf(session).toEqualTypeOf<{ target: string }>()}
        onError={(error) => expectTypeOf(error.kind).toEqualTypeOf<CheckoutErrorKind>()}
        onNavigate={(url) => expectTypeOf(url).toBeString()}
      />
    )
  })

  it('takes disabled, and functions of the render values for className and style', () => {
    void (
      <BookButton
        opportunity={{}}
        disabled
        className={({ state, isDisabled }) => (isDisabled ? `off ${state}` : undefined)}
        style={({ isPending }) => ({ opacity: isPending ? 0.5 : 1 })}
      />
    )
    expectTypeOf<BookButtonRenderProps>().toEqualTypeOf<{
      state: BookButtonState
      bookability: Bookability
      label: string
      isPending: boolean
      isDisabled: boolean
    }>()
  })

  it('exposes every state it can be in', () => {
    expectTypeOf<BookButtonState>().toEqualTypeOf<'bookable' | 'pending' | 'error' | BookabilityReason>()
  })
})

describe('BookingProvider props', () => {
  it('takes a token getter that may be async, and partial labels', () => {
    void (
      <BookingProvider checkoutBaseUrl="checkout.example.com" getAuthToken={async () => 'token'} labels={{ reasons: { full: 'Sold out' } }} now={0}>
        {null}
      </BookingProvider>
    )
    // @ts-expect-error labels are strings, not numbers
    void (<BookingProvider labels={{ book: 1 }} />)
  })
})

describe('routes and rules', () => {
  it('takes the three routes and both rule sets, on the provider and on a button', () => {
    expectTypeOf<BookButtonRoute>().toEqualTypeOf<'guest' | 'authenticated' | 'standalone'>()
    void (
      <BookingProvider route="standalone" rules="open-data" useCheckout={useCheckout}>
        <BookButton opportunity={{}} route="guest" rules="imin-firehose" />
      </BookingProvider>
    )
    // @ts-expect-error not a route
    void (<BookButton opportunity={{}} route="popup" />)
    // @ts-expect-error not a rule set
    void (<BookingProvider rules="openactive" />)
  })

  it('lets onNavigate return a promise the button waits for', () => {
    void (<BookButton opportunity={{}} onNavigate={async () => {}} />)
  })
})

describe('provider callbacks', () => {
  it('say which button they are about', () => {
    void (
      <BookingProvider
        onStateChange={(state, bookability, button) => {
          expectTypeOf(state).toEqualTypeOf<BookButtonState>()
          expectTypeOf(bookability).toEqualTypeOf<Bookability>()
          expectTypeOf(button).toEqualTypeOf<BookButtonSource>()
        }}
        onCheckoutCreated={(session, button) => {
          expectTypeOf(session).toEqualTypeOf<{ target: string }>()
          expectTypeOf(button.opportunity).toBeUnknown()
        }}
        onError={(error) => expectTypeOf(error).toEqualTypeOf<CheckoutError>()}
      />
    )
  })
})

describe('the authenticated route', () => {
  it('registers useCheckout from openactive-book-button/checkout on the provider', () => {
    void (
      <BookingProvider checkoutBaseUrl="checkout.example.com" getAuthToken={() => 'token'} useCheckout={useCheckout}>
        {null}
      </BookingProvider>
    )
  })

  it('takes a React Query client as queryClient once the checkout entry is in the app', () => {
    void (<BookingProvider queryClient={new QueryClient()} />)
    // @ts-expect-error a queryClient is a QueryClient
    void (<BookingProvider queryClient={{ mutate: true }} />)
  })

  it('points a useCheckout imported from the React entry to its new home, by a type error', () => {
    // @ts-expect-error useCheckout moved: import { useCheckout } from 'openactive-book-button/checkout'
    movedUseCheckout({})
  })
})

describe('hooks', () => {
  it('return the documented shapes', () => {
    expectTypeOf(useBookability).returns.toEqualTypeOf<Bookability>()
    expectTypeOf<ReturnType<typeof useCheckout>['checkout']>().returns.toEqualTypeOf<Promise<CheckoutSession>>()
    expectTypeOf<ReturnType<typeof useCheckout>['error']>().toEqualTypeOf<CheckoutError | null>()
  })
})
