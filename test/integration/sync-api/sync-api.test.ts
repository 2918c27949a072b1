/**
 * The `target` and `sync` areas end to end, through the real composition root: the demo emulator
 * as the tenant (a real pull into a real SQLite cache), the planner, and a real SCIM target on
 * 127.0.0.1 started by the test (so the test can change it behind Headcount's back).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composeHeadcountApi } from '../../../src-main/api/compose-api'
import { AppError, type HeadcountApi, type PushFinished } from '../../../src-main/common'
import { generateOrganisation } from '../../../src-main/demo/organisation/generate-organisation'
import { startDemoTarget, type RunningDemoTarget } from '../../../src-main/demo/target/start-demo-target'

const USERS = 150
const TOKEN = 'sync-api-test-token'
let folder: string
let handle: Awaited<ReturnType<typeof composeHeadcountApi>>
let api: HeadcountApi
let target: RunningDemoTarget

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

async function scim<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${target.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return (await response.json()) as T
}

function nextFinish(): Promise<PushFinished> {
  return new Promise((resolve) => {
    const stop = api.sync.onDidFinish((finished) => {
      stop()
      resolve(finished)
    })
  })
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'headcount-sync-api-'))
  handle = await composeHeadcountApi({ dataDir: join(folder, 'data'), host: 'browser', demoUsers: USERS })
  api = handle.api
  await api.profiles.openDemo({})
  const pulled = new Promise((resolve) => api.pull.onDidFinish(resolve))
  await api.pull.start({ profileId: 'demo' })
  await pulled
  // The application's existing users: derived from the same (seeded) organisation as the demo's.
  target = await startDemoTarget({ databaseFile: join(folder, 'target.db'), bearerToken: TOKEN, seedFrom: generateOrganisation({ users: USERS, now: new Date().toISOString() }) })
}, 60_000)
afterAll(async () => {
  await handle?.dispose()
  await target?.close()
  rmSync(folder, { recursive: true, force: true })
})

describe('the demo profile', () => {
  it('comes with the demo target configured, preview-only', async () => {
    const status = await api.target.status({ profileId: 'demo' })
    expect(status).toMatchObject({ isConfigured: true, hasToken: true })
    expect(status.scimUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/)
    expect((await api.target.test({ profileId: 'demo' })).isOk).toBe(true)
    expect((await api.sync.settings({ profileId: 'demo' })).isPushEnabled).toBe(false)
  })

  it('provisions one user on demand within 3 seconds, with the step trace', async () => {
    // A user the plan creates: the whole trace import → scope → match → action.
    const plan = await api.sync.plan({ profileId: 'demo' })
    const creates = await api.sync.queryPlan({ profileId: 'demo', planId: plan.planId, actions: ['create'], offset: 0, limit: 1 })
    const userId = creates.rows[0]?.entraId as string
    const started = performance.now()
    const preview = await api.sync.provisionUser({ profileId: 'demo', userId, apply: false })
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(preview.steps.map((step) => step.step)).toEqual(expect.arrayContaining(['import', 'scope', 'match', 'action']))
    expect(preview.operations.length).toBeGreaterThan(0)
    expect(preview.operations.every((operation) => operation.status === 'previewed')).toBe(true)
  })
})

describe('a push to a target the test controls', () => {
  beforeAll(async () => {
    const before = await api.target.status({ profileId: 'demo' })
    await api.target.configure({ profileId: 'demo', settings: { ...before.settings, ratePerSecond: 500, concurrency: 8, scimUrl: target.baseUrl, token: TOKEN } })
  })

  it('is refused until pushing is enabled (the safe default)', async () => {
    const plan = await api.sync.plan({ profileId: 'demo' })
    expect(plan.isPushEnabled).toBe(false)
    expect(plan.counts.create).toBeGreaterThan(0)
    const error = await rejection(api.sync.push({ profileId: 'demo', planId: plan.planId }))
    expect(error.code).toBe('Forbidden')
    expect(await api.sync.runs({ profileId: 'demo' })).toEqual([])
  })

  it('re-plans instead of pushing when the target changed since the preview', async () => {
    await api.sync.configure({ profileId: 'demo', settings: { mode: 'full', isPushEnabled: true, deletionThreshold: { count: 500, percent: 100 } } })
    const plan = await api.sync.plan({ profileId: 'demo' })
    const creates = await api.sync.queryPlan({ profileId: 'demo', planId: plan.planId, actions: ['create'], offset: 0, limit: 1 })
    const planned = creates.rows[0]
    expect(planned?.userName).toBeTruthy()
    // Someone adds the user in the application by hand between the preview and the push.
    await scim('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: planned?.userName, active: true })
    const answer = await api.sync.push({ profileId: 'demo', planId: plan.planId })
    expect(answer.kind).toBe('replanned')
    if (answer.kind !== 'replanned') return
    expect(answer.changes.removed).toBeGreaterThanOrEqual(1)
    expect(answer.changes.lines.join('\n')).toContain(planned?.userName)
    expect(answer.summary.counts.create).toBe(plan.counts.create - 1)
    expect(await api.sync.runs({ profileId: 'demo' })).toEqual([])
  })

  it('over the deletion threshold needs the exact number, then pushes exactly the plan and records the run', async () => {
    await api.sync.configure({ profileId: 'demo', settings: { mode: 'full', isPushEnabled: true, deletionThreshold: { count: 0, percent: 0 } } })
    const plan = await api.sync.plan({ profileId: 'demo' })
    expect(plan.safety.disables).toBeGreaterThan(0)
    expect(plan.safety.isBlocked).toBe(true)
    const error = await rejection(api.sync.push({ profileId: 'demo', planId: plan.planId, confirmNumber: plan.safety.confirmNumber + 1 }))
    expect(error.code).toBe('ThresholdExceeded')
    expect(error.hint).toContain(String(plan.safety.confirmNumber))

    const finished = nextFinish()
    const started = await api.sync.push({ profileId: 'demo', planId: plan.planId, confirmNumber: plan.safety.confirmNumber })
    expect(started.kind).toBe('started')
    expect((await rejection(api.sync.push({ profileId: 'demo', planId: plan.planId, confirmNumber: plan.safety.confirmNumber }))).code).toBe('Busy')
    const { run } = await finished
    expect(run.runId).toBe(started.kind === 'started' ? started.runId : '')
    const pushable = plan.totalOperations - plan.counts.skip
    expect(run.counts.total).toBe(pushable)
    expect(run.counts.pending).toBe(0)
    // Every operation went through: no failure, no skipped manager reference.
    const failedRows = await api.sync.runOperations({ profileId: 'demo', runId: run.runId, offset: 0, limit: 1000, failedOnly: true })
    expect(failedRows.rows.map((row) => `${row.action} ${row.userName}: ${row.errorCode} ${row.errorMessage}`)).toEqual([])
    expect([run.status, run.counts.failed, run.counts.skipped]).toEqual(['succeeded', 0, 0])
    expect(await api.sync.status({ profileId: 'demo' })).toEqual(run)
    expect((await api.sync.runs({ profileId: 'demo' })).map((item) => item.runId)).toEqual([run.runId])

    const operations = await api.sync.runOperations({ profileId: 'demo', runId: run.runId, offset: 0, limit: 1000 })
    expect(operations.total).toBe(pushable)
    const exported = await api.sync.exportRun({ profileId: 'demo', runId: run.runId })
    expect(exported.text.split('\r\n')).toHaveLength(pushable + 2)
    expect(exported.text).not.toContain(TOKEN)

    // The snapshot was read again after the push: nothing is left to create.
    const after = await api.sync.plan({ profileId: 'demo' })
    expect(after.counts.create).toBe(0)
    expect(after.snapshotTakenAt! > plan.snapshotTakenAt!).toBe(true)
    expect(after.counts.disable).toBe(0)
    // One push reaches the desired state: planning again finds nothing to send (update-only
    // attributes went right after their creates; managers matched by userName were linked).
    const { skip: _skips, ...changes } = after.counts
    expect(changes).toEqual({ create: 0, update: 0, disable: 0, reactivate: 0, delete: 0, createGroup: 0, addMembers: 0, removeMembers: 0, setManager: 0 })
  }, 60_000)
})
