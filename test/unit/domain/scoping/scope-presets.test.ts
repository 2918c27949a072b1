import { describe, expect, it } from 'vitest'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { compileScope } from '../../../../src-main/domain/scoping/compile-scope'
import { presetFilter, withScopePreset } from '../../../../src-main/domain/scoping/scope-presets'
import type { ScopeRule } from '../../../../src-main/domain/scoping/scope-rule'

function user(id: string, properties: Record<string, unknown>): DirectoryUser {
  return { id, properties, managerId: null, isSoftDeleted: false, directGroupIds: new Set(), groupIds: new Set() }
}

const licence = [{ skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', disabledPlans: [] }]
const USERS = [
  user('member', { accountEnabled: true, userType: 'Member', assignedLicenses: licence, department: 'Sales' }),
  user('disabled', { accountEnabled: false, userType: 'Member', assignedLicenses: licence, department: 'Sales' }),
  user('guest', { accountEnabled: true, userType: 'Guest', assignedLicenses: [], department: 'Sales' }),
  user('unlicensed', { accountEnabled: true, userType: 'Member', assignedLicenses: [], department: 'IT' }),
]
const inScope = (rule: ScopeRule) => USERS.filter((candidate) => compileScope(rule).isInScope(candidate, { assignedGroupIds: new Set() })).map((candidate) => candidate.id)

describe('scoping presets', () => {
  it.each([
    ['excludeDisabledAccounts', ['member', 'guest', 'unlicensed']],
    ['excludeGuests', ['member', 'disabled', 'unlicensed']],
    ['excludeUnlicensedUsers', ['member', 'disabled']],
  ] as const)('%s on its own', (preset, expected) => {
    expect(inScope({ mode: 'allUsers', filters: [presetFilter(preset)] })).toEqual(expected)
  })

  it('ANDs into every existing filter, so an exclusion cannot widen scope', () => {
    const sales: ScopeRule = { mode: 'allUsers', filters: [{ name: 'Sales', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] }] }
    expect(inScope(withScopePreset(sales, 'excludeDisabledAccounts'))).toEqual(['member', 'guest'])
    expect(inScope(withScopePreset(withScopePreset(sales, 'excludeDisabledAccounts'), 'excludeGuests'))).toEqual(['member'])
  })

  it('is idempotent', () => {
    const once = withScopePreset({ mode: 'allUsers', filters: [] }, 'excludeGuests')
    expect(withScopePreset(once, 'excludeGuests')).toEqual(once)
  })

  it('all three together leave the enabled, licensed members', () => {
    let rule: ScopeRule = { mode: 'allUsers', filters: [] }
    for (const preset of ['excludeDisabledAccounts', 'excludeGuests', 'excludeUnlicensedUsers'] as const) rule = withScopePreset(rule, preset)
    expect(rule.filters).toHaveLength(1)
    expect(inScope(rule)).toEqual(['member'])
  })
})
