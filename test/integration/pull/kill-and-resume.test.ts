/**
 * A pull killed with SIGKILL half-way through 50,000 users resumes from its last committed page:
 * the pull runs in a child process against the emulator served from this one, is killed once it
 * has committed a few dozen pages, and is then run again here to completion. The cache ends with
 * exactly the emulator's users and memberships, and the second run did not start from page 1.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { createTrustedFetch, type FetchFunction, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { pullDirectory } from '../../../src-main/services/pull/pull-directory'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { PullRunLog } from '../../../src-main/services/store/pull-run-log'
import { PullHarness } from './emulator-pull-harness'
import type { PullChildInput } from './pull-child-process'

const USERS = 50_000
/** Pages the child commits before it is killed. */
const KILL_AFTER_PAGES = 40

let emulator: RunningEmulator
let trusted: TrustedFetch
let harness: PullHarness

beforeAll(async () => {
  emulator = await startEmulator({ users: USERS, seed: 3 })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
  harness = new PullHarness(emulator, trusted.fetch)
}, 60_000)

afterAll(async () => {
  await harness?.close()
  await trusted?.close()
  await emulator?.close()
})

/** Starts the child pull and kills it with SIGKILL once it reports `pages` committed pages. */
function pullInChildAndKill(pages: number): Promise<{ reportedPages: number; signal: NodeJS.Signals | null }> {
  const input: PullChildInput = {
    graphBaseUrl: emulator.graphBaseUrl,
    authorityHost: emulator.authorityHost,
    tenantId: emulator.tenantId,
    caCertificatePem: emulator.caCertificatePem,
    clientId: emulator.confidentialClient.clientId,
    clientSecret: emulator.confidentialClient.clientSecret,
    dataDir: harness.dataDir,
    profileId: 'killed',
  }
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./pull-child-process.ts', import.meta.url))], {
    env: { ...process.env, PULL_CHILD_INPUT: JSON.stringify(input) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let reportedPages = 0
  let buffered = ''
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const report = JSON.parse(line) as { pages?: number; finished?: unknown }
        if (report.finished !== undefined) reject(new Error('the child pull finished before it could be killed'))
        reportedPages = Math.max(reportedPages, report.pages ?? 0)
        if (reportedPages >= pages && child.exitCode === null && !child.killed) child.kill('SIGKILL')
      }
    })
    child.once('exit', (_code, signal) => resolve({ reportedPages, signal }))
  })
}

describe('a pull killed with SIGKILL', () => {
  it('resumes from its last committed page and ends with exactly the right users', async () => {
    // Slow enough that the kill lands mid-round, whatever the machine.
    emulator.faults.configure({ delayMs: 15 })
    const killed = await pullInChildAndKill(KILL_AFTER_PAGES)
    emulator.faults.clear()
    expect(killed.signal).toBe('SIGKILL')
    expect(killed.reportedPages).toBeGreaterThanOrEqual(KILL_AFTER_PAGES)

    const requested: string[] = []
    const recording = ((input: Parameters<FetchFunction>[0], init?: Parameters<FetchFunction>[1]) => {
      requested.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
      return trusted.fetch(input, init)
    }) as FetchFunction
    const database = openProfileDatabase(harness.dataDir, 'killed')
    try {
      const saved = database.connection.prepare('SELECT SUM(pages) AS pages FROM pull_state').get() as { pages: number }
      expect(saved.pages).toBeGreaterThanOrEqual(KILL_AFTER_PAGES)

      const reader = new PullHarness(emulator, recording).reader()
      const finished = await pullDirectory({ profileId: 'killed', reader, database })
      expect(finished).toMatchObject({ outcome: 'succeeded', mode: 'full', users: USERS })

      // Not from page 1: the first users request continued a round ($skiptoken), and the run says so.
      const firstUsersRequest = requested.find((url) => url.includes('/users/delta'))!
      expect(firstUsersRequest).toContain('$skiptoken=')
      expect(requested.filter((url) => url.includes('/users/delta?$select='))).toEqual([])
      const runs = new PullRunLog(database).list()
      expect(runs.map((run) => run.outcome)).toEqual(['succeeded', 'failed'])
      expect(runs[1]!.notes.map((note) => note.code)).toEqual(['interrupted'])
      expect(runs[0]!.notes).toEqual([expect.objectContaining({ code: 'resumed', pages: saved.pages })])

      // Exactly the emulator's users, each once, and every membership.
      const cachedIds = (database.connection.prepare('SELECT id FROM users ORDER BY id').all() as { id: string }[]).map((row) => row.id)
      const expectedIds = emulator.state.users().map((user) => user.id).sort()
      expect(cachedIds).toEqual(expectedIds)
      const memberships = database.connection.prepare('SELECT COUNT(*) AS count FROM memberships').get() as { count: number }
      expect(memberships.count).toBe(emulator.state.groups().reduce((sum, group) => sum + emulator.state.members(group.id).length, 0))
    } finally {
      database.close()
    }
  }, 120_000)
})
