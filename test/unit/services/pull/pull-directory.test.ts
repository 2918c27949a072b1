import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import type { PullProgress } from '../../../../src-main/common/profiles'
import { pullDirectory } from '../../../../src-main/services/pull/pull-directory'
import { DirectoryStore } from '../../../../src-main/services/store/directory-store'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { PullRunLog } from '../../../../src-main/services/store/pull-run-log'
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

type PullExtras = { onProgress?: (progress: PullProgress) => void; runId?: string; full?: boolean; userAttributes?: readonly string[] }

function pull(reader: InMemoryGraphReader, extra: PullExtras = {}, signal?: AbortSignal) {
  return pullDirectory({ profileId: 'test', reader, database, progressIntervalMs: 0, ...extra }, signal)
}

function run(runId: string) {
  return new PullRunLog(database).read(runId)
}

function userIds(): string[] {
  return (database.connection.prepare('SELECT id FROM users ORDER BY id').all() as { id: string }[]).map((row) => row.id)
}

describe('pullDirectory, first pull', () => {
  it('reads a full delta round into the cache and reports what it holds', async () => {
    const reader = new InMemoryGraphReader(directory)
    const finished = await pull(reader, { runId: 'run-1' })
    expect(finished).toMatchObject({ profileId: 'test', runId: 'run-1', outcome: 'succeeded', mode: 'full', users: 9, groups: 10, memberships: 13 })
    expect(finished.error).toBeUndefined()
    expect(reader.startedFrom).toEqual([null, null])
    const store = new DirectoryStore(database)
    expect(store.summary()).toMatchObject({ userCount: 9, groupCount: 10, membershipCount: 13 })
    expect(store.getUser('u-0')!.groups.map((group) => [group.displayName, group.kind, group.path])).toEqual([
      ['Group 1', 'direct', ['Group 1']],
      ['Group 2', 'direct', ['Group 2']],
      ['Group 0', 'transitive', ['Group 1', 'Group 0']],
    ])
    // Delta pages name the manager by id only; the cache fills in the name.
    expect(store.getUser('u-3')!.row).toMatchObject({ managerId: 'u-boss', managerDisplayName: 'Ingrid Dahl' })
    expect(run('run-1')).toMatchObject({ kind: 'full', outcome: 'succeeded', notes: [] })
  })

  it('selects the attributes it is given, always with the id, the user principal name and the manager', async () => {
    const reader = new InMemoryGraphReader(directory)
    await pull(reader, { userAttributes: ['displayName', 'department'] })
    expect(reader.lastSelect).toEqual(['id', 'userPrincipalName', 'displayName', 'department', 'manager'])
  })

  it('reports progress that never goes backwards and ends at the totals', async () => {
    const events: PullProgress[] = []
    await pull(new InMemoryGraphReader(directory), { onProgress: (progress) => events.push(progress) })
    const phases = ['starting', 'users', 'groups', 'finishing']
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
    phases.slice(0, -1).forEach((phase, index) => index > 0 && expect(phase).not.toBe(phases[index - 1]))
  })
})

describe('pullDirectory, later pulls', () => {
  it('reads only the changes from the stored delta links and applies them', async () => {
    const reader = new InMemoryGraphReader(directory)
    await pull(reader, { runId: 'run-1' })
    reader.changes = {
      users: [
        { id: 'u-1', displayName: 'Person One Renamed', 'manager@delta': [{ id: 'u-boss', '@removed': { reason: 'deleted' } }] },
        { id: 'u-2', '@removed': { reason: 'changed' } },
        { id: 'u-boss', '@removed': { reason: 'deleted' } },
        { ...makeUser({ id: 'u-new', displayName: 'New Starter' }), 'manager@delta': [{ id: 'u-0' }] },
      ],
      groups: [
        { id: 'g-1', 'members@delta': [{ '@odata.type': '#microsoft.graph.user', id: 'u-0', '@removed': { reason: 'deleted' } }] },
        { id: 'g-1', 'members@delta': [{ '@odata.type': '#microsoft.graph.user', id: 'u-new' }] },
        { id: 'g-9', '@removed': { reason: 'deleted' } },
      ],
    }
    const finished = await pull(reader, { runId: 'run-2' })
    expect(finished).toMatchObject({ outcome: 'succeeded', mode: 'delta', users: 9, groups: 9 })
    expect(reader.startedFrom.slice(2).sort()).toEqual(['mem://groups/delta', 'mem://users/delta'])

    const store = new DirectoryStore(database)
    // Merged property-wise: a rename keeps every other property.
    expect(store.getUser('u-1')!.row).toMatchObject({ displayName: 'Person One Renamed', userPrincipalName: 'u-1@contoso.example', managerId: null })
    expect(store.getUser('u-2')!.row.isSoftDeleted).toBe(true)
    expect(store.getUser('u-boss')).toBeNull()
    expect(store.getUser('u-3')!.row).toMatchObject({ managerId: null, managerDisplayName: null })
    expect(store.getUser('u-new')!.row).toMatchObject({ displayName: 'New Starter', managerId: 'u-0', managerDisplayName: 'Zoë Berg' })
    expect(store.getUser('u-new')!.groups.map((group) => [group.groupId, group.kind])).toEqual([
      ['g-1', 'direct'],
      ['g-0', 'transitive'],
    ])
    expect(store.getUser('u-0')!.groups.map((group) => group.groupId)).toEqual(['g-2'])
    expect(database.connection.prepare("SELECT COUNT(*) AS count FROM memberships WHERE member_id = 'u-boss' OR group_id = 'g-9'").get()).toEqual({ count: 0 })
    expect(run('run-2')).toMatchObject({ kind: 'delta', outcome: 'succeeded' })
  })

  it('reads everything again, with a note, when Graph no longer knows the delta link', async () => {
    const reader = new InMemoryGraphReader(directory)
    await pull(reader)
    reader.rejectLink = (link) => link.endsWith('/delta')
    const finished = await pull(reader, { runId: 'run-2' })
    expect(finished).toMatchObject({ outcome: 'succeeded', mode: 'full', users: 9 })
    expect(run('run-2')).toMatchObject({ kind: 'full', notes: [{ code: 'resync' }] })
    reader.rejectLink = () => false
    expect((await pull(reader)).mode).toBe('delta')
  })

  it('reads everything when asked to, or when the attribute list changed', async () => {
    const reader = new InMemoryGraphReader(directory)
    await pull(reader)
    expect((await pull(reader, { full: true })).mode).toBe('full')
    const changed = await pull(reader, { runId: 'run-3', userAttributes: ['displayName'] })
    expect(changed.mode).toBe('full')
    expect(run('run-3')!.notes.map((note) => note.code)).toEqual(['attributesChanged'])
  })
})

describe('pullDirectory, interrupted', () => {
  it('ends as cancelled mid-pull, leaving the previous directory, and the next pull resumes after the last saved page', async () => {
    await pull(new InMemoryGraphReader(directory), { runId: 'run-1', full: true })
    const controller = new AbortController()
    const smaller = { ...directory, users: users.slice(0, 7) }
    const reader = new InMemoryGraphReader(smaller)
    reader.beforePage = (resource, pageIndex) => {
      if (resource === 'users' && pageIndex === 2) controller.abort()
    }
    const finished = await pull(reader, { runId: 'run-2', full: true }, controller.signal)
    expect(finished).toMatchObject({ outcome: 'cancelled', runId: 'run-2', mode: 'full' })
    expect(new DirectoryStore(database).summary().userCount).toBe(9)

    const resumed = new InMemoryGraphReader(smaller)
    const done = await pull(resumed, { runId: 'run-3' })
    expect(done).toMatchObject({ outcome: 'succeeded', mode: 'full', users: 7 })
    // Users continue at page 2 (pages 0 and 1 were saved); groups had finished their round.
    expect(resumed.startedFrom).toContain('mem://users/full?page=2')
    expect(resumed.startedFrom).not.toContain(null)
    expect(userIds()).toEqual(smaller.users.map((user) => user.id).sort())
    expect(run('run-3')!.notes).toEqual([expect.objectContaining({ code: 'resumed' })])
    expect(run('run-3')!.notes[0]!.pages).toBeGreaterThanOrEqual(2)
  })

  it('starts a resource again, with a note, when Graph refuses the saved position', async () => {
    const controller = new AbortController()
    const reader = new InMemoryGraphReader(directory)
    reader.beforePage = (resource, pageIndex) => {
      if (resource === 'users' && pageIndex === 3) controller.abort()
    }
    await pull(reader, {}, controller.signal)
    const resumed = new InMemoryGraphReader(directory)
    resumed.rejectLink = (link) => link.includes('/full?')
    const finished = await pull(resumed, { runId: 'run-2' })
    expect(finished).toMatchObject({ outcome: 'succeeded', users: 9 })
    const notes = run('run-2')!.notes
    expect(notes[0]!.code).toBe('resumed')
    expect(notes).toContainEqual(expect.objectContaining({ code: 'checkpointRejected', resource: 'users' }))
    expect(userIds()).toEqual(users.map((user) => user.id).sort())
  })

  it('ends as failed with the remote AppError and keeps the previous directory', async () => {
    await pull(new InMemoryGraphReader(directory), { runId: 'run-1' })
    const reader = new InMemoryGraphReader(directory)
    reader.beforePage = (resource) => {
      if (resource === 'groups') throw new AppError({ code: 'Forbidden', message: 'No GroupMember.Read.All', requestId: 'request-42', status: 403 })
    }
    const finished = await pull(reader, { runId: 'run-2', full: true })
    expect(finished).toMatchObject({ outcome: 'failed', error: { code: 'Forbidden', requestId: 'request-42', status: 403 } })
    expect(run('run-2')).toMatchObject({ outcome: 'failed', error: { code: 'Forbidden', requestId: 'request-42' } })
    expect(new DirectoryStore(database).summary().groupCount).toBe(10)
  })

  it('closes a run the process never finished when the next one starts', async () => {
    new PullRunLog(database).start('run-killed', 'full')
    await pull(new InMemoryGraphReader(directory), { runId: 'run-2' })
    expect(run('run-killed')).toMatchObject({ outcome: 'failed', notes: [{ code: 'interrupted' }] })
  })

  it('rejects on a programming error, after recording the run as failed', async () => {
    const reader = new InMemoryGraphReader(directory)
    reader.beforePage = () => {
      throw new TypeError('a bug')
    }
    await expect(pull(reader, { runId: 'run-bug' })).rejects.toThrow('a bug')
    expect(run('run-bug')!.outcome).toBe('failed')
  })
})
