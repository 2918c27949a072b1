/**
 * One `pull_runs` row per pull: how it read (full or delta), how it ended, what it counted, and its
 * notes — what the run had to do besides reading (resume, restart a refused checkpoint, resync).
 * Notes are written as they happen, so a run killed half-way still explains itself.
 */
import type { Database } from 'better-sqlite3'
import type { AppErrorData } from '../../common/errors'
import type { PullOutcome } from '../../common/profiles'
import type { ProfileDatabase } from './profile-database'
import type { SqlStep } from './run-transaction-off-thread'

export type PullMode = 'full' | 'delta'

export type PullNoteCode =
  /** The run continued an unfinished round after its last committed page. */
  | 'resumed'
  /** Graph refused the checkpoint link; that resource's round started again. */
  | 'checkpointRejected'
  /** The stored delta link was expired or reset: the run read everything again. */
  | 'resync'
  /** The attribute list changed since the links were made: the run read everything again. */
  | 'attributesChanged'
  /** A run that never finished (the process ended) was closed by the next one. */
  | 'interrupted'
  /** The enterprise app's assignments could not be read; the earlier set (if any) was kept. */
  | 'assignmentsUnreadable'

export interface PullNote {
  readonly code: PullNoteCode
  readonly message: string
  readonly resource?: string
  /** For `resumed`: pages the earlier attempt had committed. */
  readonly pages?: number
}

export interface PullCounts {
  readonly users: number
  readonly groups: number
  readonly memberships: number
}

export interface PullRunRecord {
  readonly id: string
  readonly kind: PullMode
  readonly outcome: PullOutcome | 'running'
  readonly users: number
  readonly groups: number
  readonly memberships: number
  readonly notes: readonly PullNote[]
  readonly error: AppErrorData | null
}

const COUNTS_SQL = `SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM groups) AS groups,
                           (SELECT COUNT(*) FROM memberships) AS memberships`

export class PullRunLog {
  private readonly connection: Database

  constructor(
    database: ProfileDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.connection = database.connection
  }

  /** Records the start of a run. Runs still marked running were cut off (one pull per profile at a time). */
  start(runId: string, mode: PullMode): void {
    const at = this.now().toISOString()
    this.connection.transaction(() => {
      const interrupted: AppErrorData = {
        code: 'Internal',
        message: 'The pull stopped without finishing (Headcount was closed or the computer stopped).',
      }
      this.connection
        .prepare(
          `UPDATE pull_runs SET outcome = 'failed', finished_at = ?, error_json = ?,
             notes = json_insert(notes, '$[#]', json(?))
           WHERE outcome = 'running'`,
        )
        .run(at, JSON.stringify(interrupted), JSON.stringify({ code: 'interrupted', message: interrupted.message } satisfies PullNote))
      this.connection
        .prepare("INSERT INTO pull_runs (id, kind, started_at, outcome) VALUES (?, ?, ?, 'running')")
        .run(runId, mode, at)
    })()
  }

  /** A delta run that had to read everything again. */
  setMode(runId: string, mode: PullMode): void {
    this.connection.prepare('UPDATE pull_runs SET kind = ? WHERE id = ?').run(mode, runId)
  }

  addNote(runId: string, note: PullNote): void {
    this.connection.prepare("UPDATE pull_runs SET notes = json_insert(notes, '$[#]', json(?)) WHERE id = ?").run(JSON.stringify(note), runId)
  }

  finish(runId: string, outcome: PullOutcome, counts: PullCounts, error?: AppErrorData): void {
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

  /**
   * Steps that record success with the counts of what the cache then holds, and return those
   * counts (the last step's row): for the transaction that completes a pull elsewhere.
   */
  finishSucceededSteps(runId: string): SqlStep[] {
    return [
      {
        sql: `UPDATE pull_runs SET finished_at = ?, outcome = 'succeeded', users = (SELECT COUNT(*) FROM users),
                groups = (SELECT COUNT(*) FROM groups), memberships = (SELECT COUNT(*) FROM memberships), error_json = NULL
              WHERE id = ?`,
        params: [this.now().toISOString(), runId],
      },
      { sql: COUNTS_SQL, isQuery: true },
    ]
  }

  read(runId: string): PullRunRecord | null {
    const record = this.connection
      .prepare('SELECT id, kind, outcome, users, groups, memberships, notes, error_json FROM pull_runs WHERE id = ?')
      .get(runId) as
      | { id: string; kind: PullMode; outcome: PullRunRecord['outcome']; users: number; groups: number; memberships: number; notes: string; error_json: string | null }
      | undefined
    if (record === undefined) return null
    return {
      id: record.id,
      kind: record.kind,
      outcome: record.outcome,
      users: record.users,
      groups: record.groups,
      memberships: record.memberships,
      notes: JSON.parse(record.notes) as PullNote[],
      error: record.error_json === null ? null : (JSON.parse(record.error_json) as AppErrorData),
    }
  }

  /** Every run, newest first (tests, the runs screen). */
  list(): PullRunRecord[] {
    const ids = this.connection.prepare('SELECT id FROM pull_runs ORDER BY started_at DESC, rowid DESC').all() as { id: string }[]
    return ids.map(({ id }) => this.read(id)).filter((record): record is PullRunRecord => record !== null)
  }

  /** What the cache holds now. */
  counts(): PullCounts {
    return this.connection.prepare(COUNTS_SQL).get() as PullCounts
  }
}
