/**
 * Where each delta resource stands (`pull_state`): the deltaLink the next delta round starts from,
 * and, while a round is unfinished, its kind, the pages it has committed and the link to read next.
 * Page writers call {@link PullStateStore.savePage} inside the transaction that stores the page, so
 * the checkpoint and the data it describes are committed together or not at all: a pull killed at
 * any point resumes exactly after its last committed page.
 */
import type { Database, Statement } from 'better-sqlite3'
import type { ProfileDatabase } from './profile-database'
import { runSqlSteps, type SqlStep } from './run-transaction-off-thread'

/** The delta resources a pull reads, in the order they are shown. */
export const DELTA_RESOURCES = ['users', 'groups'] as const
export type DeltaResource = (typeof DELTA_RESOURCES)[number]

/** A full round stages pages and swaps them in at the end; a delta round applies pages in place. */
export type RoundKind = 'full' | 'delta'

export interface PullStateRow {
  readonly resource: DeltaResource
  /** The round in progress, or null when none is unfinished. */
  readonly round: RoundKind | null
  /** Pages the unfinished round has committed. */
  readonly pages: number
  /** Checkpoint: the link after the last committed page. */
  readonly nextLink: string | null
  /** Where the next delta round starts (from the last completed pull). */
  readonly deltaLink: string | null
  /** The unfinished round's own deltaLink, once it has read its last page. */
  readonly pendingDeltaLink: string | null
  /** The user `$select` the links were made with (users only). */
  readonly select: readonly string[] | null
  readonly runId: string | null
}

interface PullStateRecord {
  readonly resource: DeltaResource
  readonly round: RoundKind | null
  readonly pages: number
  readonly next_link: string | null
  readonly delta_link: string | null
  readonly pending_delta_link: string | null
  readonly select_json: string | null
  readonly run_id: string | null
}

export class PullStateStore {
  private readonly connection: Database
  private readonly savePageStatement: Statement

  constructor(
    database: ProfileDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.connection = database.connection
    this.savePageStatement = this.connection.prepare(
      `INSERT INTO pull_state (resource, pages, next_link, pending_delta_link, run_id, updated_at) VALUES (?, 1, ?, ?, ?, ?)
       ON CONFLICT (resource) DO UPDATE SET pages = pages + 1, next_link = excluded.next_link,
         pending_delta_link = excluded.pending_delta_link, run_id = excluded.run_id, updated_at = excluded.updated_at`,
    )
  }

  read(resource: DeltaResource): PullStateRow | null {
    const record = this.connection.prepare('SELECT * FROM pull_state WHERE resource = ?').get(resource) as PullStateRecord | undefined
    if (record === undefined) return null
    return {
      resource: record.resource,
      round: record.round,
      pages: record.pages,
      nextLink: record.next_link,
      deltaLink: record.delta_link,
      pendingDeltaLink: record.pending_delta_link,
      select: record.select_json === null ? null : (JSON.parse(record.select_json) as string[]),
      runId: record.run_id,
    }
  }

  /** Marks a new round of `kind` for every resource, from its start. Call inside a transaction. */
  beginRound(runId: string, kind: RoundKind, userSelect: readonly string[]): void {
    const upsert = this.connection.prepare(
      `INSERT INTO pull_state (resource, round, pages, next_link, pending_delta_link, select_json, run_id, updated_at)
       VALUES (?, ?, 0, NULL, NULL, ?, ?, ?)
       ON CONFLICT (resource) DO UPDATE SET round = excluded.round, pages = 0, next_link = NULL,
         pending_delta_link = NULL, run_id = excluded.run_id, updated_at = excluded.updated_at,
         select_json = CASE WHEN excluded.round = 'full' THEN excluded.select_json ELSE pull_state.select_json END`,
    )
    for (const resource of DELTA_RESOURCES) {
      upsert.run(resource, kind, resource === 'users' ? JSON.stringify(userSelect) : null, runId, this.now().toISOString())
    }
  }

  /**
   * Records one committed page: `nextLink` to continue from, or the round's `deltaLink` when it was
   * the last. Call inside the page's transaction.
   */
  savePage(runId: string, resource: DeltaResource, nextLink: string | null, deltaLink: string | null): void {
    this.savePageStatement.run(resource, nextLink, deltaLink, runId, this.now().toISOString())
  }

  /** Sends one resource back to the start of its round (its checkpoint was refused). */
  restartResource(resource: DeltaResource): void {
    this.connection
      .prepare('UPDATE pull_state SET pages = 0, next_link = NULL, pending_delta_link = NULL, updated_at = ? WHERE resource = ?')
      .run(this.now().toISOString(), resource)
  }

  /** The finished rounds' deltaLinks become the next pull's start. Call inside the completing transaction. */
  completeRounds(runId: string): void {
    runSqlSteps(this.connection, [this.completeRoundsStep(runId)])
  }

  /** {@link completeRounds} as a step of a transaction run elsewhere (see run-transaction-off-thread). */
  completeRoundsStep(runId: string): SqlStep {
    return {
      sql: `UPDATE pull_state SET delta_link = CASE WHEN round IS NOT NULL THEN pending_delta_link ELSE delta_link END,
              round = NULL, pages = 0, next_link = NULL, pending_delta_link = NULL, run_id = ?, updated_at = ?`,
      params: [runId, this.now().toISOString()],
    }
  }

  /** Forgets every link: the next pull is a full one. */
  forgetLinks(): void {
    this.connection.prepare('DELETE FROM pull_state').run()
  }
}
