/**
 * NormalizeDiacritics(source) with the mapping table of Entra's expression reference, no more:
 * the doc names no fallback, so characters outside the table (œ alone, Đ, ħ …) pass unchanged.
 * Keys and input are compared in Unicode NFC, so a decomposed "e\u0301" maps like "é"; the table's
 * letters with stacked marks (ā́, e̊̄ …) are matched before their bases (longest match first).
 */
import { MISSING } from '../../expr-value'
import type { FunctionDefinition } from '../function-definition'
import { toText } from '../value-conversion'

const ACUTE = '\u0301'
const GRAVE = '\u0300'
const CIRCUMFLEX = '\u0302'
const TILDE = '\u0303'
const MACRON = '\u0304'
const DIAERESIS = '\u0308'
const RING = '\u030A'
const DOT = '\u0307'
const MACRON_BELOW = '\u0331'

/** [normalized, characters with diacritics], row by row as in the doc's table. */
const TABLE: readonly (readonly [string, readonly string[]])[] = [
  ['a', ['ä', 'à', 'â', 'ã', 'å', 'á', 'ą', 'ă', 'ā', 'ā' + ACUTE, 'ā' + GRAVE, 'ā' + CIRCUMFLEX, 'ā' + TILDE, 'ǟ', 'ā' + DIAERESIS, 'ǡ', 'a' + MACRON_BELOW, 'å' + MACRON]],
  ['A', ['Ä', 'À', 'Â', 'Ã', 'Å', 'Á', 'Ą', 'Ă', 'Ā', 'Ā' + ACUTE, 'Ā' + GRAVE, 'Ā' + CIRCUMFLEX, 'Ā' + TILDE, 'Ǟ', 'Ā' + DIAERESIS, 'Ǡ', 'A' + MACRON_BELOW, 'Å' + MACRON]],
  ['ae', ['æ', 'ǣ']],
  ['AE', ['Æ', 'Ǣ']],
  ['c', ['ç', 'č', 'ć', 'c' + MACRON, 'c' + MACRON_BELOW]],
  ['C', ['Ç', 'Č', 'Ć', 'C' + MACRON, 'C' + MACRON_BELOW]],
  ['d', ['ď', 'd' + MACRON, 'ḏ']],
  ['D', ['Ď', 'D' + MACRON, 'Ḏ']],
  ['e', ['ë', 'è', 'é', 'ê', 'ę', 'ě', 'ė', 'ē', 'ḗ', 'ḕ', 'ē' + CIRCUMFLEX, 'ē' + TILDE, 'ê' + MACRON, 'e' + MACRON_BELOW, 'ë' + MACRON, 'e' + RING + MACRON]],
  ['E', ['Ë', 'È', 'É', 'Ê', 'Ę', 'Ě', 'Ė', 'Ē', 'Ḗ', 'Ḕ', 'Ē' + CIRCUMFLEX, 'Ē' + TILDE, 'Ê' + MACRON, 'E' + MACRON_BELOW, 'Ë' + MACRON, 'E' + RING + MACRON]],
  ['g', ['ğ', 'ḡ', 'g' + MACRON_BELOW]],
  ['G', ['Ğ', 'Ḡ', 'G' + MACRON_BELOW]],
  ['i', ['ï', 'î', 'ì', 'í', 'ı', 'ī', 'ī' + ACUTE, 'ī' + GRAVE, 'ī' + CIRCUMFLEX, 'ī' + TILDE, 'i' + MACRON_BELOW]],
  ['I', ['Ï', 'Î', 'Ì', 'Í', 'İ', 'Ī', 'Ī' + ACUTE, 'Ī' + GRAVE, 'Ī' + CIRCUMFLEX, 'Ī' + TILDE, 'I' + MACRON_BELOW]],
  ['l', ['ľ', 'ł', 'l' + MACRON, 'ḹ', 'ḻ']],
  ['L', ['Ł', 'Ľ', 'L' + MACRON, 'Ḹ', 'Ḻ']],
  ['n', ['ñ', 'ń', 'ň', 'n' + MACRON, 'ṉ']],
  ['N', ['Ñ', 'Ń', 'Ň', 'N' + MACRON, 'Ṉ']],
  ['o', ['ö', 'ò', 'ő', 'õ', 'ô', 'ó', 'ō', 'ṓ', 'ṑ', 'ō' + CIRCUMFLEX, 'ō' + TILDE, 'ȫ', 'ō' + DIAERESIS, 'ǭ', 'ȭ', 'ȱ', 'o' + MACRON_BELOW]],
  ['O', ['Ö', 'Ò', 'Ő', 'Õ', 'Ô', 'Ó', 'Ō', 'Ṓ', 'Ṑ', 'Ō' + CIRCUMFLEX, 'Ō' + TILDE, 'Ȫ', 'Ō' + DIAERESIS, 'Ǭ', 'Ȭ', 'Ȱ', 'O' + MACRON_BELOW]],
  ['oe', ['ø', 'ø' + MACRON, 'œ' + MACRON]],
  ['OE', ['Ø', 'Ø' + MACRON, 'Œ' + MACRON]],
  ['r', ['ř', 'r' + MACRON, 'ṟ', 'ṝ']],
  ['R', ['Ř', 'R' + MACRON, 'Ṟ', 'Ṝ']],
  ['ss', ['ß']],
  ['s', ['š', 'ś', 'ș', 'ş', 's' + MACRON, 's' + MACRON_BELOW]],
  ['S', ['Š', 'Ś', 'Ș', 'Ş', 'S' + MACRON, 'S' + MACRON_BELOW]],
  ['t', ['ť', 'ț', 't' + MACRON, 'ṯ']],
  ['T', ['Ť', 'Ț', 'T' + MACRON, 'Ṯ']],
  ['u', ['ü', 'ù', 'û', 'ú', 'ů', 'ű', 'ū', 'ū' + ACUTE, 'ū' + GRAVE, 'ū' + CIRCUMFLEX, 'ū' + TILDE, 'u' + DOT + MACRON, 'ǖ', 'ṻ', 'ṳ' + MACRON, 'u' + MACRON_BELOW]],
  ['U', ['Ü', 'Ù', 'Û', 'Ú', 'Ů', 'Ű', 'Ū', 'Ū' + ACUTE, 'Ū' + GRAVE, 'Ū' + CIRCUMFLEX, 'Ū' + TILDE, 'U' + DOT + MACRON, 'Ǖ', 'Ṻ', 'Ṳ' + MACRON, 'U' + MACRON_BELOW]],
  ['y', ['ÿ', 'ý', 'ȳ', 'ȳ' + ACUTE, 'ȳ' + GRAVE, 'ȳ' + TILDE, 'y' + MACRON_BELOW]],
  ['Y', ['Ÿ', 'Ý', 'Ȳ', 'Ȳ' + ACUTE, 'Ȳ' + GRAVE, 'Ȳ' + TILDE, 'Y' + MACRON_BELOW]],
  ['z', ['ź', 'ž', 'ż', 'z' + MACRON, 'ẕ']],
  ['Z', ['Ź', 'Ž', 'Ż', 'Z' + MACRON, 'Ẕ']],
]

const MAPPING: ReadonlyMap<string, string> = new Map(TABLE.flatMap(([normalized, characters]) => characters.map((character) => [character.normalize('NFC'), normalized] as const)))
const LONGEST_KEY = Math.max(...[...MAPPING.keys()].map((key) => key.length))

/** Replaces every character of the table by its normalized letters. */
export function normalizeDiacritics(source: string): string {
  const text = source.normalize('NFC')
  let result = ''
  let index = 0
  while (index < text.length) {
    let length = Math.min(LONGEST_KEY, text.length - index)
    for (; length > 0; length--) {
      const replacement = MAPPING.get(text.slice(index, index + length))
      if (replacement !== undefined) {
        result += replacement
        break
      }
    }
    if (length === 0) {
      result += text.charAt(index)
      length = 1
    }
    index += length
  }
  return result
}

export const NORMALIZE_DIACRITICS_FUNCTION: FunctionDefinition = {
  name: 'NormalizeDiacritics',
  signature: 'NormalizeDiacritics(source)',
  summary: 'Replaces letters with diacritics by plain letters (ß → ss, æ → ae, ø → oe, Zoë → Zoe).',
  minArguments: 1,
  maxArguments: 1,
  evaluate(args) {
    const source = toText(args[0] ?? MISSING)
    return source === null ? null : normalizeDiacritics(source)
  },
}
