/**
 * How the pull meets a misbehaving Graph, against the emulator over HTTPS: a 429 storm, a
 * Retry-After honoured, throttling that never ends, 429s inside `$batch` answers, dropped
 * connections, and malformed pages (made by a fetch that corrupts one answer on its way in,
 * as a broken proxy would).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import type { GraphMemberRef } from '../../../src-main/services/graph/graph-types'
import { createTrustedFetch, type FetchFunction, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { pullDirectory } from '../../../src-main/services/pull/pull-directory'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { cacheSnapshot, emulatorSnapshot, PullHarness } from './emulator-pull-harness'

let emulator: RunningEmulator
let trusted: TrustedFetch
let harness: PullHarness

beforeAll(async () => {
  emulator = await startEmulator({ users: 1_500, seed: 5 })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
  harness = new PullHarness(emulator, trusted.fetch)
})

afterAll(async () => {
  await harness?.close()
  await trusted?.close()
  await emulator?.close()
})

beforeEach(() => emulator.faults.clear())

async function pullWith(profileId: string, fetch: FetchFunction = trusted.fetch, full = false) {
  const database = openProfileDatabase(harness.dataDir, profileId)
  try {
    const reader = new PullHarness(emulator, fetch).reader()
    return { finished: await pullDirectory({ profileId, reader, database, full }), reader }
  } finally {
    database.close()
  }
}

function snapshotOf(profileId: string) {
  const database = openProfileDatabase(harness.dataDir, profileId)
  try {
    // Staged pages of an unfinished full round sit in user_documents too, unseen until its merge.
    const documents = database.connection
      .prepare('SELECT u.id, d.graph_json FROM users u JOIN user_documents d ON d.id = u.document_id ORDER BY u.id')
      .all()
    return { directory: cacheSnapshot(database), documents }
  } finally {
    database.close()
  }
}

/** A fetch that hands the `nth` answer whose URL matches to `corrupt` instead of the caller. */
function corruptingFetch(matches: (url: string) => boolean, nth: number, corrupt: (response: Response) => Promise<Response>): FetchFunction {
  let seen = 0
  return (async (input: Parameters<FetchFunction>[0], init?: Parameters<FetchFunction>[1]) => {
    const response = await trusted.fetch(input, init)
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (matches(url) && ++seen === nth) return corrupt(response)
    return response
  })
}

describe('throttling', () => {
  it('completes with the right directory when every third request is throttled', async () => {
    emulator.faults.configure({ throttle: { everyNth: 3, retryAfterSeconds: 0 } })
    const { finished, reader } = await pullWith('storm')
    expect(finished).toMatchObject({ outcome: 'succeeded', users: emulator.state.users().length })
    expect(emulator.faults.counters().throttled).toBeGreaterThan(5)
    // Every retry answered a 429 (nothing else failed); a throttled read-ahead that the end of a
    // round made unnecessary may go unretried, so the two counts need not be equal.
    expect(reader.counters.retries).toBeGreaterThan(0)
    expect(reader.counters.retries).toBeLessThanOrEqual(emulator.faults.counters().throttled)
    emulator.faults.clear()
    const database = openProfileDatabase(harness.dataDir, 'storm')
    try {
      expect(cacheSnapshot(database)).toEqual(emulatorSnapshot(emulator.state, new Set()))
    } finally {
      database.close()
    }
  })

  it('waits what Retry-After says before trying again', async () => {
    emulator.faults.configure({ throttle: { firstN: 1, pathPrefix: '/users', retryAfterSeconds: 1 } })
    const started = performance.now()
    const { finished } = await pullWith('retry-after')
    expect(finished.outcome).toBe('succeeded')
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000)
  })

  it('fails with TooManyRequests and Graph request-id when the throttling never ends', async () => {
    emulator.faults.configure({ throttle: { everyNth: 1, pathPrefix: '/groups', retryAfterSeconds: 0 } })
    const { finished } = await pullWith('throttled-out')
    expect(finished).toMatchObject({ outcome: 'failed', error: { code: 'TooManyRequests', status: 429 } })
    expect(finished.error?.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('re-queues member reads throttled inside a $batch answer, 20 requests a batch at most', async () => {
    const batchSizes: number[] = []
    const counting = (async (input: Parameters<FetchFunction>[0], init?: Parameters<FetchFunction>[1]) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (typeof init?.body === 'string' && url.endsWith('/$batch')) {
        batchSizes.push((JSON.parse(init.body) as { requests: unknown[] }).requests.length)
      }
      return trusted.fetch(input, init)
    }) as FetchFunction
    // Only the items meet the fault: the `$batch` request itself has another path. Random rather
    // than every Nth, so four items in lockstep cannot be throttled every single time.
    emulator.faults.configure({ throttle: { probability: 0.25, seed: 3, pathPrefix: '/groups', retryAfterSeconds: 0 } })
    const reader = new PullHarness(emulator, counting).reader({ pageSize: 50, retry: { delaySeconds: 0.01, maxRetries: 10 } })
    const groupIds = emulator.state.groups().map((group) => group.id)
    const read = new Map<string, readonly GraphMemberRef[]>()
    await reader.readMembersOfGroups(groupIds, (groupId, members) => read.set(groupId, members))
    expect(emulator.faults.counters().throttled).toBeGreaterThan(0)
    // Every retry answered a 429 (nothing else failed); a throttled read-ahead that the end of a
    // round made unnecessary may go unretried, so the two counts need not be equal.
    expect(reader.counters.retries).toBeGreaterThan(0)
    expect(reader.counters.retries).toBeLessThanOrEqual(emulator.faults.counters().throttled)
    expect(Math.max(...batchSizes)).toBe(20)
    expect(new Set(read.keys())).toEqual(new Set(groupIds))
    for (const groupId of groupIds) {
      expect(read.get(groupId)!.map((member) => member.id)).toEqual(emulator.state.members(groupId).map((member) => member.id))
    }
  })
})

describe('failures on the way', () => {
  it('retries a dropped connection', async () => {
    let calls = 0
    const flaky = (async (input: Parameters<FetchFunction>[0], init?: Parameters<FetchFunction>[1]) => {
      calls += 1
      if (calls === 3) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) })
      return trusted.fetch(input, init)
    }) as FetchFunction
    const { finished, reader } = await pullWith('flaky', flaky)
    expect(finished.outcome).toBe('succeeded')
    expect(reader.counters.retries).toBe(1)
  })

  it.each([
    ['invalid JSON', () => new Response('{"value": [{"id": "cut off', { status: 200, headers: { 'request-id': 'req-broken-json' } }), /not valid JSON/],
    ['no value array', () => new Response('{"@odata.nextLink": null}', { status: 200, headers: { 'request-id': 'req-no-value' } }), /no value array/],
  ])('stops with a clear RemoteError on a page with %s, leaving the cache exactly as it was', async (_name, broken, message) => {
    const profileId = `malformed-${_name.replaceAll(' ', '-')}`
    expect((await pullWith(profileId)).finished.outcome).toBe('succeeded')
    emulator.state.updateUser(emulator.state.users()[0]!.id, { department: `Changed for ${profileId}` })
    const before = snapshotOf(profileId)
    // A full pull whose third users page is broken, then a delta pull whose first page is.
    const full = await pullWith(profileId, corruptingFetch((url) => url.includes('/users/delta'), 3, () => Promise.resolve(broken())), true)
    const delta = await pullWith(profileId, corruptingFetch((url) => url.includes('/users/delta'), 1, () => Promise.resolve(broken())))
    for (const { finished } of [full, delta]) {
      expect(finished).toMatchObject({ outcome: 'failed', error: { code: 'RemoteError' } })
      expect(finished.error!.message).toMatch(message)
      expect(finished.error!.message).toContain('The cache was left as it was')
      expect(finished.error!.requestId).toMatch(/^req-/)
    }
    expect(snapshotOf(profileId)).toEqual(before)
  })
})
