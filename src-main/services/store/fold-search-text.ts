/**
 * Folding used for the directory search: the stored search column and every search term go
 * through the same function, so "zoe" finds "Zoë" and "bjorn" finds "Bjørn".
 */

/**
 * Letters that Unicode NFD does not split into base + combining mark, mapped to what an admin
 * typing on an ASCII keyboard would write (the Nordic, German, Icelandic and Polish/Croatian
 * letters that appear in real tenants).
 */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  å: 'a',
  ß: 'ss',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  đ: 'd',
  œ: 'oe',
}

const COMBINING_MARKS = /\p{M}/gu
const EXTRA_FOLD_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'gu')
const WHITESPACE_RUN = /\s+/gu
const NON_ASCII = /[^\t-\u007f]/u

/** Lower-cases, strips diacritics and folds special letters; whitespace runs become one space. */
export function foldSearchText(text: string): string {
  // Most directory text is plain ASCII; skipping normalisation for it halves the folding cost of
  // a pull. (Control characters below tab take the slow path, which gives the same result.)
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(WHITESPACE_RUN, ' ').trim()
  // å is folded by NFD already (a + ring); the table keeps it for text that arrives precomposed
  // after lower-casing in other normalisation forms.
  return text
    .toLowerCase()
    .replace(EXTRA_FOLD_PATTERN, (letter) => EXTRA_FOLDS[letter] ?? letter)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim()
}

/** Splits a search box entry into folded terms; every term must match for a row to match. */
export function searchTerms(search: string | undefined): string[] {
  if (search === undefined) return []
  return foldSearchText(search)
    .split(' ')
    .filter((term) => term.length > 0)
}

/** The text stored in the users table's search column: the searchable fields, folded. */
export function buildUserSearchText(fields: readonly (string | null | undefined)[]): string {
  return foldSearchText(fields.filter((field): field is string => typeof field === 'string' && field !== '').join(' '))
}
