/**
 * How close a credential is to its end: whole days left and the warning level the Health screen
 * shows. Pure: the caller passes the time of the check.
 */
import type { ExpiryLevel } from '../../common/health'

export const DAY_MILLISECONDS = 86_400_000

export interface CredentialExpiry {
  /**
   * Started days left until `endDateTime`: 10 days and 1 hour left count as 11, so "in 7 days"
   * always means critical7 (the level follows from this number alone). 0 or less once expired:
   * -1 for anything up to a day ago.
   */
  readonly daysLeft: number
  readonly level: ExpiryLevel
}

/** Thresholds in days, most urgent first: a credential is at the first level whose limit it is within. */
const LEVEL_LIMITS: readonly (readonly [ExpiryLevel, number])[] = [
  ['expired', 0],
  ['critical7', 7],
  ['warning14', 14],
  ['notice30', 30],
]

/**
 * Evaluates one credential's `endDateTime` (ISO-8601, as Graph sends it) at `now`.
 * Levels: `expired` (end ≤ now), `critical7` (≤ 7 days), `warning14` (≤ 14), `notice30` (≤ 30), `ok`.
 * Throws a RangeError for a date that does not parse: Graph always sends one, so that is a bug.
 */
export function evaluateCredentialExpiry(endDateTime: string, now: Date): CredentialExpiry {
  const end = Date.parse(endDateTime)
  if (Number.isNaN(end)) throw new RangeError(`Not an ISO-8601 date-time: ${endDateTime}`)
  const remaining = end - now.getTime()
  // Adding 0 turns Math.floor's -0 (end exactly now) into 0.
  const daysLeft = (remaining > 0 ? Math.ceil(remaining / DAY_MILLISECONDS) : Math.floor(remaining / DAY_MILLISECONDS)) + 0
  return { daysLeft, level: levelForDaysLeft(daysLeft) }
}

/** The level for a number of started days left (see {@link CredentialExpiry.daysLeft}). */
export function levelForDaysLeft(daysLeft: number): ExpiryLevel {
  for (const [level, limit] of LEVEL_LIMITS) if (daysLeft <= limit) return level
  return 'ok'
}

const URGENCY: Readonly<Record<ExpiryLevel, number>> = { expired: 0, critical7: 1, warning14: 2, notice30: 3, ok: 4 }

/** Sort order of levels: negative when `a` is more urgent than `b`. */
export function compareExpiryLevels(a: ExpiryLevel, b: ExpiryLevel): number {
  return URGENCY[a] - URGENCY[b]
}

/** The most urgent of the levels; `ok` for none. */
export function mostUrgentLevel(levels: Iterable<ExpiryLevel>): ExpiryLevel {
  let worst: ExpiryLevel = 'ok'
  for (const level of levels) if (compareExpiryLevels(level, worst) < 0) worst = level
  return worst
}
