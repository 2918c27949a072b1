import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MISSING, type ArgumentValue } from '../../../../../../src-main/domain/expr/expr-value'
import { EvaluationError } from '../../../../../../src-main/domain/expr/functions/function-definition'
import { TEXT_AND_DATE_FUNCTIONS } from '../../../../../../src-main/domain/expr/functions/text-and-date'
import { fixedContext } from './fixed-context'

/** Values that look like what these functions meet: dates, formats, patterns, intervals, and noise. */
const text = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('2021-06-30+08:00', '8/25/2021 5:41:18 PM', '20150123105347.1Z', 'yyyyMMddHHmmss.fZ', 'yyyy-MM-ddzzz', "'x", '%', 'o', 'd', 'ww', 'yyyy', '(?<a>x)', '[', '$1', '${a}', 'a', '', 'AdjustToUniversal', '32'),
  fc.stringMatching(/^[\dyMdHhmsftzK:/.\-'"%\\ TZ]{0,16}$/),
)
const scalar = fc.oneof(text, fc.double(), fc.integer(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n }).map((value) => Number(value)), fc.boolean(), fc.constant(null))
const argument: fc.Arbitrary<ArgumentValue> = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.constant(MISSING) }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) })

describe('the text-and-date functions fail only with EvaluationError', () => {
  it.each(TEXT_AND_DATE_FUNCTIONS.map((definition) => [definition.name, definition] as const))('%s', (_name, definition) => {
    const maximum = Math.min(definition.maxArguments, 7)
    fc.assert(
      fc.property(fc.array(argument, { minLength: definition.minArguments, maxLength: maximum }), fc.integer({ min: 1, max: 1_000 }), (args, seed) => {
        try {
          definition.evaluate(args, fixedContext(seed))
        } catch (error) {
          expect(error).toBeInstanceOf(EvaluationError)
        }
      }),
      { numRuns: 300 },
    )
  })
})
