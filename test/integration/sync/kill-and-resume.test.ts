/**
 * Crash safety (issue 5): a push run in a child process is killed with SIGKILL at random points —
 * once while executing, once more while resuming — then resumed in-process. The target must end
 * exactly as the plan says, with every create request having reached it once.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setTimeout as sleep } from 'node:timers/promises'
import type { PlanOperation } from '../../../src-main/domain/planner/sync-plan'
import { resumeRun } from '../../../src-main/services/sync/execute-plan'
import { SyncJournal, loadSyncLinks } from '../../../src-main/services/sync/sync-journal'
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, TOKEN, createUserOperation, operation, startSyncFixture, type ListShape, type ScimUserShape, type SyncFixture } from './sync-fixture'

const USERS = 30
const CHILD = join(__dirname, 'push-child.ts')
let fixture: SyncFixture | undefined
let sentAtKill = 0

afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

function buildPlan(): PlanOperation[] {
  const creates = Array.from({ length: USERS }, (_, index) => createUserOperation(`entra-${index}`, `user${index}@contoso.test`, { title: 'Starter' }))
  const group = operation('createGroup', { displayName: 'Everyone', resource: { schemas: [GROUP_SCHEMA], displayName: 'Everyone' } })
  const managers = creates.slice(1).map((create) => operation('setManager', { entraId: create.entraId, references: { managerEntraId: 'entra-0' }, dependsOn: [create.id] }))
  const updates = creates.slice(0, 10).map((create) => operation('update', { entraId: create.entraId, patch: [{ op: 'replace', path: 'title', value: 'Promoted' }], dependsOn: [create.id] }))
  const members = operation('addMembers', { displayName: 'Everyone', references: { groupName: 'Everyone', memberEntraIds: creates.map((create) => create.entraId!) }, dependsOn: [group.id] })
  return [...creates, group, ...managers, ...updates, members]
}

/** Runs the child until at least `killAfter` operations left 'pending', then SIGKILLs it. */
async function runChildAndKill(current: SyncFixture, args: string[], runId: string, killAfter: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, current.folder, current.target.baseUrl, TOKEN, ...args], { cwd: join(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const attempted = current.database.connection.prepare<[string], { count: number }>("SELECT COUNT(*) AS count FROM sync_operations WHERE run_id = ? AND status <> 'pending'")
  let killed = false
  const poll = setInterval(() => {
    if ((attempted.get(runId)?.count ?? 0) >= killAfter && !killed) {
      killed = true
      child.kill('SIGKILL')
    }
  }, 1)
  const code = await exited
  clearInterval(poll)
  if (!killed && code !== 0) throw new Error(`child failed (${code}): ${stderr}`)
  // A request the kernel had delivered before the kill is still being answered; let it land.
  await sleep(150)
  const inFlight = current.database.connection.prepare<[string], { count: number }>("SELECT COUNT(*) AS count FROM sync_operations WHERE run_id = ? AND status = 'sent'").get(runId)?.count ?? 0
  sentAtKill += inFlight
  return killed ? `killed with ${inFlight} sent without outcome` : 'finished'
}

describe('kill -9 during a push, then resume', () => {
  it('applies every operation exactly once at five random kill points (plus a kill during each resume)', async () => {
    const plan = buildPlan()
    const kills: string[] = []
    for (let round = 0; round < 5; round += 1) {
      fixture = await startSyncFixture()
      const planFile = join(fixture.folder, 'plan.json')
      writeFileSync(planFile, JSON.stringify(plan))
      const runId = `run-${round}`
      const firstKill = 1 + Math.floor(Math.random() * (plan.length - 2))
      const firstOutcome = await runChildAndKill(fixture, ['execute', runId, planFile], runId, firstKill)
      const secondKill = firstKill + 1 + Math.floor(Math.random() * Math.max(1, plan.length - firstKill - 1))
      const journal = new SyncJournal(fixture.database)
      const secondOutcome = journal.run(runId)?.status === 'running' ? await runChildAndKill(fixture, ['resume', runId], runId, secondKill) : 'skipped'
      kills.push(`round ${round}: kill after ${firstKill} (${firstOutcome}), then after ${secondKill} (${secondOutcome})`)

      const run = await resumeRun(fixture.database, fixture.client(), runId)
      expect(run.status, kills.at(-1)).toBe('succeeded')
      expect(run.counts).toMatchObject({ total: plan.length, succeeded: plan.length, pending: 0, sent: 0, failed: 0 })

      const users = await fixture.read<ListShape<ScimUserShape>>('/Users?count=200')
      expect(users.totalResults).toBe(USERS)
      const names = new Set(users.Resources?.map((user) => user.userName.toLowerCase()))
      expect(names.size).toBe(USERS)
      for (let index = 0; index < USERS; index += 1) expect(fixture.requestLog.countCreates(`user${index}@contoso.test`), `${kills.at(-1)} user${index}`).toBe(1)
      const byName = new Map(users.Resources?.map((user) => [user.userName, user]))
      const boss = byName.get('user0@contoso.test')
      for (let index = 1; index < USERS; index += 1) expect(byName.get(`user${index}@contoso.test`)?.[ENTERPRISE_SCHEMA]?.manager?.value).toBe(boss?.id)
      for (let index = 0; index < USERS; index += 1) expect(byName.get(`user${index}@contoso.test`)?.title).toBe(index < 10 ? 'Promoted' : 'Starter')

      const groups = await fixture.read<ListShape<{ id: string }>>('/Groups')
      expect(groups.totalResults).toBe(1)
      const group = await fixture.read<{ members?: { value: string }[] }>(`/Groups/${groups.Resources?.[0]?.id}`)
      expect(group.members?.map((member) => member.value).sort()).toEqual(users.Resources?.map((user) => user.id).sort())
      expect(fixture.requestLog.entries.filter((entry) => entry.method === 'POST' && entry.path === '/Groups')).toHaveLength(1)

      const links = loadSyncLinks(fixture.database)
      expect(links).toHaveLength(USERS)
      expect(links.every((link) => byName.get(`user${link.entraId.slice('entra-'.length)}@contoso.test`)?.id === link.targetId)).toBe(true)
      expect(journal.operations(runId).every((row) => row.status === 'succeeded' && row.attempts >= 1 && row.finishedAt !== null)).toBe(true)
      await fixture.close()
      fixture = undefined
    }
    console.info(kills.join('\n'))
    // The interesting case — a request that may or may not have reached the target — did happen.
    expect(sentAtKill).toBeGreaterThan(0)
  }, 90_000)
})
