import { expectTypeOf } from 'vitest'
import { BOOKABILITY_REASONS, evaluateBookability } from '../../src/core/index.js'
import type { BookabilityReason, BookabilityRules, EvaluateOptions } from '../../src/core/index.js'

describe('the rules option', () => {
  it('is exactly the two rule sets, exported as BookabilityRules', () => {
    expectTypeOf<BookabilityRules>().toEqualTypeOf<'imin-firehose' | 'open-data'>()
    expectTypeOf<EvaluateOptions['rules']>().toEqualTypeOf<BookabilityRules | undefined>()
    // @ts-expect-error: a misspelt rule set is a type error
    evaluateBookability({}, null, { rules: 'opendata' })
  })

  it('lists booking-closed among the reasons', () => {
    expectTypeOf<'booking-closed'>().toMatchTypeOf<BookabilityReason>()
    expectTypeOf(BOOKABILITY_REASONS).toEqualTypeOf<
      readonly [
        'deleted',
        'invalid-opportunity',
        'missing-parent',
        'parent-mismatch',
        'cancelled',
        'full',
        'opportunity-unavailable',
        'no-adult-offer',
        'offer-unavailable',
        'invalid-booking-window',
        'not-yet-open',
        'booking-closed',
        'started',
      ]
    >()
  })
})
