/**
 * The journalled executor (issue 5 item 6). Every operation of the plan is recorded as pending in
 * one transaction; then each is marked 'sent' (committed) before its request and gets its outcome —
 * with the link it creates or changes — in one transaction after. So a crash or kill -9 at any
 * moment leaves a journal from which {@link resumeRun} neither loses nor repeats an operation.
 *
 * An operation runs when everything it depends on succeeded (else it is skipped, with the reason);
 * a reference to an Entra user created in the same plan, or to a group created in it, is an
 * implicit dependency. Concurrency and rate come from the client; about twice its concurrency are
 * kept in flight. Cancel stops sending: the rest stays pending and the run can be resumed. A run
 * with any failure ends 'partial' or 'failed', never 'succeeded'.
 *
 * A run is executed by one process at a time (run-lock.ts): creating or resuming it claims it in
 * the journal, the heartbeat is refreshed while it executes, and finishing lets go of it. A push
 * while another live process executes a run of the profile is refused with 'Busy'.
 */
import { createHash, randomUUID } from 'node:crypto'
import { AppError, toAppErrorData } from '../../common/errors'
import { Limiter } from '../../base/limiter'
import type { PlanOperation, SyncPlan } from '../../domain/planner/sync-plan'
import type { ProfileDatabase } from '../store/profile-database'
import { describeRequest, performOperation, type PerformedOutcome } from './perform-operation'
import type { ScimClient } from './scim-client'
import { DEFAULT_HEARTBEAT_EVERY_MS, DEFAULT_STALE_AFTER_MS, createRunOwner, runBusyError, type RunLockOptions } from './run-lock'
import { ScimFailure } from './scim-failure'
import { SyncJournal, type RunClaim, type SyncOperationRecord, type SyncRunKind, type SyncRunRecord, type SyncRunStatus } from './sync-journal'
import { findSnapshotGroupId } from './target-snapshot-store'

export interface SyncProgress {
  readonly runId: string
  readonly total: number
  /** Operations with an outcome (succeeded, failed or skipped), including those of an earlier attempt. */
  readonly done: number
  readonly succeeded: number
  readonly failed: number
  readonly skipped: number
  /** Operations finished per second in this attempt. */
  readonly throughputPerSecond: number
  /** Seconds left at the current throughput; null until something finished. */
  readonly etaSeconds: number | null
}

export interface RunOptions {
  readonly onProgress?: (progress: SyncProgress) => void
  /** Wall clock for the journal's timestamps and heartbeats. */
  readonly now?: () => Date
  /** This process's hold on the run; without it, an owner id of its own for this call. */
  readonly lock?: RunLockOptions
}

interface HeldLock extends RunClaim {
  readonly heartbeatEveryMs: number
}

function heldLock(lock: RunLockOptions | undefined): HeldLock {
  return {
    owner: lock?.owner ?? createRunOwner('node'),
    staleAfterMs: lock?.staleAfterMs ?? DEFAULT_STALE_AFTER_MS,
    heartbeatEveryMs: lock?.heartbeatEveryMs ?? DEFAULT_HEARTBEAT_EVERY_MS,
  }
}

export interface ExecutePlanOptions extends RunOptions {
  readonly database: ProfileDatabase
  readonly client: ScimClient
  /** The previewed plan; a plan still blocked by the deletion threshold is refused. */
  readonly plan: Pick<SyncPlan, 'operations'> & Partial<Pick<SyncPlan, 'safety'>>
  readonly runId?: string
  readonly kind?: SyncRunKind
  /** Who started the run (an account name, "cli", "schedule"). */
  readonly startedBy: string
  readonly rulesFingerprint: string
}

/** A stable fingerprint of the operations sent (sha-256 of their JSON). */
export function planFingerprint(operations: readonly PlanOperation[]): string {
  return createHash('sha256').update(JSON.stringify(operations)).digest('hex')
}

/** Pushes `plan`, journalled; resolves with the finished run (status, counts). */
export async function executePlan(options: ExecutePlanOptions, signal?: AbortSignal): Promise<SyncRunRecord> {
  if (options.plan.safety?.isBlocked === true) {
    throw new AppError({
      code: 'ThresholdExceeded',
      message: `The plan disables or deletes ${options.plan.safety.confirmNumber} users, more than the deletion threshold allows.`,
      hint: 'Review the plan and type the number to confirm before pushing.',
    })
  }
  const journal = new SyncJournal(options.database, options.now)
  const runId = options.runId ?? randomUUID()
  const lock = heldLock(options.lock)
  const holder = journal.createRun({
    id: runId,
    kind: options.kind ?? 'push',
    startedBy: options.startedBy,
    rulesFingerprint: options.rulesFingerprint,
    planFingerprint: planFingerprint(options.plan.operations),
    operations: options.plan.operations,
    claim: lock,
  })
  if (holder) throw runBusyError(holder)
  return runJournal(journal, options.database, options.client, runId, lock, options, signal)
}

/**
 * Continues a run that was interrupted (crash, kill, cancel): pending operations run normally,
 * operations found 'sent' are reconciled first (perform-operation.ts).
 */
export async function resumeRun(database: ProfileDatabase, client: ScimClient, runId: string, options: RunOptions = {}, signal?: AbortSignal): Promise<SyncRunRecord> {
  const journal = new SyncJournal(database, options.now)
  const run = journal.run(runId)
  if (!run) throw new AppError({ code: 'NotFound', message: `There is no sync run ${runId}.` })
  const lock = heldLock(options.lock)
  // Never a run another live process is executing: its operations would be sent twice.
  const holder = journal.claimRun(runId, lock)
  if (holder) throw runBusyError(holder)
  return runJournal(journal, database, client, runId, lock, options, signal)
}

/** A function, not an inline test: TypeScript would keep a narrowing of `signal.aborted` across awaits. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true
}

type Settled = 'succeeded' | 'failed' | 'skipped' | 'interrupted'

function outcomeOfError(error: unknown): PerformedOutcome {
  if (error instanceof ScimFailure) {
    return { status: 'failed', errorCode: error.entraCode, appErrorCode: error.code, errorMessage: error.message, requestSummary: error.requestSummary }
  }
  const data = toAppErrorData(error)
  return { status: 'failed', errorCode: data.code, appErrorCode: data.code, errorMessage: data.message }
}

/** Ids an operation must wait for: its own dependsOn, plus creates in the same plan it refers to. */
function dependencies(operation: PlanOperation, createByEntraId: ReadonlyMap<string, string>, createByGroupName: ReadonlyMap<string, string>): { hard: string[]; soft: string[] } {
  const hard = new Set(operation.dependsOn)
  const soft = new Set<string>()
  const references = operation.references
  const manager = references?.managerEntraId ? createByEntraId.get(references.managerEntraId) : undefined
  if (manager) hard.add(manager)
  const group = references?.groupName ? createByGroupName.get(references.groupName.toLowerCase()) : undefined
  if (group) hard.add(group)
  for (const member of references?.memberEntraIds ?? []) {
    const create = createByEntraId.get(member)
    if (create && !hard.has(create)) soft.add(create)
  }
  // The user itself must exist before it is patched.
  if (operation.action !== 'create' && operation.resourceType === 'User' && operation.targetId === null && operation.entraId) {
    const own = createByEntraId.get(operation.entraId)
    if (own && own !== operation.id) hard.add(own)
  }
  hard.delete(operation.id)
  soft.delete(operation.id)
  return { hard: [...hard], soft: [...soft] }
}

/**
 * Executes the claimed run while keeping its heartbeat fresh. Losing the run to a take-over (this
 * process stalled past the stale limit) stops sending at once and refuses with 'Busy'.
 */
async function runJournal(journal: SyncJournal, database: ProfileDatabase, client: ScimClient, runId: string, lock: HeldLock, options: RunOptions, outerSignal?: AbortSignal): Promise<SyncRunRecord> {
  const controller = new AbortController()
  const forwardAbort = () => controller.abort(outerSignal?.reason)
  if (outerSignal?.aborted === true) forwardAbort()
  else outerSignal?.addEventListener('abort', forwardAbort, { once: true })
  let isTakenOver = false
  const takenOver = () => {
    isTakenOver = true
    controller.abort()
  }
  const heartbeat = setInterval(() => {
    try {
      if (!journal.heartbeat(runId, lock.owner)) takenOver()
    } catch {
      // The cache was busy past its timeout: the next beat tries again, well inside the stale limit.
    }
  }, lock.heartbeatEveryMs)
  // The heartbeat alone must not keep a command-line process alive.
  heartbeat.unref()
  try {
    const outcome = await executeClaimed(journal, database, client, runId, { ...options, owner: lock.owner, onTakenOver: takenOver }, controller.signal)
    if (isTakenOver) {
      const holder = journal.holder(lock)
      throw holder ? runBusyError(holder) : new AppError({ code: 'Busy', message: 'Another process took over this run while it was stalled.', hint: 'Open the run history to see how it ended.' })
    }
    return journal.finishRun(runId, outcome, lock.owner)
  } finally {
    // A run that failed half-way keeps its owner: this process may resume it at once; another
    // waits for the stale limit, by when anything still in flight from here has ended.
    clearInterval(heartbeat)
    outerSignal?.removeEventListener('abort', forwardAbort)
  }
}

interface ClaimedRunOptions extends RunOptions {
  readonly owner: string
  /** Called when an operation could not be marked sent because the run is no longer `owner`'s. */
  readonly onTakenOver: () => void
}

/** Sends the run's unfinished operations; resolves with the status the run ends with. */
async function executeClaimed(journal: SyncJournal, database: ProfileDatabase, client: ScimClient, runId: string, options: ClaimedRunOptions, signal: AbortSignal): Promise<Exclude<SyncRunStatus, 'running'>> {
  const records = journal.operations(runId)
  const createByEntraId = new Map<string, string>()
  const createByGroupName = new Map<string, string>()
  const groupIds = new Map<string, string>()
  for (const record of records) {
    const operation = record.operation
    if (operation.action === 'create' && operation.resourceType === 'User' && operation.entraId) createByEntraId.set(operation.entraId, operation.id)
    if (operation.action === 'createGroup' || (operation.action === 'create' && operation.resourceType === 'Group')) {
      createByGroupName.set(operation.displayName.toLowerCase(), operation.id)
      if (record.status === 'succeeded' && record.targetId) groupIds.set(operation.displayName.toLowerCase(), record.targetId)
    }
  }

  const total = records.length
  let succeeded = records.filter((record) => record.status === 'succeeded').length
  let failed = records.filter((record) => record.status === 'failed').length
  let skipped = records.filter((record) => record.status === 'skipped').length
  let finishedNow = 0
  const startedAt = performance.now()
  const report = () => {
    if (!options.onProgress) return
    const done = succeeded + failed + skipped
    const seconds = (performance.now() - startedAt) / 1000
    const throughput = seconds > 0 ? finishedNow / seconds : 0
    options.onProgress({ runId, total, done, succeeded, failed, skipped, throughputPerSecond: throughput, etaSeconds: throughput > 0 ? (total - done) / throughput : null })
  }
  const count = (status: Settled) => {
    if (status === 'succeeded') succeeded += 1
    else if (status === 'failed') failed += 1
    else if (status === 'skipped') skipped += 1
    if (status !== 'interrupted') finishedNow += 1
    report()
  }

  const settledById = new Map<string, Promise<Settled>>()
  const inFlight = new Limiter(Math.max(1, client.concurrency * 2))
  const linkedTargetId = (entraId: string) => journal.linkedTargetId(entraId)
  const knownGroupId = (displayName: string) => groupIds.get(displayName.toLowerCase()) ?? findSnapshotGroupId(database, displayName)

  const perform = async (record: SyncOperationRecord): Promise<Settled> => {
    if (isAborted(signal)) return 'interrupted'
    const operation = record.operation
    const isReconciling = record.status === 'sent'
    // Checked against the owner in the same statement: a process that lost the run sends nothing more.
    if (!journal.markSent(runId, record.seq, options.owner)) {
      options.onTakenOver()
      return 'interrupted'
    }
    const began = performance.now()
    let outcome: PerformedOutcome
    try {
      outcome = await performOperation(operation, { client, linkedTargetId, knownGroupId, isReconciling }, signal)
    } catch (error) {
      // Cancelled mid-request: whether it reached the target is unknown, so the row stays 'sent'
      // and a resume reconciles it.
      if (isAborted(signal)) return 'interrupted'
      outcome = outcomeOfError(error)
    }
    if (isReconciling && outcome.status === 'succeeded' && outcome.note === undefined) {
      outcome = { ...outcome, note: 'Re-sent after an interrupted run.' }
    }
    journal.recordOutcome(runId, record.seq, { ...outcome, requestSummary: outcome.requestSummary ?? describeRequest(operation), durationMs: performance.now() - began })
    if (outcome.status === 'succeeded' && outcome.targetId && (operation.action === 'createGroup' || (operation.action === 'create' && operation.resourceType === 'Group'))) {
      groupIds.set(operation.displayName.toLowerCase(), outcome.targetId)
    }
    return outcome.status
  }

  // Operations on the same resource go one after another, in plan order: a PATCH is a
  // read-modify-write on most servers, so an update and a manager reference for one user sent at
  // once can undo each other (seen against the demo target: the manager was lost).
  const lastOnResource = new Map<string, Promise<Settled>>()
  for (const record of records) {
    if (record.status === 'succeeded' || record.status === 'failed' || record.status === 'skipped') {
      settledById.set(record.opId, Promise.resolve(record.status))
      continue
    }
    const { hard, soft } = dependencies(record.operation, createByEntraId, createByGroupName)
    const hardSettled = hard.flatMap((id) => settledById.get(id) ?? [])
    const softSettled = soft.flatMap((id) => settledById.get(id) ?? [])
    const resource = resourceKey(record.operation)
    const previousOnResource = lastOnResource.get(resource)
    if (previousOnResource !== undefined) softSettled.push(previousOnResource)
    const settled = (async (): Promise<Settled> => {
      const statuses = await Promise.all(hardSettled)
      await Promise.all(softSettled)
      if (statuses.includes('interrupted')) return 'interrupted'
      const blocking = statuses.findIndex((status) => status !== 'succeeded')
      if (blocking >= 0) {
        if (isAborted(signal)) return 'interrupted'
        journal.recordOutcome(runId, record.seq, {
          status: 'skipped',
          errorCode: record.operation.action === 'setManager' ? 'ManagerNotProvisioned' : 'DependencyFailed',
          errorMessage: `Not sent: the operation it depends on (${hard[blocking] ?? ''}) did not succeed.`,
        })
        count('skipped')
        return 'skipped'
      }
      const status = await inFlight.run(() => perform(record))
      count(status)
      return status
    })()
    settledById.set(record.opId, settled)
    lastOnResource.set(resource, settled)
  }
  await Promise.all(settledById.values())

  const counts = journal.counts(runId)
  const isCancelled = isAborted(signal) && counts.pending + counts.sent > 0
  // A plan's own skips are not problems; an operation skipped because something else failed is.
  const hasProblems = counts.failed > 0 || journal.operations(runId).some((row) => row.status === 'skipped' && (row.errorCode === 'DependencyFailed' || row.errorCode === 'ManagerNotProvisioned'))
  let status: Exclude<SyncRunStatus, 'running'>
  if (isCancelled) status = 'cancelled'
  else if (counts.pending + counts.sent > 0) status = 'failed'
  else if (hasProblems) status = counts.succeeded > 0 ? 'partial' : 'failed'
  else status = 'succeeded'
  return status
}

/** The target resource an operation writes: one user (by Entra id, else target id) or one group (by name). */
function resourceKey(operation: PlanOperation): string {
  if (operation.resourceType === 'Group') return `group:${(operation.references?.groupName ?? operation.displayName).toLowerCase()}`
  return `user:${operation.entraId ?? operation.targetId ?? operation.id}`
}
