/**
 * The push journal (migration 0004): one `sync_runs` row per push and one `sync_operations` row per
 * plan operation, recorded as pending before anything is sent, marked 'sent' (committed) just
 * before its request and given its outcome after — together with the link change it implies, in the
 * same transaction. After a crash, the rows say exactly which operations may have reached the target.
 */
import { AppError } from '../../common/errors'
import type { PlanAction, PlanOperation, SyncLink } from '../../domain/planner/sync-plan'
import type { ProfileDatabase } from '../store/profile-database'
import { isOwnerProcessGone, type RunHolder } from './run-lock'

export type SyncRunKind = 'push' | 'provision'
export type SyncRunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'partial'
export type SyncOperationStatus = 'pending' | 'sent' | 'succeeded' | 'failed' | 'skipped'

export interface SyncRunCounts {
  readonly total: number
  readonly pending: number
  readonly sent: number
  readonly succeeded: number
  readonly failed: number
  readonly skipped: number
}

export interface SyncRunRecord {
  readonly id: string
  readonly kind: SyncRunKind
  readonly startedAt: string
  readonly finishedAt: string | null
  readonly status: SyncRunStatus
  readonly startedBy: string
  readonly rulesFingerprint: string
  readonly planFingerprint: string
  readonly counts: SyncRunCounts
  /** The process executing the run now ({@link createRunOwner}); null when none is. */
  readonly owner: string | null
  readonly heartbeatAt: string | null
}

/** Who claims a run, and how old a heartbeat may be before its owner counts as dead. */
export interface RunClaim {
  readonly owner: string
  readonly staleAfterMs: number
}

export interface SyncOperationRecord {
  readonly runId: string
  readonly seq: number
  readonly opId: string
  readonly action: PlanAction
  readonly entraId: string | null
  readonly targetId: string | null
  readonly userName: string | null
  readonly operation: PlanOperation
  readonly status: SyncOperationStatus
  readonly attempts: number
  /** Entra's provisioning-log name of the failure or skip (EntryConflict, ManagerNotProvisioned …). */
  readonly errorCode: string | null
  /** Headcount's ErrorCode for the same failure. */
  readonly appErrorCode: string | null
  readonly errorMessage: string | null
  readonly note: string | null
  readonly requestSummary: string | null
  readonly durationMs: number | null
  readonly sentAt: string | null
  readonly finishedAt: string | null
}

/** The link change an outcome implies, written in the outcome's transaction. */
export type LinkChange =
  | { readonly kind: 'link'; readonly entraId: string; readonly targetId: string }
  | { readonly kind: 'disable'; readonly targetId: string }
  | { readonly kind: 'reactivate'; readonly targetId: string }
  | { readonly kind: 'unlink'; readonly targetId: string }

export interface OperationOutcome {
  readonly status: 'succeeded' | 'failed' | 'skipped'
  readonly targetId?: string | null
  readonly errorCode?: string | null
  readonly appErrorCode?: string | null
  readonly errorMessage?: string | null
  readonly note?: string | null
  readonly requestSummary?: string | null
  readonly durationMs?: number | null
  readonly link?: LinkChange
}

interface OperationRow {
  run_id: string
  seq: number
  op_id: string
  action: string
  entra_id: string | null
  target_id: string | null
  user_name: string | null
  operation_json: string
  status: string
  attempts: number
  error_code: string | null
  app_error_code: string | null
  error_message: string | null
  note: string | null
  request_summary: string | null
  duration_ms: number | null
  sent_at: string | null
  finished_at: string | null
}

interface RunRow {
  id: string
  kind: string
  started_at: string
  finished_at: string | null
  status: string
  started_by: string
  rules_fingerprint: string
  plan_fingerprint: string
  counts_json: string
  owner: string | null
  heartbeat_at: string | null
}

function toOperationRecord(row: OperationRow): SyncOperationRecord {
  return {
    runId: row.run_id,
    seq: row.seq,
    opId: row.op_id,
    action: row.action as PlanAction,
    entraId: row.entra_id,
    targetId: row.target_id,
    userName: row.user_name,
    operation: JSON.parse(row.operation_json) as PlanOperation,
    status: row.status as SyncOperationStatus,
    attempts: row.attempts,
    errorCode: row.error_code,
    appErrorCode: row.app_error_code,
    errorMessage: row.error_message,
    note: row.note,
    requestSummary: row.request_summary,
    durationMs: row.duration_ms,
    sentAt: row.sent_at,
    finishedAt: row.finished_at,
  }
}

function toRunRecord(row: RunRow): SyncRunRecord {
  return {
    id: row.id,
    kind: row.kind as SyncRunKind,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as SyncRunStatus,
    startedBy: row.started_by,
    rulesFingerprint: row.rules_fingerprint,
    planFingerprint: row.plan_fingerprint,
    counts: JSON.parse(row.counts_json) as SyncRunCounts,
    owner: row.owner,
    heartbeatAt: row.heartbeat_at,
  }
}

/**
 * A running run held by another live owner: the condition both claims share, over the
 * parameters @owner, @cutoff (oldest live heartbeat) and @gone (JSON array of dead owners).
 */
const HELD_ELSEWHERE = `status = 'running' AND owner IS NOT NULL AND owner <> @owner AND heartbeat_at >= @cutoff
  AND owner NOT IN (SELECT value FROM json_each(@gone))`

/** Reads and writes the journal and the links of one profile cache. */
export class SyncJournal {
  constructor(
    private readonly database: ProfileDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get connection() {
    return this.database.connection
  }

  /**
   * Records the run, owned by `claim.owner`, and every operation as pending (plan skips as skipped)
   * in one transaction — unless another live process is executing a run of this profile: then
   * nothing is written and that run's holder is returned.
   */
  createRun(run: {
    readonly id: string
    readonly kind: SyncRunKind
    readonly startedBy: string
    readonly rulesFingerprint: string
    readonly planFingerprint: string
    readonly operations: readonly PlanOperation[]
    readonly claim: RunClaim
  }): RunHolder | null {
    const startedAt = this.now().toISOString()
    const lock = this.lockParameters(run.claim)
    const insertOperation = this.connection.prepare(
      `INSERT INTO sync_operations (run_id, seq, op_id, action, entra_id, target_id, user_name, operation_json, status, error_code, note, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    return this.connection.transaction((): RunHolder | null => {
      // One statement decides and inserts, so two processes starting at once cannot both win.
      const inserted = this.connection
        .prepare(
          `INSERT INTO sync_runs (id, kind, started_at, status, started_by, rules_fingerprint, plan_fingerprint, counts_json, owner, heartbeat_at)
           SELECT @id, @kind, @startedAt, 'running', @startedBy, @rulesFingerprint, @planFingerprint, '{}', @owner, @startedAt
           WHERE NOT EXISTS (SELECT 1 FROM sync_runs WHERE ${HELD_ELSEWHERE})`,
        )
        .run({ id: run.id, kind: run.kind, startedAt, startedBy: run.startedBy, rulesFingerprint: run.rulesFingerprint, planFingerprint: run.planFingerprint, ...lock })
      if (inserted.changes === 0) return this.holder(run.claim)
      // Entra caches the target id as soon as it matches a user (reference §3.1, step 4). Matched pairs
      // are linked now, before anything is sent, so references to them (a manager matched by userName
      // rather than created) resolve, and the next plan finds them through the link.
      for (const operation of run.operations) {
        if (isMatchedPair(operation) && this.linkedTargetId(operation.entraId!) !== operation.targetId) {
          this.applyLinkChange({ kind: 'link', entraId: operation.entraId!, targetId: operation.targetId! }, startedAt)
        }
      }
      run.operations.forEach((operation, seq) => {
        const isSkip = operation.action === 'skip'
        insertOperation.run(
          run.id, seq, operation.id, operation.action, operation.entraId, operation.targetId, operation.userName, JSON.stringify(operation),
          isSkip ? 'skipped' : 'pending', isSkip ? (operation.skipCode ?? operation.reason.code) : null, isSkip ? operation.reason.text : null,
          isSkip ? startedAt : null,
        )
      })
      this.refreshCounts(run.id)
      return null
    }).immediate()
  }

  /**
   * Takes a run to execute it (resume): in one statement, the run becomes 'running' and owned by
   * `claim.owner` when it has no owner, is already this owner's, or its owner is dead (heartbeat
   * older than the stale limit, or its process gone) — and no other run of the profile is held by a
   * live process. Returns null when claimed, else the holder in the way.
   */
  claimRun(runId: string, claim: RunClaim): RunHolder | null {
    const lock = this.lockParameters(claim)
    const claimed = this.connection
      .prepare(
        `UPDATE sync_runs SET owner = @owner, heartbeat_at = @now, status = 'running', finished_at = NULL
         WHERE id = @runId
           AND NOT (${HELD_ELSEWHERE})
           AND NOT EXISTS (SELECT 1 FROM sync_runs WHERE id <> @runId AND ${HELD_ELSEWHERE})`,
      )
      .run({ runId, now: this.now().toISOString(), ...lock })
    if (claimed.changes > 0) return null
    const holder = this.holder(claim)
    if (!holder) throw new AppError({ code: 'NotFound', message: `There is no sync run ${runId}.` })
    return holder
  }

  /** Refreshes the owner's heartbeat; false when the run is no longer this owner's (taken over). */
  heartbeat(runId: string, owner: string): boolean {
    return this.connection.prepare('UPDATE sync_runs SET heartbeat_at = ? WHERE id = ? AND owner = ?').run(this.now().toISOString(), runId, owner).changes > 0
  }

  /** The running run another live process holds, if any. */
  holder(claim: RunClaim): RunHolder | null {
    const row = this.connection
      .prepare<Record<string, string>, RunRow>(`SELECT * FROM sync_runs WHERE ${HELD_ELSEWHERE} ORDER BY heartbeat_at DESC LIMIT 1`)
      .get(this.lockParameters(claim))
    if (!row?.owner || !row.heartbeat_at) return null
    return { runId: row.id, owner: row.owner, startedAt: row.started_at, startedBy: row.started_by, heartbeatAt: row.heartbeat_at }
  }

  /** @owner, @cutoff and @gone: owners of running runs whose process is known to be gone count as dead at once. */
  private lockParameters(claim: RunClaim): { owner: string; cutoff: string; gone: string } {
    const cutoff = new Date(this.now().getTime() - claim.staleAfterMs).toISOString()
    const owners = this.connection
      .prepare<[string, string], { owner: string }>("SELECT DISTINCT owner FROM sync_runs WHERE status = 'running' AND owner IS NOT NULL AND owner <> ? AND heartbeat_at >= ?")
      .all(claim.owner, cutoff)
    return { owner: claim.owner, cutoff, gone: JSON.stringify(owners.map((row) => row.owner).filter(isOwnerProcessGone)) }
  }

  /**
   * Committed before the request goes out: after a crash, 'sent' means "may have reached the target".
   * With `owner`, only while the run is that owner's — false when another process took it over, and
   * then the request must not go out.
   */
  markSent(runId: string, seq: number, owner?: string): boolean {
    return (
      this.connection
        .prepare(
          `UPDATE sync_operations SET status = 'sent', attempts = attempts + 1, sent_at = @now WHERE run_id = @runId AND seq = @seq
             AND (@owner IS NULL OR EXISTS (SELECT 1 FROM sync_runs WHERE id = @runId AND owner = @owner))`,
        )
        .run({ now: this.now().toISOString(), runId, seq, owner: owner ?? null }).changes > 0
    )
  }

  /** The outcome and its link change, in one transaction. */
  recordOutcome(runId: string, seq: number, outcome: OperationOutcome): void {
    const finishedAt = this.now().toISOString()
    this.connection.transaction(() => {
      this.connection
        .prepare(
          `UPDATE sync_operations SET status = ?, target_id = COALESCE(?, target_id), error_code = ?, app_error_code = ?, error_message = ?, note = ?,
             request_summary = COALESCE(?, request_summary), duration_ms = ?, finished_at = ? WHERE run_id = ? AND seq = ?`,
        )
        .run(
          outcome.status, outcome.targetId ?? null, outcome.errorCode ?? null, outcome.appErrorCode ?? null, outcome.errorMessage ?? null,
          outcome.note ?? null, outcome.requestSummary ?? null, outcome.durationMs === undefined || outcome.durationMs === null ? null : Math.round(outcome.durationMs),
          finishedAt, runId, seq,
        )
      if (outcome.link) this.applyLinkChange(outcome.link, finishedAt)
    })()
  }

  private applyLinkChange(change: LinkChange, at: string): void {
    if (change.kind === 'link') {
      // One target user belongs to one Entra user: a stale link to the same target id gives way.
      this.connection.prepare('DELETE FROM sync_links WHERE target_id = ? AND entra_id <> ?').run(change.targetId, change.entraId)
      this.connection
        .prepare(
          `INSERT INTO sync_links (entra_id, target_id, linked_at, disabled_at) VALUES (?, ?, ?, NULL)
           ON CONFLICT (entra_id) DO UPDATE SET target_id = excluded.target_id, linked_at = excluded.linked_at, disabled_at = NULL`,
        )
        .run(change.entraId, change.targetId, at)
    } else if (change.kind === 'disable') {
      this.connection.prepare('UPDATE sync_links SET disabled_at = ? WHERE target_id = ?').run(at, change.targetId)
    } else if (change.kind === 'reactivate') {
      this.connection.prepare('UPDATE sync_links SET disabled_at = NULL WHERE target_id = ?').run(change.targetId)
    } else {
      this.connection.prepare('DELETE FROM sync_links WHERE target_id = ?').run(change.targetId)
    }
  }

  /** The target id an Entra user is linked to, if any. */
  linkedTargetId(entraId: string): string | null {
    return this.connection.prepare<[string], { target_id: string }>('SELECT target_id FROM sync_links WHERE entra_id = ?').get(entraId)?.target_id ?? null
  }

  operations(runId: string): SyncOperationRecord[] {
    return this.connection
      .prepare<[string], OperationRow>('SELECT * FROM sync_operations WHERE run_id = ? ORDER BY seq')
      .all(runId)
      .map(toOperationRecord)
  }

  run(runId: string): SyncRunRecord | null {
    const row = this.connection.prepare<[string], RunRow>('SELECT * FROM sync_runs WHERE id = ?').get(runId)
    return row ? toRunRecord(row) : null
  }

  /** Runs, newest first. */
  runs(limit = 100): SyncRunRecord[] {
    return this.connection.prepare<[number], RunRow>('SELECT * FROM sync_runs ORDER BY started_at DESC, rowid DESC LIMIT ?').all(limit).map(toRunRecord)
  }

  counts(runId: string): SyncRunCounts {
    const rows = this.connection
      .prepare<[string], { status: string; count: number }>('SELECT status, COUNT(*) AS count FROM sync_operations WHERE run_id = ? GROUP BY status')
      .all(runId)
    const by = Object.fromEntries(rows.map((row) => [row.status, row.count])) as Partial<Record<SyncOperationStatus, number>>
    const counts = { pending: by.pending ?? 0, sent: by.sent ?? 0, succeeded: by.succeeded ?? 0, failed: by.failed ?? 0, skipped: by.skipped ?? 0 }
    return { total: counts.pending + counts.sent + counts.succeeded + counts.failed + counts.skipped, ...counts }
  }

  private refreshCounts(runId: string): SyncRunCounts {
    const counts = this.counts(runId)
    this.connection.prepare('UPDATE sync_runs SET counts_json = ? WHERE id = ?').run(JSON.stringify(counts), runId)
    return counts
  }

  /**
   * Ends a run with its status and final counts, and lets go of it. With `owner`, only if the run is
   * still that owner's (a process that lost it to a take-over must not end the new owner's run).
   */
  finishRun(runId: string, status: Exclude<SyncRunStatus, 'running'>, owner?: string): SyncRunRecord {
    this.connection.transaction(() => {
      this.refreshCounts(runId)
      this.connection
        .prepare('UPDATE sync_runs SET status = ?, finished_at = ?, owner = NULL WHERE id = ? AND (? IS NULL OR owner = ?)')
        .run(status, this.now().toISOString(), runId, owner ?? null, owner ?? null)
    })()
    const run = this.run(runId)
    if (!run) throw new Error(`sync run ${runId} vanished`)
    return run
  }
}

/** Every link, for the planner. */
export function loadSyncLinks(database: ProfileDatabase): SyncLink[] {
  return database.connection
    .prepare<[], { entra_id: string; target_id: string; disabled_at: string | null }>('SELECT entra_id, target_id, disabled_at FROM sync_links ORDER BY entra_id')
    .all()
    .map((row) => ({ entraId: row.entra_id, targetId: row.target_id, disabledAt: row.disabled_at }))
}

/** A user operation on an Entra user matched to an existing target user (not a conflict, not a delete). */
function isMatchedPair(operation: PlanOperation): boolean {
  if (operation.resourceType !== 'User' || !operation.entraId || !operation.targetId) return false
  if (operation.action === 'skip') return operation.skipCode === 'RedundantExport'
  return operation.action === 'update' || operation.action === 'reactivate' || operation.action === 'disable' || operation.action === 'setManager'
}
