/**
 * No input makes the language throw: random strings, token soups and random trees go through
 * compileExpression and evaluate, and every diagnostic points inside the text.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileExpression } from '../../../../src-main/domain/expr/compile'
import type { EvaluationContext, ExprValue } from '../../../../src-main/domain/expr/expr-value'
import { printExpression } from '../../../../src-main/domain/expr/printer'
import { syntaxTree, tokenSoup } from './expression-arbitraries'

const VALUES: readonly ExprValue[] = [null, '', 'USA', '3', 'True', 42, true, ['a', 'b', 'a'], [], 'x'.repeat(300)]

const context: EvaluationContext = {
  // A different kind of value per name, so functions meet nulls, numbers, lists and long text.
  attribute: (name) => VALUES[name.length % VALUES.length] ?? null,
  now: new Date('2024-08-06T12:00:00Z'),
  random: () => 0.42,
  newGuid: () => '00aa00aa-bb11-cc22-dd33-44ee44ee44ee',
  isTaken: (value) => value.length % 2 === 0,
}

function compileAndEvaluate(text: string): void {
  const compiled = compileExpression(text, { knownAttributes: ['mail', 'country'] })
  const evaluation = compiled.evaluate(context)
  for (const item of [...compiled.diagnostics, ...evaluation.diagnostics]) {
    expect(item.offset).toBeGreaterThanOrEqual(0)
    expect(item.length).toBeGreaterThanOrEqual(0)
    expect(item.offset + item.length).toBeLessThanOrEqual(text.length)
    expect(item.message).not.toBe('')
  }
  if (compiled.hasErrors) expect(evaluation.value).toBeNull()
}

describe('the expression language never throws', () => {
  it('for random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => compileAndEvaluate(text)), { numRuns: 500 })
  })

  it('for token soups', () => {
    fc.assert(fc.property(tokenSoup, (text) => compileAndEvaluate(text)), { numRuns: 1000 })
  })

  it('for random trees, printed', () => {
    fc.assert(fc.property(syntaxTree, (tree) => compileAndEvaluate(printExpression(tree))), { numRuns: 500 })
  })

  it('for very deep nesting', () => {
    compileAndEvaluate('ToLower('.repeat(5000) + '[mail]' + ')'.repeat(5000))
    compileAndEvaluate('('.repeat(20_000))
  })
})
