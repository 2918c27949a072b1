/**
 * Plain words for role and approver reasons, e.g. `in group “Sales” via nested group “Nordic Managers”`.
 */
import type { ApproverReason, RoleReason } from './assign-roles'

/** Display names for ids; an id is shown as itself when the lookup has no name for it. */
export interface NameLookup {
  readonly groupNames?: ReadonlyMap<string, string>
  readonly userNames?: ReadonlyMap<string, string>
}

export function describeRoleReason(reason: RoleReason, names: NameLookup = {}): string {
  const group = (id: string) => `“${names.groupNames?.get(id) ?? id}”`
  const user = (id: string) => names.userNames?.get(id) ?? id
  switch (reason.kind) {
    case 'group': {
      if (reason.path.length === 1) return `in group ${group(reason.groupId)}`
      if (reason.path.length === 0) return `in group ${group(reason.groupId)} through nested groups`
      const via = reason.path.slice(0, -1)
      return `in group ${group(reason.groupId)} via nested group${via.length > 1 ? 's' : ''} ${via.map(group).join(' → ')}`
    }
    case 'manager': {
      const more = reason.reportCount - reason.reportIds.length
      const listed = reason.reportIds.map(user).join(', ') + (more > 0 ? ` and ${more} more` : '')
      return `manages ${reason.reportCount} ${reason.reportCount === 1 ? 'person' : 'people'} in scope (${listed})`
    }
  }
}

export function describeApproverReason(reason: ApproverReason, names: NameLookup = {}): string {
  const user = (id: string) => `“${names.userNames?.get(id) ?? id}”`
  switch (reason.kind) {
    case 'selfApprover':
      return 'On the self-approver list: approves their own requests (this overrides the manager).'
    case 'manager':
      return `Their manager ${user(reason.managerId)} is their approver.`
    case 'noManager':
      return 'Has no manager in Entra, so no approver.'
    case 'managerNotInScope':
      return reason.isKnown
        ? `Their manager ${user(reason.managerId)} is not in scope, so no approver: the manager must be provisioned first.`
        : `Their manager (${reason.managerId}) is not in the directory, so no approver.`
    case 'managerRuleOff':
      return 'The manager rule is off, so no approver.'
  }
}
