/**
 * The plan as text: a CSV file for the preview's export (RFC 4180: CRLF line ends, fields with a
 * comma, quote or line break quoted, quotes doubled) and a one-line summary in plain words.
 */
import { PLAN_ACTIONS, type AttributeChange, type PlanAction, type PlanOperation, type ShownValue, type SyncPlan } from './sync-plan'

export const PLAN_CSV_HEADER = ['action', 'entraId', 'targetId', 'userName', 'displayName', 'reason code', 'reason', 'changes'] as const

/** The plan's operations as CSV, one row per operation, in plan order. */
export function planToCsv(plan: Pick<SyncPlan, 'operations'>): string {
  const rows = [PLAN_CSV_HEADER.map(csvField).join(',')]
  for (const operation of plan.operations) {
    rows.push(
      [operation.action, operation.entraId ?? '', operation.targetId ?? '', operation.userName ?? '', operation.displayName, operation.reason.code, operation.reason.text, changesText(operation.changes)]
        .map(csvField)
        .join(','),
    )
  }
  return `${rows.join('\r\n')}\r\n`
}

/** `title: Engineer → Senior Engineer; roles: (none) → Approver`. */
export function changesText(changes: PlanOperation['changes']): string {
  return changes.map((change: AttributeChange) => `${change.path}: ${valueText(change.before)} → ${valueText(change.after)}`).join('; ')
}

const SUMMARY_WORDS: Readonly<Record<PlanAction, readonly [string, string]>> = {
  create: ['user to create', 'users to create'],
  update: ['user to update', 'users to update'],
  reactivate: ['user to reactivate', 'users to reactivate'],
  disable: ['user to disable', 'users to disable'],
  delete: ['user to delete', 'users to delete'],
  createGroup: ['group to create', 'groups to create'],
  addMembers: ['group gaining members', 'groups gaining members'],
  removeMembers: ['group losing members', 'groups losing members'],
  setManager: ['manager reference', 'manager references'],
  skip: ['skipped', 'skipped'],
}

/** e.g. `12 users to create, 3 users to update, 1 user to disable, 40 skipped — blocked: type 1 to allow the deletes and disables.` */
export function planSummaryLine(plan: Pick<SyncPlan, 'counts' | 'safety'>): string {
  const parts = PLAN_ACTIONS.filter((action) => plan.counts[action] > 0).map((action) => {
    const count = plan.counts[action]
    return `${count} ${SUMMARY_WORDS[action][count === 1 ? 0 : 1]}`
  })
  const text = parts.length === 0 ? 'Nothing to do' : parts.join(', ')
  if (!plan.safety.isBlocked) return `${text}.`
  return `${text} — blocked: ${plan.safety.confirmNumber} deletes and disables are over the threshold; type ${plan.safety.confirmNumber} to allow them.`
}

function valueText(value: ShownValue): string {
  if (value === null) return '(none)'
  return typeof value === 'string' ? value : value.join(', ')
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
