/**
 * The demo organisation as DirectoryUsers, the way the services build them from the cache: Graph
 * properties, manager, direct group memberships (nesting left out: enough for the benchmarks).
 * Shared by the rules and plan benchmarks.
 */
import { generateOrganisation } from '../../src-main/demo/organisation/generate-organisation'
import type { DemoOrganisation } from '../../src-main/demo/organisation/organisation-types'
import type { DirectoryUser } from '../../src-main/domain/directory/directory-user'

export interface DemoDirectory {
  readonly organisation: DemoOrganisation
  readonly users: DirectoryUser[]
  /** User id → ids of the groups the user is directly in. */
  readonly groupsOf: ReadonlyMap<string, ReadonlySet<string>>
}

/** Generates `count` demo users and turns them into DirectoryUsers. */
export function demoDirectoryUsers(count: number): DemoDirectory {
  const organisation = generateOrganisation({ users: count })
  const groupsOf = new Map<string, Set<string>>()
  for (const membership of organisation.memberships) {
    if (membership.memberType !== '#microsoft.graph.user') continue
    const groups = groupsOf.get(membership.memberId)
    if (groups === undefined) groupsOf.set(membership.memberId, new Set([membership.groupId]))
    else groups.add(membership.groupId)
  }
  const users = organisation.users.map(({ user, managerId }): DirectoryUser => {
    const groups = groupsOf.get(user.id) ?? new Set<string>()
    // Graph's user interface has no index signature; the rules read it as a property bag.
    const properties: Readonly<Record<string, unknown>> = { ...user }
    return { id: user.id, properties, managerId, isSoftDeleted: false, directGroupIds: groups, groupIds: groups }
  })
  return { organisation, users, groupsOf }
}
