import { describe, expect, it } from 'vitest'
import { USER_SELECT } from '../../../../src-main/services/graph/graph-client-reader'
import { defaultProfileRules } from '../../../../src-main/services/rules/default-profile-rules'
import { graphPropertyOf, pullAttributesForRules, referencedAttributes } from '../../../../src-main/services/rules/rule-attributes'
import { COST_CENTRE, rulesWith } from './rules-fixtures'

describe('the attributes rules read', () => {
  it('collects direct sources, [attributes] in expressions, clause attributes and grouping fields', () => {
    const defaults = defaultProfileRules('demo')
    const rules = rulesWith({
      mapping: { ...defaults.mapping, mappings: [...defaults.mapping.mappings, { targetPath: 'nickName', type: 'expression', source: 'Coalesce([employeeType], [extensionAttribute3])', applyOn: 'always', isMandatory: false }] },
      scope: { mode: 'allUsers', filters: [{ name: 'Fax', clauses: [{ attribute: 'faxNumber', operator: 'IS NOT NULL' }] }] },
      grouping: { kind: 'byFilters', groups: [{ name: 'Cost', filters: [{ name: 'CC', clauses: [{ attribute: COST_CENTRE, operator: 'EQUALS', value: 'CC-42' }] }] }] },
    })
    expect([...referencedAttributes(rules)].sort()).toEqual(
      [COST_CENTRE, 'IsSoftDeleted', 'country', 'department', 'employeeType', 'extensionAttribute3', 'faxNumber', 'givenName', 'jobTitle', 'manager', 'mobile', 'surname', 'telephoneNumber', 'userPrincipalName'].sort(),
    )
  })

  it('maps Entra names to the Graph property they read, and refuses names Graph would reject', () => {
    expect(graphPropertyOf('mobile')).toBe('mobilePhone')
    expect(graphPropertyOf('IsSoftDeleted')).toBe('accountEnabled')
    expect(graphPropertyOf('extensionAttribute15')).toBe('onPremisesExtensionAttributes')
    expect(graphPropertyOf('manager')).toBeNull()
    expect(graphPropertyOf('employeeOrgData')).toBe('employeeOrgData')
    expect(graphPropertyOf(COST_CENTRE)).toBe(COST_CENTRE)
    expect(graphPropertyOf('extension_notAnAppId_x')).toBeNull()
    expect(graphPropertyOf('departmnt')).toBeNull()
  })

  it('selects the default list for the default rules, and adds what the rules need in a stable order', () => {
    expect(pullAttributesForRules(defaultProfileRules('tenant'))).toEqual([...USER_SELECT])
    const rules = rulesWith({
      scope: { mode: 'allUsers', filters: [{ name: 'x', clauses: [{ attribute: 'faxNumber', operator: 'IS NOT NULL' }, { attribute: COST_CENTRE, operator: 'IS NOT NULL' }, { attribute: 'employeeType', operator: 'IS NOT NULL' }] }] },
    })
    expect(pullAttributesForRules(rules)).toEqual([...USER_SELECT, COST_CENTRE, 'faxNumber'])
  })
})
