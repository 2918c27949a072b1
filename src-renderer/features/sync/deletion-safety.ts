/**
 * The deletion threshold as the admin meets it (Entra's accidental-deletions prevention, reference
 * §3.3): the plan says how many users it would disable and delete, and Push stays off until the
 * admin types exactly that number.
 */
import type { PlanSafety } from '../../../src-main/common'
import { formatCount } from '../../components/format-count'

/** "This plan disables 40 and deletes 3 users, over your threshold of 20 (5 %). Type 43 to allow it." */
export function thresholdMessage(safety: PlanSafety): string {
  const { disables, deletes, threshold, confirmNumber } = safety
  return (
    `This plan disables ${formatCount(disables)} and deletes ${formatCount(deletes)} ${deletes === 1 ? 'user' : 'users'}, ` +
    `over your threshold of ${formatCount(threshold.count)} (${threshold.percent} %). ` +
    `Type ${confirmNumber} to allow it.`
  )
}

/** The typed text as a whole number, or null when it is not one (no signs, no decimals, no grouping). */
export function parseConfirmNumber(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,9}$/.test(trimmed)) return null
  return Number(trimmed)
}

/** True when the plan needs no confirmation, or the admin typed exactly the number it asks for. */
export function isThresholdConfirmed(safety: PlanSafety, typed: string): boolean {
  if (!safety.isBlocked) return true
  return parseConfirmNumber(typed) === safety.confirmNumber
}
