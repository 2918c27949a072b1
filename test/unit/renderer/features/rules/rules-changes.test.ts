import { describe, expect, it } from 'vitest'
import type { ProfileRules } from '../../../../../src-main/common'
import { changedTabs, isSameRuleData } from '../../../../../src-renderer/features/rules/rules-changes'
import { hasPreset, SCOPE_PRESET_CHOICES, withPreset } from '../../../../../src-renderer/features/rules/scope-presets'
import { defaultRules } from '../../fake-headcount-api'

describe('unsaved changes per tab', () => {
  it('finds no change in equal rules written with keys in another order or an absent optional as null', () => {
    const saved = defaultRules()
    const reordered = JSON.parse(JSON.stringify({ roles: saved.roles, grouping: saved.grouping, scope: { ...saved.scope, groupFilter: null }, mapping: saved.mapping })) as ProfileRules
    expect(changedTabs(reordered, saved).size).toBe(0)
    expect(isSameRuleData({ a: undefined }, {})).toBe(true)
  })

  it('marks the tab of each changed part; grouping and roles share one tab', () => {
    const saved = defaultRules()
    expect([...changedTabs({ ...saved, roles: { ...saved.roles, selfApproverIds: ['u1'] } }, saved)]).toEqual(['groups'])
    expect([...changedTabs({ ...saved, scope: { ...saved.scope, mode: 'assignedOnly' } }, saved)]).toEqual(['scope'])
    const mappings = saved.mapping.mappings.map((row, index) => (index === 2 ? { ...row, source: 'department' } : row))
    expect([...changedTabs({ ...saved, mapping: { ...saved.mapping, mappings } }, saved)]).toEqual(['mapping'])
  })
})

describe('scope presets', () => {
  const [disabled, guests] = SCOPE_PRESET_CHOICES
  if (disabled === undefined || guests === undefined) throw new Error('presets missing')

  it('become the only filter when there is none, and are ANDed into every filter otherwise', () => {
    const none = withPreset({ mode: 'allUsers', filters: [] }, disabled)
    expect(none.filters).toEqual([{ name: 'Exclude disabled accounts', clauses: [{ attribute: 'accountEnabled', operator: 'IS TRUE' }] }])
    const two = withPreset(
      { mode: 'allUsers', filters: [{ name: 'A', clauses: [] }, { name: 'B', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] }] },
      guests,
    )
    expect(two.filters.map((filter) => filter.clauses.at(-1))).toEqual([
      { attribute: 'userType', operator: 'EQUALS', value: 'Member' },
      { attribute: 'userType', operator: 'EQUALS', value: 'Member' },
    ])
    expect(hasPreset(two, guests)).toBe(true)
    expect(withPreset(two, guests)).toEqual(two)
  })
})
