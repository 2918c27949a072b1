/**
 * The cached directory as the rules see it: every user as a DirectoryUser (Graph properties from the
 * stored document, manager, soft-delete state, direct and nested groups), the groups with their direct
 * member counts and nesting, and names for explanations. Loaded in one pass over a few queries.
 */
import type { SourceAttributeInfo } from '../../common/rules'
import type { DirectoryUser } from '../../domain/directory/directory-user'
import type { ProfileDatabase } from '../store/profile-database'

export interface DirectorySnapshot {
  /** The last succeeded pull run when loaded: a different one means the cache changed. */
  readonly pullRunId: string | null
  readonly users: readonly DirectoryUser[]
  readonly usersById: ReadonlyMap<string, DirectoryUser>
  readonly userNames: ReadonlyMap<string, string>
  readonly groups: readonly { readonly id: string; readonly displayName: string; readonly memberCount: number }[]
  readonly groupNames: ReadonlyMap<string, string>
  /** Group id → the groups it is directly a member of (to show nesting paths). */
  readonly parentGroupIds: ReadonlyMap<string, readonly string[]>
}

interface UserRecord {
  readonly id: string
  readonly display_name: string | null
  readonly manager_id: string | null
  readonly is_soft_deleted: number
  readonly graph_json: string
}

/** The last succeeded pull of the cache, or null before the first one. */
export function lastPullRunId(database: ProfileDatabase): string | null {
  const record = database.connection
    .prepare("SELECT id FROM pull_runs WHERE outcome = 'succeeded' ORDER BY finished_at DESC, rowid DESC LIMIT 1")
    .get() as { id: string } | undefined
  return record?.id ?? null
}

/** Reads the whole cached directory. About a second per 100,000 users (JSON parsing dominates). */
export function loadDirectorySnapshot(database: ProfileDatabase): DirectorySnapshot {
  const connection = database.connection
  const pullRunId = lastPullRunId(database)
  const directGroups = new Map<string, Set<string>>()
  const parentGroupIds = new Map<string, string[]>()
  const memberCounts = new Map<string, number>()
  for (const row of connection.prepare('SELECT group_id, member_id, member_type FROM memberships').iterate() as Iterable<{ group_id: string; member_id: string; member_type: string }>) {
    memberCounts.set(row.group_id, (memberCounts.get(row.group_id) ?? 0) + 1)
    if (row.member_type === 'user') addTo(directGroups, row.member_id, row.group_id)
    else if (row.member_type === 'group') {
      const parents = parentGroupIds.get(row.member_id)
      if (parents === undefined) parentGroupIds.set(row.member_id, [row.group_id])
      else parents.push(row.group_id)
    }
  }
  const nestedGroups = new Map<string, Set<string>>()
  for (const row of connection.prepare('SELECT user_id, group_id FROM transitive_memberships').iterate() as Iterable<{ user_id: string; group_id: string }>) {
    addTo(nestedGroups, row.user_id, row.group_id)
  }

  const noGroups: ReadonlySet<string> = new Set()
  const users: DirectoryUser[] = []
  const usersById = new Map<string, DirectoryUser>()
  const userNames = new Map<string, string>()
  const records = connection.prepare(
    'SELECT u.id, u.display_name, u.manager_id, u.is_soft_deleted, d.graph_json FROM users u JOIN user_documents d ON d.id = u.document_id',
  )
  for (const record of records.iterate() as Iterable<UserRecord>) {
    const properties = JSON.parse(record.graph_json) as Record<string, unknown>
    // A full pull stores the expanded manager object in the document; the rules read the manager
    // through `managerId` (Entra's [manager] is the manager's id), so the object must not shadow it.
    delete properties.manager
    const direct = directGroups.get(record.id) ?? noGroups
    const nested = nestedGroups.get(record.id)
    const user: DirectoryUser = {
      id: record.id,
      properties,
      managerId: record.manager_id,
      isSoftDeleted: record.is_soft_deleted === 1,
      directGroupIds: direct,
      groupIds: nested === undefined ? direct : new Set([...direct, ...nested]),
    }
    users.push(user)
    usersById.set(user.id, user)
    if (record.display_name !== null) userNames.set(user.id, record.display_name)
  }

  const groupRecords = connection.prepare('SELECT id, display_name FROM groups ORDER BY display_name COLLATE NOCASE, id').all() as { id: string; display_name: string }[]
  const groups = groupRecords.map((group) => ({ id: group.id, displayName: group.display_name, memberCount: memberCounts.get(group.id) ?? 0 }))
  return {
    pullRunId,
    users,
    usersById,
    userNames,
    groups,
    groupNames: new Map(groups.map((group) => [group.id, group.displayName])),
    parentGroupIds,
  }
}

/**
 * Every source attribute that has a value for at least one user, with how many users have one and an
 * example: Graph properties as pulled, `onPremisesExtensionAttributes` as `extensionAttribute1…15`,
 * directory extensions (`extension_<appId>_<name>`) as they come. Sorted by name.
 */
export function summariseSourceAttributes(users: readonly DirectoryUser[]): SourceAttributeInfo[] {
  const counts = new Map<string, { count: number; example: string | null }>()
  const note = (name: string, value: unknown): void => {
    if (!hasValue(value)) return
    const entry = counts.get(name)
    if (entry === undefined) counts.set(name, { count: 1, example: exampleText(value) })
    else {
      entry.count++
      entry.example ??= exampleText(value)
    }
  }
  for (const user of users) {
    for (const name in user.properties) {
      const value = user.properties[name]
      if (name === 'onPremisesExtensionAttributes') {
        if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) note(key, item)
      } else note(name, value)
    }
  }
  return [...counts]
    .map(([name, { count, example }]) => ({ name, usersWithValue: count, example, isExtension: isExtensionName(name) }))
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))
}

/** On-premises extension attribute or directory schema extension. */
export function isExtensionName(name: string): boolean {
  return /^extensionAttribute([1-9]|1[0-5])$/.test(name) || name.startsWith('extension_')
}

/** Null, "", [] and objects with no values carry nothing. */
export function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') return Object.values(value).some(hasValue)
  return true
}

/** A short text of a value, to recognise the attribute by. */
export function exampleText(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 79)}…` : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.length === 0 ? null : exampleText(value[0])
  return JSON.stringify(value).slice(0, 80)
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key)
  if (set === undefined) map.set(key, new Set([value]))
  else set.add(value)
}
