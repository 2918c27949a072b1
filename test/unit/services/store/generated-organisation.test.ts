/**
 * The store against the demo generator's organisation (500 users): whatever shape the generator
 * produces, the cache holds all of it and explains every group membership.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateOrganisation } from '../../../../src-main/demo/organisation/generate-organisation'
import type { DemoOrganisation } from '../../../../src-main/demo/organisation/organisation-types'
import type { PulledUser } from '../../../../src-main/services/graph/graph-reader'
import type { GraphMemberRef } from '../../../../src-main/services/graph/graph-types'
import { DirectoryStore } from '../../../../src-main/services/store/directory-store'
import { DirectoryWriter } from '../../../../src-main/services/store/directory-writer'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { pullInto, temporaryDataDir } from './directory-fixtures'

let organisation: DemoOrganisation
let dataDir: ReturnType<typeof temporaryDataDir>
let database: ProfileDatabase
let store: DirectoryStore

beforeAll(() => {
  organisation = generateOrganisation({ users: 500 })
  dataDir = temporaryDataDir()
  database = openProfileDatabase(dataDir.path, 'generated')
  const nameOf = new Map(organisation.users.map(({ user }) => [user.id, user.displayName]))
  const users: PulledUser[] = organisation.users.map(({ user, managerId }) => ({
    ...user,
    manager: managerId === null ? null : { id: managerId, displayName: nameOf.get(managerId) ?? null },
  }))
  const members: Record<string, GraphMemberRef[]> = {}
  for (const membership of organisation.memberships) {
    ;(members[membership.groupId] ??= []).push({ '@odata.type': membership.memberType, id: membership.memberId })
  }
  pullInto(new DirectoryWriter(database), { users, groups: organisation.groups, members })
  store = new DirectoryStore(database)
})

afterAll(() => {
  database.close()
  dataDir.remove()
})

/** Every group a user is in, direct or nested, by a plain walk over the organisation. */
function groupsOf(userId: string): Set<string> {
  const found = new Set(organisation.memberships.filter((m) => m.memberId === userId).map((m) => m.groupId))
  for (let frontier = [...found]; frontier.length > 0; ) {
    frontier = organisation.memberships
      .filter((m) => m.memberType === '#microsoft.graph.group' && frontier.includes(m.memberId) && !found.has(m.groupId))
      .map((m) => m.groupId)
    for (const groupId of frontier) found.add(groupId)
  }
  return found
}

describe('the cache of a generated organisation', () => {
  it('holds every user, group and membership', () => {
    expect(store.summary()).toMatchObject({
      userCount: organisation.users.length,
      groupCount: organisation.groups.length,
      membershipCount: organisation.memberships.length,
    })
  })

  it('gives every user exactly the groups a walk of the nesting gives, each path ending at its group', () => {
    for (const { user } of organisation.users) {
      const groups = store.getUser(user.id)!.groups
      expect(new Set(groups.map((group) => group.groupId))).toEqual(groupsOf(user.id))
      for (const group of groups) expect(group.path.at(-1)).toBe(group.displayName)
    }
  })

  it('sorts every column without losing or repeating a user across pages', () => {
    for (const sortBy of ['displayName', 'department', 'managerDisplayName', 'accountEnabled', 'employeeId'] as const) {
      const ids: string[] = []
      for (let offset = 0; offset < organisation.users.length; offset += 137) {
        ids.push(...store.queryUsers({ offset, limit: 137, sortBy, sortDirection: 'desc' }).rows.map((row) => row.id))
      }
      expect(new Set(ids).size).toBe(organisation.users.length)
    }
  })
})
