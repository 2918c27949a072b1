/**
 * The decision for one Entra user (or one link whose Entra user is gone): create, update, reactivate,
 * disable, delete or skip, with the exact changes, the reason and the step trace
 * (import → scope → match → action). The manager reference, groups and sync modes are applied by
 * plan-sync.ts on top of these decisions.
 */
import { REDACTED_TEXT } from '../expr/compile'
import type { DirectoryUser } from '../directory/directory-user'
import type { CompiledMappingSet, DesiredAttributes, DesiredAttributesOptions } from '../mapping/evaluate-mappings'
import type { UserMatch } from './match-users'
import type { AttributeChange, PlanAction, PlanOperation, SkipCode, SyncLink, SyncOptions, TargetUserRecord, TraceStep } from './sync-plan'
import {
  buildUserPatch,
  buildUserResource,
  isActivePath,
  isManagerPath,
  isSameValue,
  parseCachedTargetPath,
  readTargetValue,
  ROLES_TARGET_PATH,
  scimValue,
  shownValue,
  type PatchChange,
} from './target-value'

/** A plan operation while it is being built (the planner adds trace steps and dependencies later). */
export type DraftOperation = { -readonly [Key in keyof PlanOperation]: PlanOperation[Key] } & { trace: TraceStep[] }

export interface UserPlanContext {
  readonly compiled: CompiledMappingSet
  readonly options: SyncOptions
  readonly now: Date
  readonly createOptions: DesiredAttributesOptions
  readonly updateOptions: DesiredAttributesOptions
  /** Roles are sent only when the role rule maps something (otherwise the target's roles are left alone). */
  readonly areRolesManaged: boolean
  readonly targetsById: ReadonlyMap<string, TargetUserRecord>
  readonly linksByEntraId: ReadonlyMap<string, SyncLink>
  /** An Entra user in words, for conflict texts (`'asmith@contoso.com'`). */
  describeEntraUser(entraId: string): string
  desiredAttributes(user: DirectoryUser, options: DesiredAttributesOptions): DesiredAttributes
  /** The update-only mappings' values for a user being created; null when the rules have none. */
  readonly updateOnlyAfterCreate: ((user: DirectoryUser) => DesiredAttributes) | null
}

export interface UserPlan {
  readonly user: DirectoryUser
  readonly isInScope: boolean
  /** The target user this Entra user is (matched or linked); null when none or in conflict. */
  readonly target: TargetUserRecord | null
  readonly draft: DraftOperation
  /**
   * The mapped manager (an Entra id) when the mapping has one; null otherwise or out of scope. Only
   * this is kept of the desired attributes: holding every user's explanations until the plan is done
   * would double the planner's memory at 100,000 users.
   */
  readonly mappedManagerId: string | null
  /** After this plan the user exists in the target and stays: references may point at them. */
  readonly willExist: boolean
  /** After a create: the update that sends what the target takes on update only (country). */
  readonly followUp?: DraftOperation
}

const DAY_MS = 86_400_000

/** A user in scope: create, update, reactivate, disable (soft-deleted or disabled in Entra) or skip. */
export function planInScopeUser(context: UserPlanContext, user: DirectoryUser, scopeDetail: string, match: UserMatch, roles: readonly string[]): UserPlan {
  const trace: TraceStep[] = [importStep(user), { step: 'scope', status: 'success', detail: `In scope: ${scopeDetail}` }, matchStep(context, match)]
  const name = displayNameOf(user)
  const conflict = conflictSkip(context, match)
  if (conflict !== null) {
    const draft = skip(user.id, null, userPrincipalNameOf(user), name, conflict.code, conflict.text, trace)
    return { user, isInScope: true, target: null, draft, mappedManagerId: null, willExist: false }
  }
  const target = match.kind === 'link' || match.kind === 'attribute' ? context.targetsById.get(match.targetId) ?? null : null

  if (target === null) {
    const desired = context.desiredAttributes(user, context.createOptions)
    const userName = textOf(desired.values.get('userName')) ?? userPrincipalNameOf(user)
    const failedMandatory = mandatoryFailures(context, desired)
    let draft: DraftOperation
    if (desiredActive(desired) === false) {
      // Entra does not provision disabled users (reference §3.8); IsSoftDeleted counts as out of scope.
      draft = skip(user.id, null, userName, name, 'OutOfScope', 'Disabled or soft-deleted in Entra, so not created (Entra does not provision disabled users).', trace)
    } else if (failedMandatory.length > 0) {
      draft = skip(user.id, null, userName, name, 'EvaluationFailed', `The expression for mandatory ${listText(failedMandatory)} failed for this user, so the user cannot be created.`, trace)
    } else if (desired.missingMandatory.length > 0) {
      draft = skip(user.id, null, userName, name, 'MandatoryFieldsMissing', `Mandatory ${listText(desired.missingMandatory)} ${desired.missingMandatory.length === 1 ? 'has' : 'have'} no value, so the user cannot be created.`, trace)
    } else {
      const values = new Map<string, unknown>()
      const changes: AttributeChange[] = []
      for (const [path, value] of desired.values) {
        const parsed = parseCachedTargetPath(path)
        if (parsed === null || isManagerPath(parsed)) continue
        const sent = scimValue(parsed, value)
        values.set(path, sent)
        changes.push({ path, before: null, after: shownAfter(desired, path, sent) })
      }
      const sentRoles = context.areRolesManaged && roles.length > 0 ? roles : null
      if (sentRoles !== null) changes.push({ path: ROLES_TARGET_PATH, before: null, after: sentRoles })
      warnFailures(desired, trace)
      trace.push({ step: 'action', status: 'success', detail: `Create user '${userName}' with ${changes.length} attribute${changes.length === 1 ? '' : 's'}.` })
      draft = {
        ...operation('create', user.id, null, userName, name, { code: 'NotInTarget', text: 'In scope and not in the target: the user is created.' }, trace),
        changes,
        resource: buildUserResource(values, sentRoles),
      }
    }
    const followUp = draft.action === 'create' ? updateAfterCreate(context, user, draft) : null
    return { user, isInScope: true, target: null, draft, mappedManagerId: mappedManager(desired), willExist: draft.action === 'create', ...(followUp === null ? {} : { followUp }) }
  }

  const desired = context.desiredAttributes(user, context.updateOptions)
  const userName = target.userName
  const failedMandatory = mandatoryFailures(context, desired)
  if (failedMandatory.length > 0) {
    const draft = skip(user.id, target.id, userName, name, 'EvaluationFailed', `The expression for mandatory ${listText(failedMandatory)} failed for this user, so nothing is sent.`, trace)
    return { user, isInScope: true, target, draft, mappedManagerId: mappedManager(desired), willExist: true }
  }
  warnFailures(desired, trace)
  if (desired.missingMandatory.length > 0) {
    trace.push({ step: 'action', status: 'warning', detail: `Mandatory ${listText(desired.missingMandatory)} has no value; the target keeps its current value.` })
  }
  const patchChanges = attributeChanges(desired, target, context.areRolesManaged ? roles : null)
  const changes = patchChanges.map((change) => ({ path: change.path, before: shownValue(change.before), after: shownAfter(desired, change.path, change.after) }))
  const isActiveWanted = desiredActive(desired)
  const link = context.linksByEntraId.get(user.id)

  if (!target.active && isActiveWanted === true) {
    const patch = [...buildUserPatch(patchChanges, target.resource), { op: 'replace' as const, path: 'active', value: true }]
    trace.push({ step: 'action', status: 'success', detail: `Reactivate '${userName}'${changes.length > 0 ? ` and update ${changes.length} attribute${changes.length === 1 ? '' : 's'}` : ''}.` })
    const draft = { ...operation('reactivate', user.id, target.id, userName, name, { code: 'ActiveAgain', text: 'Active in Entra and in scope again: the inactive target user is reactivated.' }, trace), changes: [...changes, activeChange(false, true)], patch }
    return { user, isInScope: true, target, draft, mappedManagerId: mappedManager(desired), willExist: true }
  }
  if (target.active && isActiveWanted === false) {
    const draft = disableOrDelete(context, user.id, target, name, trace, { code: 'DisabledInEntra', text: 'Disabled or soft-deleted in Entra: the target user is disabled.' }, patchChanges, changes)
    return { user, isInScope: true, target, draft, mappedManagerId: mappedManager(desired), willExist: draft.action !== 'delete' }
  }
  if (!target.active && isDueForHardDelete(context, link)) {
    const draft = hardDelete(context, user.id, target, name, trace, link!)
    return { user, isInScope: true, target, draft, mappedManagerId: mappedManager(desired), willExist: false }
  }
  if (changes.length === 0) {
    const draft = skip(user.id, target.id, userName, name, 'RedundantExport', 'The target user already has every mapped value.', trace)
    return { user, isInScope: true, target, draft, mappedManagerId: mappedManager(desired), willExist: true }
  }
  trace.push({ step: 'action', status: 'success', detail: `Update '${userName}': ${changes.map((change) => change.path).join(', ')}.` })
  const draft = { ...operation('update', user.id, target.id, userName, name, { code: 'AttributesChanged', text: `${changes.length} attribute${changes.length === 1 ? '' : 's'} differ${changes.length === 1 ? 's' : ''} from Entra.` }, trace), changes, patch: buildUserPatch(patchChanges, target.resource) }
  return { user, isInScope: true, target, draft, mappedManagerId: mappedManager(desired), willExist: true }
}

/** A user out of scope: disable a matched active target user (or delete it N days after a disable), else skip. */
export function planOutOfScopeUser(context: UserPlanContext, user: DirectoryUser, scopeDetail: string, match: UserMatch): UserPlan {
  const trace: TraceStep[] = [importStep(user), { step: 'scope', status: 'skipped', detail: `Out of scope: ${scopeDetail}` }, matchStep(context, match)]
  const name = displayNameOf(user)
  const target = match.kind === 'link' || match.kind === 'attribute' ? context.targetsById.get(match.targetId) ?? null : null
  if (target === null) {
    const text = match.kind === 'duplicateSources' || match.kind === 'duplicateTargets' ? 'Out of scope, and its match is ambiguous: nothing is sent.' : 'Out of scope and not in the target: nothing to do.'
    return { user, isInScope: false, target: null, draft: skip(user.id, null, userPrincipalNameOf(user), name, 'OutOfScope', text, trace), mappedManagerId: null, willExist: false }
  }
  const link = context.linksByEntraId.get(user.id)
  if (target.active) {
    const draft = disableOrDelete(context, user.id, target, name, trace, { code: 'OutOfScope', text: 'Out of scope (or unassigned): the target user is disabled.' }, [], [])
    return { user, isInScope: false, target, draft, mappedManagerId: null, willExist: draft.action !== 'delete' }
  }
  if (isDueForHardDelete(context, link)) {
    return { user, isInScope: false, target, draft: hardDelete(context, user.id, target, name, trace, link!), mappedManagerId: null, willExist: false }
  }
  return { user, isInScope: false, target, draft: skip(user.id, target.id, target.userName, name, 'OutOfScope', 'Out of scope, and the target user is already inactive.', trace), mappedManagerId: null, willExist: true }
}

/** A link whose Entra user is no longer in the cache: hard-deleted in Entra, so deleted in the target. */
export function planHardDeletedUser(link: SyncLink, target: TargetUserRecord): DraftOperation {
  const name = displayNameOfTarget(target)
  const trace: TraceStep[] = [
    { step: 'import', status: 'skipped', detail: `Entra user ${link.entraId} is no longer in the directory (hard-deleted).` },
    { step: 'match', status: 'success', detail: `Linked to target user '${target.userName}' by an earlier run.` },
    { step: 'action', status: 'success', detail: `Delete '${target.userName}' from the target.` },
  ]
  return operation('delete', link.entraId, target.id, target.userName, name, { code: 'HardDeletedInEntra', text: 'Permanently deleted in Entra: the target user is deleted.' }, trace)
}

/** An operation with the common fields filled in; the id is `action:entraId:targetId` (sync-plan.ts). */
export function operation(action: PlanAction, entraId: string, targetId: string | null, userName: string | null, displayName: string, reason: { code: string; text: string }, trace: TraceStep[]): DraftOperation {
  return { id: `${action}:${entraId}:${targetId ?? ''}`, action, resourceType: 'User', entraId, targetId, userName, displayName, reason, changes: [], dependsOn: [], trace }
}

/**
 * The update that follows a create with the values of update-only mappings, or null when there are
 * none. Its target id is resolved by the executor through the link the create leaves.
 */
function updateAfterCreate(context: UserPlanContext, user: DirectoryUser, create: DraftOperation): DraftOperation | null {
  if (context.updateOnlyAfterCreate === null) return null
  const desired = context.updateOnlyAfterCreate(user)
  const patchChanges: PatchChange[] = []
  for (const [path, value] of desired.values) {
    const parsed = parseCachedTargetPath(path)
    if (parsed === null || isManagerPath(parsed)) continue
    patchChanges.push({ path, before: null, after: scimValue(parsed, value) })
  }
  if (patchChanges.length === 0) return null
  const changes = patchChanges.map((change) => ({ path: change.path, before: null, after: shownAfter(desired, change.path, change.after) }))
  const paths = changes.map((change) => change.path).join(', ')
  const trace: TraceStep[] = [...create.trace.filter((step) => step.step !== 'action'), { step: 'action', status: 'success', detail: `Right after the create, update ${paths} (the target takes ${changes.length === 1 ? 'it' : 'them'} on update only).` }]
  return {
    ...operation('update', user.id, null, create.userName, create.displayName, { code: 'UpdateOnlyAfterCreate', text: `Sent right after the create: ${paths} ${changes.length === 1 ? 'is' : 'are'} applied on update only.` }, trace),
    changes,
    patch: buildUserPatch(patchChanges, null),
    dependsOn: [create.id],
  }
}

/** The user's name as the preview shows it. */
export function displayNameOf(user: DirectoryUser): string {
  return textOf(user.properties.displayName) ?? userPrincipalNameOf(user)
}

export function userPrincipalNameOf(user: DirectoryUser): string {
  return textOf(user.properties.userPrincipalName) ?? user.id
}

function skip(entraId: string, targetId: string | null, userName: string | null, displayName: string, code: SkipCode, text: string, trace: TraceStep[]): DraftOperation {
  trace.push({ step: 'action', status: 'skipped', detail: `Skipped (${code}): ${text}` })
  return { ...operation('skip', entraId, targetId, userName, displayName, { code, text }, trace), skipCode: code }
}

function disableOrDelete(
  context: UserPlanContext,
  entraId: string,
  target: TargetUserRecord,
  name: string,
  trace: TraceStep[],
  reason: { code: string; text: string },
  patchChanges: readonly PatchChange[],
  changes: readonly AttributeChange[],
): DraftOperation {
  if (!context.options.isSoftDeleteSupported) {
    trace.push({ step: 'action', status: 'success', detail: `Delete '${target.userName}': the target does not support soft delete (active=false).` })
    return operation('delete', entraId, target.id, target.userName, name, { code: 'NoSoftDelete', text: `${reason.text.split(':')[0]}, but the target does not support soft delete (active=false): the target user is deleted.` }, trace)
  }
  trace.push({ step: 'action', status: 'success', detail: `Disable '${target.userName}' (active=false)${changes.length > 0 ? ` and update ${changes.length} attribute${changes.length === 1 ? '' : 's'}` : ''}.` })
  return {
    ...operation('disable', entraId, target.id, target.userName, name, reason, trace),
    changes: [...changes, activeChange(true, false)],
    patch: [...buildUserPatch(patchChanges, target.resource), { op: 'replace', path: 'active', value: false }],
  }
}

function hardDelete(context: UserPlanContext, entraId: string, target: TargetUserRecord, name: string, trace: TraceStep[], link: SyncLink): DraftOperation {
  const days = context.options.hardDeleteAfterDays
  trace.push({ step: 'action', status: 'success', detail: `Delete '${target.userName}': disabled by Headcount on ${link.disabledAt!.slice(0, 10)}, more than ${days} days ago.` })
  return operation('delete', entraId, target.id, target.userName, name, { code: 'HardDeleteAfterDisable', text: `Disabled more than ${days} days ago: the target user is deleted.` }, trace)
}

function isDueForHardDelete(context: UserPlanContext, link: SyncLink | undefined): boolean {
  const days = context.options.hardDeleteAfterDays
  if (days <= 0 || link === undefined || link.disabledAt === null) return false
  const disabledAt = Date.parse(link.disabledAt)
  return Number.isFinite(disabledAt) && context.now.getTime() - disabledAt > days * DAY_MS
}

/** Each mapped value (and the roles) that differs from the target; `active` and the manager are handled apart. */
function attributeChanges(desired: DesiredAttributes, target: TargetUserRecord, roles: readonly string[] | null): PatchChange[] {
  const changes: PatchChange[] = []
  for (const [path, value] of desired.values) {
    const parsed = parseCachedTargetPath(path)
    if (parsed === null || isManagerPath(parsed) || isActivePath(parsed)) continue
    const after = scimValue(parsed, value)
    const before = readTargetValue(target.resource, parsed)
    if (!isSameValue(after, before)) changes.push({ path, before: before ?? null, after })
  }
  if (roles !== null) {
    const current = readTargetValue(target.resource, parseCachedTargetPath(ROLES_TARGET_PATH)!)
    const currentRoles = (Array.isArray(current) ? current.map(String) : []).sort()
    if (!isSameValue(roles, currentRoles)) changes.push({ path: ROLES_TARGET_PATH, before: currentRoles.length === 0 ? null : currentRoles, after: roles })
  }
  return changes
}

function conflictSkip(context: UserPlanContext, match: UserMatch): { code: SkipCode; text: string } | null {
  if (match.kind === 'duplicateTargets') {
    const names = match.candidateTargetIds.map((id) => `'${context.targetsById.get(id)?.userName ?? id}'`).join(', ')
    return { code: 'DuplicateTargetEntries', text: `${match.candidateTargetIds.length} target users have ${match.targetPath} = '${match.value}': ${names}. Resolve the duplicate in the target, or add a matching attribute.` }
  }
  if (match.kind === 'duplicateSources') {
    const others = match.otherEntraIds.map((id) => context.describeEntraUser(id)).join(', ')
    const targetName = context.targetsById.get(match.targetId)?.userName ?? match.targetId
    return { code: 'DuplicateSourceEntries', text: `Target user '${targetName}' (${match.targetPath} = '${match.value}') is also claimed by ${others}. Make the matching value unique in Entra.` }
  }
  return null
}

function matchStep(context: UserPlanContext, match: UserMatch): TraceStep {
  const targetName = (id: string) => `'${context.targetsById.get(id)?.userName ?? id}'`
  switch (match.kind) {
    case 'link':
      return { step: 'match', status: 'success', detail: `Matched target user ${targetName(match.targetId)} through the link kept from an earlier run.` }
    case 'attribute':
      return { step: 'match', status: 'success', detail: `Matched target user ${targetName(match.targetId)} by ${match.targetPath} = '${match.value}'.` }
    case 'none':
      return {
        step: 'match',
        status: 'success',
        detail: match.triedKeys.length === 0 ? 'No matching attribute has a value for this user: no target user found.' : `No target user has ${match.triedKeys.map((key) => `${key.targetPath} = '${key.value}'`).join(' or ')}.`,
      }
    case 'duplicateTargets':
      return { step: 'match', status: 'failure', detail: `Several target users have ${match.targetPath} = '${match.value}': ${match.candidateTargetIds.map(targetName).join(', ')}; Headcount does not guess.` }
    case 'duplicateSources':
      return { step: 'match', status: 'failure', detail: `Target user ${targetName(match.targetId)} is claimed by several Entra users (${match.otherEntraIds.map((id) => context.describeEntraUser(id)).join(', ')} too); Headcount does not guess.` }
  }
}

function importStep(user: DirectoryUser): TraceStep {
  return { step: 'import', status: 'success', detail: `Read '${userPrincipalNameOf(user)}' from the directory cache.` }
}

function mandatoryFailures(context: UserPlanContext, desired: DesiredAttributes): string[] {
  if (desired.failed.length === 0) return []
  const mandatory = new Set(context.compiled.mandatoryTargets.map((target) => target.toLowerCase()))
  return desired.failed.filter((path) => mandatory.has(path.toLowerCase()))
}

function warnFailures(desired: DesiredAttributes, trace: TraceStep[]): void {
  if (desired.failed.length > 0) trace.push({ step: 'action', status: 'warning', detail: `The expression for ${listText(desired.failed)} failed for this user; ${desired.failed.length === 1 ? 'it is' : 'they are'} not sent.` })
}

/** The mapped manager's Entra id, when the mapping sends one. */
function mappedManager(desired: DesiredAttributes): string | null {
  for (const [path, value] of desired.values) {
    const parsed = parseCachedTargetPath(path)
    if (parsed !== null && isManagerPath(parsed) && typeof value === 'string') return value
  }
  return null
}

/** The mapped `active` as a Boolean (Switch-style expressions give "True"/"False"); null when not mapped. */
function desiredActive(desired: DesiredAttributes): boolean | null {
  for (const [path, value] of desired.values) {
    const parsed = parseCachedTargetPath(path)
    if (parsed === null || !isActivePath(parsed)) continue
    const scalar: unknown = Array.isArray(value) ? (value as readonly unknown[])[0] : value
    if (typeof scalar === 'boolean') return scalar
    if (typeof scalar === 'string' && /^(true|false)$/i.test(scalar)) return scalar.toLowerCase() === 'true'
  }
  return null
}

function shownAfter(desired: DesiredAttributes, path: string, value: unknown): AttributeChange['after'] {
  return desired.explanations.get(path)?.isRedacted === true ? REDACTED_TEXT : shownValue(value)
}

function activeChange(before: boolean, after: boolean): AttributeChange {
  return { path: 'active', before: String(before), after: String(after) }
}

function displayNameOfTarget(target: TargetUserRecord): string {
  return textOf(target.resource.displayName) ?? target.userName
}

function textOf(value: unknown): string | null {
  const scalar: unknown = Array.isArray(value) ? (value as readonly unknown[])[0] : value
  return typeof scalar === 'string' && scalar !== '' ? scalar : null
}

function listText(paths: readonly string[]): string {
  return paths.length === 1 ? `attribute ${paths[0]}` : `attributes ${paths.join(', ')}`
}
