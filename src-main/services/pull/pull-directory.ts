/**
 * The first pull: Graph → cache. Reads every user (with manager), every group and every group's
 * direct members, writes each page into the profile cache as it arrives (one transaction per page,
 * so 100,000 users are never held in memory), then materialises nested memberships and records
 * the run. Users are read on one stream while groups and their members are read beside it (the
 * two do not depend on each other until the merge), which hides most of the membership reads
 * behind the longer users read.
 *
 * A full pull replaces the cached directory only when it completes (pages are staged, then merged
 * in one transaction). Cancelled or failed, it leaves the previous complete directory; the run row
 * says how it ended.
 * Delta pulls and resuming from the page checkpoint are built on the same `pull_state` rows later.
 */
import { randomUUID } from 'node:crypto'
import { AppError, toAppErrorData, type AppErrorData } from '../../common/errors'
import type { PullFinished, PullProgress } from '../../common/profiles'
import type { GraphReader } from '../graph/graph-reader'
import type { GraphMemberRef } from '../graph/graph-types'
import { DirectoryWriter } from '../store/directory-writer'
import type { ProfileDatabase } from '../store/profile-database'
import { forEachConcurrently } from './for-each-concurrently'
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
  /** Group member reads in flight at once. Default 4. */
  readonly memberConcurrency?: number
  /** Monotonic milliseconds, for durations and rates. */
  readonly now?: () => number
}

/**
 * Runs a full pull. Resolves with how it ended — `succeeded`, `cancelled` (the signal aborted) or
 * `failed` with the AppError (remote failures keep Graph's request-id; cache failures are
 * `StoreError`). Rejects only for programming errors, after recording the run as failed.
 */
export async function pullDirectory(options: PullDirectoryOptions, signal?: AbortSignal): Promise<PullFinished> {
  const runId = options.runId ?? randomUUID()
  const writer = new DirectoryWriter(options.database)
  const progress = new PullProgressReporter({
    profileId: options.profileId,
    runId,
    ...(options.onProgress === undefined ? {} : { listener: options.onProgress }),
    ...(options.progressIntervalMs === undefined ? {} : { intervalMs: options.progressIntervalMs }),
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  const finished = (outcome: PullFinished['outcome'], error?: AppErrorData): PullFinished => ({
    profileId: options.profileId,
    runId,
    outcome,
    users: progress.users,
    groups: progress.groups,
    memberships: progress.memberships,
    durationMs: Math.round(progress.elapsedMs()),
    ...(error === undefined ? {} : { error }),
  })

  writer.startRun(runId)
  progress.enterPhase('starting')
  // One failing stream stops the other; the first error is the one reported.
  const streams = new AbortController()
  const stopStreams = () => streams.abort(signal?.reason)
  signal?.addEventListener('abort', stopStreams, { once: true })
  let firstFailure: { error: unknown } | undefined
  const failFast = async (work: () => Promise<void>) => {
    try {
      await work()
    } catch (error) {
      firstFailure ??= { error }
      streams.abort()
    }
  }
  // The phase shown is the users read until it ends, then whatever the groups stream is doing.
  let isUsersDone = false
  let groupsStage: 'groups' | 'memberships' | 'done' = 'groups'
  const showPhase = () => progress.setPhase(!isUsersDone ? 'users' : groupsStage === 'groups' ? 'groups' : 'memberships')
  try {
    showPhase()
    await Promise.all([
      failFast(async () => {
        await pullUsers(options.reader, writer, runId, progress, streams.signal)
        isUsersDone = true
        showPhase()
      }),
      failFast(async () => {
        const groupIds = await pullGroups(options.reader, writer, runId, progress, streams.signal)
        groupsStage = 'memberships'
        showPhase()
        await pullMemberships(options.reader, writer, runId, groupIds, options.memberConcurrency ?? 4, progress, streams.signal)
        groupsStage = 'done'
      }),
    ])
    if (firstFailure !== undefined) throw firstFailure.error
    signal?.throwIfAborted()
    progress.enterPhase('finishing')
    const cached = writer.completeFullPull(runId)
    // The final figures are what the cache holds (duplicates across pages merged away).
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
    signal?.removeEventListener('abort', stopStreams)
  }
}

async function pullUsers(
  reader: GraphReader,
  writer: DirectoryWriter,
  runId: string,
  progress: PullProgressReporter,
  signal: AbortSignal | undefined,
): Promise<void> {
  for await (const page of reader.readUsers(signal)) {
    signal?.throwIfAborted()
    writer.writeUsers(runId, page.items, { resource: 'users', nextLink: page.nextLink })
    progress.pages += 1
    progress.users += page.items.length
    if (page.totalCount !== null) progress.totalUsers = page.totalCount
    progress.report()
  }
}

async function pullGroups(
  reader: GraphReader,
  writer: DirectoryWriter,
  runId: string,
  progress: PullProgressReporter,
  signal: AbortSignal | undefined,
): Promise<string[]> {
  const groupIds: string[] = []
  for await (const page of reader.readGroups(signal)) {
    signal?.throwIfAborted()
    writer.writeGroups(runId, page.items, { resource: 'groups', nextLink: page.nextLink })
    for (const group of page.items) groupIds.push(group.id)
    progress.pages += 1
    progress.groups += page.items.length
    progress.report()
  }
  return groupIds
}

async function pullMemberships(
  reader: GraphReader,
  writer: DirectoryWriter,
  runId: string,
  groupIds: readonly string[],
  concurrency: number,
  progress: PullProgressReporter,
  signal: AbortSignal | undefined,
): Promise<void> {
  await forEachConcurrently(
    groupIds,
    concurrency,
    async (groupId) => {
      // A group's members are staged whole, after all its pages are read.
      const members: GraphMemberRef[] = []
      for await (const page of reader.readGroupMembers(groupId, signal)) {
        for (const member of page.items) members.push(member)
        progress.pages += 1
      }
      signal?.throwIfAborted()
      writer.writeGroupMembers(runId, groupId, members)
      progress.memberships += members.length
      progress.groupsWithMembersRead += 1
      progress.report()
    },
    signal,
  )
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
