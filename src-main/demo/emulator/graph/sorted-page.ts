/**
 * Paging over lists sorted by id. A `$skiptoken` remembers the last id served, so resuming is a
 * binary search, and objects created or deleted between pages neither repeat nor shift the rest.
 */

/** Orders ids by UTF-16 code units: fast, stable, and the order every snapshot uses. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Index of the first item whose id sorts after `afterId` (0 when `afterId` is null). */
export function indexAfter(items: readonly { readonly id: string }[], afterId: string | null): number {
  if (afterId === null) return 0
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((items[middle] as { id: string }).id <= afterId) low = middle + 1
    else high = middle
  }
  return low
}

export interface Page<T> {
  readonly items: readonly T[]
  /** True when at least one more matching item follows the page. */
  readonly hasMore: boolean
}

/**
 * Up to `size` items matching `test`, starting at `start`. Without a test this is a slice; with one
 * it scans, and looks one match ahead so a link is only offered when a next page has content.
 */
export function takePage<T>(
  items: readonly T[],
  start: number,
  size: number,
  test: ((item: T) => boolean) | null,
): Page<T> {
  if (!test) {
    return { items: items.slice(start, start + size), hasMore: start + size < items.length }
  }
  const page: T[] = []
  let index = start
  for (; index < items.length && page.length < size; index++) {
    const item = items[index] as T
    if (test(item)) page.push(item)
  }
  for (; index < items.length; index++) {
    if (test(items[index] as T)) return { items: page, hasMore: true }
  }
  return { items: page, hasMore: false }
}

/** Number of items matching `test` (all items without one). */
export function countMatching<T>(items: readonly T[], test: ((item: T) => boolean) | null): number {
  if (!test) return items.length
  let count = 0
  for (const item of items) if (test(item)) count++
  return count
}
