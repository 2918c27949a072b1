/**
 * Text functions: Append, InStr, Left, Mid, Split, StripSpaces, ToLower, ToUpper, Word. Semantics
 * follow Entra's "Reference for writing expressions for attribute mappings"; where it is silent
 * the choice is written next to the code and in README.md.
 */
import { MISSING, type ArgumentValue } from '../expr-value'
import { EvaluationError, type FunctionDefinition } from './function-definition'
import { toInteger, toText } from './value-conversion'

const Append: FunctionDefinition = {
  name: 'Append',
  signature: 'Append(source, suffix)',
  summary: 'Appends the suffix to the end of the source value.',
  minArguments: 2,
  maxArguments: 2,
  // An absent source appends to "" (.NET string concatenation treats null as empty).
  evaluate: ([source, suffix]) => (toText(source ?? null) ?? '') + (toText(suffix ?? null) ?? ''),
}

const InStr: FunctionDefinition = {
  name: 'InStr',
  signature: 'InStr(value1, value2, start, compareType)',
  summary: 'The 1-based position of value2 in value1 (0 when absent); compareType vbTextCompare ignores case.',
  minArguments: 2,
  maxArguments: 4,
  evaluate: ([haystackArgument, needleArgument, startArgument, compareArgument]) => {
    const haystack = toText(haystackArgument ?? null)
    const needle = toText(needleArgument ?? null)
    // VBA's InStr returns Null when either string is Null.
    if (haystack === null || needle === null) return null
    const start = isGiven(startArgument) ? toInteger(startArgument, 'InStr', 'start') : 1
    if (start < 1) throw new EvaluationError('invalidArgument', `InStr: start must be 1 or more, not ${start}.`, 'Positions are 1-based: the first character is 1.')
    const compare = isGiven(compareArgument) ? toText(compareArgument) : 'vbBinaryCompare'
    if (compare !== 'vbBinaryCompare' && compare !== 'vbTextCompare') {
      throw new EvaluationError('invalidArgument', `InStr: compareType must be vbTextCompare or vbBinaryCompare, not “${compare}”.`)
    }
    if (start > haystack.length + 1) return 0
    const ignoreCase = compare === 'vbTextCompare'
    const found = (ignoreCase ? haystack.toLowerCase() : haystack).indexOf(ignoreCase ? needle.toLowerCase() : needle, start - 1)
    return found + 1
  },
}

const Left: FunctionDefinition = {
  name: 'Left',
  signature: 'Left(String, NumChars)',
  summary: 'The first NumChars characters: 0 gives "", a negative number gives the whole string, null gives "".',
  minArguments: 2,
  maxArguments: 2,
  evaluate: ([source, count]) => {
    const text = toText(source ?? null)
    if (text === null) return ''
    const numChars = toInteger(count ?? null, 'Left', 'NumChars')
    if (numChars < 0) return text
    return text.slice(0, numChars)
  },
}

const Mid: FunctionDefinition = {
  name: 'Mid',
  signature: 'Mid(source, start, length)',
  summary: 'The substring of length characters from the 1-based start position.',
  minArguments: 3,
  maxArguments: 3,
  evaluate: ([source, startArgument, lengthArgument]) => {
    const text = toText(source ?? null)
    // Silent in the doc; Left's rule ("null gives empty") is applied for consistency.
    if (text === null) return ''
    const start = toInteger(startArgument ?? null, 'Mid', 'start')
    const length = toInteger(lengthArgument ?? null, 'Mid', 'length')
    if (start < 1) throw new EvaluationError('invalidArgument', `Mid: start must be 1 or more, not ${start}.`, 'Positions are 1-based: the first character is 1.')
    if (length < 0) throw new EvaluationError('invalidArgument', `Mid: length must not be negative, not ${length}.`)
    return text.slice(start - 1, start - 1 + length)
  },
}

const Split: FunctionDefinition = {
  name: 'Split',
  signature: 'Split(source, delimiter)',
  summary: 'Splits the source at the delimiter into a multi-valued result.',
  minArguments: 2,
  maxArguments: 2,
  evaluate: ([source, delimiterArgument]) => {
    const text = toText(source ?? null)
    if (text === null) return null
    const delimiter = toText(delimiterArgument ?? null) ?? ''
    if (delimiter === '') return [text]
    // The documented example splits "PermissionSetOne, PermissionSetTwo" at "," into
    // ["PermissionSetOne", "PermissionSetTwo"]: the parts come back without surrounding spaces.
    return text.split(delimiter).map((part) => part.trim())
  },
}

const StripSpaces: FunctionDefinition = {
  name: 'StripSpaces',
  signature: 'StripSpaces(source)',
  summary: 'Removes every space (" ") character; other white space stays.',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([source]) => {
    const text = toText(source ?? null)
    return text === null ? null : text.replaceAll(' ', '')
  },
}

const ToLower: FunctionDefinition = {
  name: 'ToLower',
  signature: 'ToLower(source, culture)',
  summary: 'Lower case, with the rules of the culture (RFC 4646, e.g. tr-TR); invariant by default.',
  minArguments: 1,
  maxArguments: 2,
  evaluate: ([source, culture]) => changeCase(source ?? null, culture ?? MISSING, 'lower'),
}

const ToUpper: FunctionDefinition = {
  name: 'ToUpper',
  signature: 'ToUpper(source, culture)',
  summary: 'Upper case, with the rules of the culture (RFC 4646, e.g. tr-TR); invariant by default.',
  minArguments: 1,
  maxArguments: 2,
  evaluate: ([source, culture]) => changeCase(source ?? null, culture ?? MISSING, 'upper'),
}

function changeCase(source: ArgumentValue, cultureArgument: ArgumentValue, direction: 'lower' | 'upper'): string | null {
  const text = toText(source)
  if (text === null) return null
  const culture = toText(cultureArgument)
  if (culture === null || culture === '') return direction === 'lower' ? text.toLowerCase() : text.toUpperCase()
  try {
    return direction === 'lower' ? text.toLocaleLowerCase(culture) : text.toLocaleUpperCase(culture)
  } catch {
    throw new EvaluationError('invalidCulture', `“${culture}” is not a culture name.`, 'Cultures are written like en-US, tr-TR or ja-JP.')
  }
}

const Word: FunctionDefinition = {
  name: 'Word',
  signature: 'Word(String, WordNumber, Delimiters)',
  summary: 'The WordNumber-th (1-based) word, words being separated by any of the delimiter characters.',
  minArguments: 3,
  maxArguments: 3,
  evaluate: ([source, numberArgument, delimitersArgument]) => {
    const text = toText(source ?? null)
    if (text === null) return ''
    const wordNumber = toInteger(numberArgument ?? null, 'Word', 'WordNumber')
    if (wordNumber < 1) return ''
    const delimiters = new Set(toText(delimitersArgument ?? null) ?? '')
    const words: string[] = []
    let current = ''
    for (const character of text) {
      if (delimiters.has(character)) {
        // Runs of delimiters separate; they do not make empty words.
        if (current !== '') words.push(current)
        current = ''
      } else {
        current += character
      }
    }
    if (current !== '') words.push(current)
    return words[wordNumber - 1] ?? ''
  },
}

function isGiven(value: ArgumentValue | undefined): value is ArgumentValue {
  return value !== undefined && value !== MISSING && value !== null
}

/** The text functions, in documentation order. */
export const STRING_FUNCTIONS: readonly FunctionDefinition[] = [Append, InStr, Left, Mid, Split, StripSpaces, ToLower, ToUpper, Word]
