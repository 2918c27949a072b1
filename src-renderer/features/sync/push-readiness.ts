/** Whether the Push button may be pressed, and if not, the one sentence that says why. */
import type { PlanSummary, SyncSettings } from '../../../src-main/common'
import { isThresholdConfirmed } from './deletion-safety'

export interface PushReadinessInput {
  readonly summary: PlanSummary | null
  /** The saved sync settings; null while unknown. */
  readonly settings: SyncSettings | null
  /** What the admin typed in the threshold field. */
  readonly confirmText: string
  readonly isPushing: boolean
  /** This plan was pushed already (its run finished): only a new plan can be pushed. */
  readonly isPlanSpent?: boolean
}

/** Operations a push would send: everything except skips and what the admin excluded. */
export function operationsToSend(summary: PlanSummary): number {
  return Math.max(0, summary.totalOperations - summary.counts.skip - summary.excludedOperations)
}

/** Null when Push can be pressed, else why not, in plain words. */
export function pushBlockReason(input: PushReadinessInput): string | null {
  const { summary, settings } = input
  if (input.isPushing) return 'A push is running.'
  if (summary === null) return 'Make a plan first: Push sends exactly the plan you reviewed.'
  if (input.isPlanSpent === true) return 'This plan was pushed. Plan again to see what is left to do.'
  const isPushEnabled = settings?.isPushEnabled ?? summary.isPushEnabled
  if (!isPushEnabled) return 'Pushing is off for this profile. Turn on “Allow pushing” in the sync settings to send this plan.'
  const mode = settings?.mode ?? summary.mode
  if (mode === 'paused') return 'The sync mode is Paused. Choose Full or New users only to push.'
  if (operationsToSend(summary) === 0) return 'Nothing to push: the application already matches, or every change is excluded.'
  if (!isThresholdConfirmed(summary.safety, input.confirmText)) {
    return `Type ${summary.safety.confirmNumber} in the box above to allow this many disables and deletes.`
  }
  return null
}
