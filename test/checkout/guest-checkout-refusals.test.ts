/** What guestCheckoutUrl says when it cannot build a link, and hosts it accepts beyond the usual. */
import { describe, expect, it } from 'vitest'
import { guestCheckoutUrl } from '../../src/core/index.js'
import { refusal } from './fixtures.js'

const base = { checkoutBaseUrl: 'checkout.example.com' }

describe('guestCheckoutUrl', () => {
  it.each([
    ['a `.` identifier', { '@type': 'ScheduledSession', identifier: '.' }, base, 'The identifier cannot be a path segment.'],
    ['a lone surrogate', { '@type': 'ScheduledSession', identifier: '\uD800' }, base, 'The identifier is not valid Unicode.'],
    ['a slotPath in a list', { '@type': 'Slot', identifier: 'a' }, { ...base, slotPath: ['/v1/slots/'] as never }, 'slotPath must be a path'],
    ['an Event', { '@type': 'Event', identifier: 'a' }, base, 'The opportunity is not a ScheduledSession or Slot.'],
    ['a deleted RPDE item', { state: 'deleted', kind: 'ScheduledSession', id: '1', modified: 1 }, base, 'The opportunity was deleted.'],
    ['a checkoutBaseUrl with a path behind a line break', { '@type': 'ScheduledSession', identifier: 'a' }, { checkoutBaseUrl: 'https://checkout.example.com/\nv1' }, 'without a path'],
  ])('refuses %s, saying why', (_, opportunity, options, reason) => {
    expect(refusal(() => guestCheckoutUrl(opportunity, options)).message).toContain(reason)
  })

  it('takes an IPv6 checkout host with a port', () => {
    expect(guestCheckoutUrl({ '@type': 'ScheduledSession', identifier: 'a' }, { checkoutBaseUrl: '[2001:db8::1]:8443' })).toBe(
      'https://[2001:db8::1]:8443/v1/scheduled-sessions/a',
    )
  })

  it('reads allowedTargetHosts lists apart when their entries would run together', () => {
    const opportunity = { '@type': 'ScheduledSession', 'imin:checkoutUrlTemplate': 'https://a.example/v1/events/1' }
    expect(guestCheckoutUrl(opportunity, { ...base, allowedTargetHosts: ['a.example', 'b.example'] })).toBe('https://a.example/v1/events/1')
    expect(() => guestCheckoutUrl(opportunity, { ...base, allowedTargetHosts: ['a.exampleb.example'] })).toThrow(/imin:checkoutUrlTemplate/)
  })

  it('refuses a list entry that is a number after the same entry as text was accepted', () => {
    const opportunity = { '@type': 'ScheduledSession', 'imin:checkoutUrlTemplate': '{checkoutBaseUrl}/v1/events/1' }
    expect(guestCheckoutUrl(opportunity, { ...base, allowedTargetHosts: ['42'] })).toBe('https://checkout.example.com/v1/events/1')
    expect(refusal(() => guestCheckoutUrl(opportunity, { ...base, allowedTargetHosts: [42] as never })).message).toContain('allowedTargetHosts[0]')
  })
})
