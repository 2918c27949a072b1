/** parse → print → parse gives the same tree, for the golden expressions and for random trees. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseExpression } from '../../../../src-main/domain/expr/parser'
import { printExpression } from '../../../../src-main/domain/expr/printer'
import { syntaxTree, withoutSpans } from './expression-arbitraries'
import { GOLDEN_CASES } from './golden-cases'

const parsable = GOLDEN_CASES.filter((row) => !parseExpression(row.expression).diagnostics.some((item) => item.severity === 'error'))

describe('printer', () => {
  it('covers most golden expressions', () => {
    expect(parsable.length).toBeGreaterThan(100)
  })

  it.each(parsable.map((row) => [row.name, row.expression] as const))('round-trips: %s', (_name, expression) => {
    const first = parseExpression(expression).tree
    if (!first) throw new Error('no tree')
    const printed = printExpression(first)
    const second = parseExpression(printed)
    expect(second.diagnostics.filter((item) => item.severity === 'error')).toEqual([])
    expect(second.tree && withoutSpans(second.tree)).toEqual(withoutSpans(first))
    // Canonical: printing the reparsed tree gives the same text.
    expect(second.tree && printExpression(second.tree)).toBe(printed)
  })

  it('prints the canonical form', () => {
    const tree = parseExpression('Replace([mail],"@contoso.com", , ,"", ,)').tree
    expect(tree && printExpression(tree)).toBe('Replace([mail], "@contoso.com", , , "", , )')
    const escaped = parseExpression('IIF([a]="\\"x\\\\",&hff,-1.50)').tree
    expect(escaped && printExpression(escaped)).toBe('IIF([a] = "\\"x\\\\", &HFF, -1.5)')
  })

  it('round-trips random trees', () => {
    fc.assert(
      fc.property(syntaxTree, (tree) => {
        const printed = printExpression(tree)
        const parsed = parseExpression(printed)
        expect(parsed.diagnostics.filter((item) => item.severity === 'error')).toEqual([])
        expect(parsed.tree && withoutSpans(parsed.tree)).toEqual(withoutSpans(tree))
      }),
      { numRuns: 300 },
    )
  })
})
