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

  it('puts booking-closed between not-yet-open and started', () => {
    expectTypeOf<'booking-closed'>().toMatchTypeOf<BookabilityReason>()
    expectTypeOf<(typeof BOOKABILITY_REASONS)[10]>().toEqualTypeOf<'not-yet-open'>()
    expectTypeOf<(typeof BOOKABILITY_REASONS)[11]>().toEqualTypeOf<'booking-closed'>()
    expectTypeOf<(typeof BOOKABILITY_REASONS)[12]>().toEqualTypeOf<'started'>()
  })
})
