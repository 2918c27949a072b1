/**
 * The write side of the cache for full rounds.
 *
 * A full round appends every page to the staging tables — one transaction per page, together with
 * the page checkpoint in `pull_state`, so whatever stops a pull leaves whole pages and a checkpoint
 * that matches them, and the next pull continues after the last one — and
 * {@link DirectoryWriter.completeFullPullInBackground} merges the staged directory into the indexed
 * tables in one transaction, on a worker thread with its own connection so the event loop stays free
 * ({@link DirectoryWriter.completeFullPull} does the same on this thread). Readers therefore see
 * either the previous complete directory or the new one, never a mix; a cancelled or failed pull
 * leaves the previous directory as it was (its staged pages stay for the resume; a new full round
 * clears them). While a run writes, a worker checkpoints the WAL in the background.
 */
import type { Database, Statement } from 'better-sqlite3'
import type { AppErrorData } from '../../common/errors'
import type { PullOutcome } from '../../common/profiles'
import type { GroupDeltaItem, PulledUser, UserDeltaItem } from '../graph/graph-reader'
import type { GraphGroup, GraphMemberRef } from '../graph/graph-types'
import { graphProperties, groupKind, managerFromDelta, memberType, USER_COLUMNS_WRITTEN, userValues } from './directory-rows'
import type { ProfileDatabase } from './profile-database'
import { PullRunLog, type PullCounts, type PullMode } from './pull-run-log'
import { PullStateStore, type DeltaResource } from './pull-state-store'
import { transitiveMembershipSteps } from './rebuild-transitive-memberships'
import { runSqlSteps, runTransactionOffThread, startBackgroundCheckpoints, type BackgroundCheckpoints, type SqlStep } from './run-transaction-off-thread'

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

/** Where the time of the last background completion went (benchmarks, diagnostics). */
export interface CompletionTimings {
  /** On the calling thread, before the worker starts: the only part that blocks the event loop. */
  readonly preparationMs: number
  /** The completing transaction on the worker, commit included. */
  readonly transactionMs: number
  readonly checkpointMs: number
  readonly steps: readonly { readonly sql: string; readonly ms: number }[]
}

const DELETE_UNUSED_DOCUMENTS = `DELETE FROM user_documents
  WHERE id NOT IN (SELECT document_id FROM users) AND id NOT IN (SELECT document_id FROM staged_users)`

export class DirectoryWriter {
  readonly runs: PullRunLog
  readonly state: PullStateStore
  private readonly connection: Database
  private readonly databasePath: string
  private checkpoints: BackgroundCheckpoints | null = null
  private readonly stageUser: Statement
  private readonly insertDocument: Statement
  private readonly stageGroup: Statement
  private readonly stageMembership: Statement
  /** Where the time of the last {@link completeFullPullInBackground} went. */
  lastCompletion: CompletionTimings | null = null

  constructor(
    database: ProfileDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.connection = database.connection
    this.databasePath = database.path
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
    // Only a full round appends hundreds of MB; a delta round keeps SQLite's own checkpoints (and
    // nothing would stop a checkpoint worker started for it).
    if (mode === 'full') this.beginBulkWrite()
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
   * hands the round's deltaLinks on, records success and clears staging — one transaction, on this
   * thread. Returns what the cache now holds.
   */
  completeFullPull(runId: string): PullCounts {
    const steps = this.completionSteps(runId)
    const results = this.connection.transaction(() => runSqlSteps(this.connection, steps))()
    this.endBulkWrite()
    return results.at(-1) as PullCounts
  }

  /**
   * {@link completeFullPull} on a worker thread with its own connection (see
   * run-transaction-off-thread), followed by the WAL checkpoint there: the event loop stays free
   * for the seconds it takes at 100,000 users, and readers of this connection keep seeing the
   * previous complete directory until the one transaction commits. Step durations land in
   * {@link lastCompletion}. Once started it runs to its end (committed or rolled back).
   */
  async completeFullPullInBackground(runId: string): Promise<PullCounts> {
    const started = performance.now()
    const steps = this.completionSteps(runId)
    const preparationMs = performance.now() - started
    await this.stopBackgroundCheckpoints()
    const outcome = await runTransactionOffThread({ databasePath: this.databasePath, steps, checkpointAfter: true })
    this.connection.pragma('wal_autocheckpoint = 1000')
    this.lastCompletion = {
      preparationMs,
      transactionMs: outcome.transactionMs,
      checkpointMs: outcome.checkpointMs,
      steps: steps.map((step, index) => ({ sql: step.sql.replace(/\s+/g, ' ').slice(0, 80), ms: outcome.stepMs[index] ?? 0 })),
    }
    return outcome.results.at(-1) as PullCounts
  }

  /** Records how a run that did not complete ended. The cached directory is unchanged. */
  finishRun(runId: string, outcome: Exclude<PullOutcome, 'succeeded'>, counts: PullCounts, error?: AppErrorData): void {
    this.runs.finish(runId, outcome, counts, error)
    this.endBulkWrite()
  }

  /**
   * The completing transaction as data, its last step returning the counts. Reads on this
   * connection what it needs to know first (index definitions, the nesting of the staged groups);
   * both are small.
   */
  private completionSteps(runId: string): SqlStep[] {
    // Filling an index row by row with random GUID keys costs several times more than building it
    // in one sorted pass (measured: memberships 0.7 s → 0.2 s at 100,000 users), so the secondary
    // indexes are dropped for the merge and built again after it. The definitions are read back
    // from the schema, so they cannot drift from the migrations.
    const indexes = this.connection
      .prepare(
        `SELECT name, sql FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('users', 'groups', 'memberships', 'transitive_memberships')`,
      )
      .all() as { name: string; sql: string }[]
    // The memberships the merge keeps are the staged ones of staged groups: their group-in-group
    // edges are the nesting the transitive memberships expand.
    const nesting = (
      this.connection
        .prepare(
          `SELECT DISTINCT s.group_id, s.member_id FROM staged_memberships s
           WHERE s.member_type = 'group' AND s.group_id IN (SELECT id FROM staged_groups)`,
        )
        .all() as { group_id: string; member_id: string }[]
    ).map((edge) => ({ groupId: edge.group_id, memberGroupId: edge.member_id }))
    const columns = USER_COLUMNS_WRITTEN.join(', ')
    const userUpdates = USER_COLUMNS_WRITTEN.filter((column) => column !== 'id')
      .map((column) => `${column} = excluded.${column}`)
      .join(', ')
    return [
      ...indexes.map((index) => ({ sql: `DROP INDEX "${index.name.replaceAll('"', '""')}"` })),
      // Staged rows are read in id order (the sort holds only id and rowid), so the primary-key
      // index fills front to back; on duplicates the later page wins.
      {
        sql: `INSERT INTO groups (id, display_name, kind, graph_json, pulled_run_id)
              SELECT s.id, s.display_name, s.kind, s.graph_json, ?
              FROM (SELECT rowid AS staged_row FROM staged_groups ORDER BY id, rowid) AS ordered
              JOIN staged_groups s ON s.rowid = ordered.staged_row
              WHERE true
              ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, kind = excluded.kind,
                graph_json = excluded.graph_json, pulled_run_id = excluded.pulled_run_id`,
        params: [runId],
      },
      { sql: 'DELETE FROM groups WHERE pulled_run_id IS NOT ?', params: [runId] },
      { sql: 'DELETE FROM memberships' },
      {
        sql: `INSERT OR IGNORE INTO memberships (group_id, member_id, member_type, direct)
              SELECT s.group_id, s.member_id, s.member_type, 1
              FROM staged_memberships s JOIN groups g ON g.id = s.group_id
              ORDER BY s.group_id, s.member_id`,
      },
      // Delta rounds name only the manager's id; the name shown beside it comes from the merged
      // directory (a manager outside it keeps the name Graph gave, if any). Looked up while the
      // users are inserted: updating every row afterwards rewrote the whole table (measured 0.27 s
      // at 100,000 users, against 0.06 s for this lookup table).
      { sql: 'CREATE TEMP TABLE merged_names (id TEXT PRIMARY KEY, display_name TEXT) WITHOUT ROWID' },
      { sql: 'INSERT OR REPLACE INTO temp.merged_names (id, display_name) SELECT id, display_name FROM staged_users ORDER BY id, rowid' },
      {
        sql: `INSERT INTO users (${columns}, is_soft_deleted, pulled_run_id)
              SELECT ${USER_COLUMNS_WRITTEN.map((column) => (column === 'manager_display_name' ? 'COALESCE(n.display_name, s.manager_display_name)' : `s.${column}`)).join(', ')}, 0, ?
              FROM (SELECT rowid AS staged_row FROM staged_users ORDER BY id, rowid) AS ordered
              JOIN staged_users s ON s.rowid = ordered.staged_row
              LEFT JOIN temp.merged_names n ON n.id = s.manager_id
              WHERE true
              ON CONFLICT (id) DO UPDATE SET ${userUpdates}, is_soft_deleted = 0, pulled_run_id = excluded.pulled_run_id`,
        params: [runId],
      },
      { sql: 'DROP TABLE temp.merged_names' },
      { sql: 'DELETE FROM users WHERE pulled_run_id IS NOT ?', params: [runId] },
      ...transitiveMembershipSteps(nesting),
      ...indexes.map((index) => ({ sql: index.sql })),
      this.state.completeRoundsStep(runId),
      { sql: 'DELETE FROM staged_users' },
      { sql: 'DELETE FROM staged_groups' },
      { sql: 'DELETE FROM staged_memberships' },
      { sql: DELETE_UNUSED_DOCUMENTS },
      ...this.runs.finishSucceededSteps(runId),
    ]
  }

  private stageOneUser(properties: Record<string, unknown>, manager: PulledUser['manager']): void {
    // The document goes straight to its final table (appended, never copied); the staged row
    // points at it and the merge makes it current.
    const documentId = this.insertDocument.run(JSON.stringify(properties)).lastInsertRowid
    this.stageUser.run(...userValues(properties as Parameters<typeof userValues>[0], manager), documentId)
  }

  private beginBulkWrite(): void {
    // Automatic checkpoints copy the WAL into the database every ~4 MB on the committing thread,
    // and a pull appends hundreds of MB: measured, they more than doubled the time to stage
    // 100,000 users. A worker checkpoints instead while the pull runs (see endBulkWrite).
    this.connection.pragma('wal_autocheckpoint = 0')
    this.checkpoints ??= startBackgroundCheckpoints(this.databasePath)
  }

  /** Stops the background checkpoints (resolves once their worker is gone). */
  private stopBackgroundCheckpoints(): Promise<void> {
    const checkpoints = this.checkpoints
    this.checkpoints = null
    return checkpoints?.stop() ?? Promise.resolve()
  }

  /** Back to SQLite's default automatic checkpoints, after one checkpoint that never waits for readers. */
  private endBulkWrite(): void {
    void this.stopBackgroundCheckpoints()
    this.connection.pragma('wal_checkpoint(PASSIVE)')
    this.connection.pragma('wal_autocheckpoint = 1000')
  }

  /** Documents nothing points at: replaced by a pull, or staged by a round that was thrown away. */
  private deleteUnusedDocuments(): void {
    this.connection.prepare(DELETE_UNUSED_DOCUMENTS).run()
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
