/**
 * Applies delta pages to the cached directory in place (https://learn.microsoft.com/graph/delta-query-overview):
 *
 * - a user or group without `@removed` is new, restored or changed: its properties are merged over
 *   what the cache holds (Graph sends at least the changed ones), a restored user is active again;
 * - users `@removed: changed` are soft-deleted (restorable): the row stays, marked; `deleted`
 *   means gone for good: the row goes, with its memberships and the manager links to it;
 * - `manager@delta` sets or clears the manager; `members@delta` adds and removes direct members,
 *   and a large group's changes may come in chunks over several pages.
 *
 * Each page is one transaction together with its checkpoint, and applying a page twice changes
 * nothing more than applying it once, so a resumed or repeated round cannot double anything.
 */
import type { Database, Statement } from 'better-sqlite3'
import type { GroupDeltaItem, UserDeltaItem } from '../graph/graph-reader'
import { graphProperties, groupKind, managerFromDelta, memberType, USER_COLUMNS_WRITTEN, userValues } from './directory-rows'
import type { ProfileDatabase } from './profile-database'
import { PullRunLog, type PullCounts } from './pull-run-log'
import { PullStateStore } from './pull-state-store'
import type { PageCheckpoint } from './directory-writer'
import { rebuildTransitiveMemberships } from './rebuild-transitive-memberships'

/** What one applied page changed, for progress and for deciding what to recompute. */
export interface AppliedChanges {
  /** Objects on the page. */
  readonly objects: number
  /** Users created, deleted for good, soft-deleted or restored, or memberships added/removed. */
  readonly isMembershipAffected: boolean
}

/**
 * What the transitive memberships must be recomputed for: nothing, some users (their direct
 * memberships changed), or everyone (a group's nesting changed, or it is not known what changed
 * because the round was resumed after a crash).
 */
export type TransitiveRecompute = { readonly scope: 'none' } | { readonly scope: 'users'; readonly userIds: readonly string[] } | { readonly scope: 'all' }

interface ExistingUser {
  readonly document_id: number
  readonly graph_json: string
  readonly manager_id: string | null
  readonly is_soft_deleted: number
}

export class DeltaWriter {
  readonly runs: PullRunLog
  readonly state: PullStateStore
  private readonly connection: Database
  /** Users whose direct memberships this writer changed, and whether any group's nesting changed. */
  private readonly touchedUserIds = new Set<string>()
  private isNestingChanged = false
  private readonly statements: {
    readonly existingUser: Statement
    readonly upsertUser: Statement
    readonly insertDocument: Statement
    readonly updateDocument: Statement
    readonly softDeleteUser: Statement
    readonly deleteUserMemberships: Statement
    readonly clearManagerOf: Statement
    readonly deleteUserDocument: Statement
    readonly deleteUser: Statement
    readonly managerName: Statement
    readonly renameManagerOfReports: Statement
    readonly existingGroup: Statement
    readonly upsertGroup: Statement
    readonly deleteGroupAsMember: Statement
    readonly deleteGroup: Statement
    readonly addMember: Statement
    readonly removeMember: Statement
  }

  constructor(
    database: ProfileDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.connection = database.connection
    this.runs = new PullRunLog(database, now)
    this.state = new PullStateStore(database, now)
    const columns = USER_COLUMNS_WRITTEN.join(', ')
    const updates = USER_COLUMNS_WRITTEN.filter((column) => column !== 'id')
      .map((column) => `${column} = excluded.${column}`)
      .join(', ')
    const prepare = (sql: string) => this.connection.prepare(sql)
    this.statements = {
      existingUser: prepare(
        `SELECT u.document_id, d.graph_json, u.manager_id, u.is_soft_deleted
         FROM users u JOIN user_documents d ON d.id = u.document_id WHERE u.id = ?`,
      ),
      upsertUser: prepare(
        `INSERT INTO users (${columns}, is_soft_deleted, pulled_run_id)
         VALUES (${USER_COLUMNS_WRITTEN.map(() => '?').join(', ')}, 0, ?)
         ON CONFLICT (id) DO UPDATE SET ${updates}, is_soft_deleted = 0, pulled_run_id = excluded.pulled_run_id`,
      ),
      insertDocument: prepare('INSERT INTO user_documents (graph_json) VALUES (?)'),
      updateDocument: prepare('UPDATE user_documents SET graph_json = ? WHERE id = ?'),
      softDeleteUser: prepare('UPDATE users SET is_soft_deleted = 1, pulled_run_id = ? WHERE id = ?'),
      deleteUserMemberships: prepare('DELETE FROM memberships WHERE member_id = ?'),
      clearManagerOf: prepare('UPDATE users SET manager_id = NULL, manager_display_name = NULL WHERE manager_id = ?'),
      deleteUserDocument: prepare('DELETE FROM user_documents WHERE id = (SELECT document_id FROM users WHERE id = ?)'),
      deleteUser: prepare('DELETE FROM users WHERE id = ?'),
      managerName: prepare('SELECT display_name FROM users WHERE id = ?'),
      renameManagerOfReports: prepare('UPDATE users SET manager_display_name = ? WHERE manager_id = ? AND manager_display_name IS NOT ?'),
      existingGroup: prepare('SELECT graph_json FROM groups WHERE id = ?'),
      upsertGroup: prepare(
        `INSERT INTO groups (id, display_name, kind, graph_json, pulled_run_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, kind = excluded.kind,
           graph_json = excluded.graph_json, pulled_run_id = excluded.pulled_run_id`,
      ),
      deleteGroupAsMember: prepare('DELETE FROM memberships WHERE member_id = ?'),
      // memberships and transitive_memberships of the group go with it (ON DELETE CASCADE).
      deleteGroup: prepare('DELETE FROM groups WHERE id = ?'),
      addMember: prepare('INSERT OR IGNORE INTO memberships (group_id, member_id, member_type, direct) VALUES (?, ?, ?, 1)'),
      removeMember: prepare('DELETE FROM memberships WHERE group_id = ? AND member_id = ?'),
    }
  }

  /** Starts a delta round for every resource from its stored deltaLink. */
  beginDeltaRound(runId: string, userSelect: readonly string[]): void {
    this.connection.transaction(() => this.state.beginRound(runId, 'delta', userSelect))()
  }

  /** Applies one page of a users delta round with the checkpoint that follows it. */
  applyUserPage(runId: string, items: readonly UserDeltaItem[], checkpoint: PageCheckpoint): AppliedChanges {
    let isMembershipAffected = false
    this.connection.transaction(() => {
      for (const item of items) {
        if (this.applyUser(runId, item)) isMembershipAffected = true
      }
      this.checkpoint(runId, checkpoint)
    })()
    return { objects: items.length, isMembershipAffected }
  }

  /** Applies one page of a groups delta round with the checkpoint that follows it. */
  applyGroupPage(runId: string, items: readonly GroupDeltaItem[], checkpoint: PageCheckpoint): AppliedChanges {
    let isMembershipAffected = false
    this.connection.transaction(() => {
      for (const item of items) {
        if (this.applyGroup(runId, item)) isMembershipAffected = true
      }
      this.checkpoint(runId, checkpoint)
    })()
    return { objects: items.length, isMembershipAffected }
  }

  /**
   * Ends a delta pull: recomputes the transitive memberships when anything they depend on changed,
   * hands the rounds' deltaLinks on and records success, in one transaction.
   */
  completeDeltaPull(runId: string, options: { readonly isResumed: boolean }): PullCounts {
    const recompute = this.transitiveRecompute(options.isResumed)
    return this.connection.transaction(() => {
      // Measured at 100,000 users (delta-100k): the full rebuild takes about a second, the rebuild
      // of the touched users a few milliseconds. Nesting changes reach any number of users: all.
      if (recompute.scope === 'all') rebuildTransitiveMemberships(this.connection)
      else if (recompute.scope === 'users') rebuildTransitiveMemberships(this.connection, { userIds: recompute.userIds })
      this.state.completeRounds(runId)
      const counts = this.runs.counts()
      this.runs.finish(runId, 'succeeded', counts)
      return counts
    })()
  }

  /** What {@link completeDeltaPull} recomputes, from what this writer applied. */
  transitiveRecompute(isResumed: boolean): TransitiveRecompute {
    if (isResumed || this.isNestingChanged) return { scope: 'all' }
    if (this.touchedUserIds.size === 0) return { scope: 'none' }
    return { scope: 'users', userIds: [...this.touchedUserIds] }
  }

  /** Returns whether memberships (direct or nested) may have changed. */
  private applyUser(runId: string, item: UserDeltaItem): boolean {
    const { statements } = this
    const removal = item['@removed']
    if (removal !== undefined) {
      this.touchedUserIds.add(item.id)
      if (removal.reason === 'deleted') {
        statements.deleteUserMemberships.run(item.id)
        statements.clearManagerOf.run(item.id)
        statements.deleteUserDocument.run(item.id)
        return statements.deleteUser.run(item.id).changes > 0
      }
      // `changed`: in deleted items, restorable. Unknown to the cache (created and deleted
      // between two pulls): nothing to keep.
      return statements.softDeleteUser.run(runId, item.id).changes > 0
    }
    const existing = statements.existingUser.get(item.id) as ExistingUser | undefined
    const properties = { ...(existing === undefined ? {} : (JSON.parse(existing.graph_json) as Record<string, unknown>)), ...graphProperties(item) }
    const reported = managerFromDelta(item)
    const managerId = reported === undefined ? (existing?.manager_id ?? null) : (reported?.id ?? null)
    const managerName =
      managerId === null ? null : ((statements.managerName.get(managerId) as { display_name: string | null } | undefined)?.display_name ?? null)
    let documentId: number | bigint
    if (existing === undefined) documentId = statements.insertDocument.run(JSON.stringify(properties)).lastInsertRowid
    else {
      documentId = existing.document_id
      statements.updateDocument.run(JSON.stringify(properties), documentId)
    }
    const manager = managerId === null ? null : { id: managerId, displayName: managerName }
    statements.upsertUser.run(...userValues(properties as Parameters<typeof userValues>[0], manager), documentId, runId)
    // Reports show their manager's current name.
    const displayName = properties['displayName'] ?? null
    statements.renameManagerOfReports.run(displayName, item.id, displayName)
    const isNewOrRestored = existing === undefined || existing.is_soft_deleted === 1
    if (isNewOrRestored) this.touchedUserIds.add(item.id)
    return isNewOrRestored
  }

  private applyGroup(runId: string, item: GroupDeltaItem): boolean {
    const { statements } = this
    if (item['@removed'] !== undefined) {
      statements.deleteGroupAsMember.run(item.id)
      const isDeleted = statements.deleteGroup.run(item.id).changes > 0
      if (isDeleted) this.isNestingChanged = true
      return isDeleted
    }
    const existing = statements.existingGroup.get(item.id) as { graph_json: string } | undefined
    const properties = { ...(existing === undefined ? {} : (JSON.parse(existing.graph_json) as Record<string, unknown>)), ...graphProperties(item) }
    statements.upsertGroup.run(
      item.id,
      properties['displayName'] ?? '',
      groupKind(properties),
      JSON.stringify(properties),
      runId,
    )
    let isMembershipAffected = false
    for (const reference of item['members@delta'] ?? []) {
      const changes =
        reference['@removed'] === undefined
          ? statements.addMember.run(item.id, reference.id, memberType(reference)).changes
          : statements.removeMember.run(item.id, reference.id).changes
      if (changes > 0) {
        isMembershipAffected = true
        if (memberType(reference) === 'user') this.touchedUserIds.add(reference.id)
        else this.isNestingChanged = true
      }
    }
    return isMembershipAffected
  }

  private checkpoint(runId: string, checkpoint: PageCheckpoint): void {
    if (checkpoint.resource === 'users' || checkpoint.resource === 'groups') {
      this.state.savePage(runId, checkpoint.resource, checkpoint.nextLink, checkpoint.deltaLink ?? null)
    }
  }
}
