/**
 * Window arithmetic for the virtual users table.
 *
 * The table never asks for all 100,000 rows at once: it fetches fixed-size windows (rows
 * `index * size` to `index * size + size - 1`) for whatever the viewport shows, and keeps them in the
 * store per query. These functions are the only place that turns row indexes into windows.
 */

/** Rows per `directory:queryUsers` call; the brief fixes it at 200. */
export const USER_WINDOW_SIZE = 200

/** The window that holds a row. */
export function windowIndexOf(rowIndex: number, windowSize: number = USER_WINDOW_SIZE): number {
  return Math.floor(rowIndex / windowSize)
}

/**
 * Every window needed to show rows `firstRow..lastRow` (inclusive), clamped to the known total.
 * With the total still unknown (first request of a query) only the clamp at zero applies.
 */
export function windowsCovering(
  firstRow: number,
  lastRow: number,
  total: number | null,
  windowSize: number = USER_WINDOW_SIZE,
): number[] {
  const last = total === null ? lastRow : Math.min(lastRow, total - 1)
  const first = Math.max(0, firstRow)
  if (last < first) return []
  const windows: number[] = []
  for (let index = windowIndexOf(first, windowSize); index <= windowIndexOf(last, windowSize); index++) {
    windows.push(index)
  }
  return windows
}

/** The row at an index, or undefined while its window has not arrived. */
export function rowAt<Row>(
  windows: Readonly<Record<number, readonly Row[]>>,
  rowIndex: number,
  windowSize: number = USER_WINDOW_SIZE,
): Row | undefined {
  const window = windows[windowIndexOf(rowIndex, windowSize)]
  return window?.[rowIndex % windowSize]
}

/** The parts of a users query that change which rows come back, in which order. */
export interface UserQueryIdentity {
  readonly profileId: string
  readonly search: string
  readonly sortBy: string
  readonly sortDirection: 'asc' | 'desc'
  /** Bumped whenever the cached directory changes (after a pull), so older windows stop matching. */
  readonly generation: number
}

/**
 * The cache key of a query. Search text is trimmed and case-folded here only to share windows
 * between "Anna" and "anna " — the main process still does the real, diacritic-aware matching.
 */
export function userQueryKey(identity: UserQueryIdentity): string {
  return JSON.stringify([
    identity.profileId,
    identity.search.trim().toLowerCase(),
    identity.sortBy,
    identity.sortDirection,
    identity.generation,
  ])
}
