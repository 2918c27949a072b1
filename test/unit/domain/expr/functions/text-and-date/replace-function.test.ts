import { describe, expect, it } from 'vitest'
import { EvaluationError } from '../../../../../../src-main/domain/expr/functions/function-definition'
import { REPLACE_FUNCTION } from '../../../../../../src-main/domain/expr/functions/text-and-date/replace-function'
import type { ArgumentValue } from '../../../../../../src-main/domain/expr/expr-value'
import { call, M } from './fixed-context'

// Slots: source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template.
// Patterns are written as the evaluator hands them over, after string-literal unescaping ("\\d" → \d).
type Slots = [ArgumentValue, ArgumentValue, ArgumentValue, ArgumentValue, ArgumentValue, ArgumentValue, ArgumentValue]

describe('Replace, in the five modes of the doc', () => {
  it.each<[string, Slots, string | null]>([
    ['1: oldValue + replacementValue', ['Product Developer', 'Product Developer', M, M, 'Software Engineer', M, M], 'Software Engineer'],
    ['1: strip a known domain', ['john.doe@contoso.com', '@contoso.com', M, M, '', M, M], 'john.doe'],
    ['1: case-sensitive', ['John.Doe@CONTOSO.com', '@contoso.com', M, M, '', M, M], 'John.Doe@CONTOSO.com'],
    ['1: oldValue is literal text', ['a.b.c', '.', M, M, '-', M, M], 'a-b-c'],
    ['2: oldValue + template', ['jsmith', '<username>', M, M, M, M, '<username>@contoso.com'], 'jsmith@contoso.com'],
    ['2: every placeholder', ['js', '<u>', M, M, M, M, '<u>/<u>'], 'js/js'],
    ['3: regex + named-group substitution', ['+91 9998887777', M, '\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})', M, '${phoneNumber}', M, M], '9998887777'],
    // The doc prints "19998887777", but its class [()\s-] has no '+': .NET's Regex.Replace keeps it.
    ['3: collapse a phone number', ['+1 (999) 888-7777', M, '[()\\s-]+', M, '', M, M], '+19998887777'],
    ['3: remove letters (example 6)', ['john_doe72', M, '[a-zA-Z_]*', M, '', M, M], '72'],
    ['3: escaped special characters', ['1+1=2', M, '\\+', M, ' plus ', M, M], '1 plus 1=2'],
    ['3: .NET numbers unnamed groups first', ['jsmith@contoso.com', M, '(?<Suffix>@(.)*)', M, '[$1|$2]', M, M], 'jsmith[m|@contoso.com]'],
    ['3: $$, unknown groups stay literal', ['abc', M, 'b', M, '$$-${nope}-$9', M, M], 'a$-${nope}-$9c'],
    ['3: $& $` $\'', ['abc', M, 'b', M, "[$`|$&|$']", M, M], 'a[a|b|c]c'],
    ['3: \\A anchor', ['aaa', M, '\\Aa', M, 'b', M, M], 'baa'],
    ['3: ] first in a class is literal', ['a]b', M, '[]]', M, '-', M, M], 'a-b'],
    ['4: replace the group only', ['545 Tremont Street', M, '(?<streetNumber>^\\d*)', 'streetNumber', '888', M, M], '888 Tremont Street'],
    ['4: drop the UPN suffix', ['jsmith@contoso.com', M, '(?<Suffix>@(.)*)', 'Suffix', '', M, M], 'jsmith'],
    ['4: every match, rest of match kept', ['a1-b2', M, '(?<letter>[a-z])\\d', 'letter', 'X', M, M], 'X1-X2'],
    ['5: source has a value', ['+1 5551234567', M, '\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})', 'phoneNumber', M, '+91 8887779999', M], '+1 5551234567'],
    ['5: empty source, value from the attribute', ['', M, '\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})', 'phoneNumber', M, '+91 8887779999', M], '8887779999'],
    ['5: null source, no match', [null, M, '(?<digits>\\d{10})', 'digits', M, 'none', M], ''],
    ['5: null attribute', [null, M, '(?<digits>\\d{10})', 'digits', M, null, M], null],
    ['absent source', [null, '@contoso.com', M, M, '', M, M], null],
    ['absent source, regex', [null, M, 'a', M, 'b', M, M], null],
  ])('%s', (_title, slots, expected) => {
    expect(call(REPLACE_FUNCTION, ...slots)).toBe(expected)
  })

  it.each<[string, Slots]>([
    ['an invalid regex', ['x', M, '(', M, '', M, M]],
    ['a group the pattern lacks', ['x', M, '(?<a>x)', 'b', '', M, M]],
    ['an empty oldValue', ['x', '', M, M, 'y', M, M]],
    ['oldValue alone', ['x', 'x', M, M, M, M, M]],
    ['regexPattern alone', ['x', M, 'x', M, M, M, M]],
    ['regexGroupName without a replacement', ['x', M, '(?<a>x)', 'a', M, M, M]],
    ['nothing to do', ['x', M, M, M, M, M, M]],
  ])('reports %s as an EvaluationError', (_title, slots) => {
    expect(() => call(REPLACE_FUNCTION, ...slots)).toThrow(EvaluationError)
  })
})
