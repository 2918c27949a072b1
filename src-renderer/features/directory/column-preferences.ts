/**
 * Which columns the users table shows, remembered between sessions in localStorage.
 *
 * Stored values are treated as untrusted: an older or hand-edited entry may name columns that no
 * longer exist, repeat them, or not be JSON at all. Whatever is read is reduced to known columns
 * in the contract's order, with the display name always present.
 */
import type { UserColumn } from '../../../src-main/common'
import { OFFERED_USER_COLUMNS } from './user-columns'

/** The part of the Web Storage API this module uses, so tests can pass a plain object. */
export interface PreferenceStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** localStorage key; the version lets a later format change ignore this one. */
export const VISIBLE_COLUMNS_KEY = 'headcount.directory.visibleColumns.v1'

/** The column that identifies a row to a person; it cannot be hidden. */
export const ALWAYS_VISIBLE_COLUMN: UserColumn = 'displayName'

/** What a first-time admin sees: who, how to reach them, where they sit, whether they can sign in. */
export const DEFAULT_VISIBLE_COLUMNS: readonly UserColumn[] = [
  'displayName',
  'userPrincipalName',
  'jobTitle',
  'department',
  'companyName',
  'officeLocation',
  'accountEnabled',
]

/** Reduces any value to a valid column list, or null when nothing usable is left. */
export function normaliseColumns(value: unknown): readonly UserColumn[] | null {
  if (!Array.isArray(value)) return null
  const wanted = new Set(value.filter((item): item is string => typeof item === 'string'))
  const columns = OFFERED_USER_COLUMNS.filter((column) => wanted.has(column))
  if (columns.length === 0) return null
  return columns.includes(ALWAYS_VISIBLE_COLUMN) ? columns : [ALWAYS_VISIBLE_COLUMN, ...columns]
}

/** The remembered columns, or the defaults when there are none or they cannot be read. */
export function loadVisibleColumns(storage: PreferenceStorage | null): readonly UserColumn[] {
  if (storage === null) return DEFAULT_VISIBLE_COLUMNS
  try {
    const text = storage.getItem(VISIBLE_COLUMNS_KEY)
    if (text === null) return DEFAULT_VISIBLE_COLUMNS
    return normaliseColumns(JSON.parse(text)) ?? DEFAULT_VISIBLE_COLUMNS
  } catch {
    // Unparseable JSON or storage denied by the browser: a preference is not worth an error.
    return DEFAULT_VISIBLE_COLUMNS
  }
}

/** Remembers the columns; a full or unavailable storage only means they are not remembered. */
export function saveVisibleColumns(storage: PreferenceStorage | null, columns: readonly UserColumn[]): void {
  if (storage === null) return
  try {
    storage.setItem(VISIBLE_COLUMNS_KEY, JSON.stringify(columns))
  } catch {
    // QuotaExceededError or a disabled storage: the choice still applies for this session.
  }
}

/** Shows or hides one column, keeping the contract's column order and the display name. */
export function toggleColumn(columns: readonly UserColumn[], column: UserColumn): readonly UserColumn[] {
  if (column === ALWAYS_VISIBLE_COLUMN) return columns
  const next = columns.includes(column) ? columns.filter((item) => item !== column) : [...columns, column]
  return normaliseColumns(next) ?? DEFAULT_VISIBLE_COLUMNS
}
