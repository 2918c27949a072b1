import { describe, expect, it } from 'vitest'
import type { AttributeMapping, MappingSet } from '../../../../../src-main/common'
import { isRequiredTarget, requirableTargets, withRequiredTargets } from '../../../../../src-renderer/features/rules/required-targets'

const row = (targetPath: string, isMandatory = false): AttributeMapping => ({ targetPath, type: 'direct', source: 'x', applyOn: 'always', matching: null, isMandatory })
const mapping: MappingSet = {
  mappings: [row('userName', true), row('active', true), row('title'), row('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'), row('')],
  mandatoryTargets: ['userName', 'active'],
}

describe('required target attributes', () => {
  it('marks a further attribute as required and locks its row', () => {
    const next = withRequiredTargets(mapping, ['userName', 'active', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'])
    expect(next.mandatoryTargets).toEqual(['userName', 'active', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'])
    expect(next.mappings.map((item) => item.isMandatory)).toEqual([true, true, false, true, false])
  })

  it('releases a default one the target does not need, unlocking its row', () => {
    const next = withRequiredTargets(mapping, ['userName'])
    expect(next.mappings.map((item) => item.isMandatory)).toEqual([true, false, false, false, false])
    expect(isRequiredTarget(next, 'active')).toBe(false)
    expect(isRequiredTarget(next, 'USERNAME')).toBe(true)
  })

  it('offers each mapped attribute once, skipping empty rows, and keeps unchanged rows as they were', () => {
    expect(requirableTargets({ ...mapping, mappings: [...mapping.mappings, row('Title')] })).toEqual(['userName', 'active', 'title', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'])
    const same = withRequiredTargets(mapping, ['userName', 'active'])
    expect(same.mappings[2]).toBe(mapping.mappings[2])
  })
})
