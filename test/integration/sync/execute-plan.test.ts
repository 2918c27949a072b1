import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PlanOperation } from '../../../src-main/domain/planner/sync-plan'
import { executePlan, resumeRun, type SyncProgress } from '../../../src-main/services/sync/execute-plan'
import { SyncJournal, loadSyncLinks } from '../../../src-main/services/sync/sync-journal'
import type { ScimCompatibility } from '../../../src-main/services/sync/scim-client'
import {
  ENTERPRISE_SCHEMA,
  GROUP_SCHEMA,
  createUserOperation,
  operation,
  startSyncFixture,
  type ListShape,
  type ScimUserShape,
  type SyncFixture,
} from './sync-fixture'

let fixture: SyncFixture

beforeEach(async () => {
  fixture = await startSyncFixture()
})

afterEach(async () => {
  await fixture.close()
})

async function targetUser(userName: string): Promise<ScimUserShape | undefined> {
  const list = await fixture.read<ListShape<ScimUserShape>>(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)
  return list.Resources?.[0]
}

async function groupMembers(displayName: string): Promise<string[]> {
  const list = await fixture.read<ListShape<{ id: string }>>(`/Groups?filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`)
  const id = list.Resources?.[0]?.id
  if (!id) return []
  const group = await fixture.read<{ members?: { value: string }[] }>(`/Groups/${id}`)
  return (group.members ?? []).map((member) => member.value).sort()
}

function push(operations: readonly PlanOperation[], compatibility: ScimCompatibility = 'strict', onProgress?: (progress: SyncProgress) => void) {
  return executePlan({
    database: fixture.database,
    client: fixture.client({ compatibility }),
    plan: { operations },
    startedBy: 'test',
    rulesFingerprint: 'rules-1',
    ...(onProgress ? { onProgress } : {}),
  })
}

/** Creates, manager reference, a new group with members; then update, disable, membership removal; then reactivate and delete. */
async function lifecycle(compatibility: ScimCompatibility): Promise<void> {
  const ada = createUserOperation('entra-ada', 'ada@contoso.test', { title: 'Engineer' })
  const bob = createUserOperation('entra-bob', 'bob@contoso.test', { title: 'Lead' })
  const manager = operation('setManager', { entraId: 'entra-ada', userName: 'ada@contoso.test', references: { managerEntraId: 'entra-bob' } })
  const group = operation('createGroup', { displayName: 'Sales', resource: { schemas: [GROUP_SCHEMA], displayName: 'Sales' } })
  const members = operation('addMembers', { displayName: 'Sales', references: { groupName: 'Sales', memberEntraIds: ['entra-ada', 'entra-bob'] } })
  const progress: SyncProgress[] = []
  const first = await push([ada, bob, manager, group, members], compatibility, (item) => progress.push(item))
  expect(first.status).toBe('succeeded')
  expect(first.counts).toMatchObject({ total: 5, succeeded: 5, failed: 0, pending: 0, sent: 0 })
  expect(progress.at(-1)).toMatchObject({ done: 5, total: 5, etaSeconds: 0 })

  const adaInTarget = await targetUser('ada@contoso.test')
  const bobInTarget = await targetUser('bob@contoso.test')
  expect(adaInTarget?.[ENTERPRISE_SCHEMA]?.manager?.value).toBe(bobInTarget?.id)
  expect(await groupMembers('Sales')).toEqual([adaInTarget?.id, bobInTarget?.id].sort())
  expect(loadSyncLinks(fixture.database)).toEqual([
    { entraId: 'entra-ada', targetId: adaInTarget?.id, disabledAt: null },
    { entraId: 'entra-bob', targetId: bobInTarget?.id, disabledAt: null },
  ])

  const second = await push([
    operation('update', { entraId: 'entra-ada', targetId: adaInTarget!.id, patch: [{ op: 'replace', path: 'title', value: 'Principal' }] }),
    operation('disable', { entraId: 'entra-bob', targetId: bobInTarget!.id, patch: [{ op: 'replace', path: 'active', value: false }] }),
    operation('removeMembers', { displayName: 'Sales', references: { groupName: 'Sales', memberEntraIds: ['entra-bob'] } }),
  ], compatibility)
  expect(second.status).toBe('succeeded')
  expect((await targetUser('ada@contoso.test'))?.title).toBe('Principal')
  expect((await targetUser('bob@contoso.test'))?.active).toBe(false)
  expect(await groupMembers('Sales')).toEqual([adaInTarget?.id])
  expect(loadSyncLinks(fixture.database).find((link) => link.entraId === 'entra-bob')?.disabledAt).not.toBeNull()

  const third = await push([
    operation('reactivate', { entraId: 'entra-bob', targetId: bobInTarget!.id, patch: [{ op: 'replace', path: 'active', value: true }] }),
    operation('delete', { entraId: 'entra-ada', targetId: adaInTarget!.id }),
  ], compatibility)
  expect(third.status).toBe('succeeded')
  expect((await targetUser('bob@contoso.test'))?.active).toBe(true)
  expect(await targetUser('ada@contoso.test')).toBeUndefined()
  expect(loadSyncLinks(fixture.database)).toEqual([{ entraId: 'entra-bob', targetId: bobInTarget?.id, disabledAt: null }])
}

describe('executePlan against the demo target', () => {
  it('creates, links, sets the manager, creates a group with members, updates, disables, reactivates and deletes (strict RFC 7644)', async () => {
    await lifecycle('strict')
  })

  it('does the same in Entra compatibility mode (Add/Replace/Remove, "True"/"False"), which the target accepts', async () => {
    await lifecycle('entra')
    const patches = fixture.requestLog.entries.filter((entry) => entry.method === 'PATCH')
    expect(patches.length).toBeGreaterThan(0)
    expect(patches.every((entry) => entry.status >= 200 && entry.status < 300)).toBe(true)
  })

  it('journals every operation with its request summary, duration and outcome', async () => {
    const run = await push([createUserOperation('entra-1', 'one@contoso.test', { password: 'hunter2' })])
    const [row] = new SyncJournal(fixture.database).operations(run.id)
    expect(row).toMatchObject({ status: 'succeeded', attempts: 1, action: 'create', entraId: 'entra-1' })
    expect(row?.requestSummary).toContain('POST /Users')
    expect(row?.requestSummary).not.toContain('hunter2')
    expect(row?.requestSummary).not.toContain('sync-test-token')
    expect(row?.durationMs).toBeGreaterThanOrEqual(0)
    expect(new SyncJournal(fixture.database).run(run.id)).toMatchObject({ startedBy: 'test', rulesFingerprint: 'rules-1', status: 'succeeded' })
  })

  it('turns a 409 on create into a lookup, a link and a PATCH with the create\'s values', async () => {
    const seeded = await push([createUserOperation('entra-old', 'carol@contoso.test', { title: 'Old title' })])
    expect(seeded.status).toBe('succeeded')
    const existing = await targetUser('carol@contoso.test')
    const run = await push([createUserOperation('entra-carol', 'CAROL@contoso.test', { title: 'New title' })])
    expect(run.status).toBe('succeeded')
    const [row] = new SyncJournal(fixture.database).operations(run.id)
    expect(row?.note).toMatch(/409 EntryConflict/)
    expect(row?.targetId).toBe(existing?.id)
    expect((await targetUser('carol@contoso.test'))?.title).toBe('New title')
    expect(loadSyncLinks(fixture.database).find((link) => link.entraId === 'entra-carol')?.targetId).toBe(existing?.id)
    expect(fixture.requestLog.countStatus(409)).toBe(1)
  })

  it('honours Retry-After on injected 429s and retries injected 503s; the run completes', async () => {
    fixture.faults.failNext(2, { kind: 'status', status: 429, retryAfterSeconds: 1 })
    fixture.faults.failNext(2, { kind: 'status', status: 503 })
    const client = fixture.client()
    const started = performance.now()
    const run = await executePlan({
      database: fixture.database,
      client,
      plan: { operations: [createUserOperation('entra-a', 'a@contoso.test'), createUserOperation('entra-b', 'b@contoso.test')] },
      startedBy: 'test',
      rulesFingerprint: 'r',
    })
    expect(run.status).toBe('succeeded')
    expect(performance.now() - started).toBeGreaterThanOrEqual(950)
    expect(fixture.requestLog.countStatus(429)).toBe(2)
    expect(fixture.requestLog.countStatus(503)).toBe(2)
    expect(client.counters).toMatchObject({ throttled: 2, retries: 4 })
    expect(fixture.requestLog.countCreates('a@contoso.test') + fixture.requestLog.countCreates('b@contoso.test')).toBe(6)
  })

  it('retries a request that never answers after the per-request timeout', async () => {
    fixture.faults.failNext(1, { kind: 'hang' })
    const run = await executePlan({
      database: fixture.database,
      client: fixture.client({ timeoutMs: 300 }),
      plan: { operations: [createUserOperation('entra-h', 'h@contoso.test')] },
      startedBy: 'test',
      rulesFingerprint: 'r',
    })
    expect(run.status).toBe('succeeded')
    expect(await targetUser('h@contoso.test')).toBeDefined()
  })

  it('ends partial, never succeeded, when an operation fails, and skips what depended on it', async () => {
    const good = createUserOperation('entra-g', 'g@contoso.test')
    const bad = operation('update', { entraId: 'entra-g', userName: 'g@contoso.test', patch: [{ op: 'replace', path: 'noSuchAttribute', value: 'x' }], dependsOn: [good.id] })
    const after = operation('disable', { id: 'disable-after-bad', entraId: 'entra-g', patch: [{ op: 'replace', path: 'active', value: false }], dependsOn: [bad.id] })
    const run = await push([good, bad, after])
    expect(run.status).toBe('partial')
    const rows = new SyncJournal(fixture.database).operations(run.id)
    expect(rows.map((row) => [row.status, row.errorCode])).toEqual([
      ['succeeded', null],
      ['failed', 'SchemaAttributeNotFound'],
      ['skipped', 'DependencyFailed'],
    ])
    expect(rows[1]?.appErrorCode).toBe('RemoteError')
    expect((await targetUser('g@contoso.test'))?.active).toBe(true)
  })

  it('records the plan\'s own skips as skipped without failing the run; a manager not in the target is a skipped reference', async () => {
    const skip = { ...operation('skip', { entraId: 'entra-s', userName: 's@contoso.test' }), skipCode: 'OutOfScope' as const }
    const create = createUserOperation('entra-m', 'm@contoso.test')
    const clean = await push([skip, create])
    expect(clean.status).toBe('succeeded')
    expect(new SyncJournal(fixture.database).operations(clean.id).map((row) => [row.status, row.errorCode])).toEqual([['skipped', 'OutOfScope'], ['succeeded', null]])

    const orphan = await push([operation('setManager', { entraId: 'entra-m', references: { managerEntraId: 'entra-nobody' } })])
    expect(orphan.status).toBe('failed')
    expect(new SyncJournal(fixture.database).operations(orphan.id)[0]).toMatchObject({ status: 'skipped', errorCode: 'ManagerNotProvisioned' })
    expect(fixture.requestLog.entries.filter((entry) => entry.method === 'PATCH')).toHaveLength(0)
  })

  it('refuses a plan blocked by the deletion threshold', async () => {
    await expect(executePlan({
      database: fixture.database,
      client: fixture.client(),
      plan: { operations: [], safety: { deletes: 600, disables: 0, targetUsers: 1000, threshold: { count: 500, percent: 20 }, isBlocked: true, confirmNumber: 600 } },
      startedBy: 'test',
      rulesFingerprint: 'r',
    })).rejects.toMatchObject({ code: 'ThresholdExceeded' })
  })

  it('stops sending on cancel, leaves the rest pending, and resumes to completion', async () => {
    const operations = Array.from({ length: 30 }, (_, index) => createUserOperation(`entra-${index}`, `user${index}@contoso.test`))
    const controller = new AbortController()
    const client = fixture.client({ requestsPerSecond: 40, concurrency: 2 })
    const run = await executePlan({
      database: fixture.database,
      client,
      plan: { operations },
      startedBy: 'test',
      rulesFingerprint: 'r',
      onProgress: (progress) => {
        if (progress.done === 5) controller.abort()
      },
    }, controller.signal)
    expect(run.status).toBe('cancelled')
    expect(run.counts.pending).toBeGreaterThan(0)
    const resumed = await resumeRun(fixture.database, fixture.client(), run.id)
    expect(resumed.status).toBe('succeeded')
    expect(resumed.counts).toMatchObject({ succeeded: 30, pending: 0, sent: 0 })
    const list = await fixture.read<ListShape<ScimUserShape>>('/Users?count=100')
    expect(list.totalResults).toBe(30)
    for (let index = 0; index < 30; index += 1) expect(fixture.requestLog.countCreates(`user${index}@contoso.test`)).toBe(1)
  })
})
