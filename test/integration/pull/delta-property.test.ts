/**
 * Property: whatever happens in the tenant between two pulls, a delta pull leaves the cache equal
 * to the tenant. Random rounds of emulator mutations (create, update incl. rename, manager changes,
 * disable, soft delete, restore, hard delete, members added and removed incl. groups in groups),
 * each followed by a delta pull against the emulator over HTTPS; after each pull users (with the
 * soft-deleted flag), managers, groups, direct and nested memberships (with valid nesting paths)
 * equal what the emulator's DirectoryState says.
 *
 * One emulator serves every run (its directory drifts from run to run, which only widens what is
 * tried); each run starts from a fresh cache with a full pull.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import type { DirectoryState } from '../../../src-main/demo/emulator/graph/directory-state'
import { createTrustedFetch, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { pullDirectory } from '../../../src-main/services/pull/pull-directory'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { brokenNestingPaths, cacheSnapshot, emulatorSnapshot, PullHarness } from './emulator-pull-harness'

const MUTATION_KINDS = [
  'createUser',
  'updateUser',
  'renameUser',
  'setManager',
  'clearManager',
  'disableUser',
  'softDeleteUser',
  'restoreUser',
  'hardDeleteUser',
  'addUserMember',
  'addGroupMember',
  'removeMember',
] as const

interface Mutation {
  readonly kind: (typeof MUTATION_KINDS)[number]
  /** Picks the subject and the other party among the objects that exist when it is applied. */
  readonly first: number
  readonly second: number
  readonly text: string
}

const mutation = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  first: fc.nat(),
  second: fc.nat(),
  text: fc.string({ minLength: 1, maxLength: 12 }),
})
const rounds = fc.array(fc.array(mutation, { minLength: 1, maxLength: 14 }), { minLength: 2, maxLength: 4 })

let emulator: RunningEmulator
let trusted: TrustedFetch
let harness: PullHarness
let created = 0

beforeAll(async () => {
  emulator = await startEmulator({ users: 150, seed: 11 })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
  harness = new PullHarness(emulator, trusted.fetch)
})

afterAll(async () => {
  await harness?.close()
  await trusted?.close()
  await emulator?.close()
})

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length]
}

function softDeletedIds(state: DirectoryState, candidates: Iterable<string>): string[] {
  return [...candidates].filter((id) => state.userStatus(id) === 'softDeleted')
}

/**
 * Applies one mutation; refusals (a conflict, a member already there) are part of the game.
 * Two limits keep the emulator's own delta consistent (see the report): managers are only ever
 * active users, and a user is soft-deleted only while nobody reports to them — the emulator does
 * not report a manager link that reappears when its manager is restored.
 */
function apply(state: DirectoryState, change: Mutation, known: ReadonlySet<string>): void {
  const users = state.users()
  const user = pick(users, change.first)
  const other = pick(users, change.second)
  const group = pick(state.groups(), change.first)
  switch (change.kind) {
    case 'createUser': {
      created += 1
      const result = state.createUser({ userPrincipalName: `prop.${created}@contoso.example`, displayName: `Prop ${created} ${change.text}`, department: change.text })
      if (result.ok && other) state.setManager(result.value.id, other.id)
      return
    }
    case 'updateUser':
      if (user) state.updateUser(user.id, { department: change.text, displayName: `${user.displayName ?? ''}*` })
      return
    case 'renameUser':
      if (user) state.updateUser(user.id, { userPrincipalName: `renamed.${created++}@contoso.example` })
      return
    case 'setManager':
      if (user && other && user.id !== other.id) state.setManager(user.id, other.id)
      return
    case 'clearManager':
      if (user) state.setManager(user.id, null)
      return
    case 'disableUser':
      if (user) state.disableUser(user.id)
      return
    case 'softDeleteUser':
      if (user && !users.some((report) => state.managerIdOf(report.id) === user.id)) state.softDeleteUser(user.id)
      return
    case 'restoreUser': {
      const deleted = pick(softDeletedIds(state, known), change.first)
      if (deleted) state.restoreUser(deleted)
      return
    }
    case 'hardDeleteUser': {
      const deleted = change.second % 3 === 0 ? pick(softDeletedIds(state, known), change.first) : user?.id
      if (deleted) state.hardDeleteUser(deleted)
      return
    }
    case 'addUserMember':
      if (group && other) state.addMember(group.id, other.id)
      return
    case 'addGroupMember': {
      const nested = pick(state.groups(), change.second)
      if (group && nested) state.addMember(group.id, nested.id)
      return
    }
    case 'removeMember': {
      if (!group) return
      const member = pick(state.members(group.id), change.second)
      if (member) state.removeMember(group.id, member.id)
      return
    }
  }
}

describe('delta pulls (property)', () => {
  it('leave the cache equal to the tenant after any rounds of changes', async () => {
    const reader = harness.reader()
    let run = 0
    await fc.assert(
      fc.asyncProperty(rounds, async (mutationRounds) => {
        run += 1
        const database = openProfileDatabase(harness.dataDir, `property-${run}`)
        try {
          const first = await pullDirectory({ profileId: 'p', reader, database })
          expect(first).toMatchObject({ outcome: 'succeeded', mode: 'full' })
          const seen = new Set(cacheSnapshot(database).users.map((fact) => fact.split('|')[0]!))
          for (const round of mutationRounds) {
            for (const change of round) apply(emulator.state, change, seen)
            const finished = await pullDirectory({ profileId: 'p', reader, database })
            expect(finished).toMatchObject({ outcome: 'succeeded', mode: 'delta' })
            const expected = emulatorSnapshot(emulator.state, seen)
            expect(cacheSnapshot(database)).toEqual(expected)
            expect(brokenNestingPaths(database)).toEqual([])
            for (const fact of expected.users) seen.add(fact.split('|')[0]!)
          }
        } finally {
          database.close()
        }
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})
