/**
 * The Sync area's rules, with the planner and the executor behind fakes of its gateway (the real
 * ones are exercised in test/integration/sync-api): preview-only by default, the deletion threshold,
 * push = exactly the previewed plan minus what was left out, re-plan on change, one push at a time,
 * interrupted runs resumed rather than repeated, and the exports.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, PLAN_ACTIONS, type PlanAction, type PlanOperation, type RunOperationRow, type RunSummary, type SyncPlan } from '../../../src-main/common'
import { createSyncArea, type ExecuteRequest, type SyncArea, type SyncGateway } from '../../../src-main/api/sync-area'
import { createTargetArea, type TargetGateway } from '../../../src-main/api/target-area'
import type { ProfileRecord } from '../../../src-main/services/profiles/profile-registry'
import { MemorySecretStore } from '../../../src-main/services/secrets/memory-secret-store'
import { SyncSettingsStore } from '../../../src-main/services/sync-settings/sync-settings-store'
import { defaultProfileRules } from '../../../src-main/services/rules/default-profile-rules'
import type { RunHolder } from '../../../src-main/services/sync/run-lock'

function operation(action: PlanAction, user: string, changes: PlanOperation['changes'] = []): PlanOperation {
  return {
    id: `${action}:${user}:`,
    action,
    resourceType: 'User',
    entraId: `entra-${user}`,
    targetId: action === 'create' ? null : `target-${user}`,
    userName: `${user}@contoso.example`,
    displayName: user,
    reason: { code: 'Test', text: `because, "${user}"` },
    changes,
    dependsOn: [],
    trace: [{ step: 'import', status: 'success', detail: `Read ${user}` }],
  }
}

function planOf(operations: readonly PlanOperation[], safety: Partial<SyncPlan['safety']> = {}): SyncPlan {
  const counts = Object.fromEntries(PLAN_ACTIONS.map((action) => [action, operations.filter((op) => op.action === action).length])) as SyncPlan['counts']
  const disables = counts.disable
  const deletes = counts.delete
  return {
    operations,
    counts,
    safety: { deletes, disables, targetUsers: 10, threshold: { count: 500, percent: 20 }, isBlocked: false, confirmNumber: deletes + disables, ...safety },
    unmatchedTargetUsers: [],
  }
}

class FakeGateway implements SyncGateway {
  plans: SyncPlan[] = []
  executed: ExecuteRequest[] = []
  resumed: string[] = []
  journal: RunSummary[] = []
  rows: RunOperationRow[] = []
  release: (() => void) | null = null
  holdRuns = false
  /** The run "another process" is executing, as the journal's lock says. */
  holder: RunHolder | null = null

  loadDirectory: SyncGateway['loadDirectory'] = () => Promise.resolve({ users: [], scopeContext: { assignedGroupIds: new Set<string>() }, lastPullRunId: 'pull-1', pulledAt: '2026-11-23T10:00:00.000Z' })
  loadRules = () => Promise.resolve({ rules: defaultProfileRules('tenant'), fingerprint: 'abc123' })
  loadTarget = () => ({ users: [], groups: [] })
  loadLinks = () => []
  plan = (): SyncPlan => this.plans[0] ?? planOf([])

  private run(runId: string, total: number): RunSummary {
    return {
      runId, kind: 'push', status: 'succeeded', startedAt: '2026-11-23T10:00:00.000Z', finishedAt: '2026-11-23T10:00:01.000Z', startedBy: 'test', rulesFingerprint: 'abc123',
      counts: { total, succeeded: total, failed: 0, skipped: 0, pending: 0 }, durationMs: 1000,
    }
  }

  async execute(request: ExecuteRequest): Promise<RunSummary> {
    this.executed.push(request)
    if (this.holdRuns) await new Promise<void>((resolve) => (this.release = resolve))
    request.onProgress({ done: request.operations.length, failed: 0, skipped: 0, total: request.operations.length, perSecond: 10, etaSeconds: 0, throttled: 0 })
    const run = this.run(request.runId, request.operations.length)
    this.journal.unshift(run)
    return run
  }

  async resume(request: { readonly runId: string }): Promise<RunSummary> {
    this.resumed.push(request.runId)
    this.journal = this.journal.filter((run) => run.runId !== request.runId)
    const run = this.run(request.runId, 1)
    this.journal.unshift(run)
    return run
  }

  runHolder = () => this.holder
  runs = (_profileId: string, filter: { readonly status?: string; readonly limit: number }) => this.journal.filter((run) => !filter.status || run.status === filter.status).slice(0, filter.limit)
  runOperations = (_profileId: string, _runId: string, query: { readonly failedOnly: boolean; readonly offset: number; readonly limit: number }) => {
    const rows = this.rows.filter((row) => !query.failedOnly || row.status === 'failed')
    return { total: rows.length, offset: query.offset, rows: rows.slice(query.offset, query.offset + query.limit) }
  }
}

const targetGateway: TargetGateway = {
  test: () => Promise.reject(new Error('not used')),
  readSnapshot: (_profileId, _connection, onProgress) => {
    onProgress({ phase: 'users', read: 0, total: 0 })
    return Promise.resolve({ takenAt: '2026-11-23T10:00:00.000Z', users: 0, groups: 0 })
  },
  snapshotInfo: () => ({ takenAt: '2026-11-23T10:00:00.000Z', users: 0, groups: 0 }),
}

let folder: string
let gateway: FakeGateway
let settings: SyncSettingsStore
let secrets: MemorySecretStore
let area: SyncArea

const profile: ProfileRecord = { id: 'p1', name: 'Contoso', kind: 'tenant', tenantName: null, createdAt: '2026-11-23T09:00:00.000Z' }
const profiles = { list: () => [profile], get: (id: string) => (id === 'p1' ? profile : null), save: () => undefined }

function build(isPushExplicit = false): SyncArea {
  const target = createTargetArea({ profiles, settings, secrets, gateway: targetGateway })
  let ids = 0
  return createSyncArea({ profiles, settings, target, gateway, isPushExplicit, startedBy: 'test', now: () => new Date('2026-11-23T10:00:00.000Z'), newId: () => `id-${++ids}`, random: () => 0.5 })
}

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'headcount-sync-area-'))
  settings = new SyncSettingsStore(folder)
  secrets = new MemorySecretStore()
  gateway = new FakeGateway()
  area = build()
  await createTargetArea({ profiles, settings, secrets, gateway: targetGateway }).configure({
    profileId: 'p1',
    settings: { scimUrl: 'https://app.example/scim/v2', token: 'secret-token', ratePerSecond: 25, concurrency: 4, compatibility: 'strict', isSoftDeleteSupported: true, hardDeleteAfterDays: 30 },
  })
})
afterEach(async () => {
  await area.dispose()
  rmSync(folder, { recursive: true, force: true })
})

async function enablePush(options: { count?: number; percent?: number } = {}): Promise<void> {
  await area.configure({ profileId: 'p1', settings: { mode: 'full', isPushEnabled: true, deletionThreshold: { count: options.count ?? 500, percent: options.percent ?? 20 } } })
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

const alice = operation('create', 'alice')
const bob = operation('update', 'bob', [{ path: 'title', before: 'Senior', after: 'Lead' }])
const carol = operation('disable', 'carol')
const dave = operation('skip', 'dave')

describe('sync settings', () => {
  it('start preview-only: full mode, pushing off, 500 users or 20 % before deletions are blocked', async () => {
    expect(await area.settings({ profileId: 'p1' })).toEqual({ mode: 'full', isPushEnabled: false, deletionThreshold: { count: 500, percent: 20 } })
  })

  it('are saved per profile and read back by a new area', async () => {
    await enablePush({ count: 3, percent: 5 })
    expect(await build().settings({ profileId: 'p1' })).toEqual({ mode: 'full', isPushEnabled: true, deletionThreshold: { count: 3, percent: 5 } })
  })
})

describe('plan and review', () => {
  beforeEach(() => {
    gateway.plans = [planOf([alice, bob, carol, dave])]
  })

  it('summarises the plan with its inputs', async () => {
    const summary = await area.plan({ profileId: 'p1' })
    expect(summary).toMatchObject({
      profileId: 'p1',
      rulesFingerprint: 'abc123',
      mode: 'full',
      totalOperations: 4,
      excludedOperations: 0,
      isPushEnabled: false,
      snapshotTakenAt: '2026-11-23T10:00:00.000Z',
      directoryPulledAt: '2026-11-23T10:00:00.000Z',
    })
    expect(summary.counts).toMatchObject({ create: 1, update: 1, disable: 1, skip: 1 })
  })

  it('filters by action, searches names and ids, and pages', async () => {
    const { planId } = await area.plan({ profileId: 'p1' })
    expect((await area.queryPlan({ profileId: 'p1', planId, actions: ['update', 'disable'], offset: 0, limit: 10 })).rows.map((row) => row.displayName)).toEqual(['bob', 'carol'])
    expect((await area.queryPlan({ profileId: 'p1', planId, search: 'TARGET-CAROL', offset: 0, limit: 10 })).rows.map((row) => row.displayName)).toEqual(['carol'])
    const page = await area.queryPlan({ profileId: 'p1', planId, offset: 1, limit: 2 })
    expect(page).toMatchObject({ total: 4, offset: 1 })
    expect(page.rows.map((row) => row.displayName)).toEqual(['bob', 'carol'])
  })

  it('leaves operations out and back in, and refuses ids the plan does not have', async () => {
    const { planId } = await area.plan({ profileId: 'p1' })
    expect((await area.setExcluded({ profileId: 'p1', planId, operationIds: [bob.id, carol.id], isExcluded: true })).excludedOperations).toBe(2)
    expect((await area.setExcluded({ profileId: 'p1', planId, operationIds: [bob.id], isExcluded: false })).excludedOperations).toBe(1)
    const rows = (await area.queryPlan({ profileId: 'p1', planId, offset: 0, limit: 10 })).rows
    expect(rows.filter((row) => row.isExcluded).map((row) => row.id)).toEqual([carol.id])
    expect((await rejection(area.setExcluded({ profileId: 'p1', planId, operationIds: ['nope'], isExcluded: true }))).code).toBe('InvalidArgument')
  })

  it('exports the plan as CSV (RFC 4180) and as JSON', async () => {
    const { planId } = await area.plan({ profileId: 'p1' })
    const csv = await area.exportPlan({ profileId: 'p1', planId, format: 'csv' })
    expect(csv.fileName).toMatch(/^plan-p1-.*\.csv$/)
    const lines = csv.text.split('\r\n')
    expect(lines[0]).toBe('action,entraId,targetId,userName,displayName,reason code,reason,changes')
    expect(lines[2]).toBe('update,entra-bob,target-bob,bob@contoso.example,bob,Test,"because, ""bob""",title: Senior → Lead')
    const json = JSON.parse((await area.exportPlan({ profileId: 'p1', planId, format: 'json' })).text) as { operations: unknown[]; summary: { planId: string } }
    expect(json.summary.planId).toBe(planId)
    expect(json.operations).toHaveLength(4)
  })

  it('answers PlanOutdated for a plan that is no longer the current one', async () => {
    const first = await area.plan({ profileId: 'p1' })
    await area.plan({ profileId: 'p1' })
    expect((await rejection(area.queryPlan({ profileId: 'p1', planId: first.planId, offset: 0, limit: 10 }))).code).toBe('PlanOutdated')
  })
})

describe('push', () => {
  beforeEach(() => {
    gateway.plans = [planOf([alice, bob, carol, dave])]
  })

  it('is refused while the profile is preview-only, naming the switch', async () => {
    const { planId } = await area.plan({ profileId: 'p1' })
    const error = await rejection(area.push({ profileId: 'p1', planId }))
    expect(error.code).toBe('Forbidden')
    expect(error.message).toContain('Allow pushing')
    expect(gateway.executed).toHaveLength(0)
  })

  it('is allowed from the command line, an explicit admin action', async () => {
    const cli = build(true)
    const { planId } = await cli.plan({ profileId: 'p1' })
    expect((await cli.push({ profileId: 'p1', planId })).kind).toBe('started')
    await cli.settled('p1')
  })

  it('sends exactly the previewed operations minus those left out and the skips, and reports progress and the end', async () => {
    await enablePush()
    const { planId } = await area.plan({ profileId: 'p1' })
    await area.setExcluded({ profileId: 'p1', planId, operationIds: [carol.id], isExcluded: true })
    const progress: number[] = []
    const finished: string[] = []
    area.onDidProgress((event) => progress.push(event.done))
    area.onDidFinish((event) => finished.push(`${event.profileId}:${event.run.status}`))
    const started = await area.push({ profileId: 'p1', planId })
    expect(started.kind).toBe('started')
    await area.settled('p1')
    expect(gateway.executed[0]?.operations.map((op) => op.id)).toEqual([alice.id, bob.id])
    expect(gateway.executed[0]).toMatchObject({ kind: 'push', rulesFingerprint: 'abc123', connection: { token: 'secret-token' } })
    expect(progress).toEqual([2])
    expect(finished).toEqual(['p1:succeeded'])
    expect(await area.status({ profileId: 'p1' })).toMatchObject({ runId: started.kind === 'started' ? started.runId : '', status: 'succeeded' })
  })

  it('over the threshold, needs the exact number of deletes and disables', async () => {
    await enablePush({ count: 0, percent: 0 })
    gateway.plans = [planOf([alice, carol], { isBlocked: true, confirmNumber: 1 })]
    const { planId } = await area.plan({ profileId: 'p1' })
    for (const confirmNumber of [undefined, 0, 2]) {
      const error = await rejection(area.push({ profileId: 'p1', planId, ...(confirmNumber === undefined ? {} : { confirmNumber }) }))
      expect(error.code).toBe('ThresholdExceeded')
      expect(error.message).toContain('disables 1 of 10')
      expect(error.hint).toContain('type 1')
    }
    expect((await area.push({ profileId: 'p1', planId, confirmNumber: 1 })).kind).toBe('started')
    await area.settled('p1')
  })

  it('re-plans when anything changed since the preview, and pushes nothing until the new plan is pushed', async () => {
    await enablePush()
    const { planId } = await area.plan({ profileId: 'p1' })
    const bobNow = operation('update', 'bob', [{ path: 'title', before: 'Senior', after: 'Principal' }])
    const erin = operation('create', 'erin')
    gateway.plans = [planOf([alice, bobNow, erin, dave])]
    const answer = await area.push({ profileId: 'p1', planId })
    expect(answer.kind).toBe('replanned')
    if (answer.kind !== 'replanned') return
    expect(answer.changes).toMatchObject({ added: 1, removed: 1, changed: 1 })
    expect(answer.changes.lines).toEqual([
      "Changed: update bob@contoso.example: title now 'Principal' (was 'Senior')",
      'New: create erin@contoso.example',
      'No longer planned: disable carol@contoso.example',
    ])
    expect(gateway.executed).toHaveLength(0)
    expect((await rejection(area.push({ profileId: 'p1', planId }))).code).toBe('PlanOutdated')
    expect((await area.push({ profileId: 'p1', planId: answer.summary.planId })).kind).toBe('started')
    await area.settled('p1')
    expect(gateway.executed[0]?.operations.map((op) => op.id)).toEqual([alice.id, bobNow.id, erin.id])
  })

  it('runs one push per profile at a time, and cancel aborts it', async () => {
    await enablePush()
    gateway.holdRuns = true
    const { planId } = await area.plan({ profileId: 'p1' })
    await area.push({ profileId: 'p1', planId })
    expect((await rejection(area.push({ profileId: 'p1', planId }))).code).toBe('Busy')
    await area.cancel({ profileId: 'p1' })
    gateway.release?.()
    await area.settled('p1')
  })

  it('finishes an interrupted run from its journal before anything new, never repeating it', async () => {
    await enablePush()
    gateway.journal = [{ ...(await gatewayRun('run-0')), status: 'running', finishedAt: null }]
    expect(await area.status({ profileId: 'p1' })).toMatchObject({ runId: 'run-0', status: 'running' })
    const { planId } = await area.plan({ profileId: 'p1' })
    expect(await area.push({ profileId: 'p1', planId })).toEqual({ kind: 'started', runId: 'run-0' })
    await area.settled('p1')
    expect(gateway.resumed).toEqual(['run-0'])
    expect(gateway.executed).toHaveLength(0)
    expect(await area.status({ profileId: 'p1' })).toMatchObject({ runId: 'run-0', status: 'succeeded' })
  })
})

describe('push while another process pushes the profile', () => {
  const startedAt = new Date('2026-11-23T14:02:00.000Z')
  const clock = `${String(startedAt.getHours()).padStart(2, '0')}:${String(startedAt.getMinutes()).padStart(2, '0')}`

  beforeEach(async () => {
    gateway.plans = [planOf([alice, bob])]
    await enablePush()
  })

  it('is refused with Busy, saying who pushes since when and what to do', async () => {
    gateway.holder = { runId: 'run-x', owner: 'cli:12345:ab12@laptop', startedAt: startedAt.toISOString(), startedBy: 'scheduled task', heartbeatAt: startedAt.toISOString() }
    const { planId } = await area.plan({ profileId: 'p1' })
    const error = await rejection(area.push({ profileId: 'p1', planId }))
    expect(error.code).toBe('Busy')
    expect(error.message).toBe(
      `Another Headcount window or a scheduled \`headcount push\` is pushing this profile right now (started ${clock} by scheduled task in the command line, process 12345).`,
    )
    expect(error.hint).toBe('Wait for it to finish, or cancel it there.')
    expect(gateway.executed).toHaveLength(0)
  })

  it('never resumes the running run the other process holds; once it is free, resumes it', async () => {
    gateway.journal = [{ ...(await gatewayRun('run-0')), status: 'running', finishedAt: null }]
    gateway.holder = { runId: 'run-0', owner: 'app:777:cd34@laptop', startedAt: startedAt.toISOString(), startedBy: 'ada', heartbeatAt: startedAt.toISOString() }
    const { planId } = await area.plan({ profileId: 'p1' })
    const error = await rejection(area.push({ profileId: 'p1', planId }))
    expect(error.code).toBe('Busy')
    expect(error.message).toContain('by ada in the desktop app, process 777')
    expect(gateway.resumed).toEqual([])
    expect(gateway.executed).toHaveLength(0)

    // Its owner died and the heartbeat went stale: the journal no longer names a holder.
    gateway.holder = null
    expect(await area.push({ profileId: 'p1', planId })).toEqual({ kind: 'started', runId: 'run-0' })
    await area.settled('p1')
    expect(gateway.resumed).toEqual(['run-0'])
  })
})

async function gatewayRun(runId: string): Promise<RunSummary> {
  return gateway.resume({ runId }).then((run) => {
    gateway.resumed = []
    return run
  })
}

describe('provision on demand', () => {
  it('shows one user\'s steps and operations, and applies only those', async () => {
    gateway.loadDirectory = () =>
      Promise.resolve({ users: [{ id: 'entra-alice', properties: {}, managerId: null, isSoftDeleted: false, directGroupIds: new Set<string>(), groupIds: new Set<string>() }], scopeContext: { assignedGroupIds: new Set<string>() }, lastPullRunId: 'pull-1', pulledAt: null })
    const membership: PlanOperation = { ...operation('addMembers', 'group'), entraId: null, resourceType: 'Group', references: { memberEntraIds: ['entra-alice', 'entra-bob'] } }
    gateway.plans = [planOf([alice, bob, membership])]
    const preview = await area.provisionUser({ profileId: 'p1', userId: 'entra-alice', apply: false })
    expect(preview.steps).toEqual(alice.trace)
    expect(preview.operations.map((op) => [op.action, op.status, op.references?.memberEntraIds ?? null])).toEqual([
      ['create', 'previewed', null],
      ['addMembers', 'previewed', ['entra-alice']],
    ])
    expect(preview.runId).toBeNull()
    expect((await rejection(area.provisionUser({ profileId: 'p1', userId: 'entra-alice', apply: true }))).code).toBe('Forbidden')
    await enablePush()
    const applied = await area.provisionUser({ profileId: 'p1', userId: 'entra-alice', apply: true })
    expect(gateway.executed[0]).toMatchObject({ kind: 'provision' })
    expect(gateway.executed[0]?.operations.map((op) => op.id)).toEqual([alice.id, membership.id])
    expect(applied.runId).toBe(gateway.executed[0]?.runId)
  })

  it('narrows a membership change to the one user: its reference, its PATCH value and its change line', async () => {
    gateway.loadDirectory = () =>
      Promise.resolve({ users: [{ id: 'entra-bob', properties: {}, managerId: null, isSoftDeleted: false, directGroupIds: new Set<string>(), groupIds: new Set<string>() }], scopeContext: { assignedGroupIds: new Set<string>() }, lastPullRunId: 'pull-1', pulledAt: null })
    const membership: PlanOperation = {
      ...operation('addMembers', 'group'),
      entraId: null,
      resourceType: 'Group',
      changes: [{ path: 'members', before: null, after: ['bob@contoso.example', 'zed@contoso.example'] }],
      patch: [{ op: 'add', path: 'members', value: [{ value: 'target-bob' }, { value: 'target-zed' }] }],
      references: { memberEntraIds: ['entra-bob', 'entra-zed'], groupName: 'All users' },
      dependsOn: ['create:entra-zed:'],
    }
    gateway.plans = [planOf([bob, membership])]
    const preview = await area.provisionUser({ profileId: 'p1', userId: 'entra-bob', apply: false })
    expect(preview.operations[1]).toMatchObject({
      action: 'addMembers',
      patch: [{ op: 'add', path: 'members', value: [{ value: 'target-bob' }] }],
      references: { memberEntraIds: ['entra-bob'], groupName: 'All users' },
      changes: [{ path: 'members', before: null, after: ['bob@contoso.example'] }],
      dependsOn: [],
    })
  })

  it("shows the steps in Entra's order even when the manager reference comes first in the plan", async () => {
    gateway.loadDirectory = () =>
      Promise.resolve({ users: [{ id: 'entra-carol', properties: {}, managerId: null, isSoftDeleted: false, directGroupIds: new Set<string>(), groupIds: new Set<string>() }], scopeContext: { assignedGroupIds: new Set<string>() }, lastPullRunId: 'pull-1', pulledAt: null })
    const manager: PlanOperation = { ...operation('setManager', 'carol'), trace: [{ step: 'reference', status: 'success', detail: 'Set manager' }] }
    const create: PlanOperation = {
      ...operation('create', 'carol'),
      trace: [
        { step: 'import', status: 'success', detail: 'Read carol' },
        { step: 'scope', status: 'success', detail: 'In scope' },
        { step: 'match', status: 'success', detail: 'No match' },
        { step: 'action', status: 'success', detail: 'Create' },
      ],
    }
    gateway.plans = [planOf([manager, create])]
    const preview = await area.provisionUser({ profileId: 'p1', userId: 'entra-carol', apply: false })
    expect(preview.steps.map((step) => step.step)).toEqual(['import', 'scope', 'match', 'action', 'reference'])
  })

  it('answers NotFound for a user who is not in the cache', async () => {
    expect((await rejection(area.provisionUser({ profileId: 'p1', userId: 'nobody', apply: false }))).code).toBe('NotFound')
  })
})

describe('runs', () => {
  it('export every operation as CSV with RFC 4180 quoting and no secret in the request summaries', async () => {
    gateway.rows = [
      {
        seq: 0, operationId: 'create:a:', action: 'create', entraId: 'a', targetId: 't-a', userName: 'a@contoso.example', status: 'failed',
        errorCode: 'EntryConflict', errorMessage: 'userName "a" is taken,\nsee the log', attempts: 2, durationMs: 12, finishedAt: '2026-11-23T10:00:00.000Z',
        requestSummary: 'POST /Users {"userName":"a","password":"hunter2"} Authorization: Bearer abc.def',
      },
    ]
    const { fileName, text } = await area.exportRun({ profileId: 'p1', runId: 'run-1' })
    expect(fileName).toBe('run-p1-run-1.csv')
    expect(text).toBe(
      'seq,operationId,action,entraId,targetId,userName,status,errorCode,errorMessage,request,attempts,durationMs,finishedAt\r\n' +
        '0,create:a:,create,a,t-a,a@contoso.example,failed,EntryConflict,"userName ""a"" is taken,\nsee the log",' +
        '"POST /Users {""userName"":""a"",""password"":""[redacted]""} Authorization: Bearer [redacted]",2,12,2026-11-23T10:00:00.000Z\r\n',
    )
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('abc.def')
  })

  it('list and page through what the journal holds', async () => {
    gateway.journal = [await gatewayRun('run-1')]
    expect((await area.runs({ profileId: 'p1' })).map((run) => run.runId)).toEqual(['run-1'])
    expect(await area.runs({ profileId: 'p1', status: 'failed' })).toEqual([])
    expect(await area.runOperations({ profileId: 'p1', runId: 'run-1', offset: 0, limit: 10, failedOnly: true })).toEqual({ total: 0, offset: 0, rows: [] })
  })
})
