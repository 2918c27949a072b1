/**
 * The write side of the cache, used by the pull.
 *
 * A full pull appends every page to the staging tables — one transaction per page, together with
 * the page checkpoint in `pull_state`, so whatever stops a pull leaves whole pages and a checkpoint
 * that matches them — and {@link DirectoryWriter.completeFullPull} merges the staged directory into
 * the indexed tables in one transaction. Readers therefore see either the previous complete
 * directory or the new one, never a mix; a cancelled or failed pull leaves the previous directory
 * as it was (its staged pages stay for a later resume; the next full pull clears them).
 */
import type { Database, Statement } from 'better-sqlite3'
import type { AppErrorData } from '../../common/errors'
import type { PullOutcome } from '../../common/profiles'
import type { PulledUser } from '../graph/graph-reader'
import type { GraphGroup, GraphMemberRef } from '../graph/graph-types'
import { buildUserSearchText } from './fold-search-text'
import type { ProfileDatabase } from './profile-database'
import { rebuildTransitiveMemberships } from './rebuild-transitive-memberships'

/** Where a paged read stands, written in the same transaction as the page. */
export interface PageCheckpoint {
  /** `users`, `groups` or `members:<groupId>`. */
  readonly resource: string
  /** The link to read next; null once the resource is read to the end. */
  readonly nextLink: string | null
}

export interface PullCounts {
  readonly users: number
  readonly groups: number
  readonly memberships: number
}

export type GroupKind = 'security' | 'microsoft365' | 'distribution' | 'mailSecurity'

const USER_COLUMNS_WRITTEN = [
  'id',
  'display_name',
  'user_principal_name',
  'mail',
  'given_name',
  'surname',
  'job_title',
  'department',
  'company_name',
  'office_location',
  'city',
  'country',
  'mobile_phone',
  'employee_id',
  'employee_type',
  'user_type',
  'account_enabled',
  'manager_id',
  'manager_display_name',
  'search_text',
  'document_id',
] as const

export class DirectoryWriter {
  private readonly connection: Database
  private readonly stageUser: Statement
  private readonly insertDocument: Statement
  private readonly stageGroup: Statement
  private readonly stageMembership: Statement
  private readonly saveCheckpoint: Statement

  constructor(
    database: ProfileDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.connection = database.connection
    this.stageUser = this.connection.prepare(
      `INSERT INTO staged_users (${USER_COLUMNS_WRITTEN.join(', ')})
       VALUES (${USER_COLUMNS_WRITTEN.map(() => '?').join(', ')})`,
    )
    this.insertDocument = this.connection.prepare('INSERT INTO user_documents (graph_json) VALUES (?)')
    this.stageGroup = this.connection.prepare(
      'INSERT INTO staged_groups (id, display_name, kind, graph_json) VALUES (?, ?, ?, ?)',
    )
    this.stageMembership = this.connection.prepare(
      'INSERT INTO staged_memberships (group_id, member_id, member_type) VALUES (?, ?, ?)',
    )
    this.saveCheckpoint = this.connection.prepare(`
      INSERT INTO pull_state (resource, next_link, run_id, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (resource) DO UPDATE SET next_link = excluded.next_link, run_id = excluded.run_id,
        updated_at = excluded.updated_at
    `)
  }

  /** Records the start of a full pull (outcome `running`) and clears pages staged by an earlier one. */
  startRun(runId: string): void {
    // Automatic checkpoints copy the WAL into the database every ~4 MB, and a pull appends
    // hundreds of MB: measured, they more than doubled the time to stage 100,000 users. The run
    // checkpoints once at its end instead (see endBulkWrite).
    this.connection.pragma('wal_autocheckpoint = 0')
    this.connection.transaction(() => {
      this.clearStaging()
      this.deleteUnusedDocuments()
      this.connection
        .prepare("INSERT INTO pull_runs (id, kind, started_at, outcome) VALUES (?, 'full', ?, 'running')")
        .run(runId, this.now().toISOString())
    })()
  }

  /** Stages one page of users with the checkpoint that follows it. */
  writeUsers(runId: string, users: readonly PulledUser[], checkpoint: PageCheckpoint): void {
    this.connection.transaction(() => {
      for (const user of users) {
        // The document goes straight to its final table (appended, never copied); the staged
        // row points at it and the merge makes it current.
        const documentId = this.insertDocument.run(JSON.stringify(withoutAnnotations(user))).lastInsertRowid
        this.stageUser.run(...userValues(user), documentId)
      }
      this.checkpoint(runId, checkpoint)
    })()
  }

  /** Stages one page of groups with the checkpoint that follows it. */
  writeGroups(runId: string, groups: readonly GraphGroup[], checkpoint: PageCheckpoint): void {
    this.connection.transaction(() => {
      for (const group of groups) {
        this.stageGroup.run(group.id, group.displayName, groupKind(group), JSON.stringify(withoutAnnotations(group)))
      }
      this.checkpoint(runId, checkpoint)
    })()
  }

  /**
   * Stages all direct members of one group (every page of them at once: even an all-staff
   * group's member ids are small, and a group is then never staged half-read).
   */
  writeGroupMembers(runId: string, groupId: string, members: readonly GraphMemberRef[]): void {
    this.connection.transaction(() => {
      for (const member of members) this.stageMembership.run(groupId, member.id, memberType(member))
      this.checkpoint(runId, { resource: `members:${groupId}`, nextLink: null })
    })()
  }

  /**
   * Ends a full pull that read everything: merges the staged directory into the indexed tables,
   * drops what the run did not see, rebuilds the transitive memberships, clears staging and
   * checkpoints and records success — one transaction. Returns what the cache now holds.
   */
  completeFullPull(runId: string): PullCounts {
    const counts = this.connection.transaction(() => {
      this.mergeGroups(runId)
      this.withSecondaryIndexesRebuilt(['users', 'memberships', 'transitive_memberships'], () => {
        this.mergeMemberships()
        this.mergeUsers(runId)
        rebuildTransitiveMemberships(this.connection)
      })
      this.clearStaging()
      this.connection.prepare("DELETE FROM pull_state WHERE resource LIKE 'members:%'").run()
      this.connection
        .prepare('UPDATE pull_state SET next_link = NULL, run_id = ?, updated_at = ?')
        .run(runId, this.now().toISOString())
      const counts = this.connection
        .prepare(
          `SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM groups) AS groups,
                  (SELECT COUNT(*) FROM memberships) AS memberships`,
        )
        .get() as PullCounts
      this.recordOutcome(runId, 'succeeded', counts, undefined)
      return counts
    })()
    this.endBulkWrite()
    return counts
  }

  /** Records how a run that did not complete ended. The cached directory is unchanged. */
  finishRun(runId: string, outcome: Exclude<PullOutcome, 'succeeded'>, counts: PullCounts, error?: AppErrorData): void {
    this.recordOutcome(runId, outcome, counts, error)
    this.endBulkWrite()
  }

  /** Back to SQLite's default automatic checkpoints, after one checkpoint that never waits for readers. */
  private endBulkWrite(): void {
    this.connection.pragma('wal_checkpoint(PASSIVE)')
    this.connection.pragma('wal_autocheckpoint = 1000')
  }

  /**
   * Drops the secondary indexes of `tables`, runs `work`, and creates them again. Filling an index
   * row by row with random GUID keys costs several times more than building it in one sorted
   * pass (measured: memberships 0.7 s → 0.2 s at 100,000 users). The definitions are read back
   * from the schema, so they cannot drift from the migrations.
   */
  private withSecondaryIndexesRebuilt(tables: readonly string[], work: () => void): void {
    const indexes = this.connection
      .prepare(
        `SELECT name, sql FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(tables)) as { name: string; sql: string }[]
    for (const index of indexes) this.connection.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`)
    work()
    for (const index of indexes) this.connection.exec(index.sql)
  }

  private mergeGroups(runId: string): void {
    // Staged rows are read in id order (the sort holds only id and rowid), so the primary-key
    // index fills front to back; on duplicates the later page wins.
    this.connection
      .prepare(
        `INSERT INTO groups (id, display_name, kind, graph_json, pulled_run_id)
         SELECT s.id, s.display_name, s.kind, s.graph_json, ?
         FROM (SELECT rowid AS staged_row FROM staged_groups ORDER BY id, rowid) AS ordered
         JOIN staged_groups s ON s.rowid = ordered.staged_row
         WHERE true
         ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, kind = excluded.kind,
           graph_json = excluded.graph_json, pulled_run_id = excluded.pulled_run_id`,
      )
      .run(runId)
    this.connection.prepare('DELETE FROM groups WHERE pulled_run_id IS NOT ?').run(runId)
  }

  private mergeMemberships(): void {
    this.connection.prepare('DELETE FROM memberships').run()
    this.connection
      .prepare(
        `INSERT OR IGNORE INTO memberships (group_id, member_id, member_type, direct)
         SELECT s.group_id, s.member_id, s.member_type, 1
         FROM staged_memberships s JOIN groups g ON g.id = s.group_id
         ORDER BY s.group_id, s.member_id`,
      )
      .run()
  }

  private mergeUsers(runId: string): void {
    const columns = USER_COLUMNS_WRITTEN.join(', ')
    const updates = USER_COLUMNS_WRITTEN.filter((column) => column !== 'id')
      .map((column) => `${column} = excluded.${column}`)
      .join(', ')
    this.connection
      .prepare(
        `INSERT INTO users (${columns}, is_soft_deleted, pulled_run_id)
         SELECT ${USER_COLUMNS_WRITTEN.map((column) => `s.${column}`).join(', ')}, 0, ?
         FROM (SELECT rowid AS staged_row FROM staged_users ORDER BY id, rowid) AS ordered
         JOIN staged_users s ON s.rowid = ordered.staged_row
         WHERE true
         ON CONFLICT (id) DO UPDATE SET ${updates}, is_soft_deleted = 0, pulled_run_id = excluded.pulled_run_id`,
      )
      .run(runId)
    this.connection.prepare('DELETE FROM users WHERE pulled_run_id IS NOT ?').run(runId)
    this.deleteUnusedDocuments()
  }

  /** Documents no user points at: replaced by this pull, or staged by one that never completed. */
  private deleteUnusedDocuments(): void {
    this.connection.prepare('DELETE FROM user_documents WHERE id NOT IN (SELECT document_id FROM users)').run()
  }

  private clearStaging(): void {
    this.connection.exec('DELETE FROM staged_users; DELETE FROM staged_groups; DELETE FROM staged_memberships;')
  }

  private checkpoint(runId: string, checkpoint: PageCheckpoint): void {
    this.saveCheckpoint.run(checkpoint.resource, checkpoint.nextLink, runId, this.now().toISOString())
  }

  private recordOutcome(runId: string, outcome: PullOutcome, counts: PullCounts, error: AppErrorData | undefined): void {
    this.connection
      .prepare(
        'UPDATE pull_runs SET finished_at = ?, outcome = ?, users = ?, groups = ?, memberships = ?, error_json = ? WHERE id = ?',
      )
      .run(
        this.now().toISOString(),
        outcome,
        counts.users,
        counts.groups,
        counts.memberships,
        error === undefined ? null : JSON.stringify(error),
        runId,
      )
  }
}

/** The group kinds the Entra admin centre shows, from the flags Graph returns. */
export function groupKind(group: Pick<GraphGroup, 'groupTypes' | 'mailEnabled' | 'securityEnabled'>): GroupKind {
  if (group.groupTypes.includes('Unified')) return 'microsoft365'
  if (group.securityEnabled) return group.mailEnabled ? 'mailSecurity' : 'security'
  return 'distribution'
}

function memberType(member: GraphMemberRef): 'user' | 'group' | 'other' {
  switch (member['@odata.type']) {
    case '#microsoft.graph.user':
      return 'user'
    case '#microsoft.graph.group':
      return 'group'
    default:
      // Devices, service principals and org contacts can be members too; kept, never expanded.
      return 'other'
  }
}

/** Values in {@link USER_COLUMNS_WRITTEN} order, without the trailing document id. */
function userValues(user: PulledUser): unknown[] {
  return [
    user.id,
    user.displayName ?? null,
    user.userPrincipalName,
    user.mail ?? null,
    user.givenName ?? null,
    user.surname ?? null,
    user.jobTitle ?? null,
    user.department ?? null,
    user.companyName ?? null,
    user.officeLocation ?? null,
    user.city ?? null,
    user.country ?? null,
    user.mobilePhone ?? null,
    user.employeeId ?? null,
    user.employeeType ?? null,
    user.userType ?? null,
    typeof user.accountEnabled === 'boolean' ? (user.accountEnabled ? 1 : 0) : null,
    user.manager?.id ?? null,
    user.manager?.displayName ?? null,
    buildUserSearchText([
      user.displayName,
      user.givenName,
      user.surname,
      user.userPrincipalName,
      user.mail,
      user.department,
      user.jobTitle,
    ]),
  ]
}

/** Drops `@odata.*` annotations (context, type): they describe the response, not the object. */
function withoutAnnotations(object: object): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(object)) {
    if (!name.startsWith('@odata.')) result[name] = value
  }
  return result
}
