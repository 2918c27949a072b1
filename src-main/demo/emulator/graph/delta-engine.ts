/**
 * What a delta round reports, following https://learn.microsoft.com/graph/delta-query-overview and
 * the users/groups delta pages:
 * - the first round lists every object, with `manager@delta` / `members@delta` when selected;
 * - later rounds list objects changed since the token: new, restored or changed objects in full
 *   (every selected property), soft-deleted ones as `@removed: {reason: 'changed'}`, permanently
 *   deleted ones as `@removed: {reason: 'deleted'}`;
 * - membership changes are the net difference between the token's moment and now, removed members
 *   carrying `@removed: {reason: 'deleted'}`;
 * - only properties in `$select` are tracked: a change to anything else is not reported.
 * Pages are cut by object count and by relation entries, so a large group spans several pages.
 */
import type { GraphMemberType } from '../../../services/graph/graph-types'
import type { DirectoryChange } from './change-log'
import type { DirectoryReader } from './directory-state'
import type { DirectoryRecord } from './odata-filter'
import { compareIds, indexAfter } from './sorted-page'

export type DeltaKind = 'users' | 'groups'

export interface DeltaRelation {
  readonly '@odata.type': GraphMemberType
  readonly id: string
  readonly '@removed'?: { readonly reason: 'deleted' }
}

export interface DeltaItem {
  readonly id: string
  /** The object to project; null for removed objects. */
  readonly record: DirectoryRecord | null
  readonly removed: 'changed' | 'deleted' | null
  /** `manager@delta` / `members@delta` entries; null when the relation is not reported. */
  readonly relations: readonly DeltaRelation[] | null
}

/** Where a delta page starts: after an object, or inside a split object's relations. */
export interface DeltaCursor {
  readonly after: string | null
  readonly partialId: string | null
  readonly offset: number
}

export interface DeltaTracking {
  /** Canonical property names whose changes are reported. */
  readonly properties: ReadonlySet<string>
  /** `manager` (users) or `members` (groups) was selected. */
  readonly isRelationTracked: boolean
}

export interface DeltaPageEntry {
  readonly item: DeltaItem
  readonly relations: readonly DeltaRelation[] | null
}

export interface DeltaPage {
  readonly entries: readonly DeltaPageEntry[]
  /** Where the next page starts, or null when this was the last page of the round. */
  readonly next: DeltaCursor | null
}

const USER_TYPE: GraphMemberType = '#microsoft.graph.user'

/** A sorted list of objects that can describe its items lazily (a 100k-user first round stays cheap). */
export interface DeltaSource {
  readonly ids: readonly { readonly id: string }[]
  describe(index: number): DeltaItem
}

/** The first round: every active user, in id order. */
export function initialUserSource(reader: DirectoryReader, tracking: DeltaTracking): DeltaSource {
  const users = reader.users()
  return {
    ids: users,
    describe(index) {
      const user = users[index]!
      const manager = tracking.isRelationTracked ? reader.managerOf(user.id) : null
      return {
        id: user.id,
        record: user as unknown as DirectoryRecord,
        removed: null,
        relations: manager ? [{ '@odata.type': USER_TYPE, id: manager.id }] : null,
      }
    },
  }
}

/** The first round: every group, with all its direct members when `members` is selected. */
export function initialGroupSource(reader: DirectoryReader, tracking: DeltaTracking): DeltaSource {
  const groups = reader.groups()
  return {
    ids: groups,
    describe(index) {
      const group = groups[index]!
      const members = tracking.isRelationTracked ? reader.members(group.id) : []
      return {
        id: group.id,
        record: group as unknown as DirectoryRecord,
        removed: null,
        relations: members.length > 0 ? members : null,
      }
    },
  }
}

function fromItems(items: DeltaItem[]): DeltaSource {
  items.sort((a, b) => compareIds(a.id, b.id))
  return { ids: items, describe: (index) => items[index]! }
}

interface ObjectSummary {
  hasAppeared: boolean
  readonly touched: Set<string>
  /** Manager id at the start of the window; undefined when the manager did not change. */
  managerBefore: string | null | undefined
  /** First member event per member: tells whether it was a member at the start of the window. */
  readonly firstMemberEvents: Map<string, { wasMember: boolean; type: GraphMemberType }>
}

function summarise(changes: readonly DirectoryChange[], objectType: 'user' | 'group'): Map<string, ObjectSummary> {
  const summaries = new Map<string, ObjectSummary>()
  for (const change of changes) {
    if (change.objectType !== objectType) continue
    let summary = summaries.get(change.objectId)
    if (!summary) {
      summary = { hasAppeared: false, touched: new Set(), managerBefore: undefined, firstMemberEvents: new Map() }
      summaries.set(change.objectId, summary)
    }
    switch (change.kind) {
      case 'created':
      case 'restored':
      case 'softDeleted':
        summary.hasAppeared = true
        break
      case 'updated':
        for (const property of change.properties) summary.touched.add(property)
        break
      case 'managerChanged':
        if (summary.managerBefore === undefined) summary.managerBefore = change.previousManagerId
        break
      case 'memberAdded':
      case 'memberRemoved':
        if (!summary.firstMemberEvents.has(change.memberId)) {
          summary.firstMemberEvents.set(change.memberId, {
            wasMember: change.kind === 'memberRemoved',
            type: change.memberType,
          })
        }
        break
      case 'hardDeleted':
        break
    }
  }
  return summaries
}

function touchesTracked(summary: ObjectSummary, tracking: DeltaTracking): boolean {
  for (const property of summary.touched) if (tracking.properties.has(property)) return true
  return false
}

/** Users changed in the window, as a later round reports them. */
export function userChangeSource(
  reader: DirectoryReader,
  changes: readonly DirectoryChange[],
  tracking: DeltaTracking,
): DeltaSource {
  const items: DeltaItem[] = []
  for (const [id, summary] of summarise(changes, 'user')) {
    const status = reader.userStatus(id)
    if (status !== 'active') {
      items.push({ id, record: null, removed: status === 'absent' ? 'deleted' : 'changed', relations: null })
      continue
    }
    const user = reader.findUser(id)!
    const managerId = reader.managerIdOf(id)
    const hasManagerChanged = summary.managerBefore !== undefined && summary.managerBefore !== managerId
    const isReported =
      summary.hasAppeared || touchesTracked(summary, tracking) || (tracking.isRelationTracked && hasManagerChanged)
    if (!isReported) continue
    let relations: DeltaRelation[] | null = null
    if (tracking.isRelationTracked && (summary.hasAppeared || hasManagerChanged)) {
      const manager = reader.managerOf(id)
      if (manager) relations = [{ '@odata.type': USER_TYPE, id: manager.id }]
      else if (summary.managerBefore) {
        relations = [{ '@odata.type': USER_TYPE, id: summary.managerBefore, '@removed': { reason: 'deleted' } }]
      }
    }
    items.push({ id, record: user as unknown as DirectoryRecord, removed: null, relations })
  }
  return fromItems(items)
}

/** Groups changed in the window, with the net membership difference when `members` is tracked. */
export function groupChangeSource(
  reader: DirectoryReader,
  changes: readonly DirectoryChange[],
  tracking: DeltaTracking,
): DeltaSource {
  const items: DeltaItem[] = []
  for (const [id, summary] of summarise(changes, 'group')) {
    const group = reader.findGroup(id)
    if (!group) {
      items.push({ id, record: null, removed: 'deleted', relations: null })
      continue
    }
    const relations: DeltaRelation[] = []
    if (tracking.isRelationTracked) {
      for (const [memberId, { wasMember, type }] of summary.firstMemberEvents) {
        const isMember = reader.isActiveMember(id, memberId)
        if (isMember === wasMember) continue
        relations.push(
          isMember
            ? { '@odata.type': type, id: memberId }
            : { '@odata.type': type, id: memberId, '@removed': { reason: 'deleted' } },
        )
      }
      relations.sort((a, b) => compareIds(a.id, b.id))
    }
    if (!summary.hasAppeared && !touchesTracked(summary, tracking) && relations.length === 0) continue
    items.push({
      id,
      record: group as unknown as DirectoryRecord,
      removed: null,
      relations: relations.length > 0 ? relations : null,
    })
  }
  return fromItems(items)
}

/** Cuts one page from `source` at `cursor`, within `maxObjects` objects and `maxRelations` entries. */
export function takeDeltaPage(
  source: DeltaSource,
  cursor: DeltaCursor,
  maxObjects: number,
  maxRelations: number,
): DeltaPage {
  let index: number
  let offset = 0
  if (cursor.partialId !== null) {
    index = indexAfter(source.ids, cursor.partialId) - 1
    if (index >= 0 && source.ids[index]!.id === cursor.partialId) offset = cursor.offset
    else index++
  } else {
    index = indexAfter(source.ids, cursor.after)
  }
  const entries: DeltaPageEntry[] = []
  let budget = maxRelations
  let lastId: string | null = cursor.after
  for (; index < source.ids.length; index++) {
    if (entries.length >= maxObjects) return { entries, next: { after: lastId, partialId: null, offset: 0 } }
    const item = source.describe(index)
    const remaining = item.relations === null ? 0 : item.relations.length - offset
    if (remaining <= budget) {
      entries.push({ item, relations: item.relations === null ? null : item.relations.slice(offset) })
      budget -= remaining
      offset = 0
      lastId = item.id
      continue
    }
    if (budget === 0) return { entries, next: { after: lastId, partialId: null, offset: 0 } }
    entries.push({ item, relations: item.relations!.slice(offset, offset + budget) })
    return { entries, next: { after: lastId, partialId: item.id, offset: offset + budget } }
  }
  return { entries, next: null }
}
