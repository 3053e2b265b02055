/**
 * Small builders for Firehose-shaped data, so each test states only what it is about.
 * Times are relative to NOW; booking opens a week before the start.
 */

import type { FacilityUse, ScheduledSession, SessionSeries, Slot } from '../src/core/types.js'

export const NOW = Date.parse('2027-03-08T09:00:00Z')
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

export const iso = (epochMs: number) => new Date(epochMs).toISOString()

export function sessionSeries(overrides: Record<string, unknown> = {}, publicAdult: Record<string, unknown> = {}): SessionSeries {
  return {
    '@context': ['https://openactive.io/', 'https://imin.co/'],
    '@type': 'SessionSeries',
    '@id': 'https://example.org/session-series/1',
    identifier: 'series-1',
    name: 'Evening swim',
    'imin:aggregateOffer': {
      '@type': 'imin:AggregateOffer',
      publicAdult: {
        '@type': 'Offer',
        '@id': 'https://example.org/session-series/1#/offers/adult',
        price: 5.5,
        priceCurrency: 'GBP',
        'imin:isPotentiallyBookable': true,
        validFromBeforeStartDate: 'P7D',
        ...publicAdult,
      },
    },
    ...overrides,
  }
}

export function scheduledSession(overrides: Record<string, unknown> = {}): ScheduledSession {
  return {
    '@type': 'ScheduledSession',
    '@id': 'https://example.org/scheduled-sessions/42',
    identifier: 'https://opendata.example.org/api/scheduled-sessions/42',
    superEvent: 'https://example.org/session-series/1',
    startDate: iso(NOW + 2 * DAY),
    endDate: iso(NOW + 2 * DAY + HOUR),
    remainingAttendeeCapacity: 8,
    'imin:isPotentiallyBookable': true,
    ...overrides,
  }
}

export function facilityUse(overrides: Record<string, unknown> = {}): FacilityUse {
  return {
    '@type': 'FacilityUse',
    '@id': 'https://example.org/facility-uses/hall',
    name: 'Sports hall',
    individualFacilityUse: [{ '@type': 'IndividualFacilityUse', '@id': 'https://example.org/facility-uses/hall/court-1', name: 'Court 1' }],
    'imin:aggregateOffer': {
      publicAdult: { '@type': 'Offer', '@id': 'https://example.org/facility-uses/hall#/offers/adult', 'imin:isPotentiallyBookable': true },
    },
    ...overrides,
  }
}

export function slot(overrides: Record<string, unknown> = {}): Slot {
  return {
    '@type': 'Slot',
    '@id': 'https://example.org/slots/7',
    identifier: 7,
    facilityUse: 'https://example.org/facility-uses/hall/court-1',
    startDate: iso(NOW + 3 * HOUR),
    remainingUses: 1,
    'imin:isPotentiallyBookable': true,
    ...overrides,
  }
}
