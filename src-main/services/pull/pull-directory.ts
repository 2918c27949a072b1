/**
 * A pull: Graph → cache, as delta rounds over users (with `manager`) and groups (with `members`)
 * (https://learn.microsoft.com/graph/delta-query-overview).
 *
 * - The first pull (or `full: true`, or after Graph lost the delta token) is a full round: every
 *   page is staged with the link that follows it, in one transaction, and the staged directory
 *   replaces the cached one when both rounds reach their deltaLinks. Cancelled or failed, the
 *   previous directory stays.
 * - Later pulls read only the changes since the stored deltaLinks and apply them page by page.
 * - Either kind, interrupted at any point (kill -9, network loss, cancel), continues on the next
 *   pull after its last committed page. A refused checkpoint restarts that resource's round; an
 *   expired or reset delta token (`syncStateNotFound`, 410 Gone) turns the pull into a full one.
 *   The run's notes say which of these happened.
 *
 * Users and groups are read side by side: they do not depend on each other until the end.
 */
import { randomUUID } from 'node:crypto'
import { AppError, toAppErrorData, type AppErrorData } from '../../common/errors'
import type { PullFinished, PullProgress } from '../../common/profiles'
import { isSyncStateLost, userDeltaSelect } from '../graph/graph-client-reader'
import type { GraphReader } from '../graph/graph-reader'
import { readAppAssignments, replaceAppAssignments } from '../store/app-assignments-store'
import { DeltaWriter } from '../store/delta-writer'
import { DirectoryWriter } from '../store/directory-writer'
import type { ProfileDatabase } from '../store/profile-database'
import type { DeltaResource, RoundKind } from '../store/pull-state-store'
import { describeUnreadableAssignments, fetchAppAssignments, type AppAssignmentsFetch, type AppAssignmentsRequest } from './fetch-app-assignments'
import { planPull } from './plan-pull'
import { PullProgressReporter } from './pull-progress-reporter'

export interface PullDirectoryOptions {
  readonly profileId: string
  readonly reader: GraphReader
  readonly database: ProfileDatabase
  /** Defaults to a random UUID. */
  readonly runId?: string
  /** Called about ten times a second, at every phase change and once at the end. */
  readonly onProgress?: (progress: PullProgress) => void
  readonly progressIntervalMs?: number
  /** Monotonic milliseconds, for durations and rates. */
  readonly now?: () => number
  /** Read everything even when a delta link is stored (an unfinished full round still resumes). */
  readonly full?: boolean
  /**
   * User properties to select (the rules decide later); `id` and `userPrincipalName` are always
   * added. Default: every property of `GraphUser` (USER_SELECT). A different list than the stored
   * links were made with makes the next pull a full one.
   */
  readonly userAttributes?: readonly string[]
  /**
   * The profile's enterprise app, to read who is assigned to it (scope "assigned users and groups
   * only"). Read beside the rounds; stored only when the rounds succeed, so a failed pull keeps the
   * previous set. Absent: assignments are left as they are.
   */
  readonly assignments?: AppAssignmentsRequest
  /** Wall-clock time for the assignments' `readAt`. Default `new Date()`. */
  readonly clock?: () => Date
}

/**
 * Runs a pull. Resolves with how it ended — `succeeded`, `cancelled` (the signal aborted) or
 * `failed` with the AppError (remote failures keep Graph's request-id; cache failures are
 * `StoreError`) — and whether it read everything (`mode: 'full'`) or changes (`'delta'`).
 * Rejects only for programming errors, after recording the run as failed.
 */
export async function pullDirectory(options: PullDirectoryOptions, signal?: AbortSignal): Promise<PullFinished> {
  const runId = options.runId ?? randomUUID()
  const writer = new DirectoryWriter(options.database)
  const deltaWriter = new DeltaWriter(options.database)
  const progress = new PullProgressReporter({
    profileId: options.profileId,
    runId,
    ...(options.onProgress === undefined ? {} : { listener: options.onProgress }),
    ...(options.progressIntervalMs === undefined ? {} : { intervalMs: options.progressIntervalMs }),
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  const select = userDeltaSelect(options.userAttributes)
  const plan = planPull(writer.state.read('users'), writer.state.read('groups'), select, options.full === true)
  let mode: RoundKind = plan.mode
  const finished = (outcome: PullFinished['outcome'], error?: AppErrorData): PullFinished => ({
    profileId: options.profileId,
    runId,
    outcome,
    users: progress.users,
    groups: progress.groups,
    memberships: progress.memberships,
    durationMs: Math.round(progress.elapsedMs()),
    mode,
    ...(error === undefined ? {} : { error }),
  })

  writer.startRun(runId, mode, { isResuming: true })
  for (const note of plan.notes) writer.runs.addNote(runId, note)
  progress.enterPhase('starting')
  // A few small GETs, off the rounds' critical path; stopped when the pull ends early.
  const assignmentReading = new AbortController()
  const stopAssignments = () => assignmentReading.abort(signal?.reason)
  signal?.addEventListener('abort', stopAssignments, { once: true })
  const assignments: Promise<AppAssignmentsFetch> | null =
    options.assignments === undefined ? null : fetchAppAssignments(options.assignments, assignmentReading.signal)
  try {
    if (!plan.isResuming) {
      if (mode === 'full') writer.beginFullRound(runId, select)
      else deltaWriter.beginDeltaRound(runId, select)
    } else if (mode === 'full') {
      const staged = writer.stagedCounts()
      progress.users = staged.users
      progress.groups = staged.groups
      progress.memberships = staged.memberships
    }
    const round = { writer, deltaWriter, runId, select, progress, reader: options.reader }
    if (mode === 'delta') {
      try {
        await readRound('delta', round, signal)
      } catch (error) {
        if (!isSyncStateLost(error) || signal?.aborted === true) throw error
        // delta-query-overview: an expired token or a 410 reset means reading everything again.
        writer.runs.addNote(runId, {
          code: 'resync',
          message: `Microsoft Graph no longer knew the point the last pull stopped at (its delta link expired or was reset${error instanceof AppError && error.status !== undefined ? `, HTTP ${error.status}` : ''}), so Headcount read the whole directory again.`,
        })
        mode = 'full'
        writer.runs.setMode(runId, 'full')
        writer.beginFullRound(runId, select)
        progress.users = 0
        progress.groups = 0
        progress.memberships = 0
      }
    }
    if (mode === 'full') await readRound('full', round, signal)
    signal?.throwIfAborted()
    if (assignments !== null && options.assignments !== undefined) {
      storeAssignments(await assignments, options.assignments.enterpriseAppId, options, runId, writer)
      signal?.throwIfAborted()
    }
    progress.enterPhase('finishing')
    const cached = mode === 'full' ? await writer.completeFullPullInBackground(runId) : deltaWriter.completeDeltaPull(runId, { isResumed: plan.isResuming })
    // The final figures are what the cache holds.
    progress.users = cached.users
    progress.groups = cached.groups
    progress.memberships = cached.memberships
    progress.report(true)
    return finished('succeeded')
  } catch (error) {
    const counts = { users: progress.users, groups: progress.groups, memberships: progress.memberships }
    if (signal?.aborted === true) {
      writer.finishRun(runId, 'cancelled', counts)
      return finished('cancelled')
    }
    const failure = expectedFailure(error)
    writer.finishRun(runId, 'failed', counts, failure ?? toAppErrorData(error))
    if (failure === null) throw error
    return finished('failed', failure)
  } finally {
    signal?.removeEventListener('abort', stopAssignments)
    assignmentReading.abort()
    // Not awaited when the rounds failed first: it must not surface as an unhandled rejection.
    assignments?.catch(() => undefined)
  }
}

/**
 * After successful rounds: the assignments replace the cached set in their own transaction, or —
 * unreadable — a note says why and the cached set stays.
 */
function storeAssignments(read: AppAssignmentsFetch, appId: string, options: PullDirectoryOptions, runId: string, writer: DirectoryWriter): void {
  if (read.kind === 'read') {
    const readAt = (options.clock ?? (() => new Date()))().toISOString()
    replaceAppAssignments(options.database, read.assignments, { appId, servicePrincipalId: read.servicePrincipalId, readAt, runId })
    return
  }
  if (read.error.code === 'Cancelled') return
  const previous = readAppAssignments(options.database)
  const previousReadAt = previous.appId === appId ? previous.readAt : null
  writer.runs.addNote(runId, { code: 'assignmentsUnreadable', message: describeUnreadableAssignments(read.error, previousReadAt) })
}

interface RoundContext {
  readonly reader: GraphReader
  readonly writer: DirectoryWriter
  readonly deltaWriter: DeltaWriter
  readonly runId: string
  readonly select: readonly string[]
  readonly progress: PullProgressReporter
}

/**
 * Reads users and groups side by side to their deltaLinks. One failing stream stops the other;
 * the first error is the one thrown. Returns whether memberships may have changed (delta).
 */
async function readRound(kind: RoundKind, context: RoundContext, signal: AbortSignal | undefined): Promise<boolean> {
  const streams = new AbortController()
  const stopStreams = () => streams.abort(signal?.reason)
  if (signal?.aborted === true) stopStreams()
  signal?.addEventListener('abort', stopStreams, { once: true })
  let firstFailure: { error: unknown } | undefined
  let isMembershipAffected = false
  let isUsersDone = false
  const showPhase = () => context.progress.setPhase(isUsersDone ? 'groups' : 'users')
  const failFast = async (work: () => Promise<boolean>) => {
    try {
      if (await work()) isMembershipAffected = true
    } catch (error) {
      firstFailure ??= { error }
      streams.abort()
    }
  }
  try {
    showPhase()
    if (kind === 'full' && context.progress.totalUsers === null) {
      // Delta pages carry no count; `/users/$count` gives the estimate its total, off the critical path.
      context.reader.countUsers(streams.signal).then(
        (count) => (context.progress.totalUsers = count),
        () => undefined,
      )
    }
    await Promise.all([
      failFast(async () => {
        const affected = await readResource('users', kind, context, streams.signal)
        isUsersDone = true
        showPhase()
        return affected
      }),
      failFast(() => readResource('groups', kind, context, streams.signal)),
    ])
    if (firstFailure !== undefined) throw firstFailure.error
    return isMembershipAffected
  } finally {
    signal?.removeEventListener('abort', stopStreams)
  }
}

/**
 * One resource's round, from its checkpoint when it has one. A checkpoint Graph refuses before
 * any page was read restarts the round for this resource (and is noted).
 */
async function readResource(resource: DeltaResource, kind: RoundKind, context: RoundContext, signal: AbortSignal): Promise<boolean> {
  const row = context.writer.state.read(resource)
  if (row?.pendingDeltaLink !== null && row?.pendingDeltaLink !== undefined) return false
  const start = kind === 'delta' ? (row?.deltaLink ?? null) : null
  const checkpoint = row?.nextLink ?? null
  if (checkpoint === null) return readPages(resource, kind, start, context, signal)
  let pagesRead = 0
  try {
    return await readPages(resource, kind, checkpoint, context, signal, () => (pagesRead += 1))
  } catch (error) {
    if (pagesRead > 0 || !isSyncStateLost(error) || signal.aborted) throw error
    context.writer.runs.addNote(context.runId, {
      code: 'checkpointRejected',
      resource,
      message: `Microsoft Graph no longer accepted the saved position in the ${resource}, so that part started again from its beginning.`,
    })
    if (kind === 'full') {
      context.writer.restartStaging(resource)
      if (resource === 'users') context.progress.users = 0
      else {
        context.progress.groups = 0
        context.progress.memberships = 0
      }
    } else context.writer.state.restartResource(resource)
    return readPages(resource, kind, start, context, signal)
  }
}

async function readPages(
  resource: DeltaResource,
  kind: RoundKind,
  from: string | null,
  context: RoundContext,
  signal: AbortSignal,
  onPage: () => void = () => undefined,
): Promise<boolean> {
  const { progress, runId } = context
  let isMembershipAffected = false
  const seenGroups = new Set<string>()
  const pages =
    resource === 'users' ? context.reader.readUserDelta(from, context.select, signal) : context.reader.readGroupDelta(from, signal)
  for await (const page of pages) {
    signal.throwIfAborted()
    onPage()
    const checkpoint = { resource, nextLink: page.nextLink, deltaLink: page.deltaLink }
    if (resource === 'users') {
      const items = page.items as Parameters<DeltaWriter['applyUserPage']>[1]
      if (kind === 'full') progress.users += context.writer.stageUserDeltaPage(runId, items, checkpoint)
      else {
        const applied = context.deltaWriter.applyUserPage(runId, items, checkpoint)
        progress.users += applied.objects
        if (applied.isMembershipAffected) isMembershipAffected = true
      }
    } else {
      const items = page.items as Parameters<DeltaWriter['applyGroupPage']>[1]
      // A large group is split over pages: count it once.
      for (const item of items) {
        if (!seenGroups.has(item.id)) {
          seenGroups.add(item.id)
          progress.groups += 1
        }
        progress.memberships += item['members@delta']?.length ?? 0
      }
      if (kind === 'full') context.writer.stageGroupDeltaPage(runId, items, checkpoint)
      else if (context.deltaWriter.applyGroupPage(runId, items, checkpoint).isMembershipAffected) isMembershipAffected = true
    }
    progress.pages += 1
    progress.report()
  }
  return isMembershipAffected
}

/** AppErrors as they are; SQLite failures as `StoreError`; anything else is a bug (null). */
function expectedFailure(error: unknown): AppErrorData | null {
  if (error instanceof AppError) return toAppErrorData(error)
  if (error instanceof Error && error.name === 'SqliteError') {
    return {
      code: 'StoreError',
      message: `The pull could not be written to the profile cache: ${error.message}`,
      hint: 'Check free disk space and that no other program holds the cache file, then pull again.',
    }
  }
  return null
}
