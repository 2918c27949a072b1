/**
 * Live results of rules being edited, over the loaded directory: counts for the editors (`previewRules`)
 * and everything about one user (`explainUserRules`). Each call compiles the rules once and walks the
 * users once per stage: scope, then grouping and roles over the in-scope users, then the create-phase
 * attributes of the mandatory targets.
 */
import type { AttributeOutcome, ProfileRules, RoleRule, RuleProblem, RulesPreview, UserRulesExplanation } from '../../common/rules'
import type { DirectoryUser } from '../../domain/directory/directory-user'
import { assignGroups } from '../../domain/grouping/assign-groups'
import { describeGroupingReason } from '../../domain/grouping/grouping-reason'
import { assignRoles } from '../../domain/grouping/assign-roles'
import { describeApproverReason, describeRoleReason } from '../../domain/grouping/describe-roles'
import { compileMappingSet, desiredAttributes } from '../../domain/mapping/evaluate-mappings'
import { compileScope, type CompiledScope } from '../../domain/scoping/compile-scope'
import { describeScopeReason, isPassingReason, type ScopeReason } from '../../domain/scoping/scope-reason'
import { isBinaryOperator } from '../../domain/scoping/scope-operator'
import type { ScopeContext } from '../../domain/scoping/scope-rule'
import type { ContextServices } from '../../domain/expr/user-evaluation-context'
import type { LoadedDirectory } from './directory-snapshots'
import { displayValue } from './evaluation-services'
import { createMandatoryCheck } from './mandatory-check'

/** What previewing and explaining need besides the rules. */
export interface RulePreviewContext {
  readonly directory: LoadedDirectory
  /** Groups assigned to the application, for `assignedOnly` scope (empty while unknown). */
  readonly assignedGroupIds: ReadonlySet<string>
  /** Users assigned to the application themselves, for `assignedOnly` scope (empty while unknown). */
  readonly assignedUserIds?: ReadonlySet<string>
  readonly services: ContextServices
}

/** Counts for the editors: in / out of scope and why, group and role sizes, users missing a mandatory attribute. */
export function previewRules(rules: ProfileRules, context: RulePreviewContext, problems: readonly RuleProblem[]): RulesPreview {
  const started = performance.now()
  const { snapshot } = context.directory
  const scope = compileScope(rules.scope)
  const scopeContext = scopeContextOf(context)
  const inScope: DirectoryUser[] = []
  const reasons = new Map<string, number>()
  for (const user of snapshot.users) {
    if (scope.isInScope(user, scopeContext)) {
      inScope.push(user)
      continue
    }
    const reason = firstFailingReason(scope, user, scopeContext)
    const text = reason === null ? 'Out of scope.' : countedReason(reason, snapshot.groupNames)
    reasons.set(text, (reasons.get(text) ?? 0) + 1)
  }

  const assignment = assignGroups(rules.grouping, inScope)
  let ungrouped = 0
  for (const user of inScope) if ((assignment.byUser.get(user.id)?.groupKeys.length ?? 0) === 0) ungrouped++

  const roleSizes = countRoles(rules.roles, inScope)

  const isMissingMandatory = createMandatoryCheck(compileMappingSet(rules.mapping), context.services)
  let missingMandatory = 0
  for (const user of inScope) if (isMissingMandatory(user)) missingMandatory++

  return {
    totalUsers: snapshot.users.length,
    inScope: inScope.length,
    outOfScope: snapshot.users.length - inScope.length,
    outOfScopeReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((left, right) => right.count - left.count || compareText(left.reason, right.reason)),
    groups: assignment.groups.map((group) => ({ name: group.displayName, size: group.memberIds.length })),
    ungrouped,
    roles: [...roleSizes].map(([role, size]) => ({ role, size })),
    missingMandatory,
    problems,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  }
}

/** Why one user is in or out of scope, what a create would send, their group, roles and approver. */
export function explainUserRules(rules: ProfileRules, context: RulePreviewContext, user: DirectoryUser): UserRulesExplanation {
  const { snapshot } = context.directory
  const scope = compileScope(rules.scope)
  const scopeContext = scopeContextOf(context)
  const evaluation = scope.evaluate(user, scopeContext)
  const compiled = compileMappingSet(rules.mapping)
  const desired = desiredAttributes(compiled, user, { ...context.services, phase: 'create' })
  const attributes: AttributeOutcome[] = [...desired.explanations.values()].map((explanation) => ({
    targetPath: explanation.targetPath,
    value: displayValue(explanation.value),
    reason: explanation.reason,
    message: explanation.message,
  }))
  const displayName = snapshot.userNames.get(user.id) ?? user.id
  const base = {
    userId: user.id,
    displayName,
    isInScope: evaluation.isInScope,
    scopeReasons: evaluation.reasons.map((reason) => describeScopeReason(reason, snapshot.groupNames)),
    attributes,
    missingMandatory: desired.missingMandatory,
  }
  if (!evaluation.isInScope) {
    return {
      ...base,
      group: { name: null, reason: 'Out of scope, so in no group.' },
      roles: [],
      approver: { userId: null, displayName: null, reason: 'Out of scope, so no approver.' },
    }
  }

  // Groups named by field values take their spelling from all their members, so by-fields grouping
  // runs over everyone in scope; the other kinds place a user by their own values alone.
  const inScopeOthers = (candidate: DirectoryUser): boolean => candidate.id !== user.id && scope.isInScope(candidate, scopeContext)
  const grouped = rules.grouping.kind === 'byFields' ? [user, ...snapshot.users.filter(inScopeOthers)] : [user]
  const grouping = assignGroups(rules.grouping, grouped).byUser.get(user.id)
  const groupReason = grouping?.reasons[0]
  const groupName = groupReason === undefined || groupReason.kind === 'noGroupMatched' ? null : groupReason.kind === 'byFields' ? groupReason.displayName : groupReason.groupName
  // The user's roles and approver depend on the user, their manager and their reports only (the
  // manager rule counts reports in scope; the approver must be in scope): the engine runs over those.
  const manager = user.managerId === null ? undefined : snapshot.usersById.get(user.managerId)
  const related = [user, ...(manager !== undefined && inScopeOthers(manager) ? [manager] : []), ...snapshot.users.filter((candidate) => candidate.managerId === user.id && inScopeOthers(candidate))]
  const roles = assignRoles(rules.roles, related, snapshot.usersById, { parentGroupIds: snapshot.parentGroupIds }).get(user.id)
  const names = { groupNames: snapshot.groupNames, userNames: snapshot.userNames }
  return {
    ...base,
    group: { name: groupName, reason: groupReason === undefined ? 'In no group.' : describeGroupingReason(groupReason) },
    roles: (roles?.roles ?? []).map(({ role, reasons }) => ({ role, reasons: reasons.map((reason) => describeRoleReason(reason, names)) })),
    approver: roles
      ? { userId: roles.approverId, displayName: roles.approverId === null ? null : (snapshot.userNames.get(roles.approverId) ?? null), reason: describeApproverReason(roles.approverReason, names) }
      : { userId: null, displayName: null, reason: 'No approver.' },
  }
}

/**
 * How many in-scope users hold each role — what `assignRoles` gives each user, counted without
 * building every user's reasons: a role once per user however many ways it is reached (a spec checks
 * both agree).
 */
export function countRoles(rule: RoleRule, inScope: readonly DirectoryUser[]): Map<string, number> {
  // Roles by number, and per role the last user counted, so a role reached twice counts once.
  const roleNames = [...new Set([...rule.groupRoles.map((groupRole) => groupRole.role), ...(rule.managerRule.isEnabled ? [rule.managerRule.approverRole] : [])])]
  const roleIndex = new Map(roleNames.map((role, index) => [role, index]))
  const rolesByGroup = new Map<string, number[]>()
  for (const { entraGroupId, role } of rule.groupRoles) rolesByGroup.set(entraGroupId, [...(rolesByGroup.get(entraGroupId) ?? []), roleIndex.get(role)!])
  const groupRoles = [...rolesByGroup]
  const managers = new Set<string>()
  if (rule.managerRule.isEnabled) {
    const ids = new Set(inScope.map((user) => user.id))
    for (const user of inScope) if (user.managerId !== null && ids.has(user.managerId)) managers.add(user.managerId)
  }
  const approverIndex = roleIndex.get(rule.managerRule.approverRole) ?? -1
  const counts = new Array<number>(roleNames.length).fill(0)
  const lastCounted = new Array<number>(roleNames.length).fill(-1)
  const count = (role: number, userIndex: number): void => {
    if (lastCounted[role] === userIndex) return
    lastCounted[role] = userIndex
    counts[role]!++
  }
  inScope.forEach((user, userIndex) => {
    for (const [groupId, roles] of groupRoles) {
      if (user.groupIds.has(groupId) || user.directGroupIds.has(groupId)) for (const role of roles) count(role, userIndex)
    }
    if (approverIndex >= 0 && managers.has(user.id)) count(approverIndex, userIndex)
  })
  return new Map(
    roleNames
      .map((role, index) => [role, counts[index]!] as const)
      .filter(([, size]) => size > 0)
      .sort(([left], [right]) => compareText(left, right)),
  )
}

/** The first stage that keeps the user out (assignment, group filter, then the filters). */
function firstFailingReason(scope: CompiledScope, user: DirectoryUser, context: ScopeContext): ScopeReason | null {
  return scope.evaluate(user, context).reasons.find((reason) => !isPassingReason(reason)) ?? null
}

/**
 * A reason in words that many users share: a failed clause is named without the user's own value
 * (which `describeScopeReason` shows for one user), so the counts add up per clause.
 */
function scopeContextOf(context: RulePreviewContext): ScopeContext {
  const { assignedGroupIds, assignedUserIds } = context
  return { assignedGroupIds, ...(assignedUserIds === undefined ? {} : { assignedUserIds }), groupNames: context.directory.snapshot.groupNames }
}

function countedReason(reason: ScopeReason, groupNames: ReadonlyMap<string, string>): string {
  if (reason.kind !== 'filterFailed') return describeScopeReason(reason, groupNames)
  const { filterName, clause, clauseIndex, verdict } = reason.failure
  const test = isBinaryOperator(clause.operator) ? `${clause.operator} “${clause.value ?? ''}”` : clause.operator
  if (verdict === 'invalidClause') return `Filter “${filterName}”: clause ${clauseIndex + 1} is invalid and matches no one.`
  return `Filter “${filterName}”: ${clause.attribute} ${test} is not met.`
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}
