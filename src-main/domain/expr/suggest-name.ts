/**
 * "Did you mean …?" for names: the closest candidate by edit distance, where a difference in case
 * alone counts as the closest of all (the syntax is case-sensitive, so `tolower` is a common slip).
 */

/** The closest candidate, or null when none is close enough to be a plausible typo. */
export function suggestName(name: string, candidates: Iterable<string>): string | null {
  const lowered = name.toLowerCase()
  let best: string | null = null
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    if (candidate === name) continue
    if (candidate.toLowerCase() === lowered) return candidate
    const distance = editDistance(lowered, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const allowed = Math.max(1, Math.floor(name.length / 3))
  return bestDistance <= allowed ? best : null
}

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbours
 * (optimal string alignment), so `mial` is one edit from `mail`.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)]
  for (let row = 1; row <= a.length; row++) {
    const current = [row]
    const previous = rows[row - 1] as number[]
    for (let column = 1; column <= b.length; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1
      let best = Math.min((previous[column] as number) + 1, (current[column - 1] as number) + 1, (previous[column - 1] as number) + cost)
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, ((rows[row - 2] as number[])[column - 2] as number) + 1)
      }
      current.push(best)
    }
    rows.push(current)
  }
  return (rows[a.length] as number[])[b.length] as number
}
