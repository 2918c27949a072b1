/**
 * Pulls against the Graph + sign-in emulator over real HTTPS on 127.0.0.1, with a real msal-node
 * client-credentials token and real SQLite caches in a temporary folder: the first (full) pull,
 * a delta pull, cancel, sign-in failure, and Graph losing the delta token (expired, or reset).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PullProgress } from '../../../src-main/common/profiles'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import type { GraphClientReader } from '../../../src-main/services/graph/graph-client-reader'
import { createTrustedFetch, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { pullDirectory } from '../../../src-main/services/pull/pull-directory'
import { foldSearchText } from '../../../src-main/services/store/fold-search-text'
import { DirectoryStore } from '../../../src-main/services/store/directory-store'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { PullRunLog } from '../../../src-main/services/store/pull-run-log'
import { cacheSnapshot, emulatorSnapshot, PullHarness } from './emulator-pull-harness'

const USER_COUNT = 2_000
const DAY_MS = 24 * 60 * 60 * 1000

let emulator: RunningEmulator
let trusted: TrustedFetch
let harness: PullHarness
/** Moves the emulator's clock (delta tokens age by it). */
let clockOffsetMs = 0

beforeAll(async () => {
  emulator = await startEmulator({ users: USER_COUNT, seed: 7, clock: () => new Date(Date.now() + clockOffsetMs) })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
  harness = new PullHarness(emulator, trusted.fetch)
})

afterAll(async () => {
  await harness?.close()
  await trusted?.close()
  await emulator?.close()
})

beforeEach(() => emulator.faults.clear())

async function pullProfile(profileId: string, options: { reader?: GraphClientReader; onProgress?: (progress: PullProgress) => void; full?: boolean } = {}, signal?: AbortSignal) {
  const database = openProfileDatabase(harness.dataDir, profileId)
  try {
    return await pullDirectory(
      { profileId, reader: options.reader ?? harness.reader(), database, progressIntervalMs: 0, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.full ? { full: true } : {}) },
      signal,
    )
  } finally {
    database.close()
  }
}

function withDatabase<T>(profileId: string, read: (database: ReturnType<typeof openProfileDatabase>) => T): T {
  const database = openProfileDatabase(harness.dataDir, profileId)
  try {
    return read(database)
  } finally {
    database.close()
  }
}

describe('pullDirectory against the emulator', () => {
  it('pulls the whole organisation, then only what changed', async () => {
    const progress: PullProgress[] = []
    const finished = await pullProfile('full', { onProgress: (event) => progress.push(event) })
    const state = emulator.state
    expect(finished).toMatchObject({ outcome: 'succeeded', mode: 'full', users: USER_COUNT, groups: state.groups().length })
    withDatabase('full', (database) => {
      expect(cacheSnapshot(database)).toEqual(emulatorSnapshot(state, new Set()))
      const store = new DirectoryStore(database)
      const zoes = state.users().filter((user) =>
        [user.displayName, user.givenName, user.surname, user.userPrincipalName, user.mail, user.department, user.jobTitle].some(
          (field) => field !== null && foldSearchText(field).includes('zoe'),
        ),
      )
      expect(zoes.some((user) => user.displayName?.includes('Zoë'))).toBe(true)
      expect(store.queryUsers({ search: 'zoe', offset: 0, limit: 1000 }).total).toBe(zoes.length)
      const managed = state.users().find((user) => state.managerOf(user.id) !== null)!
      expect(store.getUser(managed.id)!.row.managerDisplayName).toBe(state.managerOf(managed.id)!.displayName)
    })
    // Progress only grows, knows the total from /users/$count, and ends at the totals.
    for (let index = 1; index < progress.length; index += 1) {
      expect(progress[index]!.users).toBeGreaterThanOrEqual(progress[index - 1]!.users)
      expect(progress[index]!.pages).toBeGreaterThanOrEqual(progress[index - 1]!.pages)
    }
    expect(progress.some((event) => event.totalUsers === USER_COUNT && event.etaSeconds !== null && event.phase === 'users')).toBe(true)
    expect(progress.at(-1)).toMatchObject({ phase: 'finishing', users: USER_COUNT, etaSeconds: 0 })

    const renamed = state.users()[10]!
    state.updateUser(renamed.id, { displayName: 'Renamed In Entra' })
    const delta = await pullProfile('full')
    expect(delta).toMatchObject({ outcome: 'succeeded', mode: 'delta', users: USER_COUNT })
    expect(delta.durationMs).toBeLessThan(finished.durationMs)
    withDatabase('full', (database) => expect(new DirectoryStore(database).getUser(renamed.id)!.row.displayName).toBe('Renamed In Entra'))
  })

  it('ends as cancelled when stopped mid-pull, and the cache still holds the previous directory', async () => {
    await pullProfile('cancelled')
    const controller = new AbortController()
    emulator.faults.configure({ delayMs: 20 })
    const finished = await pullProfile('cancelled', { full: true, onProgress: (event) => (event.pages > 1 ? controller.abort() : undefined) }, controller.signal)
    expect(finished).toMatchObject({ outcome: 'cancelled', mode: 'full' })
    withDatabase('cancelled', (database) => expect(new DirectoryStore(database).summary().userCount).toBe(emulator.state.users().length))
  })

  it('fails with Unauthorized when the client secret is wrong, and keeps the cache empty', async () => {
    const finished = await pullProfile('wrong-secret', { reader: harness.reader({ clientSecret: 'not-the-secret' }) })
    expect(finished).toMatchObject({ outcome: 'failed', error: { code: 'Unauthorized' } })
    withDatabase('wrong-secret', (database) => expect(new DirectoryStore(database).summary()).toMatchObject({ userCount: 0, lastPullAt: null }))
  })

  it('reads everything again, with a note, when the delta token has expired', async () => {
    await pullProfile('expired')
    clockOffsetMs += 8 * DAY_MS // Graph keeps directory delta tokens for 7 days.
    const gone = emulator.state.users()[3]!
    emulator.state.hardDeleteUser(gone.id)
    // A new reader: the emulator's clock moved past the cached access token too.
    const finished = await pullProfile('expired', { reader: harness.reader() })
    expect(finished).toMatchObject({ outcome: 'succeeded', mode: 'full', users: emulator.state.users().length })
    withDatabase('expired', (database) => {
      const run = new PullRunLog(database).read(finished.runId)!
      expect(run).toMatchObject({ kind: 'full', outcome: 'succeeded' })
      expect(run.notes).toEqual([expect.objectContaining({ code: 'resync' })])
      expect(run.notes[0]!.message).toContain('HTTP 400')
      expect(new DirectoryStore(database).getUser(gone.id)).toBeNull()
    })
    expect((await pullProfile('expired', { reader: harness.reader() })).mode).toBe('delta')
  })

  it('reads everything again, with a note, when Graph resets the delta token (410 Gone)', async () => {
    await pullProfile('reset', { reader: harness.reader() })
    emulator.faults.configure({ resetDeltaTokens: true })
    const finished = await pullProfile('reset', { reader: harness.reader() })
    expect(finished).toMatchObject({ outcome: 'succeeded', mode: 'full' })
    withDatabase('reset', (database) => {
      const run = new PullRunLog(database).read(finished.runId)!
      expect(run.notes.map((note) => note.code)).toEqual(['resync'])
      expect(run.notes[0]!.message).toContain('HTTP 410')
      expect(cacheSnapshot(database)).toEqual(emulatorSnapshot(emulator.state, new Set()))
    })
  })
})
