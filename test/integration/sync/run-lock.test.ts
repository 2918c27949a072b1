/**
 * One push per profile across processes: two SQLite connections to the same profile cache (WAL)
 * stand for two processes — the desktop app and a `headcount push` — each with its own owner id.
 * A run a live owner executes is never started again or resumed elsewhere; a dead owner's run is.
 */
import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/common/errors'
import { openProfileDatabase, type ProfileDatabase } from '../../../src-main/services/store/profile-database'
import { executePlan, resumeRun } from '../../../src-main/services/sync/execute-plan'
import { SyncJournal } from '../../../src-main/services/sync/sync-journal'
import { createUserOperation, startSyncFixture, type ListShape, type ScimUserShape, type SyncFixture } from './sync-fixture'

let fixture: SyncFixture
/** The second "process": its own connection to the same cache file. */
let other: ProfileDatabase

// An owner on another machine: its process cannot be looked up, only its heartbeat tells.
const APP = `app:${process.pid}:aaaa@elsewhere`
const CLI = `cli:${process.pid}:bbbb@${hostname()}`

beforeEach(async () => {
  fixture = await startSyncFixture()
  other = openProfileDatabase(fixture.folder, 'profile')
})

afterEach(async () => {
  other.close()
  await fixture.close()
})

const creates = (count: number, prefix = 'user') => Array.from({ length: count }, (_, index) => createUserOperation(`entra-${prefix}-${index}`, `${prefix}${index}@contoso.test`))

function newRun(journal: SyncJournal, id: string, owner: string, staleAfterMs = 30_000) {
  return journal.createRun({ id, kind: 'push', startedBy: 'ada', rulesFingerprint: 'r', planFingerprint: 'p', operations: creates(2, id), claim: { owner, staleAfterMs } })
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught)
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

describe('the journal’s run claims', () => {
  it('refuse a second run while another live owner holds one, naming who holds it', () => {
    const app = new SyncJournal(fixture.database)
    const cli = new SyncJournal(other)
    expect(newRun(app, 'run-app', APP)).toBeNull()
    const holder = newRun(cli, 'run-cli', CLI)
    expect(holder).toMatchObject({ runId: 'run-app', owner: APP, startedBy: 'ada' })
    // Nothing of the refused run was written.
    expect(cli.run('run-cli')).toBeNull()
    expect(cli.operations('run-cli')).toHaveLength(0)
    expect(cli.claimRun('run-app', { owner: CLI, staleAfterMs: 30_000 })).toMatchObject({ runId: 'run-app' })
    expect(app.run('run-app')).toMatchObject({ status: 'running', owner: APP })
  })

  it('let the owner take back its own run, and anyone take a run whose owner finished it', () => {
    const app = new SyncJournal(fixture.database)
    const cli = new SyncJournal(other)
    newRun(app, 'run-app', APP)
    expect(app.claimRun('run-app', { owner: APP, staleAfterMs: 30_000 })).toBeNull()
    app.finishRun('run-app', 'cancelled', APP)
    expect(app.run('run-app')).toMatchObject({ status: 'cancelled', owner: null })
    expect(cli.claimRun('run-app', { owner: CLI, staleAfterMs: 30_000 })).toBeNull()
    expect(cli.run('run-app')).toMatchObject({ status: 'running', owner: CLI, finishedAt: null })
    expect(app.claimRun('run-app', { owner: APP, staleAfterMs: 30_000 })).not.toBeNull()
  })

  it('hand a run over once its owner’s heartbeat is older than the stale limit, and the old owner learns it lost it', () => {
    let clock = new Date('2026-11-23T14:02:00.000Z')
    const now = () => clock
    const app = new SyncJournal(fixture.database, now)
    const cli = new SyncJournal(other, now)
    newRun(app, 'run-app', APP)
    clock = new Date('2026-11-23T14:02:29.000Z')
    expect(cli.claimRun('run-app', { owner: CLI, staleAfterMs: 30_000 })).not.toBeNull()
    expect(app.heartbeat('run-app', APP)).toBe(true)
    clock = new Date('2026-11-23T14:02:59.500Z')
    // 30.5 s since the last heartbeat: the owner counts as dead.
    expect(cli.claimRun('run-app', { owner: CLI, staleAfterMs: 30_000 })).toBeNull()
    expect(app.heartbeat('run-app', APP)).toBe(false)
    // The old owner cannot end the new owner's run.
    app.finishRun('run-app', 'failed', APP)
    expect(cli.run('run-app')).toMatchObject({ status: 'running', owner: CLI })
  })

  it('take a run at once when its owner ran on this machine and its process is gone', () => {
    const app = new SyncJournal(fixture.database)
    const cli = new SyncJournal(other)
    // Process id 2^22 + 1 is above Linux's pid_max: no such process.
    newRun(app, 'run-dead', `app:4194305:cccc@${hostname()}`)
    expect(cli.claimRun('run-dead', { owner: CLI, staleAfterMs: 30_000 })).toBeNull()
  })
})

describe('executePlan and resumeRun across two processes', () => {
  it('refuse with Busy while the other process pushes, keep its heartbeat fresh, and let go at the end', async () => {
    const slow = executePlan({
      database: fixture.database,
      client: fixture.client({ requestsPerSecond: 20, concurrency: 2 }),
      plan: { operations: creates(20) },
      runId: 'run-app',
      startedBy: 'ada',
      rulesFingerprint: 'r',
      lock: { owner: APP, heartbeatEveryMs: 50, staleAfterMs: 1_000 },
    })
    const journal = new SyncJournal(other)
    const firstBeat = journal.run('run-app')?.heartbeatAt
    await sleep(200)

    const busy = await rejection(executePlan({ database: other, client: fixture.client(), plan: { operations: creates(2, 'late') }, startedBy: 'bob', rulesFingerprint: 'r', lock: { owner: CLI, staleAfterMs: 1_000 } }))
    expect(busy.code).toBe('Busy')
    expect(busy.message).toMatch(/^Another Headcount window or a scheduled `headcount push` is pushing this profile right now \(started \d\d:\d\d by ada in the desktop app, process \d+\)\.$/)
    expect(busy.hint).toBe('Wait for it to finish, or cancel it there.')
    expect((await rejection(resumeRun(other, fixture.client(), 'run-app', { lock: { owner: CLI, staleAfterMs: 1_000 } }))).code).toBe('Busy')
    expect(journal.runs()).toHaveLength(1)
    expect(journal.run('run-app')?.heartbeatAt).not.toBe(firstBeat)

    const run = await slow
    expect(run).toMatchObject({ status: 'succeeded', owner: null })
    for (let index = 0; index < 20; index += 1) expect(fixture.requestLog.countCreates(`user${index}@contoso.test`)).toBe(1)
    // Free again: the other process pushes now.
    const late = await executePlan({ database: other, client: fixture.client(), plan: { operations: creates(2, 'late') }, startedBy: 'bob', rulesFingerprint: 'r', lock: { owner: CLI } })
    expect(late.status).toBe('succeeded')
  })

  it('stop sending once the run was taken over (the owner stalled past the stale limit); the new owner finishes it, each create once', async () => {
    const stalled = executePlan({
      database: fixture.database,
      client: fixture.client({ requestsPerSecond: 20, concurrency: 2 }),
      plan: { operations: creates(20) },
      runId: 'run-app',
      startedBy: 'ada',
      rulesFingerprint: 'r',
      lock: { owner: APP, heartbeatEveryMs: 100, staleAfterMs: 1_000 },
    })
    await sleep(250)
    // The take-over a process makes after a stall: a stale limit the last heartbeat has passed.
    const cli = new SyncJournal(other)
    expect(cli.claimRun('run-app', { owner: CLI, staleAfterMs: 0 })).toBeNull()
    const sentBefore = cli.operations('run-app').filter((row) => row.status !== 'pending').length
    const lost = await rejection(stalled)
    expect(lost.code).toBe('Busy')
    expect(lost.message).toContain('by ada in the command line')
    // What the old owner had in flight ended; it sent nothing new after losing the run.
    expect(cli.operations('run-app').filter((row) => row.status !== 'pending').length).toBe(sentBefore)
    expect(cli.run('run-app')).toMatchObject({ status: 'running', owner: CLI })
    const run = await resumeRun(other, fixture.client(), 'run-app', { lock: { owner: CLI, staleAfterMs: 1_000 } })
    expect(run).toMatchObject({ status: 'succeeded', owner: null })
    expect(run.counts).toMatchObject({ total: 20, succeeded: 20, pending: 0, sent: 0 })
    const users = await fixture.read<ListShape<ScimUserShape>>('/Users?count=100')
    expect(users.totalResults).toBe(20)
    for (let index = 0; index < 20; index += 1) expect(fixture.requestLog.countCreates(`user${index}@contoso.test`)).toBe(1)
  })

  it('resume a run whose owner stopped beating (killed) once the stale limit has passed', async () => {
    // The owner created the run and died before sending anything: no heartbeat since.
    const dead = new SyncJournal(fixture.database)
    expect(dead.createRun({ id: 'run-dead', kind: 'push', startedBy: 'ada', rulesFingerprint: 'r', planFingerprint: 'p', operations: creates(3), claim: { owner: APP, staleAfterMs: 1_000 } })).toBeNull()
    const lock = { owner: CLI, staleAfterMs: 600 }
    expect((await rejection(resumeRun(other, fixture.client(), 'run-dead', { lock }))).code).toBe('Busy')
    await sleep(700)
    const run = await resumeRun(other, fixture.client(), 'run-dead', { lock })
    expect(run).toMatchObject({ status: 'succeeded', owner: null })
    expect(run.counts).toMatchObject({ total: 3, succeeded: 3 })
  })
})
