/**
 * Sends one plan operation to the target and says how it ended, including the link change the
 * journal must write with the outcome. References (manager, members, a new group) are resolved
 * here, when the operation runs, because their target ids may have been created earlier in the same
 * push (reference §3.9: references are resolved after create/update).
 *
 * Idempotence (issue 5): a create answered 409 becomes a lookup by userName, a link and a PATCH
 * with the create's values. An operation found 'sent' after a crash is reconciled: a create looks
 * first; PATCHes are re-sent (they set values, so sending twice is harmless); a DELETE answered 404
 * is done; membership changes read the group first and send only what is still missing.
 */
import type { PlanOperation, ScimPatchOperation } from '../../domain/planner/sync-plan'
import type { ScimClient, ScimResource } from './scim-client'
import { ScimFailure, summariseRequest } from './scim-failure'
import type { LinkChange, OperationOutcome } from './sync-journal'

/** Entra's flat path of the enterprise extension's manager (reference §4.3, §3.9). */
export const MANAGER_PATH = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager'

/** What an operation needs to know about the world while it runs. */
export interface OperationContext {
  readonly client: ScimClient
  /** The target id an Entra user is linked to. */
  readonly linkedTargetId: (entraId: string) => string | null
  /** The target id of a group by display name: created earlier in this run, or in the snapshot. */
  readonly knownGroupId: (displayName: string) => string | null
  /** True when the operation was found 'sent' after an interruption. */
  readonly isReconciling: boolean
}

/** A result of one operation, before the journal adds timing. */
export type PerformedOutcome = Omit<OperationOutcome, 'durationMs'>

const IGNORED_ON_REPLACE = new Set(['schemas', 'meta', 'id'])

function skipped(errorCode: string, message: string): PerformedOutcome {
  return { status: 'skipped', errorCode, errorMessage: message }
}

/** The create's values as one path-less replace (RFC 7644 §3.5.2.3), to bring an existing user in line. */
export function replaceWithValues(resource: Readonly<Record<string, unknown>>): ScimPatchOperation[] {
  const value = Object.fromEntries(Object.entries(resource).filter(([key]) => !IGNORED_ON_REPLACE.has(key)))
  return [{ op: 'replace', value }]
}

/** Membership PATCH operations: Entra's `{op: Remove, path: members, value: […]}` or RFC filters per member. */
export function membershipOperations(action: 'addMembers' | 'removeMembers', memberIds: readonly string[], compatibility: ScimClient['compatibility']): ScimPatchOperation[] {
  if (action === 'addMembers') return [{ op: 'add', path: 'members', value: memberIds.map((value) => ({ value })) }]
  // RFC 7644 §3.5.2.2: "remove" on `members` without a filter removes every member; a value list is
  // Entra's own (non-RFC) form, which targets built for Entra expect.
  if (compatibility === 'entra') return [{ op: 'remove', path: 'members', value: memberIds.map((value) => ({ value })) }]
  return memberIds.map((id) => ({ op: 'remove', path: `members[value eq ${JSON.stringify(id)}]` }))
}

function userTargetId(operation: PlanOperation, context: OperationContext): string | null {
  return operation.targetId ?? (operation.entraId ? context.linkedTargetId(operation.entraId) : null)
}

function userNameOf(operation: PlanOperation): string | null {
  const fromResource = operation.resource?.userName
  return typeof fromResource === 'string' ? fromResource : operation.userName
}

async function adoptExistingUser(operation: PlanOperation, existing: ScimResource, context: OperationContext, why: string, signal?: AbortSignal): Promise<PerformedOutcome> {
  const patch = replaceWithValues(operation.resource ?? {})
  await context.client.patchUser(existing.id, patch, signal)
  const link: LinkChange | undefined = operation.entraId ? { kind: 'link', entraId: operation.entraId, targetId: existing.id } : undefined
  return {
    status: 'succeeded',
    targetId: existing.id,
    note: `${why}: linked to the existing user ${existing.id} and updated it with the create's values.`,
    requestSummary: summariseRequest('PATCH', `/Users/${existing.id}`, patch),
    ...(link ? { link } : {}),
  }
}

async function lookUpOne(context: OperationContext, userName: string, signal?: AbortSignal): Promise<ScimResource | null | 'many'> {
  const found = await context.client.findUsers('userName', userName, signal)
  if (found.length > 1) return 'many'
  return found[0] ?? null
}

async function createUser(operation: PlanOperation, context: OperationContext, signal?: AbortSignal): Promise<PerformedOutcome> {
  const resource = operation.resource ?? {}
  const userName = userNameOf(operation)
  if (context.isReconciling && userName) {
    const existing = await lookUpOne(context, userName, signal)
    if (existing === 'many') return { status: 'failed', errorCode: 'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse', appErrorCode: 'DuplicateTargetEntries', errorMessage: `Several target users have userName "${userName}".` }
    if (existing) return adoptExistingUser(operation, existing, context, 'The interrupted create had reached the target', signal)
  }
  try {
    const created = await context.client.createUser(resource, signal)
    return { status: 'succeeded', targetId: created.id, ...(operation.entraId ? { link: { kind: 'link', entraId: operation.entraId, targetId: created.id } } : {}) }
  } catch (error) {
    if (!(error instanceof ScimFailure) || error.status !== 409 || !userName) throw error
    const existing = await lookUpOne(context, userName, signal)
    if (existing === 'many') return { status: 'failed', errorCode: 'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse', appErrorCode: 'DuplicateTargetEntries', errorMessage: `Several target users have userName "${userName}".` }
    // A 409 on another unique attribute (externalId, an email) that no userName lookup explains.
    if (!existing) throw error
    return adoptExistingUser(operation, existing, context, 'The target already had this userName (409 EntryConflict)', signal)
  }
}

async function createGroup(operation: PlanOperation, context: OperationContext, signal?: AbortSignal): Promise<PerformedOutcome> {
  const resource = operation.resource ?? { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: operation.displayName }
  const displayName = typeof resource.displayName === 'string' ? resource.displayName : operation.displayName
  const lookUp = async (why: string): Promise<PerformedOutcome | null> => {
    const [existing] = await context.client.findGroups(displayName, signal)
    return existing ? { status: 'succeeded', targetId: existing.id, note: `${why}: the target already had group "${displayName}" (${existing.id}).` } : null
  }
  if (context.isReconciling) {
    const found = await lookUp('The interrupted create had reached the target')
    if (found) return found
  }
  try {
    const created = await context.client.createGroup(resource, signal)
    return { status: 'succeeded', targetId: created.id }
  } catch (error) {
    if (!(error instanceof ScimFailure) || error.status !== 409) throw error
    const found = await lookUp('409 EntryConflict')
    if (!found) throw error
    return found
  }
}

async function patchUser(operation: PlanOperation, context: OperationContext, signal?: AbortSignal): Promise<PerformedOutcome> {
  const targetId = userTargetId(operation, context)
  if (!targetId) return { status: 'failed', errorCode: 'InvalidAnchor', appErrorCode: 'InvalidAnchor', errorMessage: 'The user has no target id and no link.' }
  let patch = [...(operation.patch ?? [])]
  if (operation.action === 'setManager' && operation.references?.managerEntraId && plannedManagerId(patch) === null) {
    // The planner leaves the manager's id empty only when the manager is created in this same push.
    const managerId = context.linkedTargetId(operation.references.managerEntraId)
    if (!managerId) return skipped('ManagerNotProvisioned', 'The manager is not in the target (not linked yet), so the reference was not set.')
    patch = [...patch.filter((item) => item.path?.toLowerCase() !== MANAGER_PATH.toLowerCase() && item.path?.toLowerCase() !== 'manager'), { op: 'replace', path: MANAGER_PATH, value: { value: managerId } }]
  }
  if (patch.length === 0) return { status: 'succeeded', targetId, note: 'Nothing to send.' }
  await context.client.patchUser(targetId, patch, signal)
  const link: LinkChange | undefined =
    operation.action === 'disable' ? { kind: 'disable', targetId } : operation.action === 'reactivate' ? { kind: 'reactivate', targetId } : undefined
  return { status: 'succeeded', targetId, requestSummary: summariseRequest('PATCH', `/Users/${targetId}`, patch), ...(link ? { link } : {}) }
}

async function deleteUser(operation: PlanOperation, context: OperationContext, signal?: AbortSignal): Promise<PerformedOutcome> {
  const targetId = userTargetId(operation, context)
  if (!targetId) return { status: 'succeeded', note: 'No target id and no link: nothing to delete.' }
  try {
    await context.client.deleteUser(targetId, signal)
    return { status: 'succeeded', targetId, link: { kind: 'unlink', targetId } }
  } catch (error) {
    if (!(error instanceof ScimFailure) || error.status !== 404) throw error
    return { status: 'succeeded', targetId, note: 'The target no longer had this user (404): already deleted.', link: { kind: 'unlink', targetId } }
  }
}

async function changeMembers(operation: PlanOperation & { action: 'addMembers' | 'removeMembers' }, context: OperationContext, signal?: AbortSignal): Promise<PerformedOutcome> {
  const groupName = operation.references?.groupName
  let groupId = operation.targetId ?? (groupName ? context.knownGroupId(groupName) : null)
  if (!groupId && groupName) groupId = (await context.client.findGroups(groupName, signal))[0]?.id ?? null
  if (!groupId) return { status: 'failed', errorCode: 'InvalidAnchor', appErrorCode: 'InvalidAnchor', errorMessage: `The group "${groupName ?? operation.displayName}" is not in the target.` }

  const unresolved: string[] = []
  let memberIds: string[] = []
  if (operation.references?.memberEntraIds) {
    for (const entraId of operation.references.memberEntraIds) {
      const targetId = context.linkedTargetId(entraId)
      if (targetId) memberIds.push(targetId)
      else unresolved.push(entraId)
    }
  }
  const notes: string[] = []
  if (unresolved.length > 0) notes.push(`${unresolved.length} member(s) not in the target were left out.`)
  if (context.isReconciling && memberIds.length > 0) {
    const group = await context.client.getGroup(groupId, signal)
    const present = new Set((Array.isArray(group.members) ? (group.members as { value?: unknown }[]) : []).map((member) => member.value))
    const before = memberIds.length
    memberIds = operation.action === 'addMembers' ? memberIds.filter((id) => !present.has(id)) : memberIds.filter((id) => present.has(id))
    if (memberIds.length < before) notes.push(`${before - memberIds.length} member change(s) had already reached the target.`)
  }
  const patch = [...(memberIds.length > 0 ? membershipOperations(operation.action, memberIds, context.client.compatibility) : []), ...(operation.patch ?? [])]
  if (patch.length === 0) return { status: 'succeeded', targetId: groupId, note: [...notes, 'Nothing to send.'].join(' ') }
  await context.client.patchGroup(groupId, patch, signal)
  return {
    status: 'succeeded',
    targetId: groupId,
    requestSummary: summariseRequest('PATCH', `/Groups/${groupId}`, patch),
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  }
}

/** A summary of what the operation sends, for the journal row (before the request goes out). */
export function describeRequest(operation: PlanOperation): string {
  switch (operation.action) {
    case 'create':
      return summariseRequest('POST', '/Users', operation.resource)
    case 'createGroup':
      return summariseRequest('POST', '/Groups', operation.resource)
    case 'delete':
      return summariseRequest('DELETE', `/Users/${operation.targetId ?? '{linked}'}`)
    case 'addMembers':
    case 'removeMembers':
      return summariseRequest('PATCH', `/Groups/${operation.targetId ?? '{group}'}`, operation.references ?? operation.patch)
    default:
      return summariseRequest('PATCH', `/Users/${operation.targetId ?? '{linked}'}`, operation.patch)
  }
}

/** Sends `operation`; expected failures are thrown as {@link ScimFailure} (the caller records them). */
export function performOperation(operation: PlanOperation, context: OperationContext, signal?: AbortSignal): Promise<PerformedOutcome> {
  switch (operation.action) {
    case 'create':
      return operation.resourceType === 'Group' ? createGroup(operation, context, signal) : createUser(operation, context, signal)
    case 'createGroup':
      return createGroup(operation, context, signal)
    case 'update':
    case 'disable':
    case 'reactivate':
    case 'setManager':
      return patchUser(operation, context, signal)
    case 'delete':
      return deleteUser(operation, context, signal)
    case 'addMembers':
    case 'removeMembers':
      return changeMembers(operation as PlanOperation & { action: 'addMembers' | 'removeMembers' }, context, signal)
    case 'skip':
      return Promise.resolve(skipped(operation.skipCode ?? operation.reason.code, operation.reason.text))
  }
}

/** The manager's target id the plan already knows (a manager matched or linked before this push), or null. */
function plannedManagerId(patch: readonly { readonly path?: string; readonly value?: unknown }[]): string | null {
  const item = patch.find((entry) => entry.path?.toLowerCase() === MANAGER_PATH.toLowerCase() || entry.path?.toLowerCase() === 'manager')
  const value = item?.value
  if (value === null || typeof value !== 'object') return null
  const id = (value as { value?: unknown }).value
  return typeof id === 'string' && id !== '' ? id : null
}
