import { describe, expect, it } from 'vitest'
import { compileClause, type ClauseVerdict } from '../../../../src-main/domain/scoping/compile-clause'
import type { ScopeOperator } from '../../../../src-main/domain/scoping/scope-operator'

/**
 * Golden table: operator × clause value × attribute value → verdict. Only `match` makes a clause true.
 * Entra's rule "Scoping filters will return 'false' if the value is null / empty" shows as `empty` on
 * every operator except IS NULL.
 */
const GOLDEN: readonly (readonly [ScopeOperator, string | null, unknown, ClauseVerdict])[] = [
  // EQUALS / NOT EQUALS: case-sensitive, false on empty (both of them)
  ['EQUALS', 'Engineering', 'Engineering', 'match'],
  ['EQUALS', 'Engineering', 'engineering', 'mismatch'],
  ['EQUALS', 'Engineering', 'Engineering ', 'mismatch'],
  ['EQUALS', 'Engineering', null, 'empty'],
  ['EQUALS', 'Engineering', '', 'empty'],
  ['EQUALS', 'True', true, 'match'],
  ['EQUALS', '42', 42, 'match'],
  ['EQUALS', 'a', ['a'], 'match'],
  ['EQUALS', 'a', ['a', 'b'], 'notSingleValued'],
  ['EQUALS', 'a', { a: 1 }, 'notSingleValued'],
  ['NOT EQUALS', 'Guest', 'Member', 'match'],
  ['NOT EQUALS', 'Guest', 'Guest', 'mismatch'],
  ['NOT EQUALS', 'Guest', 'guest', 'match'],
  ['NOT EQUALS', 'Guest', null, 'empty'],
  ['NOT EQUALS', 'Guest', '', 'empty'],
  // Includes, ENDS_WITH: case-sensitive .NET Contains / EndsWith
  ['Includes', 'Sales', 'Inside Sales', 'match'],
  ['Includes', 'Sales', 'inside sales', 'mismatch'],
  ['Includes', 'Sales', null, 'empty'],
  ['ENDS_WITH', '@contoso.com', 'ada@contoso.com', 'match'],
  ['ENDS_WITH', '@contoso.com', 'ada@CONTOSO.com', 'mismatch'],
  ['ENDS_WITH', '@contoso.com', undefined, 'empty'],
  // & / !&: the attribute's value occurs in the clause's text
  ['&', 'Sales,Marketing', 'Sales', 'match'],
  ['&', 'Sales,Marketing', 'Finance', 'mismatch'],
  ['&', 'Sales,Marketing', 'sales', 'mismatch'],
  ['&', 'Sales,Marketing', null, 'empty'],
  ['!&', 'Sales,Marketing', 'Finance', 'match'],
  ['!&', 'Sales,Marketing', 'Marketing', 'mismatch'],
  ['!&', 'Sales,Marketing', null, 'empty'],
  // Greater_Than(_OR_EQUALS): integers on both sides
  ['Greater_Than', '100', '101', 'match'],
  ['Greater_Than', '100', '100', 'mismatch'],
  ['Greater_Than', '100', '99', 'mismatch'],
  ['Greater_Than', '100', 250, 'match'],
  ['Greater_Than', '100', '1e3', 'notInteger'],
  ['Greater_Than', '100', '100.5', 'notInteger'],
  ['Greater_Than', '100', 'A-17', 'notInteger'],
  ['Greater_Than', '-5', '-4', 'match'],
  ['Greater_Than', '9007199254740992', '9007199254740993', 'match'],
  ['Greater_Than', '100', null, 'empty'],
  ['Greater_Than_OR_EQUALS', '100', '100', 'match'],
  ['Greater_Than_OR_EQUALS', '100', ' 100 ', 'match'],
  ['Greater_Than_OR_EQUALS', '100', '99', 'mismatch'],
  ['Greater_Than_OR_EQUALS', '100', '', 'empty'],
  // IS TRUE / IS FALSE: Booleans, or their text in any case
  ['IS TRUE', null, true, 'match'],
  ['IS TRUE', null, false, 'mismatch'],
  ['IS TRUE', null, 'True', 'match'],
  ['IS TRUE', null, 'true', 'match'],
  ['IS TRUE', null, 'yes', 'notBoolean'],
  ['IS TRUE', null, null, 'empty'],
  ['IS FALSE', null, false, 'match'],
  ['IS FALSE', null, 'FALSE', 'match'],
  ['IS FALSE', null, true, 'mismatch'],
  ['IS FALSE', null, null, 'empty'],
  ['IS FALSE', null, 0, 'notBoolean'],
  // IS NULL / IS NOT NULL: empty text and empty lists count as null
  ['IS NULL', null, null, 'match'],
  ['IS NULL', null, undefined, 'match'],
  ['IS NULL', null, '', 'match'],
  ['IS NULL', null, [], 'match'],
  ['IS NULL', null, 'x', 'mismatch'],
  ['IS NULL', null, false, 'mismatch'],
  ['IS NOT NULL', null, 'x', 'match'],
  ['IS NOT NULL', null, [{ skuId: 'e3' }], 'match'],
  ['IS NOT NULL', null, 0, 'match'],
  ['IS NOT NULL', null, null, 'empty'],
  ['IS NOT NULL', null, '', 'empty'],
  ['IS NOT NULL', null, [], 'empty'],
  // REGEX MATCH / NOT REGEX MATCH: unanchored, case-sensitive; NOT REGEX MATCH is false on empty
  ['REGEX MATCH', '([1-9][0-9])', 'Room 42', 'match'],
  ['REGEX MATCH', '([1-9][0-9])', 'Room 7', 'mismatch'],
  ['REGEX MATCH', '^Sales', 'Sales EMEA', 'match'],
  ['REGEX MATCH', '^Sales', 'Presales', 'mismatch'],
  ['REGEX MATCH', '^\\p{Lu}', 'Ørsted', 'match'],
  ['REGEX MATCH', '.*', null, 'empty'],
  ['NOT REGEX MATCH', '^Sales', 'Presales', 'match'],
  ['NOT REGEX MATCH', '^Sales', 'Sales EMEA', 'mismatch'],
  ['NOT REGEX MATCH', '^Sales', null, 'empty'],
  ['NOT REGEX MATCH', '^Sales', '', 'empty'],
]

describe('a compiled clause, per operator (golden table)', () => {
  it.each(GOLDEN)('%s %j on %j → %s', (operator, value, actual, expected) => {
    const clause = compileClause({ attribute: 'department', operator, value })
    expect(clause.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
    expect(clause.verdict(actual)).toBe(expected)
  })

  it('covers every one of the 14 operators', async () => {
    const { SCOPE_OPERATORS } = await import('../../../../src-main/domain/scoping/scope-operator')
    expect(new Set(GOLDEN.map(([operator]) => operator))).toEqual(new Set(SCOPE_OPERATORS))
  })
})

describe('clause validation', () => {
  it.each([
    [{ attribute: 'department', operator: 'LESS_THAN', value: '5' }, 'UnknownOperator', 'error'],
    [{ attribute: 'department', operator: 'equals', value: 'x' }, 'UnknownOperator', 'error'],
    [{ attribute: 'department', operator: 'EQUALS' }, 'MissingValue', 'error'],
    [{ attribute: 'department', operator: 'EQUALS', value: '' }, 'MissingValue', 'error'],
    [{ attribute: '', operator: 'EQUALS', value: 'x' }, 'MissingAttribute', 'error'],
    [{ attribute: 'department', operator: 'REGEX MATCH', value: '([' }, 'InvalidRegex', 'error'],
    [{ attribute: 'department', operator: 'NOT REGEX MATCH', value: '(?<' }, 'InvalidRegex', 'error'],
    [{ attribute: 'employeeId', operator: 'Greater_Than', value: 'ten' }, 'NotAnInteger', 'error'],
    [{ attribute: 'accountEnabled', operator: 'IS TRUE', value: 'yes' }, 'UnexpectedValue', 'warning'],
    [{ attribute: 'userType', operator: 'EQUALS', value: 'Member' }, 'NotSupportedByEntra', 'warning'],
    [{ attribute: 'manager', operator: 'IS NOT NULL' }, 'NotSupportedByEntra', 'warning'],
  ] as const)('%j → %s (%s)', (clause, code, severity) => {
    const compiled = compileClause(clause as never, { filterIndex: 1, clauseIndex: 2 })
    expect(compiled.diagnostics).toContainEqual(expect.objectContaining({ code, severity, path: { filterIndex: 1, clauseIndex: 2 } }))
  })

  it('suggests the exact spelling for a near-miss operator', () => {
    const [diagnostic] = compileClause({ attribute: 'department', operator: 'not_equals' as never, value: 'x' }).diagnostics
    expect(diagnostic?.hint).toContain('NOT EQUALS')
  })

  it('explains that STARTS_WITH does not exist and offers REGEX MATCH', () => {
    const [diagnostic] = compileClause({ attribute: 'department', operator: 'STARTS_WITH' as never, value: 'x' }).diagnostics
    expect(diagnostic?.hint).toContain('REGEX MATCH')
  })

  it('makes an invalid clause match nothing rather than throw', () => {
    const clause = compileClause({ attribute: 'department', operator: 'REGEX MATCH', value: '([' })
    expect(clause.verdict('([')).toBe('invalidClause')
    expect(clause.verdict(null)).toBe('invalidClause')
  })

  it('has no diagnostics for a well-formed clause', () => {
    expect(compileClause({ attribute: 'department', operator: 'EQUALS', value: 'Sales' }).diagnostics).toEqual([])
  })
})
