import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { createRef, version, type Ref } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BOOKABILITY_REASONS, BookButton, BookingProvider, englishLabels, frenchLabels, useBookingConfig, type BookButtonState, type BookingConfig, type OpportunityInput, type ParentInput } from '../../src/index.js'
import { useCheckout } from '../../src/use-checkout/index.js'
import { DAY, HOUR, NOW, facilityUse, iso, scheduledSession, sessionSeries, slot } from '../fixtures.js'

const checkoutBaseUrl = 'checkout.example.com'

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}

function renderButton(ui: React.ReactElement) {
  return render(
    <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW} locale="en-GB" timeZone="Europe/London">
      {ui}
    </BookingProvider>,
  )
}

describe('given a bookable session in guest mode', () => {
  it('is a real link to guest Checkout for exactly that identifier', async () => {
    const { container } = renderButton(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} />)
    const link = screen.getByRole('link', { name: 'Book' })
    expect(link).toHaveAttribute(
      'href',
      'https://checkout.example.com/v1/scheduled-sessions/https%3A%2F%2Fopendata.example.org%2Fapi%2Fscheduled-sessions%2F42',
    )
    expect(link).toHaveAttribute('data-state', 'bookable')
    expect(link).not.toHaveAttribute('aria-disabled')
    await expectNoAxeViolations(container)
  })

  it('links a Slot on a court of a sports hall to the slot path', () => {
    renderButton(<BookButton opportunity={slot()} parent={facilityUse()} />)
    expect(screen.getByRole('link', { name: 'Book' })).toHaveAttribute('href', 'https://checkout.example.com/v1/slots/7')
  })

  it('opens a new tab safely when asked', () => {
    renderButton(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} target="_blank" />)
    const link = screen.getByRole('link', { name: 'Book' })
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  })

  it('spreads native props, merges className and forwards its ref', () => {
    const ref = createRef<HTMLElement>()
    renderButton(
      <BookButton
        opportunity={scheduledSession()}
        parent={sessionSeries()}
        ref={ref}
        className="listing-cta"
        id="book-42"
        data-testid="cta"
        title="Book the evening swim"
      />,
    )
    const link = screen.getByRole('link', { name: 'Book' })
    expect(link).toHaveClass('obb-button', 'listing-cta')
    expect(link).toHaveAttribute('id', 'book-42')
    expect(link).toHaveAttribute('data-testid', 'cta')
    expect(ref.current).toBe(link)
  })

  it('hands a plain click to onNavigate after the consumer’s own onClick', async () => {
    const calls: string[] = []
    renderButton(
      <BookButton
        opportunity={scheduledSession({ identifier: 42 })}
        parent={sessionSeries()}
        onClick={() => calls.push('consumer')}
        onNavigate={(url) => calls.push(url)}
      />,
    )
    await userEvent.click(screen.getByRole('link', { name: 'Book' }))
    expect(calls).toEqual(['consumer', 'https://checkout.example.com/v1/scheduled-sessions/42'])
  })

  it('does nothing more when the consumer’s onClick prevents the default', async () => {
    const onNavigate = vi.fn()
    renderButton(
      <BookButton
        opportunity={scheduledSession()}
        parent={sessionSeries()}
        onClick={(event) => event.preventDefault()}
        onNavigate={onNavigate}
      />,
    )
    await userEvent.click(screen.getByRole('link', { name: 'Book' }))
    expect(onNavigate).not.toHaveBeenCalled()
  })

  it('renders a function child with the state and the rules’ answer', () => {
    renderButton(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()}>
        {({ state, bookability }) => `${state} until ${bookability.closesAt?.toISOString()}`}
      </BookButton>,
    )
    expect(screen.getByRole('link')).toHaveTextContent(`bookable until ${iso(NOW + 2 * DAY)}`)
  })

  it('lends its props to the broker’s own element with asChild', async () => {
    const onNavigate = vi.fn()
    const onOwnClick = vi.fn()
    renderButton(
      <BookButton opportunity={scheduledSession({ identifier: 'a/b' })} parent={sessionSeries()} asChild onNavigate={onNavigate}>
        <a className="brand-link" onClick={onOwnClick} />
      </BookButton>,
    )
    const link = screen.getByRole('link', { name: 'Book' })
    expect(link).toHaveClass('obb-button', 'brand-link')
    expect(link).toHaveAttribute('href', 'https://checkout.example.com/v1/scheduled-sessions/a%2Fb')
    await userEvent.click(link)
    expect(onOwnClick).toHaveBeenCalledOnce()
    expect(onNavigate).toHaveBeenCalledWith('https://checkout.example.com/v1/scheduled-sessions/a%2Fb')
  })

  it('forwards its ref through asChild, on React 18 as on 19', () => {
    const ref = createRef<HTMLElement>()
    const ownRef = createRef<HTMLAnchorElement>()
    renderButton(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild ref={ref}>
        <a ref={ownRef} />
      </BookButton>,
    )
    const link = screen.getByRole('link', { name: 'Book' })
    expect(ref.current).toBe(link)
    expect(ownRef.current).toBe(link)
  })

  it('hands a callback ref that returns a value (not a cleanup) its node, then null on unmount, with no error', () => {
    const errors = vi.spyOn(console, 'error')
    const nodes: (HTMLAnchorElement | null)[] = []
    const { unmount } = renderButton(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild ref={createRef<HTMLElement>()}>
        {/* `push` returns the new length, which is no cleanup: React 18's types and JavaScript allow it. */}
        <a ref={((node: HTMLAnchorElement | null) => nodes.push(node)) as unknown as Ref<HTMLAnchorElement>} />
      </BookButton>,
    )
    const link = screen.getByRole('link', { name: 'Book' })
    unmount()
    expect(nodes).toEqual([link, null])
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
  })

  it('keeps the asChild element’s own attributes, joining descriptions', () => {
    render(
      <>
        <p id="hint">Pay at the door</p>
        <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW}>
          <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild aria-describedby="venue">
            <a id="own-id" aria-describedby="hint" tabIndex={-1} />
          </BookButton>
        </BookingProvider>
        <p id="venue">Leisure centre</p>
      </>,
    )
    const link = screen.getByRole('link', { name: 'Book' })
    expect(link).toHaveAttribute('id', 'own-id')
    expect(link).toHaveAttribute('tabindex', '-1')
    expect(link).toHaveAccessibleDescription('Leisure centre Pay at the door')
  })

  it('keeps an element given as its content inside its own link without asChild', () => {
    renderButton(
      <BookButton opportunity={scheduledSession({ identifier: 8 })} parent={sessionSeries()}>
        <span className="brand-label">Book yoga</span>
      </BookButton>,
    )
    const link = screen.getByRole('link', { name: 'Book yoga' })
    expect(link).toHaveClass('obb-button')
    expect(link).toHaveAttribute('href', 'https://checkout.example.com/v1/scheduled-sessions/8')
    expect(link.querySelector('span.brand-label')).not.toBeNull()
  })

  it('keeps the asChild link’s own target and rel where the button is given none', () => {
    renderButton(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild>
        <a target="_blank" rel="external noopener" />
      </BookButton>,
    )
    const link = screen.getByRole('link', { name: 'Book' })
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'external noopener')
  })

  it('works outside a provider with the same props given directly', () => {
    render(<BookButton opportunity={scheduledSession({ identifier: 9 })} parent={sessionSeries()} checkoutBaseUrl="https://book.example.org/" now={NOW} />)
    expect(screen.getByRole('link', { name: 'Book' })).toHaveAttribute('href', 'https://book.example.org/v1/scheduled-sessions/9')
  })

  it('speaks French with the French labels', () => {
    render(
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW} locale="fr-FR" timeZone="Europe/Paris" labels={frenchLabels}>
        <BookButton opportunity={scheduledSession()} parent={sessionSeries()} />
        <BookButton opportunity={scheduledSession({ remainingAttendeeCapacity: 0 })} parent={sessionSeries()} />
        <BookButton opportunity={scheduledSession({ startDate: iso(NOW + 10 * DAY) })} parent={sessionSeries()} />
      </BookingProvider>,
    )
    expect(screen.getByRole('link', { name: 'Réserver' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Complet' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /^Ouvre le 11 mars 2027/ })).toBeInTheDocument()
  })

  it('takes any single label over the defaults', () => {
    renderButton(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} labels={{ book: 'Book now' }} />)
    expect(screen.getByRole('link', { name: 'Book now' })).toBeInTheDocument()
  })
})

describe('given an opportunity that is not bookable', () => {
  const cases: { state: BookButtonState; name: string | RegExp; opportunity: OpportunityInput; parent?: ParentInput }[] = [
    { state: 'deleted', name: 'No longer listed', opportunity: { state: 'deleted', kind: 'ScheduledSession', id: '42', modified: 3 }, parent: sessionSeries() },
    { state: 'invalid-opportunity', name: 'Listing unreadable', opportunity: scheduledSession({ startDate: '2027-03-10T18:00' }), parent: sessionSeries() },
    { state: 'missing-parent', name: 'Details missing', opportunity: scheduledSession(), parent: undefined },
    { state: 'parent-mismatch', name: "Details don't match", opportunity: scheduledSession(), parent: sessionSeries({ '@id': 'https://example.org/session-series/2' }) },
    { state: 'cancelled', name: 'Cancelled', opportunity: scheduledSession({ eventStatus: 'https://schema.org/EventCancelled' }), parent: sessionSeries() },
    { state: 'full', name: 'Full', opportunity: scheduledSession({ remainingAttendeeCapacity: 0 }), parent: sessionSeries() },
    { state: 'opportunity-unavailable', name: 'Unavailable', opportunity: scheduledSession({ 'imin:isPotentiallyBookable': false }), parent: sessionSeries() },
    { state: 'no-adult-offer', name: 'Juniors only', opportunity: scheduledSession(), parent: sessionSeries({ 'imin:aggregateOffer': { publicJunior: {} } }) },
    { state: 'offer-unavailable', name: 'Not bookable online', opportunity: scheduledSession(), parent: sessionSeries({}, { 'imin:isPotentiallyBookable': false }) },
    { state: 'invalid-booking-window', name: 'Booking times unclear', opportunity: scheduledSession(), parent: sessionSeries({}, { validFromBeforeStartDate: 'P1.5M' }) },
    { state: 'not-yet-open', name: 'Opens 11 Mar 2027, 09:00', opportunity: scheduledSession({ startDate: iso(NOW + 10 * DAY) }), parent: sessionSeries() },
    { state: 'booking-closed', name: 'Booking closed', opportunity: scheduledSession(), parent: sessionSeries({}, { validThroughBeforeStartDate: 'P3D' }) },
    { state: 'started', name: 'Started', opportunity: scheduledSession({ startDate: iso(NOW - HOUR) }), parent: sessionSeries() },
  ]

  it.each(cases)('$state: a focusable, disabled-looking link named “$name”', async ({ state, name, opportunity, parent }) => {
    const { container } = renderButton(<BookButton opportunity={opportunity} parent={parent} />)
    const control = screen.getByRole('link', { name })
    expect(control).toHaveAttribute('data-state', state)
    expect(control).toHaveAttribute('aria-disabled', 'true')
    expect(control).not.toHaveAttribute('href')
    // Its name says why; a description would only say it twice.
    expect(control).not.toHaveAccessibleDescription()
    await userEvent.tab()
    expect(control).toHaveFocus()
    await expectNoAxeViolations(container)
  })

  it.each(cases)('$state: a disabled-looking button in authenticated mode', async ({ state, opportunity, parent }) => {
    const { container } = renderButton(<BookButton opportunity={opportunity} parent={parent} getAuthToken={() => 'token'} useCheckout={useCheckout} />)
    const control = screen.getByRole('button')
    expect(control).toHaveAttribute('data-state', state)
    expect(control).toHaveAttribute('aria-disabled', 'true')
    await expectNoAxeViolations(container)
  })

  it('still says why when the content is the broker’s own', async () => {
    const { container } = renderButton(
      <>
        <BookButton opportunity={scheduledSession({ remainingAttendeeCapacity: 0 })} parent={sessionSeries()}>
          Book yoga
        </BookButton>
        <BookButton opportunity={scheduledSession({ eventStatus: 'EventCancelled' })} parent={sessionSeries()} asChild>
          <a>Book pilates</a>
        </BookButton>
      </>,
    )
    expect(screen.getByRole('link', { name: 'Book yoga' })).toHaveAccessibleDescription('Full')
    expect(screen.getByRole('link', { name: 'Book pilates' })).toHaveAccessibleDescription('Cancelled')
    await expectNoAxeViolations(container)
  })

  it('is named by the reason, not described by it again, when an asChild element has no content of its own', () => {
    renderButton(
      <BookButton opportunity={scheduledSession({ eventStatus: 'EventCancelled' })} parent={sessionSeries()} asChild>
        <a className="brand-link" />
      </BookButton>,
    )
    const link = screen.getByRole('link', { name: 'Cancelled' })
    expect(link).not.toHaveAccessibleDescription()
  })

  it('renders nothing with unbookable="hide"', () => {
    const { container } = renderButton(
      <BookButton opportunity={scheduledSession({ remainingAttendeeCapacity: 0 })} parent={sessionSeries()} unbookable="hide" />,
    )
    expect(screen.queryByRole('link')).toBeNull()
    expect(container.querySelector('.obb-button')).toBeNull()
  })

  it('ignores clicks', async () => {
    const onNavigate = vi.fn()
    renderButton(<BookButton opportunity={scheduledSession({ remainingAttendeeCapacity: 0 })} parent={sessionSeries()} onNavigate={onNavigate} />)
    await userEvent.click(screen.getByRole('link', { name: 'Full' }))
    expect(onNavigate).not.toHaveBeenCalled()
  })

  it('falls back to the plain label for an unknown time zone rather than breaking', () => {
    render(
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW} locale="en-GB" timeZone="Mars/Olympus_Mons">
        <BookButton opportunity={scheduledSession({ startDate: iso(NOW + 10 * DAY) })} parent={sessionSeries()} />
      </BookingProvider>,
    )
    expect(screen.getByRole('link', { name: 'Not open yet' })).toHaveAttribute('data-state', 'not-yet-open')
  })
})

describe('given a guest link that cannot be built', () => {
  it.each([
    ['a checkout base URL with a path', { checkoutBaseUrl: 'https://checkout.example.com/book' }, scheduledSession()],
    ['a plain-http checkout base URL', { checkoutBaseUrl: 'http://checkout.example.com' }, scheduledSession()],
    ['no identifier', { checkoutBaseUrl }, scheduledSession({ identifier: undefined })],
  ])('with %s, shows an error state and never a broken href', async (_, config, opportunity) => {
    const { container } = render(<BookButton opportunity={opportunity} parent={sessionSeries()} now={NOW} {...config} />)
    const control = screen.getByRole('link', { name: 'Booking unavailable' })
    expect(control).toHaveAttribute('data-state', 'error')
    expect(control).toHaveAttribute('aria-disabled', 'true')
    expect(control).not.toHaveAttribute('href')
    expect(control).toHaveAccessibleDescription('This booking link is not set up correctly.')
    await expectNoAxeViolations(container)
  })
})

describe('given an imin:checkoutUrlTemplate', () => {
  const withTemplate = (template: string) => scheduledSession({ 'imin:checkoutUrlTemplate': template })

  it('links to the template’s page on the checkout origin', () => {
    renderButton(<BookButton opportunity={withTemplate('{checkoutBaseUrl}/v1/events/swim-42')} parent={sessionSeries()} />)
    expect(screen.getByRole('link', { name: 'Book' })).toHaveAttribute('href', 'https://checkout.example.com/v1/events/swim-42')
  })

  it('links to another host only when the provider’s allowedTargetHosts lists it', () => {
    const opportunity = withTemplate('https://book.partner.example/v1/events/swim-42')
    render(
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW} allowedTargetHosts={['book.partner.example']}>
        <BookButton opportunity={opportunity} parent={sessionSeries()} />
      </BookingProvider>,
    )
    expect(screen.getByRole('link', { name: 'Book' })).toHaveAttribute('href', 'https://book.partner.example/v1/events/swim-42')
  })

  it.each([
    ['another host', 'https://book.partner.example/v1/events/swim-42'],
    ['plain http', 'http://checkout.example.com/v1/events/swim-42'],
    ['a script', 'javascript:alert(1)'],
    ['a placeholder left over', '{checkoutBaseUrl}/v1/events/{eventId}'],
    ['a relative path', '/v1/events/swim-42'],
  ])('is an invalid-request error state, never an href, for %s', (_, template) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    renderButton(<BookButton opportunity={withTemplate(template)} parent={sessionSeries()} />)
    const control = screen.getByRole('link', { name: 'Booking unavailable' })
    expect(control).toHaveAttribute('data-state', 'error')
    expect(control).not.toHaveAttribute('href')
    expect(control).toHaveAccessibleDescription('This booking link is not set up correctly.')
    warn.mockRestore()
  })
})

describe('given hostile data', () => {
  it('shows an error state when reading the opportunity throws, instead of breaking the page', () => {
    const opportunity = scheduledSession()
    Object.defineProperty(opportunity, 'identifier', {
      get() {
        throw new Error('a proxy that refuses')
      },
    })
    renderButton(<BookButton opportunity={opportunity} parent={sessionSeries()} />)
    const control = screen.getByRole('link', { name: 'Booking unavailable' })
    expect(control).toHaveAttribute('data-state', 'error')
    expect(control).toHaveAccessibleDescription('This booking link is not set up correctly.')
  })
})

describe('given live time', () => {
  // Unmount while the clock is still fake, so the buttons' timer is cleared on the clock that set it.
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('opens at opensAt and closes at the start, with one timer for many buttons', () => {
    vi.useFakeTimers({ now: NOW })
    const startDate = iso(NOW + 7 * DAY + HOUR) // opens in one hour
    const states: BookButtonState[] = []
    render(
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} locale="en-GB" timeZone="Europe/London">
        {Array.from({ length: 50 }, (_, index) => (
          <BookButton
            key={index}
            opportunity={scheduledSession({ startDate })}
            parent={sessionSeries()}
            onStateChange={index === 0 ? (state) => states.push(state) : undefined}
          />
        ))}
      </BookingProvider>,
    )
    expect(screen.getAllByRole('link', { name: /^Opens/ })).toHaveLength(50)
    expect(vi.getTimerCount()).toBe(1)

    act(() => vi.advanceTimersByTime(HOUR - 1))
    expect(screen.getAllByRole('link', { name: /^Opens/ })).toHaveLength(50)

    act(() => vi.advanceTimersByTime(1))
    expect(screen.getAllByRole('link', { name: 'Book' })).toHaveLength(50)
    expect(vi.getTimerCount()).toBe(1)

    act(() => vi.advanceTimersByTime(7 * DAY))
    expect(screen.getAllByRole('link', { name: 'Started' })).toHaveLength(50)
    expect(vi.getTimerCount()).toBe(0)
    expect(states).toEqual(['bookable', 'started'])
  })

  it('reports each change of state once, however often the button re-renders', () => {
    vi.useFakeTimers({ now: NOW })
    const onStateChange = vi.fn()
    const page = (className: string) => (
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} locale="en-GB" timeZone="Europe/London">
        <BookButton opportunity={scheduledSession({ startDate: iso(NOW + 7 * DAY + HOUR) })} parent={sessionSeries()} className={className} onStateChange={onStateChange} />
      </BookingProvider>
    )
    const { rerender } = render(page('listing'))
    rerender(page('listing highlighted'))
    expect(onStateChange).not.toHaveBeenCalled()

    act(() => vi.advanceTimersByTime(HOUR))
    rerender(page('listing'))
    rerender(page('listing highlighted'))
    expect(onStateChange.mock.calls.map(([state]) => state)).toEqual(['bookable'])
  })

  it('holds no timer with a fixed clock', () => {
    vi.useFakeTimers({ now: NOW })
    renderButton(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} />)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stops waiting when the buttons unmount', () => {
    vi.useFakeTimers({ now: NOW })
    const { unmount } = render(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} checkoutBaseUrl={checkoutBaseUrl} />)
    expect(vi.getTimerCount()).toBe(1)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('labels', () => {
  it.each([
    ['English', englishLabels],
    ['French', frenchLabels],
  ])('give every reason its own words in %s', (_, labels) => {
    const words = BOOKABILITY_REASONS.map((reason) => labels.reasons[reason])
    expect(words.every((word) => typeof word === 'string' && word.length > 0)).toBe(true)
    expect(new Set(words).size).toBe(BOOKABILITY_REASONS.length)
  })

  it.each([
    ['English', englishLabels],
    ['French', frenchLabels],
  ])('give every control and every kind of checkout failure its own words in %s', (_, labels) => {
    const controls = [labels.book, labels.pending, labels.retry, labels.cannotBook, labels.notYetOpen]
    const kinds = Object.keys(englishLabels.errors) as (keyof typeof englishLabels.errors)[]
    const messages = kinds.map((kind) => labels.errors[kind])
    for (const words of [controls, messages]) {
      expect(words.every((word) => typeof word === 'string' && word.trim().length > 0)).toBe(true)
      expect(new Set(words).size).toBe(words.length)
    }
    expect(Object.keys(labels.errors).sort()).toEqual([...kinds].sort())
  })
})

describe('given the app disables the button', () => {
  it('is a focusable, disabled link with no href that keeps the rules’ state', async () => {
    const onNavigate = vi.fn()
    const { container } = renderButton(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} disabled onNavigate={onNavigate} />)
    const link = screen.getByRole('link', { name: 'Book' })
    expect(link).toHaveAttribute('data-state', 'bookable')
    expect(link).toHaveAttribute('data-disabled', '')
    expect(link).toHaveAttribute('aria-disabled', 'true')
    expect(link).not.toHaveAttribute('href')
    await userEvent.tab()
    expect(link).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await userEvent.click(link)
    expect(onNavigate).not.toHaveBeenCalled()
    await expectNoAxeViolations(container)
  })

  it('still says why when the rules say no', () => {
    renderButton(<BookButton opportunity={scheduledSession({ remainingAttendeeCapacity: 0 })} parent={sessionSeries()} disabled />)
    expect(screen.getByRole('link', { name: 'Full' })).toHaveAttribute('data-state', 'full')
  })

  it('sends no request on the authenticated route', async () => {
    const checkout = vi.fn()
    const useFakeCheckout = () => ({ checkout, abort() {}, reset() {}, status: 'idle' as const, error: null, data: undefined })
    renderButton(<BookButton opportunity={scheduledSession()} parent={sessionSeries()} getAuthToken={() => 'token'} useCheckout={useFakeCheckout} disabled />)
    const button = screen.getByRole('button', { name: 'Book' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(button)
    expect(checkout).not.toHaveBeenCalled()
  })
})

describe('given render functions', () => {
  it('passes { state, bookability, label, isPending, isDisabled } to children, className and style', () => {
    renderButton(
      <>
        <BookButton
          opportunity={scheduledSession()}
          parent={sessionSeries()}
          className={({ state, isDisabled }) => `cta-${state}${isDisabled ? ' cta-off' : ''}`}
          style={({ isPending }) => ({ opacity: isPending ? 0.5 : 1 })}
        >
          {({ label, isPending, isDisabled, bookability }) => `${label} → (${isPending}, ${isDisabled}, ${bookability.bookable})`}
        </BookButton>
        <BookButton opportunity={scheduledSession({ remainingAttendeeCapacity: 0 })} parent={sessionSeries()} className={({ state, isDisabled }) => `cta-${state}${isDisabled ? ' cta-off' : ''}`}>
          {({ label }) => `${label}!`}
        </BookButton>
      </>,
    )
    const bookable = screen.getByRole('link', { name: 'Book → (false, false, true)' })
    expect(bookable).toHaveClass('obb-button', 'cta-bookable')
    expect(bookable).not.toHaveClass('cta-off')
    expect(bookable).toHaveStyle({ opacity: '1' })
    expect(screen.getByRole('link', { name: 'Full!' })).toHaveClass('obb-button', 'cta-full', 'cta-off')
  })
})

describe('given asChild', () => {
  it('keeps one ref between renders: a callback ref attaches once', () => {
    const calls: (HTMLElement | null)[] = []
    const ownRef = (node: HTMLAnchorElement | null) => {
      calls.push(node)
    }
    const ui = (label: string) => (
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild title={label}>
        <a ref={ownRef} />
      </BookButton>
    )
    const { rerender } = renderButton(ui('first'))
    rerender(
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW} locale="en-GB" timeZone="Europe/London">
        {ui('second')}
      </BookingProvider>,
    )
    expect(screen.getByRole('link', { name: 'Book' })).toHaveAttribute('title', 'second')
    expect(calls).toEqual([screen.getByRole('link', { name: 'Book' })])
  })

  it('runs a callback ref’s cleanup once, on unmount (React 19), or detaches it once (React 18)', () => {
    const events: string[] = []
    const ownRef = (node: HTMLAnchorElement | null) => {
      events.push(node ? 'attach' : 'detach')
      return () => {
        events.push('cleanup')
      }
    }
    const ui = (title: string) => (
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW}>
        <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild title={title}>
          <a ref={ownRef} />
        </BookButton>
      </BookingProvider>
    )
    const { rerender, unmount } = render(ui('first'))
    rerender(ui('second'))
    unmount()
    expect(events).toEqual(['attach', Number.parseInt(version, 10) >= 19 ? 'cleanup' : 'detach'])
  })

  it('merges its style with the child’s, the child’s own values winning', () => {
    renderButton(
      <BookButton opportunity={scheduledSession()} parent={sessionSeries()} asChild style={{ margin: '4px', color: 'red' }}>
        <a style={{ color: 'blue', padding: '2px' }} />
      </BookButton>,
    )
    const link = screen.getByRole('link', { name: 'Book' })
    expect(link).toHaveStyle({ margin: '4px', padding: '2px' })
    expect(link.style.color).toBe('blue')
  })

  it('still follows a guest link with Enter, and Space does not book it', async () => {
    const onNavigate = vi.fn()
    renderButton(
      <BookButton opportunity={scheduledSession({ identifier: 42 })} parent={sessionSeries()} asChild onNavigate={onNavigate}>
        <a />
      </BookButton>,
    )
    await userEvent.tab()
    await userEvent.keyboard(' ')
    expect(onNavigate).not.toHaveBeenCalled()
    await userEvent.keyboard('{Enter}')
    expect(onNavigate).toHaveBeenCalledWith('https://checkout.example.com/v1/scheduled-sessions/42')
  })
})

describe('given nested providers', () => {
  it('lets the inner one override only the props it sets', () => {
    render(
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW} locale="en-GB" timeZone="Europe/London">
        <BookingProvider labels={frenchLabels}>
          <BookButton opportunity={scheduledSession({ identifier: 7 })} parent={sessionSeries()} />
          <BookButton opportunity={scheduledSession({ startDate: iso(NOW + 10 * DAY) })} parent={sessionSeries()} />
        </BookingProvider>
      </BookingProvider>,
    )
    expect(screen.getByRole('link', { name: 'Réserver' })).toHaveAttribute('href', 'https://checkout.example.com/v1/scheduled-sessions/7')
    // The outer clock, locale and zone still apply.
    expect(screen.getByRole('link', { name: 'Ouvre le 11 Mar 2027, 09:00' })).toHaveAttribute('data-state', 'not-yet-open')
  })

  it('keeps the outer value where a button’s or inner provider’s prop is undefined, as when its environment variable is unset', () => {
    render(
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} now={NOW} locale="en-GB" timeZone="Europe/London">
        <BookingProvider checkoutBaseUrl={undefined} labels={frenchLabels}>
          <BookButton opportunity={scheduledSession({ identifier: 7 })} parent={sessionSeries()} checkoutBaseUrl={undefined} locale={undefined} />
        </BookingProvider>
      </BookingProvider>,
    )
    expect(screen.getByRole('link', { name: 'Réserver' })).toHaveAttribute('href', 'https://checkout.example.com/v1/scheduled-sessions/7')
  })

  it('hands back the provider’s own configuration from useBookingConfig when the props add nothing to it', () => {
    const seen: BookingConfig[] = []
    function Probe(props: BookingConfig) {
      seen.push(useBookingConfig(props))
      return null
    }
    render(
      <BookingProvider checkoutBaseUrl={checkoutBaseUrl} locale="en-GB">
        <Probe />
        <Probe locale="en-GB" />
        <Probe locale={undefined} checkoutBaseUrl={checkoutBaseUrl} />
        <Probe locale="fr-FR" />
      </BookingProvider>,
    )
    const [shared, same, unset, own] = seen
    expect(same).toBe(shared)
    expect(unset).toBe(shared)
    expect(own).toEqual({ ...shared, locale: 'fr-FR' })
  })
})
