/**
 * The emulated tenant in memory: users (active or soft-deleted), managers, groups, direct
 * memberships, applications, service principals and app role assignments, plus the change log that
 * delta queries read. Tests and the demo change it through the mutation methods; each mutation logs
 * what Graph's delta would later report.
 *
 * Lists are served from snapshots sorted by id, rebuilt only when the set of objects changes, so a
 * page is a binary search plus a slice however large the tenant is.
 */
import { randomUUID } from 'node:crypto'
import type {
  GraphApplication,
  GraphGroup,
  GraphMemberRef,
  GraphMemberType,
  GraphOrganization,
  GraphServicePrincipal,
  GraphUser,
} from '../../../services/graph/graph-types'
import type { DemoOrganisation } from '../../organisation/organisation-types'
import { ChangeLog, type DirectoryChange } from './change-log'
import {
  DEFAULT_ACCESS_APP_ROLE_ID,
  appRoleAssignmentId,
  buildGroup,
  buildUser,
  servicePrincipalRecord,
  type AppRoleAssignment,
  type GroupInput,
  type UserInput,
  type UserPatch,
} from './directory-records'
import { MembershipIndex } from './membership-index'
import { compareIds } from './sorted-page'

export type MutationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: 'NotFound' | 'Conflict' | 'InvalidArgument'; readonly message: string }

export type UserStatus = 'active' | 'softDeleted' | 'absent'

/** Read side used by the Graph endpoints and the delta engine. */
export interface DirectoryReader {
  readonly tenantId: string
  readonly organization: GraphOrganization
  now(): Date
  /** Active users sorted by id. Do not mutate. */
  users(): readonly GraphUser[]
  /** An active user by id or userPrincipalName (case-insensitive). */
  findUser(idOrPrincipalName: string): GraphUser | undefined
  userStatus(id: string): UserStatus
  /** The active manager of an active user, or null. */
  managerOf(userId: string): GraphUser | null
  /** The stored manager id, whatever the manager's state. */
  managerIdOf(userId: string): string | null
  /** Groups sorted by id. */
  groups(): readonly GraphGroup[]
  findGroup(id: string): GraphGroup | undefined
  /** Direct members of a group whose objects are active, sorted by id. */
  members(groupId: string): readonly GraphMemberRef[]
  /** Users and groups nested at any depth, each once, sorted by id. */
  transitiveMembers(groupId: string): readonly GraphMemberRef[]
  /** Whether the member is, right now, a direct active member. */
  isActiveMember(groupId: string, memberId: string): boolean
  /** Groups the object is a direct member of, sorted by id. */
  memberOf(objectId: string): readonly GraphGroup[]
  applications(): readonly GraphApplication[]
  servicePrincipals(): readonly Readonly<Record<string, unknown>>[]
  findServicePrincipal(id: string): Readonly<Record<string, unknown>> | undefined
  appRoleAssignedTo(servicePrincipalId: string): readonly AppRoleAssignment[]
  /** Sequence number of the latest change. */
  sequence(): number
  changesBetween(fromSequence: number, toSequence: number): readonly DirectoryChange[]
}

/** Mutations for tests and the demo, mirrored over HTTP by the mutation router. */
export interface DirectoryState extends DirectoryReader {
  createUser(input: UserInput): MutationResult<GraphUser>
  updateUser(id: string, patch: UserPatch): MutationResult<GraphUser>
  disableUser(id: string): MutationResult<GraphUser>
  /** Moves the user to deleted items: hidden from lists, restorable. */
  softDeleteUser(id: string): MutationResult<GraphUser>
  restoreUser(id: string): MutationResult<GraphUser>
  /** Removes the user for good (active or soft-deleted). */
  hardDeleteUser(id: string): MutationResult<{ readonly id: string }>
  setManager(userId: string, managerId: string | null): MutationResult<{ readonly managerId: string | null }>
  addMember(groupId: string, memberId: string): MutationResult<GraphMemberRef>
  removeMember(groupId: string, memberId: string): MutationResult<GraphMemberRef>
  createGroup(input: GroupInput): MutationResult<GraphGroup>
  /** Deletes a group permanently, with its memberships in both directions. */
  deleteGroup(id: string): MutationResult<{ readonly id: string }>
  assignAppRole(servicePrincipalId: string, principalId: string): MutationResult<AppRoleAssignment>
}

interface UserEntry {
  user: GraphUser
  managerId: string | null
  isSoftDeleted: boolean
}

const USER_TYPE: GraphMemberType = '#microsoft.graph.user'
const GROUP_TYPE: GraphMemberType = '#microsoft.graph.group'

function notFound(id: string): MutationResult<never> {
  return { ok: false, code: 'NotFound', message: `No object with id '${id}'.` }
}

function ok<T>(value: T): MutationResult<T> {
  return { ok: true, value }
}

/**
 * Loads `organisation` into a fresh in-memory tenant. `clock` is the emulator's notion of now: it
 * stamps new objects and changes and ages delta tokens, so tests can move time forward.
 */
export function createDirectoryState(organisation: DemoOrganisation, clock: () => Date = () => new Date()): DirectoryState {
  return new InMemoryDirectoryState(organisation, clock)
}

class InMemoryDirectoryState implements DirectoryState {
  readonly tenantId: string
  readonly organization: GraphOrganization
  private readonly usersById = new Map<string, UserEntry>()
  private readonly userIdByPrincipalName = new Map<string, string>()
  private readonly groupsById = new Map<string, GraphGroup>()
  private readonly membership = new MembershipIndex()
  private readonly applicationList: readonly GraphApplication[]
  private readonly servicePrincipalList: readonly Readonly<Record<string, unknown>>[]
  private readonly servicePrincipalsById = new Map<string, GraphServicePrincipal>()
  private readonly assignments = new Map<string, AppRoleAssignment[]>()
  private readonly log: ChangeLog
  private userSnapshot: GraphUser[] | null = null
  private groupSnapshot: GraphGroup[] | null = null
  private readonly memberSnapshots = new Map<string, GraphMemberRef[]>()
  /** Bumped on any membership or object-set change; transitive results are cached per version. */
  private membershipVersion = 0
  private readonly transitiveCache = new Map<string, { version: number; members: GraphMemberRef[] }>()

  constructor(
    organisation: DemoOrganisation,
    private readonly clock: () => Date,
  ) {
    this.tenantId = organisation.tenantId
    this.organization = organisation.organization
    this.log = new ChangeLog(clock)
    for (const { user, managerId } of organisation.users) {
      this.usersById.set(user.id, { user, managerId, isSoftDeleted: false })
      this.userIdByPrincipalName.set(user.userPrincipalName.toLowerCase(), user.id)
    }
    for (const group of organisation.groups) this.groupsById.set(group.id, group)
    for (const edge of organisation.memberships) this.membership.add(edge)
    this.applicationList = [...organisation.applications].sort((a, b) => compareIds(a.id, b.id))
    for (const servicePrincipal of organisation.servicePrincipals) {
      this.servicePrincipalsById.set(servicePrincipal.id, servicePrincipal)
    }
    this.servicePrincipalList = [...organisation.servicePrincipals]
      .sort((a, b) => compareIds(a.id, b.id))
      .map((servicePrincipal) => servicePrincipalRecord(servicePrincipal, organisation.tenantId))
    this.seedAssignments(organisation)
  }

  /**
   * The organisation carries no assignments, so the emulator assigns, to every service principal
   * that requires assignment, the first three security groups in the organisation's own order.
   */
  private seedAssignments(organisation: DemoOrganisation): void {
    const securityGroups = organisation.groups.filter((group) => group.securityEnabled).slice(0, 3)
    for (const servicePrincipal of organisation.servicePrincipals) {
      if (!servicePrincipal.appRoleAssignmentRequired) continue
      for (const group of securityGroups) this.assignAppRole(servicePrincipal.id, group.id)
    }
  }

  now(): Date {
    return this.clock()
  }

  // ---- reads ----

  users(): readonly GraphUser[] {
    if (!this.userSnapshot) {
      const active: GraphUser[] = []
      for (const entry of this.usersById.values()) if (!entry.isSoftDeleted) active.push(entry.user)
      this.userSnapshot = active.sort((a, b) => compareIds(a.id, b.id))
    }
    return this.userSnapshot
  }

  findUser(idOrPrincipalName: string): GraphUser | undefined {
    const id = this.usersById.has(idOrPrincipalName)
      ? idOrPrincipalName
      : (this.userIdByPrincipalName.get(idOrPrincipalName.toLowerCase()) ?? idOrPrincipalName.toLowerCase())
    const entry = this.usersById.get(id)
    return entry && !entry.isSoftDeleted ? entry.user : undefined
  }

  userStatus(id: string): UserStatus {
    const entry = this.usersById.get(id)
    return !entry ? 'absent' : entry.isSoftDeleted ? 'softDeleted' : 'active'
  }

  managerOf(userId: string): GraphUser | null {
    const managerId = this.usersById.get(userId)?.managerId
    if (!managerId) return null
    const manager = this.usersById.get(managerId)
    return manager && !manager.isSoftDeleted ? manager.user : null
  }

  managerIdOf(userId: string): string | null {
    return this.usersById.get(userId)?.managerId ?? null
  }

  groups(): readonly GraphGroup[] {
    this.groupSnapshot ??= [...this.groupsById.values()].sort((a, b) => compareIds(a.id, b.id))
    return this.groupSnapshot
  }

  findGroup(id: string): GraphGroup | undefined {
    return this.groupsById.get(id)
  }

  private isActiveObject(id: string, type: GraphMemberType): boolean {
    return type === USER_TYPE ? this.userStatus(id) === 'active' : this.groupsById.has(id)
  }

  members(groupId: string): readonly GraphMemberRef[] {
    let snapshot = this.memberSnapshots.get(groupId)
    if (!snapshot) {
      snapshot = []
      for (const [id, type] of this.membership.membersOf(groupId)) {
        if (this.isActiveObject(id, type)) snapshot.push({ '@odata.type': type, id })
      }
      snapshot.sort((a, b) => compareIds(a.id, b.id))
      this.memberSnapshots.set(groupId, snapshot)
    }
    return snapshot
  }

  transitiveMembers(groupId: string): readonly GraphMemberRef[] {
    const cached = this.transitiveCache.get(groupId)
    if (cached && cached.version === this.membershipVersion) return cached.members
    const found = new Map<string, GraphMemberRef>()
    const pending = [groupId]
    const visited = new Set(pending)
    while (pending.length > 0) {
      for (const member of this.members(pending.pop() as string)) {
        if (member.id !== groupId) found.set(member.id, member)
        if (member['@odata.type'] === GROUP_TYPE && !visited.has(member.id)) {
          visited.add(member.id)
          pending.push(member.id)
        }
      }
    }
    const members = [...found.values()].sort((a, b) => compareIds(a.id, b.id))
    this.transitiveCache.set(groupId, { version: this.membershipVersion, members })
    return members
  }

  isActiveMember(groupId: string, memberId: string): boolean {
    const type = this.membership.membersOf(groupId).get(memberId)
    return type !== undefined && this.groupsById.has(groupId) && this.isActiveObject(memberId, type)
  }

  memberOf(objectId: string): readonly GraphGroup[] {
    const groups: GraphGroup[] = []
    for (const groupId of this.membership.groupsOf(objectId)) {
      const group = this.groupsById.get(groupId)
      if (group) groups.push(group)
    }
    return groups.sort((a, b) => compareIds(a.id, b.id))
  }

  applications(): readonly GraphApplication[] {
    return this.applicationList
  }

  servicePrincipals(): readonly Readonly<Record<string, unknown>>[] {
    return this.servicePrincipalList
  }

  findServicePrincipal(id: string): Readonly<Record<string, unknown>> | undefined {
    return this.servicePrincipalList.find((servicePrincipal) => servicePrincipal['id'] === id)
  }

  appRoleAssignedTo(servicePrincipalId: string): readonly AppRoleAssignment[] {
    return this.assignments.get(servicePrincipalId) ?? []
  }

  sequence(): number {
    return this.log.sequence
  }

  changesBetween(fromSequence: number, toSequence: number): readonly DirectoryChange[] {
    return this.log.between(fromSequence, toSequence)
  }

  // ---- mutations ----

  private usersChanged(): void {
    this.userSnapshot = null
    this.membershipChanged()
  }

  private membershipChanged(groupIds?: Iterable<string>): void {
    this.membershipVersion++
    if (groupIds === undefined) this.memberSnapshots.clear()
    else for (const groupId of groupIds) this.memberSnapshots.delete(groupId)
  }

  /** Logs a member event on every group the user belongs to (soft delete and restore). */
  private logUserMemberships(userId: string, kind: 'memberAdded' | 'memberRemoved'): void {
    for (const groupId of this.membership.groupsOf(userId)) {
      this.log.append({ objectType: 'group', objectId: groupId, kind, memberId: userId, memberType: USER_TYPE })
    }
  }

  createUser(input: UserInput): MutationResult<GraphUser> {
    const id = input.id ?? randomUUID()
    if (this.usersById.has(id) || this.groupsById.has(id)) {
      return { ok: false, code: 'Conflict', message: `An object with id '${id}' already exists.` }
    }
    if (this.userIdByPrincipalName.has(input.userPrincipalName.toLowerCase())) {
      return {
        ok: false,
        code: 'Conflict',
        message: `Another object with the same value for property userPrincipalName already exists.`,
      }
    }
    const user = buildUser(input, id, this.clock())
    this.usersById.set(id, { user, managerId: null, isSoftDeleted: false })
    this.userIdByPrincipalName.set(user.userPrincipalName.toLowerCase(), id)
    this.usersChanged()
    this.log.append({ objectType: 'user', objectId: id, kind: 'created' })
    return ok(user)
  }

  updateUser(id: string, patch: UserPatch): MutationResult<GraphUser> {
    const entry = this.usersById.get(id)
    if (!entry) return notFound(id)
    const changed = Object.keys(patch).filter((key) => {
      const value = patch[key as keyof UserPatch]
      return value !== undefined && JSON.stringify(value) !== JSON.stringify(entry.user[key as keyof GraphUser])
    })
    if (changed.length === 0) return ok(entry.user)
    const oldPrincipalName = entry.user.userPrincipalName.toLowerCase()
    const newPrincipalName = patch.userPrincipalName?.toLowerCase()
    if (newPrincipalName !== undefined && newPrincipalName !== oldPrincipalName) {
      if (this.userIdByPrincipalName.has(newPrincipalName)) {
        return {
          ok: false,
          code: 'Conflict',
          message: 'Another object with the same value for property userPrincipalName already exists.',
        }
      }
      this.userIdByPrincipalName.delete(oldPrincipalName)
      this.userIdByPrincipalName.set(newPrincipalName, id)
    }
    const updates = Object.fromEntries(changed.map((key) => [key, patch[key as keyof UserPatch]]))
    entry.user = { ...entry.user, ...updates }
    this.replaceInUserSnapshot(entry.user)
    this.log.append({ objectType: 'user', objectId: id, kind: 'updated', properties: changed })
    return ok(entry.user)
  }

  /** Keeps the sorted snapshot valid after an update, which never changes the order. */
  private replaceInUserSnapshot(user: GraphUser): void {
    if (!this.userSnapshot) return
    const snapshot = this.userSnapshot
    let low = 0
    let high = snapshot.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const order = compareIds((snapshot[middle] as GraphUser).id, user.id)
      if (order === 0) {
        snapshot[middle] = user
        return
      }
      if (order < 0) low = middle + 1
      else high = middle - 1
    }
  }

  disableUser(id: string): MutationResult<GraphUser> {
    return this.updateUser(id, { accountEnabled: false })
  }

  softDeleteUser(id: string): MutationResult<GraphUser> {
    const entry = this.usersById.get(id)
    if (!entry || entry.isSoftDeleted) return notFound(id)
    entry.isSoftDeleted = true
    this.usersChanged()
    this.log.append({ objectType: 'user', objectId: id, kind: 'softDeleted' })
    this.logUserMemberships(id, 'memberRemoved')
    return ok(entry.user)
  }

  restoreUser(id: string): MutationResult<GraphUser> {
    const entry = this.usersById.get(id)
    if (!entry?.isSoftDeleted) return notFound(id)
    entry.isSoftDeleted = false
    this.usersChanged()
    this.log.append({ objectType: 'user', objectId: id, kind: 'restored' })
    this.logUserMemberships(id, 'memberAdded')
    return ok(entry.user)
  }

  hardDeleteUser(id: string): MutationResult<{ readonly id: string }> {
    const entry = this.usersById.get(id)
    if (!entry) return notFound(id)
    this.usersById.delete(id)
    this.userIdByPrincipalName.delete(entry.user.userPrincipalName.toLowerCase())
    for (const edge of this.membership.removeObject(id)) {
      this.log.append({ objectType: 'group', objectId: edge.groupId, kind: 'memberRemoved', memberId: id, memberType: USER_TYPE })
    }
    // Reports of a permanently deleted manager lose their manager reference.
    for (const [reportId, report] of this.usersById) {
      if (report.managerId !== id) continue
      report.managerId = null
      this.log.append({ objectType: 'user', objectId: reportId, kind: 'managerChanged', previousManagerId: id })
    }
    this.removeAssignmentsOf(id)
    this.usersChanged()
    this.log.append({ objectType: 'user', objectId: id, kind: 'hardDeleted' })
    return ok({ id })
  }

  setManager(userId: string, managerId: string | null): MutationResult<{ readonly managerId: string | null }> {
    const entry = this.usersById.get(userId)
    if (!entry) return notFound(userId)
    if (managerId !== null) {
      if (!this.usersById.has(managerId)) return notFound(managerId)
      if (managerId === userId) return { ok: false, code: 'InvalidArgument', message: 'A user cannot manage themselves.' }
    }
    if (entry.managerId === managerId) return ok({ managerId })
    const previousManagerId = entry.managerId
    entry.managerId = managerId
    this.log.append({ objectType: 'user', objectId: userId, kind: 'managerChanged', previousManagerId })
    return ok({ managerId })
  }

  private memberTypeOf(id: string): GraphMemberType | null {
    if (this.usersById.has(id)) return USER_TYPE
    if (this.groupsById.has(id)) return GROUP_TYPE
    return null
  }

  addMember(groupId: string, memberId: string): MutationResult<GraphMemberRef> {
    if (!this.groupsById.has(groupId)) return notFound(groupId)
    const memberType = this.memberTypeOf(memberId)
    if (memberType === null) return notFound(memberId)
    if (memberId === groupId) return { ok: false, code: 'InvalidArgument', message: 'A group cannot contain itself.' }
    if (!this.membership.add({ groupId, memberId, memberType })) {
      return {
        ok: false,
        code: 'Conflict',
        message: 'One or more added object references already exist for the following modified properties: \'members\'.',
      }
    }
    this.membershipChanged([groupId])
    this.log.append({ objectType: 'group', objectId: groupId, kind: 'memberAdded', memberId, memberType })
    return ok({ '@odata.type': memberType, id: memberId })
  }

  removeMember(groupId: string, memberId: string): MutationResult<GraphMemberRef> {
    if (!this.groupsById.has(groupId)) return notFound(groupId)
    const edge = this.membership.remove(groupId, memberId)
    if (!edge) return notFound(memberId)
    this.membershipChanged([groupId])
    this.log.append({ objectType: 'group', objectId: groupId, kind: 'memberRemoved', memberId, memberType: edge.memberType })
    return ok({ '@odata.type': edge.memberType, id: memberId })
  }

  createGroup(input: GroupInput): MutationResult<GraphGroup> {
    const id = input.id ?? randomUUID()
    if (this.usersById.has(id) || this.groupsById.has(id)) {
      return { ok: false, code: 'Conflict', message: `An object with id '${id}' already exists.` }
    }
    const group = buildGroup(input, id, this.clock())
    this.groupsById.set(id, group)
    this.groupSnapshot = null
    this.log.append({ objectType: 'group', objectId: id, kind: 'created' })
    return ok(group)
  }

  deleteGroup(id: string): MutationResult<{ readonly id: string }> {
    if (!this.groupsById.has(id)) return notFound(id)
    this.groupsById.delete(id)
    for (const edge of this.membership.removeObject(id)) {
      if (edge.groupId === id) continue
      this.log.append({ objectType: 'group', objectId: edge.groupId, kind: 'memberRemoved', memberId: id, memberType: GROUP_TYPE })
    }
    this.removeAssignmentsOf(id)
    this.groupSnapshot = null
    this.membershipChanged()
    this.log.append({ objectType: 'group', objectId: id, kind: 'hardDeleted' })
    return ok({ id })
  }

  assignAppRole(servicePrincipalId: string, principalId: string): MutationResult<AppRoleAssignment> {
    const servicePrincipal = this.servicePrincipalsById.get(servicePrincipalId)
    if (!servicePrincipal) return notFound(servicePrincipalId)
    const user = this.usersById.get(principalId)?.user
    const group = this.groupsById.get(principalId)
    if (!user && !group) return notFound(principalId)
    const list = this.assignments.get(servicePrincipalId) ?? []
    const existing = list.find((assignment) => assignment.principalId === principalId)
    if (existing) return ok(existing)
    const assignment: AppRoleAssignment = {
      id: appRoleAssignmentId(servicePrincipalId, principalId),
      appRoleId: DEFAULT_ACCESS_APP_ROLE_ID,
      createdDateTime: this.clock().toISOString(),
      deletedDateTime: null,
      principalDisplayName: user ? user.displayName : (group?.displayName ?? null),
      principalId,
      principalType: user ? 'User' : 'Group',
      resourceDisplayName: servicePrincipal.displayName,
      resourceId: servicePrincipalId,
    }
    this.assignments.set(servicePrincipalId, [...list, assignment])
    return ok(assignment)
  }

  private removeAssignmentsOf(principalId: string): void {
    for (const [servicePrincipalId, list] of this.assignments) {
      this.assignments.set(
        servicePrincipalId,
        list.filter((assignment) => assignment.principalId !== principalId),
      )
    }
  }
}
