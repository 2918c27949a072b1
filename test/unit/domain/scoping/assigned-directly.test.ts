/**
 * Users assigned to the application themselves (Entra's "Users and groups" blade lists them beside
 * groups): in `assignedOnly` scope they are in without any group, and the explanation says so.
 */
import { describe, expect, it } from 'vitest'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { compileScope, evaluateScope } from '../../../../src-main/domain/scoping/compile-scope'
import { describeScopeReason, isPassingReason } from '../../../../src-main/domain/scoping/scope-reason'
import type { ScopeContext, ScopeRule } from '../../../../src-main/domain/scoping/scope-rule'

function user(id: string, department: string, groups: { direct?: string[]; nested?: string[] } = {}): DirectoryUser {
  const direct = groups.direct ?? []
  return { id, properties: { department }, managerId: null, isSoftDeleted: false, directGroupIds: new Set(direct), groupIds: new Set([...direct, ...(groups.nested ?? [])]) }
}

const soloist = user('soloist', 'Sales')
const groupMember = user('member', 'Engineering', { direct: ['g-app'] })
const nestedMember = user('nested', 'Engineering', { direct: ['g-child'], nested: ['g-app'] })
const outsider = user('outsider', 'Sales', { direct: ['g-other'] })
const everyone = [soloist, groupMember, nestedMember, outsider]

const context: ScopeContext = { assignedGroupIds: new Set(['g-app']), assignedUserIds: new Set(['soloist']), groupNames: new Map([['g-app', 'Cardwise users']]) }
const assignedOnly: ScopeRule = { mode: 'assignedOnly', filters: [] }
const inScope = (rule: ScopeRule, scopeContext: ScopeContext = context) =>
  everyone.filter((candidate) => compileScope(rule).isInScope(candidate, scopeContext)).map((candidate) => candidate.id)

describe('assignedOnly with users assigned directly', () => {
  it('counts a directly assigned user beside the direct members of assigned groups (nested members stay out by default)', () => {
    expect(inScope(assignedOnly)).toEqual(['soloist', 'member'])
  })

  it('with transitive assignment, nested members join; the directly assigned user stays in', () => {
    expect(inScope({ ...assignedOnly, assignedMembership: 'transitive' })).toEqual(['soloist', 'member', 'nested'])
  })

  it('a context without assignedUserIds (older callers) behaves as before: groups only', () => {
    expect(inScope(assignedOnly, { assignedGroupIds: new Set(['g-app']) })).toEqual(['member'])
  })

  it('direct assignment passes only the assignment stage: filters and the group filter still apply', () => {
    const engineers: ScopeRule = { ...assignedOnly, filters: [{ name: 'Engineers', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Engineering' }] }] }
    expect(inScope(engineers)).toEqual(['member'])
    expect(inScope({ ...assignedOnly, groupFilter: { groupIds: ['g-app'], membership: 'direct' } })).toEqual(['member'])
  })

  it('isInScope and evaluate agree for every user and both membership kinds', () => {
    for (const rule of [assignedOnly, { ...assignedOnly, assignedMembership: 'transitive' as const }]) {
      const scope = compileScope(rule)
      for (const candidate of everyone) expect(scope.evaluate(candidate, context).isInScope).toBe(scope.isInScope(candidate, context))
    }
  })
})

describe("the reason 'assignedDirectly'", () => {
  it('explains a directly assigned user, and is a passing reason', () => {
    const evaluation = evaluateScope(assignedOnly, soloist, context)
    expect(evaluation).toEqual({ isInScope: true, reasons: [{ kind: 'assignedDirectly' }, { kind: 'noFilters' }] })
    expect(isPassingReason({ kind: 'assignedDirectly' })).toBe(true)
  })

  it('is preferred when the user is also a member of an assigned group', () => {
    const both = user('both', 'Sales', { direct: ['g-app'] })
    const reasons = evaluateScope(assignedOnly, both, { ...context, assignedUserIds: new Set(['both']) }).reasons
    expect(reasons[0]).toEqual({ kind: 'assignedDirectly' })
  })

  it('is not used in allUsers mode', () => {
    expect(evaluateScope({ mode: 'allUsers', filters: [] }, soloist, context).reasons[0]).toEqual({ kind: 'allUsers' })
  })

  it('in words', () => {
    expect(describeScopeReason({ kind: 'assignedDirectly' })).toBe('Assigned to the application directly (as a user, not through a group).')
    expect(describeScopeReason({ kind: 'assigned', groupId: 'g-app', isDirect: true }, context.groupNames)).toBe('Assigned through group “Cardwise users”.')
    // Out of scope names both ways in, now that a user can be assigned directly too.
    expect(describeScopeReason({ kind: 'notAssigned', nestedOnlyGroupId: null })).toBe('Not assigned to the application, neither directly nor through a group.')
  })
})
