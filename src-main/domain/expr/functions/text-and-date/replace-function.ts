/**
 * Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName,
 * template): case-sensitive, in the five modes of Entra's reference, chosen by which slots are
 * filled (an empty slot is MISSING; "" is a filled slot):
 * 1. oldValue + replacementValue: every oldValue in source becomes replacementValue.
 * 2. oldValue + template: every oldValue in template becomes source.
 * 3. regexPattern + replacementValue: Regex.Replace, replacementValue may use `${group}`, `$1`.
 * 4. regexPattern + regexGroupName + replacementValue: in every match, the named group's text
 *    becomes replacementValue (taken literally); the rest of the match stays.
 * 5. regexPattern + regexGroupName + replacementAttributeName: source when it has a value;
 *    otherwise the named group of the first match in replacementAttributeName ("" without one).
 * Assumption: the evaluator passes replacementAttributeName as the attribute's VALUE (the doc's
 * example writes `[mobile]`), so this function never looks an attribute up by name.
 * An absent source gives null, except in mode 5, which exists for exactly that case.
 */
import { MISSING, type ArgumentValue } from '../../expr-value'
import { EvaluationError, type FunctionDefinition } from '../function-definition'
import { toText } from '../value-conversion'
import { compileDotnetRegex, replaceWithPattern, type DotnetRegex } from './dotnet-regex'

const MODES_HINT =
  'Fill oldValue with replacementValue or template, or regexPattern with replacementValue (and optionally regexGroupName), or regexPattern, regexGroupName and replacementAttributeName.'

export const REPLACE_FUNCTION: FunctionDefinition = {
  name: 'Replace',
  signature: 'Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template)',
  summary: 'Replaces text or regular-expression matches in a string, case-sensitively.',
  minArguments: 7,
  maxArguments: 7,
  evaluate(args) {
    // Not `args[index] ?? MISSING`: a null attribute value fills its slot, an empty slot does not.
    const slot = (index: number): ArgumentValue => {
      const value = args[index]
      return value === undefined ? MISSING : value
    }
    const isFilled = (index: number): boolean => slot(index) !== MISSING
    const text = (index: number): string => toText(slot(index)) ?? ''
    const source = toText(slot(0))

    if (isFilled(1)) {
      const oldValue = text(1)
      if (oldValue === '') throw new EvaluationError('invalidArgument', 'Replace: oldValue is empty; there is nothing to replace.', MODES_HINT)
      if (isFilled(6)) return source === null ? null : text(6).split(oldValue).join(source)
      if (isFilled(4)) return source === null ? null : source.split(oldValue).join(text(4))
      throw new EvaluationError('invalidArgument', 'Replace: oldValue needs a replacementValue or a template.', MODES_HINT)
    }
    if (!isFilled(2)) throw new EvaluationError('invalidArgument', 'Replace: give an oldValue or a regexPattern.', MODES_HINT)
    const compiled = compileDotnetRegex(text(2), 'Replace')
    if (isFilled(3)) {
      const groupIndex = groupIndexOf(compiled, text(3))
      if (isFilled(4)) return source === null ? null : replaceGroup(source, compiled.regex, groupIndex, text(4))
      if (isFilled(5)) {
        if (source !== null && source !== '') return source
        const fallback = toText(slot(5))
        if (fallback === null) return null
        compiled.regex.lastIndex = 0
        const match = compiled.regex.exec(fallback)
        return match?.[groupIndex] ?? ''
      }
      throw new EvaluationError('invalidArgument', 'Replace: regexGroupName needs a replacementValue or a replacementAttributeName.', MODES_HINT)
    }
    if (isFilled(4)) return source === null ? null : replaceWithPattern(source, compiled, text(4))
    throw new EvaluationError('invalidArgument', 'Replace: regexPattern needs a replacementValue.', MODES_HINT)
  },
}

function groupIndexOf(compiled: DotnetRegex, name: string): number {
  const index = compiled.names.get(name) ?? (/^\d+$/.test(name) ? compiled.numbers.get(Number(name)) : undefined)
  if (index === undefined) {
    throw new EvaluationError('invalidArgument', `Replace: the pattern has no group named “${name}”.`, 'Name the group in the pattern, e.g. "(?<Suffix>@.*)" with regexGroupName "Suffix".')
  }
  return index
}

/** Mode 4: in every match, only the group's span is replaced. */
function replaceGroup(source: string, regex: RegExp, groupIndex: number, replacement: string): string {
  let result = ''
  let lastEnd = 0
  for (const match of source.matchAll(regex)) {
    const span = match.indices?.[groupIndex]
    if (span === undefined || span[0] < lastEnd) continue
    result += source.slice(lastEnd, span[0]) + replacement
    lastEnd = span[1]
  }
  return result + source.slice(lastEnd)
}
