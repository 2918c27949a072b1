import { describe, expect, it } from 'vitest'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { assignRoles } from '../../../../src-main/domain/grouping/assign-roles'
import { describeApproverReason, describeRoleReason } from '../../../../src-main/domain/grouping/describe-roles'
import type { RoleRule } from '../../../../src-main/domain/grouping/grouping-rule'

function user(id: string, managerId: string | null, groups: { direct?: string[]; nested?: string[] } = {}): DirectoryUser {
  const direct = groups.direct ?? []
  return { id, properties: {}, managerId, isSoftDeleted: false, directGroupIds: new Set(direct), groupIds: new Set([...direct, ...(groups.nested ?? [])]) }
}

// Org: ceo ← ada ← (bo, cy); ada → dag (out of scope); eve's manager does not exist.
const ceo = user('ceo', null)
const ada = user('ada', 'ceo', { direct: ['g-nordic-managers'], nested: ['g-sales', 'g-staff'] })
const bo = user('bo', 'ada', { direct: ['g-sales'] })
const cy = user('cy', 'ada')
const dag = user('dag', 'ada')
const eve = user('eve', 'ghost')
const fay = user('fay', 'dag')
const IN_SCOPE = [ceo, ada, bo, cy, eve, fay]
const ALL = new Map([ceo, ada, bo, cy, dag, eve, fay].map((entry) => [entry.id, entry]))
const NAMES = {
  groupNames: new Map([['g-sales', 'Sales'], ['g-nordic-managers', 'Nordic Managers'], ['g-staff', 'Staff']]),
  userNames: new Map([['ada', 'Ada Lovelace'], ['bo', 'Bo Ek'], ['cy', 'Cy Young'], ['dag', 'Dag Hammar'], ['ceo', 'Chief']]),
}
// Nordic Managers is a member of Sales; Sales is a member of Staff.
const PARENTS = new Map([['g-nordic-managers', ['g-sales']], ['g-sales', ['g-staff']]])

const rule: RoleRule = {
  groupRoles: [
    { entraGroupId: 'g-sales', role: 'Sales Agent' },
    { entraGroupId: 'g-staff', role: 'Employee' },
    { entraGroupId: 'g-nordic-managers', role: 'Employee' },
  ],
  managerRule: { isEnabled: true, approverRole: 'Approver' },
  selfApproverIds: ['cy'],
}

describe('group → role mapping', () => {
  const roles = assignRoles(rule, IN_SCOPE, ALL, { parentGroupIds: PARENTS })

  it('gives roles through direct and nested membership, each role once with every way it was reached', () => {
    expect(roles.get('bo')!.roles.map((entry) => entry.role)).toEqual(['Sales Agent'])
    expect(roles.get('ada')!.roles.map((entry) => [entry.role, entry.reasons.length])).toEqual([['Approver', 1], ['Employee', 2], ['Sales Agent', 1]])
  })

  it('explains nested membership with the path of groups', () => {
    const words = roles.get('ada')!.roles.flatMap((entry) => entry.reasons.map((reason) => `${entry.role}: ${describeRoleReason(reason, NAMES)}`))
    expect(words).toEqual([
      'Approver: manages 2 people in scope (Bo Ek, Cy Young)',
      'Employee: in group “Staff” via nested groups “Nordic Managers” → “Sales”',
      'Employee: in group “Nordic Managers”',
      'Sales Agent: in group “Sales” via nested group “Nordic Managers”',
    ])
  })

  it('still gives the role, without a path, when the nesting is not known', () => {
    const [reason] = assignRoles(rule, IN_SCOPE, ALL).get('ada')!.roles.find((entry) => entry.role === 'Sales Agent')!.reasons
    expect(reason).toEqual({ kind: 'group', groupId: 'g-sales', path: [] })
    expect(describeRoleReason(reason!, NAMES)).toBe('in group “Sales” through nested groups')
  })

  it('gives no roles to a user in none of the groups who manages no one', () => {
    expect(roles.get('eve')!.roles).toEqual([])
  })
})

describe('the manager rule', () => {
  const roles = assignRoles(rule, IN_SCOPE, ALL, { parentGroupIds: PARENTS })
  const approver = (id: string) => [roles.get(id)!.approverId, describeApproverReason(roles.get(id)!.approverReason, NAMES)]

  it('makes everyone who manages someone in scope an Approver', () => {
    const approvers = IN_SCOPE.filter((entry) => roles.get(entry.id)!.roles.some((role) => role.role === 'Approver')).map((entry) => entry.id)
    expect(approvers).toEqual(['ceo', 'ada'])
  })

  it('does not count reports who are out of scope (dag manages fay, but dag is out)', () => {
    expect(roles.has('dag')).toBe(false)
    expect(approver('fay')).toEqual([null, 'Their manager “Dag Hammar” is not in scope, so no approver: the manager must be provisioned first.'])
  })

  it('makes the manager the direct approver', () => {
    expect(approver('bo')).toEqual(['ada', 'Their manager “Ada Lovelace” is their approver.'])
  })

  it('lets the self-approver list override the manager', () => {
    expect(approver('cy')).toEqual(['cy', 'On the self-approver list: approves their own requests (this overrides the manager).'])
  })

  it('tells a missing manager from none at all', () => {
    expect(approver('ceo')).toEqual([null, 'Has no manager in Entra, so no approver.'])
    expect(approver('eve')).toEqual([null, 'Their manager (ghost) is not in the directory, so no approver.'])
  })

  it('gives no Approver role and no manager approvers when switched off, but keeps self-approvers', () => {
    const off = assignRoles({ ...rule, managerRule: { isEnabled: false, approverRole: 'Approver' } }, IN_SCOPE, ALL)
    expect([...off.values()].some((entry) => entry.roles.some((role) => role.role === 'Approver'))).toBe(false)
    expect(off.get('bo')!.approverReason).toEqual({ kind: 'managerRuleOff' })
    expect(off.get('cy')!.approverId).toBe('cy')
  })

  it('lists up to five reports and counts the rest', () => {
    const manager = user('m', null)
    const reports = Array.from({ length: 7 }, (_, index) => user(`r${index}`, 'm'))
    const everyone = [manager, ...reports]
    const result = assignRoles(rule, everyone, new Map(everyone.map((entry) => [entry.id, entry])))
    const [reason] = result.get('m')!.roles[0]!.reasons
    expect(describeRoleReason(reason!)).toBe('manages 7 people in scope (r0, r1, r2, r3, r4 and 2 more)')
  })
})
