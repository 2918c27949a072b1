/**
 * SCIMMY coerces every resource egress returns (about half a millisecond each) and only then lets
 * its ListResponse apply startIndex/count — so a target with a few thousand users would spend
 * seconds per page. Egress cannot simply return the page either: ListResponse takes totalResults
 * from the array's length and slices again unless the page happens to be the last one.
 *
 * So egress returns a *sparse* array as long as the full result (holes are skipped by `map` and
 * dropped by ListResponse's `filter`), holding only the page, padded in front with copies of its
 * first item exactly when ListResponse's own slice would otherwise cut into it. The unit test
 * checks this against SCIMMY's real ListResponse for every small combination.
 */

export interface ListConstraints {
  readonly startIndex?: number
  readonly count?: number
  readonly sortBy?: string
}

/** What to return from egress so that SCIMMY's ListResponse yields exactly the requested page of `matches`. */
export function arrangeListPage<T>(matches: readonly T[], constraints: ListConstraints | undefined): T[] {
  // Sorting needs every item; let SCIMMY do it the slow, simple way.
  if (constraints?.sortBy !== undefined) return [...matches]
  const total = matches.length
  const startIndex = Math.max(1, Math.trunc(Number(constraints?.startIndex ?? 1)) || 1)
  const count = Math.max(0, Math.trunc(Number(constraints?.count ?? 20)))
  const page = matches.slice(startIndex - 1, startIndex - 1 + count)
  const first = page[0]
  let dense: T[]
  if (first === undefined || page.length < startIndex) {
    // ListResponse only slices when it holds at least startIndex items.
    dense = page
  } else {
    // ListResponse will slice(startIndex - 1): put that many copies in front of the page, and one
    // more behind when its "already the last page" test would otherwise skip the slice.
    const padding = new Array<T>(startIndex - 1).fill(first)
    const wouldSkipSlice = startIndex > 1 && total === page.length + 2 * startIndex - 2
    dense = wouldSkipSlice ? [...padding, ...page, first] : [...padding, ...page]
  }
  const arranged = new Array<T>(total)
  for (let index = 0; index < dense.length; index += 1) arranged[index] = dense[index] as T
  return arranged
}
