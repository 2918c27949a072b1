/** Wording of a push in progress: how far, how fast, how long still. */
import type { PushProgress } from '../../../src-main/common'
import { formatCount } from '../../components/format-count'

/** Operations handled (sent, failed or skipped) as a share of all of them, 0..1; null before the total is known. */
export function pushFraction(progress: PushProgress | null): number | null {
  if (progress === null || progress.total <= 0) return null
  return Math.min(1, (progress.done + progress.failed + progress.skipped) / progress.total)
}

/** "25 per second", "2.5 per second", "under 1 per second"; rates near zero do not pretend precision. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return 'waiting'
  if (perSecond < 1) return 'under 1 per second'
  const rounded = perSecond < 10 ? Math.round(perSecond * 10) / 10 : Math.round(perSecond)
  return `${rounded} per second`
}

/**
 * Time left, rounded as people say it: "about 3 min left", "about 1 h 10 min left", "under a minute
 * left"; null (main cannot tell yet) reads "estimating…".
 */
export function formatEta(etaSeconds: number | null): string {
  if (etaSeconds === null || !Number.isFinite(etaSeconds) || etaSeconds < 0) return 'estimating…'
  if (etaSeconds < 60) return 'under a minute left'
  const minutes = Math.round(etaSeconds / 60)
  if (minutes < 60) return `about ${minutes} min left`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`
}

/** "1,200 of 5,000 done · 3 failed". */
export function formatPushCounts(progress: PushProgress): string {
  const handled = progress.done + progress.failed + progress.skipped
  const parts = [`${formatCount(handled)} of ${formatCount(progress.total)} handled`]
  if (progress.failed > 0) parts.push(`${formatCount(progress.failed)} failed`)
  if (progress.skipped > 0) parts.push(`${formatCount(progress.skipped)} skipped`)
  return parts.join(' · ')
}
