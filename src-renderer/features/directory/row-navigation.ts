/** Keyboard movement through the users table: which row a key press selects. */

/** The keys that move the selection (the grid pattern of the WAI-ARIA Authoring Practices). */
export type RowNavigationKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End'

const NAVIGATION_KEYS: readonly string[] = ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End']

/** True for the keys {@link nextRowIndex} understands. */
export function isRowNavigationKey(key: string): key is RowNavigationKey {
  return NAVIGATION_KEYS.includes(key)
}

/**
 * The row to select after a key press, or null when the table is empty. With nothing selected yet,
 * any downward key starts at the first row and upward keys at the last, as list boxes do.
 */
export function nextRowIndex(
  key: RowNavigationKey,
  current: number | null,
  total: number,
  pageSize: number,
): number | null {
  if (total <= 0) return null
  const last = total - 1
  const page = Math.max(1, pageSize)
  if (current === null) {
    return key === 'ArrowUp' || key === 'PageUp' || key === 'End' ? last : 0
  }
  const clamp = (index: number): number => Math.min(last, Math.max(0, index))
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1)
    case 'ArrowUp':
      return clamp(current - 1)
    case 'PageDown':
      return clamp(current + page)
    case 'PageUp':
      return clamp(current - page)
    case 'Home':
      return 0
    case 'End':
      return last
  }
}
