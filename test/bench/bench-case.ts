/**
 * The shape every benchmark follows: an id for `--only`, and a run that returns figures. A case
 * prints nothing itself; run.ts formats its figures as a table or as JSON lines.
 */

/** One figure, as printed by `npm run bench -- --json`. */
export interface BenchFigure {
  readonly id: string
  readonly metric: string
  readonly value: number
  readonly unit: string
  /** The same metric for the reference implementation, when there is one. */
  readonly baseline: number | null
  /** value / baseline, when there is a baseline. */
  readonly ratio: number | null
}

/** A target from the issue, reported as met or not; never a failure. */
export interface BenchTarget {
  readonly description: string
  readonly isMet: boolean
}

export interface BenchOutcome {
  readonly figures: readonly BenchFigure[]
  readonly targets: readonly BenchTarget[]
  /** Free-form lines for the human-readable output (set-up times, notes). */
  readonly notes: readonly string[]
}

export interface BenchCase {
  readonly id: string
  readonly description: string
  run(log: (line: string) => void): Promise<BenchOutcome>
}

/** A figure with its ratio filled in. */
export function figure(id: string, metric: string, value: number, unit: string, baseline: number | null = null): BenchFigure {
  return {
    id,
    metric,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null || baseline === 0 ? null : round(value / baseline),
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
