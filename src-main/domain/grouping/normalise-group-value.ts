/**
 * Field values as grouping keys: "  sales ", "Sales" and "SALES" are one group; its display form is
 * the casing most members have. Whitespace is trimmed and collapsed and Unicode is composed (NFC), so
 * a decomposed "Zu\u0308rich" from one source joins "Zürich" from another.
 */
import { scalarText } from '../scoping/compile-clause'

export interface NormalisedValue {
  /** Comparison key: case-folded (and accent-free when asked). */
  readonly key: string
  /** Tidied display text: trimmed, single spaces, NFC, original casing. */
  readonly text: string
}

// Control characters count as whitespace: they are never meaningful in a directory value, and
// assignGroups relies on keys being free of U+0000 and U+0001 to join them.
// eslint-disable-next-line no-control-regex
const WHITESPACE = /[\s\u0000-\u001f]+/g
const COMBINING_MARKS = /\p{M}+/gu

/**
 * The grouping value of an attribute value, or null when it has none (absent, empty or blank). A list
 * groups by its first item, so each user still lands in exactly one group.
 */
export function normaliseGroupValue(value: unknown, isDiacriticInsensitive = false): NormalisedValue | null {
  const raw = Array.isArray(value) ? scalarText(value[0]) : scalarText(value)
  if (raw === null || raw === undefined) return null
  const text = raw.normalize('NFC').replace(WHITESPACE, ' ').trim()
  if (text === '') return null
  const folded = text.toLowerCase()
  const key = isDiacriticInsensitive ? folded.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC') : folded
  return { key, text }
}

/**
 * The display form for a key from the tally of forms seen: the most common; on a tie the first in
 * ordinal order, so the answer does not depend on the order users were read in.
 */
export function pickDisplayForm(tally: ReadonlyMap<string, number>): string {
  let best: string | null = null
  let bestCount = -1
  for (const [text, count] of tally) {
    if (count > bestCount || (count === bestCount && best !== null && text < best)) {
      best = text
      bestCount = count
    }
  }
  return best ?? ''
}
