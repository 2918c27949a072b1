/**
 * PCase(source, wordSeparators): the first letter of each word upper case, the rest lower case.
 *
 * Without separators the doc says PCase "invokes the .NET function ToTitleCase", whose word
 * breaks are the Unicode categories listed there (spaces, controls, punctuation, symbols). But
 * ToTitleCase alone keeps all-capital words ("PABLO" stays "PABLO", an acronym rule), while the
 * doc's own examples turn "PABLO GONSALVES (SECOND)" into "Pablo Gonsalves (Second)" and the
 * description says all other characters become lower case. So this lower-cases first, then
 * applies ToTitleCase's algorithm (TextInfo.ToTitleCase in dotnet/runtime), quirks included: an
 * apostrophe does not start a word ("o'neil" → "O'neil") and a letter after a digit that follows
 * a separator does ("3rd" → "3Rd").
 *
 * With separators, only those characters split words: `PCase("PINTO-DE'SILVA", " '-")` →
 * "Pinto-De'Silva". Casing is .NET's invariant simple case mapping (ß stays ß).
 */
import { MISSING } from '../../expr-value'
import type { FunctionDefinition } from '../function-definition'
import { toText } from '../value-conversion'

const LETTER = /^\p{L}$/u
/** The categories TextInfo.IsWordSeparator answers true for. */
const WORD_SEPARATOR = /^[\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cf}\p{Pc}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\p{Sm}\p{Sc}\p{Sk}\p{So}]$/u
/** Latin digraphs whose title case differs from their upper case (DŽ/Dž/dž → Dž …). */
const TITLE_CASE: ReadonlyMap<string, string> = new Map([
  ['\u01C4', '\u01C5'], ['\u01C5', '\u01C5'], ['\u01C6', '\u01C5'],
  ['\u01C7', '\u01C8'], ['\u01C8', '\u01C8'], ['\u01C9', '\u01C8'],
  ['\u01CA', '\u01CB'], ['\u01CB', '\u01CB'], ['\u01CC', '\u01CB'],
  ['\u01F1', '\u01F2'], ['\u01F2', '\u01F2'], ['\u01F3', '\u01F2'],
])

/** Simple (one-to-one) upper case, as .NET's invariant ToUpper: "ß" stays "ß". */
export function upperCaseCharacter(character: string): string {
  const upper = character.toUpperCase()
  return [...upper].length === 1 ? upper : character
}

/** Simple lower case: "İ" becomes "i", not "i̇". */
export function lowerCaseCharacter(character: string): string {
  if (character === '\u0130') return 'i'
  const lower = character.toLowerCase()
  return [...lower].length === 1 ? lower : character
}

/** TextInfo.ToTitleCase over already lower-cased text. */
export function toTitleCase(source: string): string {
  const characters = [...source].map(lowerCaseCharacter)
  let result = ''
  let index = 0
  while (index < characters.length) {
    const character = characters[index] ?? ''
    index++
    if (!LETTER.test(character)) {
      result += character
      continue
    }
    result += TITLE_CASE.get(character) ?? upperCaseCharacter(character)
    // The rest of the word: letters, the apostrophe, and every category that is not a separator.
    while (index < characters.length) {
      const next = characters[index] ?? ''
      if (!LETTER.test(next) && next !== "'" && WORD_SEPARATOR.test(next)) break
      result += next
      index++
    }
  }
  return result
}

/** Proper case with explicit separators: only those characters start a new word. */
export function toProperCase(source: string, separators: string): string {
  const separatorSet = new Set(separators)
  let result = ''
  let isWordStart = true
  for (const character of source) {
    if (separatorSet.has(character)) {
      result += character
      isWordStart = true
    } else {
      result += isWordStart ? upperCaseCharacter(character) : lowerCaseCharacter(character)
      isWordStart = false
    }
  }
  return result
}

export const PCASE_FUNCTION: FunctionDefinition = {
  name: 'PCase',
  signature: 'PCase(source, wordSeparators)',
  summary: 'Upper-cases the first letter of each word and lower-cases the rest.',
  minArguments: 1,
  maxArguments: 2,
  evaluate(args) {
    const source = toText(args[0] ?? MISSING)
    if (source === null) return null
    const separators = toText(args[1] ?? MISSING)
    return separators === null || separators === '' ? toTitleCase(source) : toProperCase(source, separators)
  },
}
