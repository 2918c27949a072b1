/**
 * Folds a name to the ASCII an admin would type into a user principal name: `Søren Mølgaard` →
 * `soren molgaard`, `Ærø` → `aero`, `Guðmundsson` → `gudmundsson`. Letters that Unicode does not
 * decompose (ø, æ, ð, þ, ß, ł, œ) are replaced from a table; combining marks are dropped after NFD.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ß: 'ss', ł: 'l', Ł: 'L', œ: 'oe', Œ: 'Oe',
}
const UNDECOMPOSABLE = /[øØæÆðÐþÞßłŁœŒ]/g
const COMBINING_MARKS = /[\u0300-\u036f]/g

/** Removes diacritics and replaces the Nordic letters that have no decomposition. */
export function asciiFold(text: string): string {
  return text
    .replace(UNDECOMPOSABLE, (letter) => REPLACEMENTS[letter] ?? letter)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
}

/**
 * The local-part form of a name: folded, lower case, spaces, apostrophes and other punctuation
 * removed (`van der Berg` → `vanderberg`, `O'Brien` → `obrien`), hyphens kept.
 */
export function toMailboxPart(name: string): string {
  return asciiFold(name)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
}
