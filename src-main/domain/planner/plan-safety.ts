/**
 * Deletion safety, after Entra's accidental-deletions prevention (reference §3.3): deletes and
 * disables both count, against a threshold on the count and on the share of target users. Over the
 * threshold the plan is blocked until the admin types exactly the number of deletes + disables, so a
 * confirmation given for another plan never unblocks this one.
 */
import type { PlanSafety, SyncOptions } from './sync-plan'

/** The safety verdict for a plan with these many deletes and disables. */
export function planSafety(deletes: number, disables: number, targetUsers: number, options: Pick<SyncOptions, 'deletionThreshold' | 'confirmedDeletes'>): PlanSafety {
  const total = deletes + disables
  const { count, percent } = options.deletionThreshold
  const isOverCount = total > count
  const isOverPercent = targetUsers > 0 && (total * 100) / targetUsers > percent
  const isOver = total > 0 && (isOverCount || isOverPercent)
  return {
    deletes,
    disables,
    targetUsers,
    threshold: { count, percent },
    isBlocked: isOver && options.confirmedDeletes !== total,
    confirmNumber: total,
  }
}

/** The threshold in words, for the preview's banner and the CLI. */
export function describePlanSafety(safety: PlanSafety): string {
  const total = safety.deletes + safety.disables
  const share = safety.targetUsers === 0 ? 0 : Math.round((total * 1000) / safety.targetUsers) / 10
  const what = `${safety.deletes} delete${safety.deletes === 1 ? '' : 's'} and ${safety.disables} disable${safety.disables === 1 ? '' : 's'} (${share} % of ${safety.targetUsers} target users)`
  if (safety.isBlocked) return `Blocked: ${what} exceed the threshold of ${safety.threshold.count} or ${safety.threshold.percent} %. Type ${safety.confirmNumber} to allow them.`
  return `${what}; threshold ${safety.threshold.count} or ${safety.threshold.percent} %.`
}
