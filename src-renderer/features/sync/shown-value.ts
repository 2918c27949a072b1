/** How a planned value reads in the before → after table. */
import type { ShownValue } from '../../../src-main/common'

/** A list reads "a, b"; no value reads as an em dash so an empty cell never looks like a bug. */
export function formatShownValue(value: ShownValue): string {
  if (value === null) return '—'
  if (typeof value === 'string') return value === '' ? '(empty)' : value
  return value.length === 0 ? '(none)' : value.join(', ')
}
