/**
 * The write side of the cache for full rounds.
 *
 * A full round appends every page to the staging tables — one transaction per page, together with
 * the page checkpoint in `pull_state`, so whatever stops a pull leaves whole pages and a checkpoint
 * that matches them, and the next pull continues after the last one — and
 * {@link DirectoryWriter.completeFullPull} merges the staged directory into the indexed tables in one
 * transaction. Readers therefore see either the previous complete directory or the new one, never
 * a mix; a cancelled or failed pull leaves the previous directory as it was (its staged pages stay
 * for the resume; a new full round clears them).
 */
import type { Database, Statement } from 'better-sqlite3'
import type { AppErrorData } from '../../common/errors'
import type { PullOutcome } from '../../common/profiles'
import { yieldToEventLoop } from '../../base/abortable-delay'
import type { GroupDeltaItem, PulledUser, UserDeltaItem } from '../graph/graph-reader'
import type { GraphGroup, GraphMemberRef } from '../graph/graph-types'
import { graphProperties, groupKind, managerFromDelta, memberType, USER_COLUMNS_WRITTEN, userValues } from './directory-rows'
import type { ProfileDatabase } from './profile-database'
import { PullRunLog, type PullCounts, type PullMode } from './pull-run-log'
import { PullStateStore, type DeltaResource } from './pull-state-store'
import { rebuildTransitiveMemberships } from './rebuild-transitive-memberships'

export { groupKind, type GroupKind } from './directory-rows'
export type { PullCounts } from './pull-run-log'

/** Where a paged read stands, written in the same transaction as the page. */
export interface PageCheckpoint {
  /** `users` or `groups` (other names are not checkpointed). */
  readonly resource: string
  /** The link to read next; null once the resource is read to the end. */
  readonly nextLink: string | null
  /** The round's deltaLink, on its last page. */
  readonly deltaLink?: string | null
}

/** How long each synchronous step of the completion took, for the event-loop budget. */
export interface CompletionTimings {
  readonly mergeMs: number
  readonly cleanupMs: number
}

export class DirectoryWriter {
  readonly runs: PullRunLog
  readonly state: PullStateStore
  private readonly connection: Database
  private readonly stageUser: Statement
  private readonly insertDocument: Statement
  private readonly stageGroup: Statement
  private readonly stageMembership: Statement
  /** Duration of the last completion's steps (see {@link completeFullPullInSteps}). */
  lastCompletion: CompletionTimings | null = null

  constructor(
    database: ProfileDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.connection = database.connection
    this.runs = new PullRunLog(database, now)
    this.state = new PullStateStore(database, now)
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
  }

  /**
   * Records the start of a run (outcome `running`). A full run that does not resume clears what an
   * earlier one staged.
   */
  startRun(runId: string, mode: PullMode = 'full', options: { readonly isResuming?: boolean } = {}): void {
    this.beginBulkWrite()
    this.runs.start(runId, mode)
    if (mode === 'full' && options.isResuming !== true) this.clearStagingAndOrphans()
  }

  /** Starts a full round from nothing: staging cleared, both resources at their start. */
  beginFullRound(runId: string, userSelect: readonly string[]): void {
    this.connection.transaction(() => {
      this.clearStaging()
      this.state.beginRound(runId, 'full', userSelect)
    })()
    this.deleteUnusedDocuments()
  }

  /** Throws away what one resource staged, so its round can start again (a refused checkpoint). */
  restartStaging(resource: DeltaResource): void {
    this.connection.transaction(() => {
      if (resource === 'users') this.connection.exec('DELETE FROM staged_users')
      else this.connection.exec('DELETE FROM staged_groups; DELETE FROM staged_memberships;')
      this.state.restartResource(resource)
    })()
  }

  /** Users staged by the unfinished round (a resumed pull counts on from here). */
  stagedCounts(): PullCounts {
    return this.connection
      .prepare(
        `SELECT (SELECT COUNT(*) FROM staged_users) AS users, (SELECT COUNT(DISTINCT id) FROM staged_groups) AS groups,
                (SELECT COUNT(*) FROM staged_memberships) AS memberships`,
      )
      .get() as PullCounts
  }

  /** Stages one page of users with the checkpoint that follows it. */
  writeUsers(runId: string, users: readonly PulledUser[], checkpoint: PageCheckpoint): void {
    this.connection.transaction(() => {
      for (const user of users) this.stageOneUser(graphProperties(user), user.manager ?? null)
      this.checkpoint(runId, checkpoint)
    })()
  }

  /** Stages one page of a full users delta round (every object new, `manager@delta` for the manager). */
  stageUserDeltaPage(runId: string, items: readonly UserDeltaItem[], checkpoint: PageCheckpoint): number {
    let staged = 0
    this.connection.transaction(() => {
      for (const item of items) {
        // A first round lists no removals; should one appear, there is nothing to stage.
        if (item['@removed'] !== undefined) continue
        this.stageOneUser(graphProperties(item), managerFromDelta(item) ?? null)
        staged += 1
      }
      this.checkpoint(runId, checkpoint)
    })()
    return staged
  }

  /** Stages one page of groups with the checkpoint that follows it. */
  writeGroups(runId: string, groups: readonly GraphGroup[], checkpoint: PageCheckpoint): void {
    this.connection.transaction(() => {
      for (const group of groups) this.stageGroup.run(group.id, group.displayName, groupKind(group), JSON.stringify(graphProperties(group)))
      this.checkpoint(runId, checkpoint)
    })()
  }

  /**
   * Stages one page of a full groups delta round: the groups and their `members@delta` (a large
   * group's members come in chunks over several pages, each staged as it comes).
   */
  stageGroupDeltaPage(runId: string, items: readonly GroupDeltaItem[], checkpoint: PageCheckpoint): { groups: number; memberships: number } {
    let groups = 0
    let memberships = 0
    this.connection.transaction(() => {
      for (const item of items) {
        if (item['@removed'] !== undefined) continue
        const properties = graphProperties(item)
        this.stageGroup.run(item.id, item.displayName ?? '', groupKind(item), JSON.stringify(properties))
        groups += 1
        for (const reference of item['members@delta'] ?? []) {
          if (reference['@removed'] !== undefined) continue
          this.stageMembership.run(item.id, reference.id, memberType(reference))
          memberships += 1
        }
      }
      this.checkpoint(runId, checkpoint)
    })()
    return { groups, memberships }
  }

  /** Stages all direct members of one group (from per-group member reads). */
  writeGroupMembers(runId: string, groupId: string, members: readonly GraphMemberRef[]): void {
    this.connection.transaction(() => {
      for (const member of members) this.stageMembership.run(groupId, member.id, memberType(member))
    })()
  }

  /**
   * Ends a full round that read everything: merges the staged directory into the indexed tables,
   * drops what the round did not see, fills manager names, rebuilds the transitive memberships,
   * hands the round's deltaLinks on and records success — one transaction; then clears staging.
   * Returns what the cache now holds.
   */
  completeFullPull(runId: string): PullCounts {
    const counts = this.mergeStaged(runId)
    this.clearStagingAndOrphans()
    this.endBulkWrite()
    return counts
  }

  /**
   * {@link completeFullPull} with the event loop let in between its synchronous steps: the swap
   * itself stays one transaction (readers never see half a directory); the clean-up after it runs
   * as separate steps. Step durations land in {@link lastCompletion}.
   */
  async completeFullPullInSteps(runId: string): Promise<PullCounts> {
    let started = performance.now()
    const counts = this.mergeStaged(runId)
    const mergeMs = performance.now() - started
    let cleanupMs = 0
    for (const step of [
      () => this.clearStaging(),
      () => this.deleteUnusedDocuments(),
      () => this.endBulkWrite(),
    ]) {
      await yieldToEventLoop()
      started = performance.now()
      step()
      cleanupMs = Math.max(cleanupMs, performance.now() - started)
    }
    this.lastCompletion = { mergeMs, cleanupMs }
    return counts
  }

  /** Records how a run that did not complete ended. The cached directory is unchanged. */
  finishRun(runId: string, outcome: Exclude<PullOutcome, 'succeeded'>, counts: PullCounts, error?: AppErrorData): void {
    this.runs.finish(runId, outcome, counts, error)
    this.endBulkWrite()
  }

  private mergeStaged(runId: string): PullCounts {
    return this.connection.transaction(() => {
      this.withSecondaryIndexesRebuilt(['users', 'groups', 'memberships', 'transitive_memberships'], () => {
        this.mergeGroups(runId)
        this.mergeMemberships()
        this.mergeUsers(runId)
        rebuildTransitiveMemberships(this.connection)
      })
      // Delta rounds name only the manager's id; the name shown beside it comes from the cache
      // (a manager outside it keeps the name Graph gave, if any).
      this.connection.exec(
        `UPDATE users SET manager_display_name =
           COALESCE((SELECT m.display_name FROM users m WHERE m.id = users.manager_id), manager_display_name)
         WHERE manager_id IS NOT NULL`,
      )
      this.state.completeRounds(runId)
      const counts = this.runs.counts()
      this.runs.finish(runId, 'succeeded', counts)
      return counts
    })()
  }

  private stageOneUser(properties: Record<string, unknown>, manager: PulledUser['manager']): void {
    // The document goes straight to its final table (appended, never copied); the staged row
    // points at it and the merge makes it current.
    const documentId = this.insertDocument.run(JSON.stringify(properties)).lastInsertRowid
    this.stageUser.run(...userValues(properties as Parameters<typeof userValues>[0], manager), documentId)
  }

  private beginBulkWrite(): void {
    // Automatic checkpoints copy the WAL into the database every ~4 MB, and a pull appends
    // hundreds of MB: measured, they more than doubled the time to stage 100,000 users. The run
    // checkpoints once at its end instead (see endBulkWrite).
    this.connection.pragma('wal_autocheckpoint = 0')
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
  }

  /** Documents nothing points at: replaced by a pull, or staged by a round that was thrown away. */
  private deleteUnusedDocuments(): void {
    this.connection
      .prepare(
        `DELETE FROM user_documents
         WHERE id NOT IN (SELECT document_id FROM users) AND id NOT IN (SELECT document_id FROM staged_users)`,
      )
      .run()
  }

  private clearStaging(): void {
    this.connection.exec('DELETE FROM staged_users; DELETE FROM staged_groups; DELETE FROM staged_memberships;')
  }

  private clearStagingAndOrphans(): void {
    this.clearStaging()
    this.deleteUnusedDocuments()
  }

  private checkpoint(runId: string, checkpoint: PageCheckpoint): void {
    if (checkpoint.resource === 'users' || checkpoint.resource === 'groups') {
      this.state.savePage(runId, checkpoint.resource, checkpoint.nextLink, checkpoint.deltaLink ?? null)
    }
  }
}
