/**
 * Direct group memberships, indexed both ways: members of a group, and groups of a member. Nesting
 * is a membership whose member is a group.
 */
import type { GraphMemberType } from '../../../services/graph/graph-types'

export interface MembershipEdge {
  readonly groupId: string
  readonly memberId: string
  readonly memberType: GraphMemberType
}

const NO_MEMBERS: ReadonlyMap<string, GraphMemberType> = new Map()
const NO_GROUPS: ReadonlySet<string> = new Set()

export class MembershipIndex {
  private readonly membersByGroup = new Map<string, Map<string, GraphMemberType>>()
  private readonly groupsByMember = new Map<string, Set<string>>()

  /** Adds a membership; false when it already existed. */
  add(edge: MembershipEdge): boolean {
    let members = this.membersByGroup.get(edge.groupId)
    if (!members) this.membersByGroup.set(edge.groupId, (members = new Map<string, GraphMemberType>()))
    if (members.has(edge.memberId)) return false
    members.set(edge.memberId, edge.memberType)
    let groups = this.groupsByMember.get(edge.memberId)
    if (!groups) this.groupsByMember.set(edge.memberId, (groups = new Set<string>()))
    groups.add(edge.groupId)
    return true
  }

  /** Removes a membership; the removed edge, or null when there was none. */
  remove(groupId: string, memberId: string): MembershipEdge | null {
    const memberType = this.membersByGroup.get(groupId)?.get(memberId)
    if (memberType === undefined) return null
    this.membersByGroup.get(groupId)?.delete(memberId)
    this.groupsByMember.get(memberId)?.delete(groupId)
    return { groupId, memberId, memberType }
  }

  has(groupId: string, memberId: string): boolean {
    return this.membersByGroup.get(groupId)?.has(memberId) ?? false
  }

  membersOf(groupId: string): ReadonlyMap<string, GraphMemberType> {
    return this.membersByGroup.get(groupId) ?? NO_MEMBERS
  }

  groupsOf(memberId: string): ReadonlySet<string> {
    return this.groupsByMember.get(memberId) ?? NO_GROUPS
  }

  /** Removes every membership of `objectId`, as member and as group; returns what was removed. */
  removeObject(objectId: string): MembershipEdge[] {
    const removed: MembershipEdge[] = []
    for (const groupId of [...this.groupsOf(objectId)]) {
      const edge = this.remove(groupId, objectId)
      if (edge) removed.push(edge)
    }
    for (const memberId of [...this.membersOf(objectId).keys()]) {
      const edge = this.remove(objectId, memberId)
      if (edge) removed.push(edge)
    }
    this.membersByGroup.delete(objectId)
    this.groupsByMember.delete(objectId)
    return removed
  }
}
