/**
 * The target snapshot in the profile cache (migration 0004): the users and groups last read from the
 * target, which the planner compares the desired state with, offline.
 */
import type { TargetGroupRecord, TargetUserRecord } from '../../domain/planner/sync-plan'
import type { ProfileDatabase } from '../store/profile-database'

/** When the snapshot was taken and what it holds; null before the first complete read. */
export interface TargetSnapshotState {
  readonly takenAt: string
  readonly users: number
  readonly groups: number
}

/** Replaces the whole snapshot in one transaction: readers see the old one or the new one, never a mix. */
export function replaceTargetSnapshot(
  database: ProfileDatabase,
  snapshot: { readonly users: readonly TargetUserRecord[]; readonly groups: readonly TargetGroupRecord[]; readonly takenAt: string },
): void {
  const connection = database.connection
  const insertUser = connection.prepare('INSERT OR REPLACE INTO target_users (id, user_name, external_id, active, resource_json) VALUES (?, ?, ?, ?, ?)')
  const insertGroup = connection.prepare('INSERT OR REPLACE INTO target_groups (id, display_name, members_json) VALUES (?, ?, ?)')
  connection.transaction(() => {
    connection.exec('DELETE FROM target_users; DELETE FROM target_groups; DELETE FROM target_snapshot;')
    for (const user of snapshot.users) insertUser.run(user.id, user.userName, user.externalId, user.active ? 1 : 0, JSON.stringify(user.resource))
    for (const group of snapshot.groups) insertGroup.run(group.id, group.displayName, JSON.stringify(group.memberIds))
    connection
      .prepare('INSERT INTO target_snapshot (id, taken_at, user_count, group_count) VALUES (1, ?, ?, ?)')
      .run(snapshot.takenAt, snapshot.users.length, snapshot.groups.length)
  })()
}

/** The snapshot's users, in id order, for the planner. */
export function loadTargetUsers(database: ProfileDatabase): TargetUserRecord[] {
  const rows = database.connection
    .prepare<[], { id: string; user_name: string; external_id: string | null; active: number; resource_json: string }>(
      'SELECT id, user_name, external_id, active, resource_json FROM target_users ORDER BY id',
    )
    .all()
  return rows.map((row) => ({
    id: row.id,
    userName: row.user_name,
    externalId: row.external_id,
    active: row.active === 1,
    resource: JSON.parse(row.resource_json) as Record<string, unknown>,
  }))
}

/** The snapshot's groups with their member ids, for the planner. */
export function loadTargetGroups(database: ProfileDatabase): TargetGroupRecord[] {
  const rows = database.connection
    .prepare<[], { id: string; display_name: string; members_json: string }>('SELECT id, display_name, members_json FROM target_groups ORDER BY id')
    .all()
  return rows.map((row) => ({ id: row.id, displayName: row.display_name, memberIds: JSON.parse(row.members_json) as string[] }))
}

/** The snapshot's group id for a display name (case-insensitive, as SCIM compares it), if any. */
export function findSnapshotGroupId(database: ProfileDatabase, displayName: string): string | null {
  const row = database.connection
    .prepare<[string], { id: string }>('SELECT id FROM target_groups WHERE display_name = ? COLLATE NOCASE LIMIT 1')
    .get(displayName)
  return row?.id ?? null
}

export function readTargetSnapshotState(database: ProfileDatabase): TargetSnapshotState | null {
  const row = database.connection
    .prepare<[], { taken_at: string; user_count: number; group_count: number }>('SELECT taken_at, user_count, group_count FROM target_snapshot WHERE id = 1')
    .get()
  return row ? { takenAt: row.taken_at, users: row.user_count, groups: row.group_count } : null
}
