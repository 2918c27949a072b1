import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import type { PullProgress } from '../../../../src-main/common/profiles'
import { pullDirectory } from '../../../../src-main/services/pull/pull-directory'
import { DirectoryStore } from '../../../../src-main/services/store/directory-store'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { groupMember, makeGroup, makeUser, managedBy, temporaryDataDir, userMember } from '../store/directory-fixtures'
import { InMemoryGraphReader, type InMemoryDirectory } from './in-memory-graph-reader'

const boss = makeUser({ id: 'u-boss', displayName: 'Ingrid Dahl' })
const users = [
  boss,
  ...Array.from({ length: 8 }, (_, index) =>
    makeUser({ id: `u-${index}`, displayName: index === 0 ? 'Zoë Berg' : `Person ${index}`, manager: managedBy(boss) }),
  ),
]
const groups = Array.from({ length: 10 }, (_, index) => makeGroup(`g-${index}`, `Group ${index}`))
const directory: InMemoryDirectory = {
  users,
  groups,
  members: {
    'g-0': [groupMember('g-1'), userMember('u-boss')],
    'g-1': [userMember('u-0'), userMember('u-1'), userMember('u-2')],
    ...Object.fromEntries(groups.slice(2).map((group, index) => [group.id, [userMember(`u-${index}`)]])),
  },
}

let dataDir: ReturnType<typeof temporaryDataDir>
let database: ProfileDatabase

beforeEach(() => {
  dataDir = temporaryDataDir()
  database = openProfileDatabase(dataDir.path, 'test')
})
afterEach(() => {
  database.close()
  dataDir.remove()
})

function pull(reader: InMemoryGraphReader, extra: { onProgress?: (progress: PullProgress) => void; runId?: string } = {}, signal?: AbortSignal) {
  return pullDirectory({ profileId: 'test', reader, database, progressIntervalMs: 0, ...extra }, signal)
}

describe('pullDirectory', () => {
  it('pulls users, groups and members into the cache and reports what it holds', async () => {
    const finished = await pull(new InMemoryGraphReader(directory), { runId: 'run-1' })
    expect(finished).toMatchObject({ profileId: 'test', runId: 'run-1', outcome: 'succeeded', users: 9, groups: 10, memberships: 13 })
    expect(finished.error).toBeUndefined()
    const store = new DirectoryStore(database)
    expect(store.summary()).toMatchObject({ userCount: 9, groupCount: 10, membershipCount: 13 })
    expect(store.getUser('u-0')!.groups.map((group) => [group.displayName, group.kind, group.path])).toEqual([
      ['Group 1', 'direct', ['Group 1']],
      ['Group 2', 'direct', ['Group 2']],
      ['Group 0', 'transitive', ['Group 1', 'Group 0']],
    ])
  })

  it('reports progress that never goes backwards and ends at the totals', async () => {
    const events: PullProgress[] = []
    await pull(new InMemoryGraphReader(directory), { onProgress: (progress) => events.push(progress) })
    const phases = ['starting', 'users', 'groups', 'memberships', 'finishing']
    for (const [previous, next] of events.slice(0, -1).map((event, index) => [event, events[index + 1]!] as const)) {
      expect(next.users).toBeGreaterThanOrEqual(previous.users)
      expect(next.groups).toBeGreaterThanOrEqual(previous.groups)
      expect(next.pages).toBeGreaterThanOrEqual(previous.pages)
      expect(phases.indexOf(next.phase)).toBeGreaterThanOrEqual(phases.indexOf(previous.phase))
    }
    expect(events.map((event) => event.phase)).toEqual(expect.arrayContaining(phases))
    expect(events.at(-1)).toMatchObject({ phase: 'finishing', users: 9, groups: 10, totalUsers: 9, etaSeconds: 0 })
  })

  it('throttles progress to the interval, apart from phase changes and the end', async () => {
    const events: PullProgress[] = []
    const now = 0
    await pullDirectory({
      profileId: 'test',
      reader: new InMemoryGraphReader(directory),
      database,
      onProgress: (progress) => events.push(progress),
      progressIntervalMs: 100,
      now: () => now, // the clock never moves: only forced reports get through
    })
    const phases = events.map((event) => event.phase)
    expect(phases.slice(0, 2)).toEqual(['starting', 'users'])
    expect(phases.slice(-2)).toEqual(['finishing', 'finishing'])
    // Apart from the final figures, every report is a phase change.
    phases.slice(0, -1).forEach((phase, index) => index > 0 && expect(phase).not.toBe(phases[index - 1]))
  })

  it('keeps at most the configured number of member reads in flight', async () => {
    const reader = new InMemoryGraphReader(directory)
    await pullDirectory({ profileId: 'test', reader, database, memberConcurrency: 3 })
    expect(reader.maximumMembersInFlight).toBe(3)
  })

  it('ends as cancelled when the signal aborts mid-pull, leaving the previous directory queryable', async () => {
    await pull(new InMemoryGraphReader(directory), { runId: 'run-1' })
    const controller = new AbortController()
    const reader = new InMemoryGraphReader({ ...directory, users: users.slice(0, 4) })
    reader.beforePage = (resource, pageIndex) => {
      if (resource === 'users' && pageIndex === 1) controller.abort()
    }
    const finished = await pull(reader, { runId: 'run-2' }, controller.signal)
    expect(finished).toMatchObject({ outcome: 'cancelled', runId: 'run-2' })
    expect(finished.error).toBeUndefined()

    const reopened = openProfileDatabase(dataDir.path, 'test')
    try {
      const store = new DirectoryStore(reopened)
      expect(store.summary().userCount).toBe(9)
      expect(store.queryUsers({ search: 'zoe', offset: 0, limit: 10 }).rows.map((row) => row.displayName)).toEqual(['Zoë Berg'])
      expect(reopened.connection.prepare("SELECT outcome FROM pull_runs WHERE id = 'run-2'").get()).toEqual({ outcome: 'cancelled' })
    } finally {
      reopened.close()
    }
  })

  it('ends as failed with the remote AppError, stops the other reads and keeps the previous directory', async () => {
    await pull(new InMemoryGraphReader(directory), { runId: 'run-1' })
    const reader = new InMemoryGraphReader(directory)
    reader.beforePage = (resource) => {
      if (resource === 'groups') {
        throw new AppError({ code: 'Forbidden', message: 'No GroupMember.Read.All', requestId: 'request-42', status: 403 })
      }
    }
    const finished = await pull(reader, { runId: 'run-2' })
    expect(finished).toMatchObject({
      outcome: 'failed',
      error: { code: 'Forbidden', requestId: 'request-42', status: 403 },
    })
    const run = database.connection.prepare("SELECT outcome, error_json FROM pull_runs WHERE id = 'run-2'").get() as {
      outcome: string
      error_json: string
    }
    expect(run.outcome).toBe('failed')
    expect(JSON.parse(run.error_json)).toMatchObject({ code: 'Forbidden', requestId: 'request-42' })
    expect(new DirectoryStore(database).summary().groupCount).toBe(10)
  })

  it('rejects on a programming error, after recording the run as failed', async () => {
    const reader = new InMemoryGraphReader(directory)
    reader.beforePage = () => {
      throw new TypeError('a bug')
    }
    await expect(pull(reader, { runId: 'run-bug' })).rejects.toThrow('a bug')
    expect(database.connection.prepare("SELECT outcome FROM pull_runs WHERE id = 'run-bug'").get()).toEqual({ outcome: 'failed' })
  })
})
