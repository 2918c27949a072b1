/**
 * One push per profile with a real second process: a scheduled `headcount push` (a child process)
 * pushes slowly; a push from this process is refused while it runs. Killed with SIGKILL, the child
 * stops beating; once the stale limit has passed, a resume here takes the run over and the target
 * ends as the plan says, each create sent once.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/common/errors'
import { executePlan, resumeRun } from '../../../src-main/services/sync/execute-plan'
import { SyncJournal } from '../../../src-main/services/sync/sync-journal'
import { TOKEN, createUserOperation, startSyncFixture, type ListShape, type ScimUserShape, type SyncFixture } from './sync-fixture'

const CHILD = join(__dirname, 'locked-push-child.ts')
const USERS = 20
const STALE_AFTER_MS = 1_000
let fixture: SyncFixture | undefined

afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught)
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

describe('a push in another process', () => {
  it('refuses a push here while it runs; after kill -9 and the stale limit, the resume here takes over', async () => {
    const current = (fixture = await startSyncFixture())
    const plan = Array.from({ length: USERS }, (_, index) => createUserOperation(`entra-${index}`, `user${index}@contoso.test`))
    const planFile = join(current.folder, 'plan.json')
    writeFileSync(planFile, JSON.stringify(plan))
    // An owner "on another machine", so only its heartbeat can tell whether it is alive.
    const owner = 'cli:1:dddd@another-host'
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, current.folder, current.target.baseUrl, TOKEN, 'run-cli', planFile, owner, '200', '10'], {
      cwd: join(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    try {
      const journal = new SyncJournal(current.database)
      const lock = { owner: 'app:2:eeee@this-host', staleAfterMs: STALE_AFTER_MS }
      for (let waited = 0; journal.run('run-cli') === null || journal.counts('run-cli').succeeded < 3; waited += 20) {
        if (waited > 20_000 || child.exitCode !== null) throw new Error(`the child did not start pushing: ${stderr}`)
        await sleep(20)
      }

      const busy = await rejection(executePlan({ database: current.database, client: current.client(), plan: { operations: plan }, startedBy: 'ada', rulesFingerprint: 'r', lock }))
      expect(busy.code).toBe('Busy')
      expect(busy.message).toMatch(/started \d\d:\d\d by scheduled task in the command line, process 1\)\.$/)
      expect((await rejection(resumeRun(current.database, current.client(), 'run-cli', { lock }))).code).toBe('Busy')
      expect(journal.runs()).toHaveLength(1)

      child.kill('SIGKILL')
      await exited
      // A request the child had sent is still being answered; let it land.
      await sleep(150)
      const left = journal.run('run-cli')
      expect(left).toMatchObject({ status: 'running', owner })
      expect(journal.counts('run-cli').succeeded).toBeLessThan(USERS)
      // The heartbeat stopped at most 350 ms ago: still within the stale limit.
      expect((await rejection(resumeRun(current.database, current.client(), 'run-cli', { lock }))).code).toBe('Busy')

      await sleep(STALE_AFTER_MS)
      const run = await resumeRun(current.database, current.client(), 'run-cli', { lock })
      expect(run).toMatchObject({ status: 'succeeded', owner: null })
      expect(run.counts).toMatchObject({ total: USERS, succeeded: USERS, pending: 0, sent: 0 })
      const users = await current.read<ListShape<ScimUserShape>>('/Users?count=100')
      expect(users.totalResults).toBe(USERS)
      for (let index = 0; index < USERS; index += 1) expect(current.requestLog.countCreates(`user${index}@contoso.test`)).toBe(1)
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    }
  }, 30_000)
})
