/**
 * The planner (issue 5 item 4): the desired state — scope, mapping, grouping, roles, matching —
 * against the target snapshot, as an ordered plan of operations, each with its reason and its step
 * trace. Pure: the clock, randomness and GUIDs come in through `services`.
 *
 * Order (reference §3.1: objects first, references in a separate step): creates (a manager before
 * their reports) → updates and reactivations → group creates → manager references → memberships →
 * disables → deletes → skips. Every `dependsOn` names an earlier operation.
 */
import type { DirectoryUser } from '../directory/directory-user'
import type { ContextServices } from '../expr/user-evaluation-context'
import { assignGroups } from '../grouping/assign-groups'
import { assignRoles, type RoleContext, type UserRoles } from '../grouping/assign-roles'
import { compileMappingSet, desiredAttributes, matchingKeys, type DesiredAttributesOptions } from '../mapping/evaluate-mappings'
import { compileScope } from '../scoping/compile-scope'
import { describeScopeReason, isPassingReason, type ScopeReason } from '../scoping/scope-reason'
import type { ScopeContext } from '../scoping/scope-rule'
import type { ProfileRules } from '../../common/rules'
import { matchUsers, type MatchCandidate, type UserMatch } from './match-users'
import { planGroups, type MemberState } from './plan-groups'
import { planSafety } from './plan-safety'
import { displayNameOf, planHardDeletedUser, planInScopeUser, planOutOfScopeUser, userPrincipalNameOf, type DraftOperation, type UserPlan, type UserPlanContext } from './plan-user'
import { PLAN_ACTIONS, type PlanAction, type PlanOperation, type SkipCode, type SyncLink, type SyncOptions, type SyncPlan, type TargetGroupRecord, type TargetUserRecord } from './sync-plan'
import { buildManagerPatch, MANAGER_TARGET_PATH, parseCachedTargetPath, readTargetValue } from './target-value'

export interface PlanInput {
  /** The whole directory cache: users out of scope are needed to disable them, and to find managers. */
  readonly users: readonly DirectoryUser[]
  readonly scopeContext: ScopeContext
  readonly roleContext?: RoleContext
  readonly rules: ProfileRules
  readonly target: { readonly users: readonly TargetUserRecord[]; readonly groups: readonly TargetGroupRecord[] }
  readonly links: readonly SyncLink[]
  readonly options: SyncOptions
  readonly services: ContextServices
}

const MANAGER_PATH = parseCachedTargetPath(MANAGER_TARGET_PATH)!

/** Plans a sync; see the module comment. Deterministic for the same input. */
export function planSync(input: PlanInput): SyncPlan {
  const { users, rules, options, services } = input
  const usersById = new Map(users.map((user) => [user.id, user]))
  const targetsById = new Map(input.target.users.map((target) => [target.id, target]))
  const linksByEntraId = new Map(input.links.map((link) => [link.entraId, link]))
  const compiled = compileMappingSet(rules.mapping)
  // Mappings the target takes on update only (PRODUCT.md: country): sent right after the create, in
  // the same push, instead of waiting for the next one as Entra's 40-minute cycle does.
  const updateOnlyMappings = rules.mapping.mappings.filter((mapping) => mapping.applyOn === 'updateOnly' && mapping.type !== 'none')
  const updateOnly = updateOnlyMappings.length === 0 ? null : compileMappingSet({ mappings: updateOnlyMappings, mandatoryTargets: [] })
  const scope = compileScope(rules.scope)
  const phaseOptions = (phase: 'create' | 'update'): DesiredAttributesOptions => ({
    phase,
    // The plan keeps values, not explanations (the Rules screen's "why" panel builds those per user).
    isExplained: false,
    now: services.now,
    random: () => services.random(),
    newGuid: () => services.newGuid(),
    isTaken: (value) => services.isTaken?.(value) ?? false,
  })

  // Scope, with the reasons in words for the trace.
  const inScope: DirectoryUser[] = []
  const outOfScope: DirectoryUser[] = []
  const scopeDetails = new Map<string, string>()
  // Most users are in scope for the same few reasons: their words are built once and shared.
  const sharedWords = new Map<string, string>()
  const words = (reason: ScopeReason): string => {
    const key = reason.kind === 'allUsers' || reason.kind === 'noFilters' ? reason.kind : reason.kind === 'filterMatched' ? `filter:${reason.filterName}` : null
    if (key === null) return describeScopeReason(reason, input.scopeContext.groupNames)
    let text = sharedWords.get(key)
    if (text === undefined) {
      text = describeScopeReason(reason, input.scopeContext.groupNames)
      sharedWords.set(key, text)
    }
    return text
  }
  for (const user of users) {
    const evaluation = scope.evaluate(user, input.scopeContext)
    const reasons = evaluation.reasons.filter((reason) => isPassingReason(reason) === evaluation.isInScope)
    scopeDetails.set(user.id, reasons.length === 1 ? words(reasons[0]!) : reasons.map(words).join(' '))
    ;(evaluation.isInScope ? inScope : outOfScope).push(user)
  }
  const grouping = assignGroups(rules.grouping, inScope)
  const roles = assignRoles(rules.roles, inScope, usersById, input.roleContext)
  const areRolesManaged = rules.roles.groupRoles.length > 0 || rules.roles.managerRule.isEnabled

  // Matching: users in scope first; users out of scope only against what is left (to disable them).
  const candidate = (user: DirectoryUser): MatchCandidate => ({ entraId: user.id, keys: matchingKeys(compiled, user, services) })
  const firstPass = matchUsers({ candidates: inScope.map(candidate), targets: input.target.users, links: input.links })
  const taken = new Set<string>(input.target.users.map((target) => target.id))
  for (const id of firstPass.unmatchedTargetIds) taken.delete(id)
  for (const match of firstPass.byEntraId.values()) if (match.kind === 'duplicateTargets') for (const id of match.candidateTargetIds) taken.add(id)
  const secondPass = matchUsers({ candidates: outOfScope.map(candidate), targets: input.target.users, links: input.links, excludedTargetIds: taken })
  const matchOf = (user: DirectoryUser): UserMatch => firstPass.byEntraId.get(user.id) ?? secondPass.byEntraId.get(user.id) ?? { kind: 'none', triedKeys: [] }

  const context: UserPlanContext = {
    compiled,
    options,
    now: services.now,
    createOptions: phaseOptions('create'),
    updateOptions: phaseOptions('update'),
    areRolesManaged,
    targetsById,
    linksByEntraId,
    describeEntraUser: (entraId) => {
      const user = usersById.get(entraId)
      return user === undefined ? `Entra user ${entraId}` : `'${userPrincipalNameOf(user)}'`
    },
    desiredAttributes: (user, phaseOption) => desiredAttributes(compiled, user, phaseOption),
    updateOnlyAfterCreate: updateOnly === null ? null : (user) => desiredAttributes(updateOnly, user, phaseOptions('update')),
  }

  const plans: UserPlan[] = []
  for (const user of users) {
    const detail = scopeDetails.get(user.id)!
    const userRoles = roles.get(user.id)
    plans.push(userRoles !== undefined ? planInScopeUser(context, user, detail, matchOf(user), userRoles.roles.map((entry) => entry.role)) : planOutOfScopeUser(context, user, detail, matchOf(user)))
  }
  const hardDeletes: DraftOperation[] = []
  for (const link of input.links) {
    const target = targetsById.get(link.targetId)
    if (!usersById.has(link.entraId) && target !== undefined) hardDeletes.push(planHardDeletedUser(link, target))
  }

  // Who will be in the target after the plan, for references (manager, members).
  const states = new Map<string, MemberState>()
  // Target users someone is (or was, through a link) — the others are listed as unmatched.
  const claimed = new Set<string>(input.links.map((link) => link.targetId))
  for (const plan of plans) {
    if (plan.target !== null) claimed.add(plan.target.id)
    if (!plan.willExist) continue
    const isCreated = plan.draft.action === 'create'
    states.set(plan.user.id, { targetId: isCreated ? null : plan.target!.id, createOperationId: isCreated ? plan.draft.id : null, userName: plan.draft.userName ?? plan.user.id })
  }

  const { operations: managerOperations, managerOf } = planManagers(plans, roles, rules.roles.managerRule.isEnabled, states, usersById, targetsById)
  const groupOperations = planGroups({
    groups: grouping.groups,
    targetGroups: input.target.groups,
    targetUserIds: new Set(targetsById.keys()),
    targetUserNames: new Map(input.target.users.map((target) => [target.id, target.userName])),
    memberState: (entraId) => states.get(entraId) ?? null,
    mode: options.mode,
  })

  const ordered = orderOperations(plans.flatMap((plan) => (plan.followUp === undefined ? [plan.draft] : [plan.draft, plan.followUp])), managerOf, managerOperations, groupOperations, hardDeletes)
  const operations = applyMode(ordered, options.mode, new Set(plans.filter((plan) => plan.draft.action === 'create').map((plan) => plan.user.id)))

  const counts = Object.fromEntries(PLAN_ACTIONS.map((action) => [action, 0])) as Record<PlanAction, number>
  for (const operation of operations) counts[operation.action] += 1
  return {
    operations,
    counts,
    safety: planSafety(counts.delete, counts.disable, input.target.users.length, options),
    unmatchedTargetUsers: input.target.users.filter((target) => !claimed.has(target.id)).map((target) => ({ targetId: target.id, userName: target.userName, active: target.active })),
  }
}

/**
 * The manager reference of each user who is created or stays active: the approver when the manager
 * rule is on (assignRoles), otherwise the mapped manager attribute (an Entra id). Sent only when it
 * differs from the target's, and only to a manager who is or will be in the target.
 */
function planManagers(
  plans: readonly UserPlan[],
  roles: ReadonlyMap<string, UserRoles>,
  isManagerRuleOn: boolean,
  states: ReadonlyMap<string, MemberState>,
  usersById: ReadonlyMap<string, DirectoryUser>,
  targetsById: ReadonlyMap<string, TargetUserRecord>,
): { operations: DraftOperation[]; managerOf: ReadonlyMap<string, string> } {
  const operations: DraftOperation[] = []
  const managerOf = new Map<string, string>()
  const nameOf = (entraId: string) => {
    const user = usersById.get(entraId)
    return user === undefined ? entraId : userPrincipalNameOf(user)
  }
  for (const plan of plans) {
    const { draft, user } = plan
    // A user who stays disabled in the target (disabled in Entra, nothing else changed) gets no
    // manager reference: Headcount disables them, it does not keep maintaining them.
    const isStillActive = plan.target === null || plan.target.active
    const isReferable = draft.action === 'create' || draft.action === 'update' || draft.action === 'reactivate' || (draft.action === 'skip' && draft.skipCode === 'RedundantExport' && isStillActive)
    if (!plan.isInScope || !isReferable) continue
    const userRoles = isManagerRuleOn ? roles.get(user.id) : undefined
    const managerId = isManagerRuleOn ? (userRoles?.approverId ?? null) : plan.mappedManagerId
    if (userRoles?.approverReason.kind === 'managerNotInScope') {
      draft.trace.push({ step: 'reference', status: 'warning', detail: `Manager not provisioned: '${nameOf(userRoles.approverReason.managerId)}' is not in scope, so no approver is set.` })
    }
    if (managerId === null) continue
    const manager = states.get(managerId)
    if (manager === undefined) {
      draft.trace.push({ step: 'reference', status: 'warning', detail: `Manager not provisioned: '${nameOf(managerId)}' is not in the target and is not created by this plan, so no manager reference is sent.` })
      continue
    }
    managerOf.set(user.id, managerId)
    const current = plan.target === null ? null : readTargetValue(plan.target.resource, MANAGER_PATH)
    const currentId = typeof current === 'string' && current !== '' ? current : null
    if (manager.targetId !== null && currentId === manager.targetId) continue
    const dependsOn = [...new Set([...(draft.action === 'create' ? [draft.id] : []), ...(manager.createOperationId !== null ? [manager.createOperationId] : [])])]
    const before = currentId === null ? null : (targetsById.get(currentId)?.userName ?? currentId)
    const detail = `Set manager to '${manager.userName}'${manager.createOperationId !== null ? ' once that user is created' : ''}.`
    draft.trace.push({ step: 'reference', status: 'success', detail })
    operations.push({
      id: `setManager:${user.id}:${draft.targetId ?? ''}`,
      action: 'setManager',
      resourceType: 'User',
      entraId: user.id,
      targetId: draft.targetId,
      userName: draft.userName,
      displayName: displayNameOf(user),
      reason: { code: 'ManagerChanged', text: before === null ? `Manager is '${manager.userName}' in Entra.` : `Manager changed from '${before}' to '${manager.userName}' in Entra.` },
      changes: [{ path: 'manager', before, after: manager.userName }],
      // The manager's target id is null while the manager is created in this same push: the executor fills it from references.managerEntraId.
      patch: buildManagerPatch(manager.targetId, currentId !== null),
      references: { managerEntraId: managerId },
      dependsOn,
      trace: [{ step: 'reference', status: 'success', detail }],
    })
  }
  return { operations, managerOf }
}

const RANK: Readonly<Record<PlanAction, number>> = {
  create: 0,
  update: 1,
  reactivate: 1,
  createGroup: 2,
  setManager: 3,
  addMembers: 4,
  removeMembers: 4,
  disable: 5,
  delete: 6,
  skip: 7,
}

/** The plan's order (module comment); creates of managers before their reports, otherwise input order. */
function orderOperations(
  userOperations: readonly DraftOperation[],
  managerOf: ReadonlyMap<string, string>,
  managerOperations: readonly DraftOperation[],
  groupOperations: readonly DraftOperation[],
  hardDeletes: readonly DraftOperation[],
): DraftOperation[] {
  const created = new Set(userOperations.filter((operation) => operation.action === 'create').map((operation) => operation.entraId!))
  const depths = new Map<string, number>()
  const depthOf = (entraId: string): number => {
    // Walk up while managers are created too; a cycle in Entra's data stops the walk.
    const chain: string[] = []
    const onChain = new Set<string>()
    let current: string | undefined = entraId
    let base = 0
    while (current !== undefined && created.has(current) && !onChain.has(current)) {
      const known = depths.get(current)
      if (known !== undefined) { base = known + 1; break }
      chain.push(current)
      onChain.add(current)
      current = managerOf.get(current)
    }
    for (let index = chain.length - 1; index >= 0; index -= 1) depths.set(chain[index]!, base + chain.length - 1 - index)
    return depths.get(entraId) ?? 0
  }
  const all = [...userOperations, ...managerOperations, ...groupOperations, ...hardDeletes]
  const keyed = all.map((operation, index) => ({ operation, index, rank: RANK[operation.action], depth: operation.action === 'create' ? depthOf(operation.entraId!) : 0 }))
  keyed.sort((left, right) => left.rank - right.rank || left.depth - right.depth || left.index - right.index)
  return keyed.map((entry) => entry.operation)
}

/**
 * Sync modes: paused turns every change into a skip; "new users only" keeps creates (and their
 * manager references and group memberships) and turns changes to existing users into skips.
 */
function applyMode(operations: readonly DraftOperation[], mode: SyncOptions['mode'], createdEntraIds: ReadonlySet<string>): PlanOperation[] {
  if (mode === 'full') return [...operations]
  return operations.map((operation): PlanOperation => {
    if (operation.action === 'skip') return operation
    if (mode === 'newUsersOnly') {
      const isForNewUser = operation.action === 'create' || operation.action === 'createGroup' || operation.action === 'addMembers' || ((operation.action === 'setManager' || operation.action === 'update') && createdEntraIds.has(operation.entraId ?? ''))
      if (isForNewUser) return operation
      return toSkip(operation, 'ModeNewUsersOnly', `New users only: existing users are left as they are (would ${operation.action}).`)
    }
    return toSkip(operation, 'Paused', `Sync is paused: nothing is sent (would ${operation.action}).`)
  })
}

/** A would-be operation as a skip; its id is `skip:` + the operation's id, so it stays unique and stable. */
function toSkip(operation: DraftOperation, code: SkipCode, text: string): PlanOperation {
  return {
    id: `skip:${operation.id}`,
    action: 'skip',
    resourceType: operation.resourceType,
    entraId: operation.entraId,
    targetId: operation.targetId,
    userName: operation.userName,
    displayName: operation.displayName,
    reason: { code, text },
    changes: operation.changes,
    dependsOn: [],
    skipCode: code,
    trace: [...operation.trace, { step: 'action', status: 'skipped', detail: `Skipped (${code}): ${text}` }],
  }
}
