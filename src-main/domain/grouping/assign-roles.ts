/**
 * The roles engine: Entra group → target role (membership direct or through nested groups), and the
 * expense product's manager rule (PRODUCT.md, "Manager flow"):
 * - everyone who manages someone in scope gets the approver role;
 * - each user's manager is their direct approver — if the manager is in scope too ("the manager must
 *   be provisioned first"); otherwise the user has no approver, and the reason says which case it is;
 * - a user on the self-approver list approves themselves, overriding the manager.
 * Self-approvers do not get the approver role for that alone: they approve only their own requests.
 */
import type { DirectoryUser } from '../directory/directory-user'
import type { RoleRule } from './grouping-rule'

export type RoleReason =
  /**
   * Member of `groupId`. `path` runs from the group the user is directly in up to `groupId` (so
   * `[groupId]` when direct); empty when membership is nested but the nesting was not given.
   */
  | { readonly kind: 'group'; readonly groupId: string; readonly path: readonly string[] }
  /** Manages `reportCount` users in scope; `reportIds` lists up to five of them. */
  | { readonly kind: 'manager'; readonly reportCount: number; readonly reportIds: readonly string[] }

export type ApproverReason =
  | { readonly kind: 'selfApprover' }
  | { readonly kind: 'manager'; readonly managerId: string }
  | { readonly kind: 'noManager' }
  /** `isKnown`: the manager exists in the directory but is out of scope; false: not in the directory at all. */
  | { readonly kind: 'managerNotInScope'; readonly managerId: string; readonly isKnown: boolean }
  | { readonly kind: 'managerRuleOff' }

export interface UserRoles {
  /** Ordered by role name; a role reached several ways lists every way. */
  readonly roles: readonly { readonly role: string; readonly reasons: readonly RoleReason[] }[]
  readonly approverId: string | null
  readonly approverReason: ApproverReason
}

export interface RoleContext {
  /** Group id → ids of the groups it is directly a member of; used to show nesting paths. */
  readonly parentGroupIds?: ReadonlyMap<string, readonly string[]>
}

const REPORT_SAMPLE = 5
const SELF_APPROVER: ApproverReason = { kind: 'selfApprover' }
const MANAGER_RULE_OFF: ApproverReason = { kind: 'managerRuleOff' }
const NO_MANAGER: ApproverReason = { kind: 'noManager' }

/**
 * Roles and approver for each in-scope user. `allUsersById` is the whole directory: it tells a manager
 * who is out of scope from one who does not exist.
 */
export function assignRoles(
  rule: RoleRule,
  users: readonly DirectoryUser[],
  allUsersById: ReadonlyMap<string, DirectoryUser>,
  context: RoleContext = {},
): ReadonlyMap<string, UserRoles> {
  const inScope = new Set(users.map((user) => user.id))
  const selfApprovers = new Set(rule.selfApproverIds)
  const reportsOf = new Map<string, string[]>()
  if (rule.managerRule.isEnabled) {
    for (const user of users) {
      if (user.managerId === null || !inScope.has(user.managerId)) continue
      const reports = reportsOf.get(user.managerId)
      if (reports === undefined) reportsOf.set(user.managerId, [user.id])
      else reports.push(user.id)
    }
  }

  const result = new Map<string, UserRoles>()
  for (const user of users) {
    let roles: Map<string, RoleReason[]> | null = null
    for (const { entraGroupId, role } of rule.groupRoles) {
      if (!user.groupIds.has(entraGroupId) && !user.directGroupIds.has(entraGroupId)) continue
      const path = user.directGroupIds.has(entraGroupId) ? [entraGroupId] : nestingPath(user, entraGroupId, context.parentGroupIds)
      roles = addRole(roles, role, { kind: 'group', groupId: entraGroupId, path })
    }
    const reports = reportsOf.get(user.id)
    if (reports !== undefined) {
      roles = addRole(roles, rule.managerRule.approverRole, { kind: 'manager', reportCount: reports.length, reportIds: reports.slice(0, REPORT_SAMPLE) })
    }
    const approverReason = approverOf(user, rule, selfApprovers, inScope, allUsersById)
    result.set(user.id, {
      roles: roles === null ? NO_ROLES : [...roles].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)).map(([role, reasons]) => ({ role, reasons })),
      approverId: approverReason.kind === 'selfApprover' ? user.id : approverReason.kind === 'manager' ? approverReason.managerId : null,
      approverReason,
    })
  }
  return result
}

const NO_ROLES: UserRoles['roles'] = []

function addRole(roles: Map<string, RoleReason[]> | null, role: string, reason: RoleReason): Map<string, RoleReason[]> {
  const map = roles ?? new Map<string, RoleReason[]>()
  const reasons = map.get(role)
  if (reasons === undefined) map.set(role, [reason])
  else reasons.push(reason)
  return map
}

function approverOf(
  user: DirectoryUser,
  rule: RoleRule,
  selfApprovers: ReadonlySet<string>,
  inScope: ReadonlySet<string>,
  allUsersById: ReadonlyMap<string, DirectoryUser>,
): ApproverReason {
  if (selfApprovers.has(user.id)) return SELF_APPROVER
  if (!rule.managerRule.isEnabled) return MANAGER_RULE_OFF
  if (user.managerId === null) return NO_MANAGER
  if (inScope.has(user.managerId)) return { kind: 'manager', managerId: user.managerId }
  return { kind: 'managerNotInScope', managerId: user.managerId, isKnown: allUsersById.has(user.managerId) }
}

/** Shortest chain of groups from one the user is directly in up to `targetGroupId` (breadth-first). */
function nestingPath(user: DirectoryUser, targetGroupId: string, parentGroupIds: ReadonlyMap<string, readonly string[]> | undefined): string[] {
  if (parentGroupIds === undefined) return []
  const previous = new Map<string, string | null>()
  let frontier: string[] = []
  for (const groupId of user.directGroupIds) {
    previous.set(groupId, null)
    frontier.push(groupId)
  }
  while (frontier.length > 0) {
    const next: string[] = []
    for (const groupId of frontier) {
      for (const parentId of parentGroupIds.get(groupId) ?? []) {
        if (previous.has(parentId)) continue
        previous.set(parentId, groupId)
        if (parentId === targetGroupId) return unwind(previous, parentId)
        next.push(parentId)
      }
    }
    frontier = next
  }
  return []
}

function unwind(previous: ReadonlyMap<string, string | null>, last: string): string[] {
  const path: string[] = []
  for (let groupId: string | null = last; groupId !== null; groupId = previous.get(groupId) ?? null) path.unshift(groupId)
  return path
}
