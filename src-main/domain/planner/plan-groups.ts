/**
 * Target groups and their memberships, for the groups Headcount's grouping rule produces: a group
 * missing from the target is created (empty, as Entra does, reference §3.9), then members are added
 * and removed with PATCH `members` (reference §4.2). Groups the rule does not name are left alone,
 * and so are members of a managed group that are not target users (nested groups, unknown ids).
 */
import type { TargetGroup } from '../grouping/assign-groups'
import type { DraftOperation } from './plan-user'
import type { ScimPatchOperation, SyncMode, TargetGroupRecord, TraceStep } from './sync-plan'
import { CORE_GROUP_SCHEMA } from './target-value'

/** Where an Entra user stands in the target after this plan. */
export interface MemberState {
  /** The target id when the user already exists there. */
  readonly targetId: string | null
  /** The id of the create operation when the user is created by this plan. */
  readonly createOperationId: string | null
  readonly userName: string
}

export interface GroupPlanInput {
  readonly groups: readonly TargetGroup[]
  readonly targetGroups: readonly TargetGroupRecord[]
  /** Target user ids in the snapshot: only those are ever removed from a managed group. */
  readonly targetUserIds: ReadonlySet<string>
  /** Target id → userName, for showing removed members. */
  readonly targetUserNames: ReadonlyMap<string, string>
  /** Null when the user will not be in the target (skipped, in conflict, deleted …). */
  memberState(entraId: string): MemberState | null
  readonly mode: SyncMode
}

/** createGroup, addMembers and removeMembers operations (and, in "new users only" mode, skips). */
export function planGroups(input: GroupPlanInput): DraftOperation[] {
  const byName = new Map<string, TargetGroupRecord>()
  for (const group of input.targetGroups) {
    const key = group.displayName.toLowerCase()
    if (!byName.has(key)) byName.set(key, group)
  }
  const operations: DraftOperation[] = []
  const seen = new Set<string>()
  for (const group of input.groups) {
    const name = group.displayName
    if (seen.has(name.toLowerCase())) continue
    seen.add(name.toLowerCase())
    const existing = byName.get(name.toLowerCase()) ?? null
    const dependsOn: string[] = []
    if (existing === null) {
      const id = `createGroup:${name}:`
      operations.push({
        ...groupOperation(id, 'createGroup', null, name, { code: 'GroupMissing', text: `The grouping rule names group '${name}', which the target does not have.` }),
        changes: [{ path: 'displayName', before: null, after: name }],
        resource: { schemas: [CORE_GROUP_SCHEMA], displayName: name },
        trace: [{ step: 'action', status: 'success', detail: `Create group '${name}' (empty; members are added next).` }],
      })
      dependsOn.push(id)
    }

    const current = new Set(existing?.memberIds ?? [])
    const wanted = new Set<string>()
    const addExisting: { targetId: string; entraId: string; userName: string }[] = []
    const addCreated: { entraId: string; userName: string; createOperationId: string }[] = []
    for (const entraId of group.memberIds) {
      const state = input.memberState(entraId)
      if (state === null) continue
      if (state.targetId !== null) {
        wanted.add(state.targetId)
        if (!current.has(state.targetId)) addExisting.push({ targetId: state.targetId, entraId, userName: state.userName })
      } else if (state.createOperationId !== null) addCreated.push({ entraId, userName: state.userName, createOperationId: state.createOperationId })
    }
    const removed = [...current].filter((targetId) => input.targetUserIds.has(targetId) && !wanted.has(targetId))
    const targetId = existing?.id ?? null
    const isNewUsersOnly = input.mode === 'newUsersOnly'

    const adds = isNewUsersOnly ? [] : addExisting
    if (adds.length > 0 || addCreated.length > 0) {
      const names = [...adds.map((member) => member.userName), ...addCreated.map((member) => member.userName)]
      operations.push({
        ...groupOperation(`addMembers:${name}:${targetId ?? ''}`, 'addMembers', targetId, name, { code: 'MembershipChanged', text: `${names.length} user${names.length === 1 ? '' : 's'} belong${names.length === 1 ? 's' : ''} in '${name}' by the grouping rule.` }),
        changes: [{ path: 'members', before: null, after: names }],
        // Members already in the target are in the patch by target id; members created by this same
        // plan have no target id yet, so they are named by Entra id and the executor resolves them.
        patch: adds.length === 0 ? [] : [{ op: 'add', path: 'members', value: adds.map((member) => ({ value: member.targetId })) }],
        references: { memberEntraIds: addCreated.map((member) => member.entraId), groupName: name },
        dependsOn: [...dependsOn, ...addCreated.map((member) => member.createOperationId)],
        trace: [{ step: 'action', status: 'success', detail: `Add ${names.length} member${names.length === 1 ? '' : 's'} to '${name}'.` }],
      })
    }
    if (removed.length > 0 && !isNewUsersOnly) {
      const names = removed.map((id) => input.targetUserNames.get(id) ?? id)
      const patch: ScimPatchOperation[] = removed.map((id) => ({ op: 'remove', path: `members[value eq "${id}"]` }))
      operations.push({
        ...groupOperation(`removeMembers:${name}:${targetId ?? ''}`, 'removeMembers', targetId, name, { code: 'MembershipChanged', text: `${names.length} member${names.length === 1 ? '' : 's'} of '${name}' no longer belong${names.length === 1 ? 's' : ''} there by the grouping rule.` }),
        changes: [{ path: 'members', before: names, after: null }],
        patch,
        references: { groupName: name },
        trace: [{ step: 'action', status: 'success', detail: `Remove ${names.length} member${names.length === 1 ? '' : 's'} from '${name}'.` }],
      })
    }
    if (isNewUsersOnly && (addExisting.length > 0 || removed.length > 0)) {
      const text = `New users only: membership changes of existing users in '${name}' are not sent (${addExisting.length} to add, ${removed.length} to remove).`
      operations.push({
        ...groupOperation(`skip:${name}:${targetId ?? ''}`, 'skip', targetId, name, { code: 'ModeNewUsersOnly', text }),
        changes: [
          ...(addExisting.length > 0 ? [{ path: 'members', before: null, after: addExisting.map((member) => member.userName) }] : []),
          ...(removed.length > 0 ? [{ path: 'members', before: removed.map((id) => input.targetUserNames.get(id) ?? id), after: null }] : []),
        ],
        skipCode: 'ModeNewUsersOnly',
        trace: [{ step: 'action', status: 'skipped', detail: `Skipped (ModeNewUsersOnly): ${text}` }],
      })
    }
  }
  return operations
}

function groupOperation(id: string, action: DraftOperation['action'], targetId: string | null, name: string, reason: { code: string; text: string }): DraftOperation {
  const trace: TraceStep[] = []
  return { id, action, resourceType: 'Group', entraId: null, targetId, userName: name, displayName: name, reason, changes: [], dependsOn: [], trace }
}
