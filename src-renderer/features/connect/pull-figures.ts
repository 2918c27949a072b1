/** What the pull progress panel says about a running pull. Wording only; numbers come from main. */
import type { PullPhase, PullProgress } from '../../../src-main/common'
import { formatCount } from '../../components/format-count'
import { formatDuration } from '../../components/format-time'

/** Each phase in plain words, as the panel heading shows it. */
export const PULL_PHASE_LABELS: Readonly<Record<PullPhase, string>> = {
  starting: 'Connecting',
  users: 'Reading users',
  groups: 'Reading groups',
  memberships: 'Reading group memberships',
  finishing: 'Saving to the local cache',
}

/**
 * How far the pull has come, 0..1, by users read against the expected total; null while the total
 * is unknown, so the bar shows "busy" instead of a made-up figure.
 */
export function pullFraction(progress: Pick<PullProgress, 'users' | 'totalUsers' | 'phase'>): number | null {
  if (progress.phase === 'groups' || progress.phase === 'memberships' || progress.phase === 'finishing') {
    // Users are all read by now; the remaining phases have no known total, so the bar stays full.
    if (progress.totalUsers !== null) return 1
  }
  if (progress.totalUsers === null || progress.totalUsers <= 0) return null
  return Math.min(1, Math.max(0, progress.users / progress.totalUsers))
}

/** "1,234 per second"; below one per second the rate is not worth a figure. */
export function formatRate(rate: number, locale?: string): string {
  if (!Number.isFinite(rate) || rate < 1) return 'measuring…'
  return `${formatCount(rate, locale)} per second`
}

/** "about 2 min 5 s left", or "estimating…" while main has no estimate. */
export function formatEta(etaSeconds: number | null): string {
  if (etaSeconds === null || !Number.isFinite(etaSeconds) || etaSeconds < 0) return 'estimating…'
  if (etaSeconds < 1) return 'almost done'
  return `about ${formatDuration(etaSeconds * 1000)} left`
}
