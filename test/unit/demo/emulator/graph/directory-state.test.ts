import { describe, expect, it } from 'vitest'
import { generateOrganisation } from '../../../../../src-main/demo/organisation/generate-organisation'
import { createDirectoryState } from '../../../../../src-main/demo/emulator/graph/directory-state'

const organisation = generateOrganisation({ users: 60 })
const fixedNow = new Date('2026-05-01T12:00:00Z')
const fresh = () => createDirectoryState(organisation, () => fixedNow)

function firstManager() {
  const report = organisation.users.find((entry) => entry.managerId !== null)!
  return { report: report.user, managerId: report.managerId! }
}

describe('createDirectoryState', () => {
  it('loads the organisation: users sorted by id, lookups by id and userPrincipalName', () => {
    const state = fresh()
    const ids = state.users().map((user) => user.id)
    expect(ids).toEqual([...ids].sort())
    expect(ids).toHaveLength(60)
    const someone = organisation.users[3]!.user
    expect(state.findUser(someone.userPrincipalName.toUpperCase())?.id).toBe(someone.id)
    expect(state.sequence()).toBe(0)
  })

  it('creates users with Entra defaults and logs the creation', () => {
    const state = fresh()
    const created = state.createUser({ id: 'new-1', userPrincipalName: 'new@nordlys.dk', displayName: 'New' })
    expect(created).toMatchObject({ ok: true, value: { id: 'new-1', accountEnabled: true, userType: 'Member', mailNickname: 'new' } })
    expect(created.ok && created.value.createdDateTime).toBe('2026-05-01T12:00:00Z')
    expect(state.changesBetween(0, state.sequence())).toMatchObject([{ sequence: 1, kind: 'created', objectId: 'new-1' }])
    expect(state.createUser({ userPrincipalName: 'NEW@nordlys.dk', displayName: 'Twin' })).toMatchObject({ ok: false, code: 'Conflict' })
  })

  it('logs only the properties an update really changes', () => {
    const state = fresh()
    const user = organisation.users[0]!.user
    state.updateUser(user.id, { department: user.department, jobTitle: 'Changed title' })
    expect(state.changesBetween(0, state.sequence())).toMatchObject([{ kind: 'updated', properties: ['jobTitle'] }])
    expect(state.findUser(user.id)?.jobTitle).toBe('Changed title')
    expect(state.users().find((candidate) => candidate.id === user.id)?.jobTitle).toBe('Changed title')
    expect(state.updateUser('missing', { city: 'x' })).toMatchObject({ ok: false, code: 'NotFound' })
  })

  it('hides soft-deleted users from lists and groups, and brings them back on restore', () => {
    const state = fresh()
    const edge = organisation.memberships.find((candidate) => candidate.memberType === '#microsoft.graph.user')!
    state.softDeleteUser(edge.memberId)
    expect(state.findUser(edge.memberId)).toBeUndefined()
    expect(state.userStatus(edge.memberId)).toBe('softDeleted')
    expect(state.users()).toHaveLength(59)
    expect(state.members(edge.groupId).some((member) => member.id === edge.memberId)).toBe(false)
    state.restoreUser(edge.memberId)
    expect(state.members(edge.groupId).some((member) => member.id === edge.memberId)).toBe(true)
    const kinds = state.changesBetween(0, state.sequence()).map((change) => change.kind)
    expect(kinds).toContain('softDeleted')
    expect(kinds).toContain('restored')
    expect(kinds).toContain('memberRemoved')
    expect(kinds).toContain('memberAdded')
  })

  it('hard delete removes the user, its memberships and its reports\' manager reference', () => {
    const state = fresh()
    const { report, managerId } = firstManager()
    const groupsOfManager = state.memberOf(managerId).map((group) => group.id)
    expect(state.hardDeleteUser(managerId).ok).toBe(true)
    expect(state.userStatus(managerId)).toBe('absent')
    expect(state.managerIdOf(report.id)).toBeNull()
    for (const groupId of groupsOfManager) expect(state.isActiveMember(groupId, managerId)).toBe(false)
    expect(state.changesBetween(0, state.sequence())).toContainEqual(
      expect.objectContaining({ kind: 'managerChanged', objectId: report.id, previousManagerId: managerId }),
    )
  })

  it('sets managers, refusing unknown users and self-management', () => {
    const state = fresh()
    const [a, b] = organisation.users.map((entry) => entry.user)
    expect(state.setManager(a!.id, b!.id)).toEqual({ ok: true, value: { managerId: b!.id } })
    expect(state.managerOf(a!.id)?.id).toBe(b!.id)
    expect(state.setManager(a!.id, a!.id)).toMatchObject({ ok: false, code: 'InvalidArgument' })
    expect(state.setManager(a!.id, 'nobody')).toMatchObject({ ok: false, code: 'NotFound' })
  })

  it('adds and removes members, users or groups, and flattens nesting without duplicates or cycles', () => {
    const state = fresh()
    const outer = state.createGroup({ id: 'outer', displayName: 'Outer' })
    const inner = state.createGroup({ id: 'inner', displayName: 'Inner' })
    expect(outer.ok && inner.ok).toBe(true)
    const [a, b] = state.users()
    state.addMember('outer', a!.id)
    state.addMember('outer', 'inner')
    state.addMember('inner', a!.id)
    state.addMember('inner', b!.id)
    state.addMember('inner', 'outer')
    expect(state.addMember('outer', a!.id)).toMatchObject({ ok: false, code: 'Conflict' })
    expect(state.transitiveMembers('outer').map((member) => member.id).sort()).toEqual([a!.id, b!.id, 'inner'].sort())
    state.removeMember('outer', 'inner')
    expect(state.transitiveMembers('outer').map((member) => member.id)).toEqual([a!.id])
    expect(state.deleteGroup('inner').ok).toBe(true)
    expect(state.memberOf(a!.id).map((group) => group.id)).toContain('outer')
    expect(state.memberOf(a!.id).map((group) => group.id)).not.toContain('inner')
  })

  it('assigns groups requiring assignment to service principals, and accepts new assignments', () => {
    const state = fresh()
    const servicePrincipal = organisation.servicePrincipals.find((candidate) => candidate.appRoleAssignmentRequired)!
    expect(state.appRoleAssignedTo(servicePrincipal.id)).toHaveLength(3)
    const user = organisation.users[0]!.user
    const assigned = state.assignAppRole(servicePrincipal.id, user.id)
    expect(assigned).toMatchObject({ ok: true, value: { principalType: 'User', principalId: user.id, resourceId: servicePrincipal.id } })
    expect(state.appRoleAssignedTo(servicePrincipal.id)).toHaveLength(4)
  })
})
