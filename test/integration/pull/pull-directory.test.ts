/**
 * The first pull against the Graph + sign-in emulator over real HTTPS on 127.0.0.1, with a real
 * msal-node client-credentials token and a real SQLite cache in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PullProgress } from '../../../src-main/common/profiles'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import type { DemoOrganisation } from '../../../src-main/demo/organisation/organisation-types'
import {
  createClientCredentialsTokenProvider,
  type ClientCredentialsTokenProvider,
} from '../../../src-main/services/auth/client-credentials-token-provider'
import { GraphClientReader } from '../../../src-main/services/graph/graph-client-reader'
import { createTrustedFetch, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { pullDirectory } from '../../../src-main/services/pull/pull-directory'
import { foldSearchText } from '../../../src-main/services/store/fold-search-text'
import { DirectoryStore } from '../../../src-main/services/store/directory-store'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'

const USER_COUNT = 2_000

let emulator: RunningEmulator
let trusted: TrustedFetch
let dataDir: string
const tokenProviders: ClientCredentialsTokenProvider[] = []

beforeAll(async () => {
  emulator = await startEmulator({ users: USER_COUNT, seed: 7 })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-pull-'))
})

afterAll(async () => {
  await Promise.all(tokenProviders.map((provider) => provider.close()))
  await trusted?.close()
  await emulator?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

beforeEach(() => emulator.faults.clear())

function reader(clientSecret = emulator.confidentialClient.clientSecret): GraphClientReader {
  const tokenProvider = createClientCredentialsTokenProvider({
    tenantId: emulator.tenantId,
    clientId: emulator.confidentialClient.clientId,
    credential: { kind: 'secret', clientSecret },
    authorityHost: emulator.authorityHost,
    caCertificates: [emulator.caCertificatePem],
  })
  tokenProviders.push(tokenProvider)
  return new GraphClientReader({
    graphBaseUrl: emulator.graphBaseUrl,
    tokenProvider,
    fetch: trusted.fetch,
    retry: { delaySeconds: 0.05, maxRetries: 3 },
  })
}

async function pullProfile(profileId: string, options: { reader?: GraphClientReader; onProgress?: (progress: PullProgress) => void } = {}, signal?: AbortSignal) {
  const database = openProfileDatabase(dataDir, profileId)
  try {
    return await pullDirectory({ profileId, reader: options.reader ?? reader(), database, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }, signal)
  } finally {
    database.close()
  }
}

function withStore<T>(profileId: string, read: (store: DirectoryStore) => T): T {
  const database = openProfileDatabase(dataDir, profileId)
  try {
    return read(new DirectoryStore(database))
  } finally {
    database.close()
  }
}

/** Expected nested groups of a user, computed from the organisation by a plain walk. */
function expectedGroupIds(organisation: DemoOrganisation, userId: string): Set<string> {
  const found = new Set(organisation.memberships.filter((m) => m.memberId === userId).map((m) => m.groupId))
  let frontier = [...found]
  while (frontier.length > 0) {
    const parents = organisation.memberships
      .filter((m) => m.memberType === '#microsoft.graph.group' && frontier.includes(m.memberId))
      .map((m) => m.groupId)
      .filter((groupId) => !found.has(groupId))
    for (const groupId of parents) found.add(groupId)
    frontier = parents
  }
  return found
}

describe('pullDirectory against the emulator', () => {
  it('pulls the whole organisation: users, groups, memberships, managers and nested groups', async () => {
    const progress: PullProgress[] = []
    const finished = await pullProfile('full', { onProgress: (event) => progress.push(event) })
    const organisation = emulator.organisation
    expect(finished).toMatchObject({
      outcome: 'succeeded',
      users: organisation.users.length,
      groups: organisation.groups.length,
      memberships: organisation.memberships.length,
    })

    withStore('full', (store) => {
      expect(store.summary()).toMatchObject({
        userCount: organisation.users.length,
        groupCount: organisation.groups.length,
        membershipCount: organisation.memberships.length,
      })

      // "zoe" finds every Zoë (and Zoe), and only them.
      const zoes = organisation.users.filter(({ user }) =>
        [user.displayName, user.givenName, user.surname, user.userPrincipalName, user.mail, user.department, user.jobTitle]
          .some((field) => field !== null && foldSearchText(field).includes('zoe')),
      )
      expect(zoes.some(({ user }) => user.displayName?.includes('Zoë'))).toBe(true)
      const found = store.queryUsers({ search: 'zoe', offset: 0, limit: 1000 })
      expect(found.total).toBe(zoes.length)
      expect(new Set(found.rows.map((row) => row.id))).toEqual(new Set(zoes.map(({ user }) => user.id)))

      // The manager chain of the user deepest in the hierarchy, walked in the organisation itself.
      const managerOf = new Map(organisation.users.map(({ user, managerId }) => [user.id, managerId]))
      const chainOf = (userId: string): string[] => {
        const chain: string[] = []
        for (let id = managerOf.get(userId) ?? null; id !== null && !chain.includes(id); id = managerOf.get(id) ?? null) chain.push(id)
        return chain
      }
      const deepest = organisation.users.map(({ user }) => user.id).sort((left, right) => chainOf(right).length - chainOf(left).length)[0]!
      expect(chainOf(deepest).length).toBeGreaterThanOrEqual(3)
      const detail = store.getUser(deepest)!
      expect(detail.managerChain.map((link) => link.id)).toEqual(chainOf(deepest))
      expect(store.getUser(chainOf(deepest)[0]!)!.directReports.map((link) => link.id)).toContain(deepest)

      // Nested groups, with the path that explains each.
      const nestedUser = organisation.users.find(({ user }) => {
        const direct = organisation.memberships.filter((m) => m.memberId === user.id).length
        return expectedGroupIds(organisation, user.id).size > direct
      })!
      const groups = store.getUser(nestedUser.user.id)!.groups
      expect(new Set(groups.map((group) => group.groupId))).toEqual(expectedGroupIds(organisation, nestedUser.user.id))
      const nested = groups.filter((group) => group.kind === 'transitive')
      expect(nested.length).toBeGreaterThan(0)
      const directNames = new Set(groups.filter((group) => group.kind === 'direct').map((group) => group.displayName))
      for (const group of nested) {
        expect(group.path.length).toBeGreaterThanOrEqual(2)
        expect(directNames.has(group.path[0]!)).toBe(true)
        expect(group.path.at(-1)).toBe(group.displayName)
      }
    })

    // Progress only grows and ends at the totals.
    for (let index = 1; index < progress.length; index += 1) {
      expect(progress[index]!.users).toBeGreaterThanOrEqual(progress[index - 1]!.users)
      expect(progress[index]!.groups).toBeGreaterThanOrEqual(progress[index - 1]!.groups)
      expect(progress[index]!.pages).toBeGreaterThanOrEqual(progress[index - 1]!.pages)
    }
    expect(progress.find((event) => event.users > 0)?.totalUsers).toBe(USER_COUNT)
    expect(progress.at(-1)).toMatchObject({ phase: 'finishing', users: USER_COUNT, groups: organisation.groups.length, totalUsers: USER_COUNT })
  })

  it('ends as cancelled when stopped mid-pull, and the cache still opens with the previous directory', async () => {
    await pullProfile('cancelled')
    const controller = new AbortController()
    emulator.faults.configure({ delayMs: 20 })
    const finished = await pullProfile(
      'cancelled',
      { onProgress: (event) => (event.users > 0 ? controller.abort() : undefined) },
      controller.signal,
    )
    expect(finished.outcome).toBe('cancelled')
    expect(finished.users).toBeLessThan(USER_COUNT)
    withStore('cancelled', (store) => {
      expect(store.summary().userCount).toBe(USER_COUNT)
      expect(store.queryUsers({ search: 'zoe', offset: 0, limit: 5 }).total).toBeGreaterThan(0)
    })
  })

  it('retries throttled requests, honouring Retry-After, and completes', async () => {
    emulator.faults.configure({ throttle: { firstN: 2, pathPrefix: '/users', retryAfterSeconds: 1 } })
    const started = performance.now()
    const finished = await pullProfile('throttled')
    expect(finished.outcome).toBe('succeeded')
    expect(finished.users).toBe(USER_COUNT)
    expect(emulator.faults.counters().throttled).toBe(2)
    expect(performance.now() - started).toBeGreaterThanOrEqual(2_000)
  })

  it('fails with TooManyRequests when Graph keeps throttling after the retries', async () => {
    emulator.faults.configure({ throttle: { everyNth: 1, pathPrefix: '/groups', retryAfterSeconds: 0 } })
    const finished = await pullProfile('throttled-out')
    expect(finished.outcome).toBe('failed')
    expect(finished.error).toMatchObject({ code: 'TooManyRequests', status: 429 })
    expect(finished.error?.requestId).toBeTruthy()
  })

  it('fails with Unauthorized when the client secret is wrong', async () => {
    const finished = await pullProfile('wrong-secret', { reader: reader('not-the-secret') })
    expect(finished.outcome).toBe('failed')
    expect(finished.error?.code).toBe('Unauthorized')
    withStore('wrong-secret', (store) => expect(store.summary()).toMatchObject({ userCount: 0, lastPullAt: null }))
  })
})
