import { describe, expect, it } from 'vitest'
import { DEFAULT_MANDATORY_TARGETS, defaultMappingSet, type AttributeMapping, type MappingSet } from '../../../../src-main/domain/mapping/attribute-mapping'
import { compileMappingSet } from '../../../../src-main/domain/mapping/evaluate-mappings'
import type { MappingDiagnostic } from '../../../../src-main/domain/mapping/mapping-diagnostic'
import { sourceAttributeNames } from '../../../../src-main/domain/mapping/source-attributes'
import { ENTERPRISE_USER_SCHEMA } from '../../../../src-main/domain/mapping/target-path'
import { validateMappingSet } from '../../../../src-main/domain/mapping/validate-mapping-set'

const known = sourceAttributeNames(['userPrincipalName', 'givenName', 'surname', 'jobTitle', 'department', 'mobilePhone', 'businessPhones', 'country', 'employeeId', 'accountEnabled'])
const base = defaultMappingSet()

function withMappings(change: (mappings: AttributeMapping[]) => AttributeMapping[], mandatoryTargets = base.mandatoryTargets): MappingSet {
  return { mappings: change([...base.mappings]), mandatoryTargets }
}
function map(targetPath: string, type: AttributeMapping['type'], source: string | undefined, extra: Partial<AttributeMapping> = {}): AttributeMapping {
  return { targetPath, type, ...(source === undefined ? {} : { source }), applyOn: 'always', matching: null, isMandatory: false, ...extra }
}
const summary = (diagnostics: readonly MappingDiagnostic[]): Array<[string, string, number | null]> => diagnostics.map((item) => [item.code, item.severity, item.mappingIndex])

describe('the default mapping set', () => {
  it('is valid against the pulled attributes', () => {
    expect(validateMappingSet(base, known)).toEqual([])
  })

  it('locks exactly the five mandatory targets of PRODUCT.md', () => {
    expect(base.mappings.filter((mapping) => mapping.isMandatory).map((mapping) => mapping.targetPath).sort()).toEqual([...DEFAULT_MANDATORY_TARGETS].sort())
  })

  it('maps userPrincipalName to both userName and the work e-mail, matching on userName', () => {
    const fromUpn = base.mappings.filter((mapping) => mapping.source === 'userPrincipalName')
    expect(fromUpn.map((mapping) => [mapping.targetPath, mapping.matching ?? null])).toEqual([['userName', { precedence: 1 }], ['emails[type eq "work"].value', null]])
  })
})

describe('validateMappingSet', () => {
  it('reports a removed mandatory target', () => {
    const set = withMappings((mappings) => mappings.filter((mapping) => mapping.targetPath !== 'name.familyName'))
    expect(validateMappingSet(set, known)).toEqual([expect.objectContaining({ code: 'mandatoryTargetMissing', severity: 'error', mappingIndex: null, field: 'set' })])
  })

  it('reports a duplicate target, whatever its spelling', () => {
    const set = withMappings((mappings) => [...mappings, map('Title', 'constant', 'Staff')])
    expect(summary(validateMappingSet(set, known))).toEqual([['duplicateTarget', 'error', 11]])
  })

  it('reports an invalid target path with its position', () => {
    const set = withMappings((mappings) => [...mappings, map('phoneNumbers[type eq "fax"', 'direct', 'mobile')])
    expect(validateMappingSet(set, known)).toEqual([expect.objectContaining({ code: 'invalidTargetPath', mappingIndex: 11, field: 'targetPath', offset: 12, length: 14 })])
  })

  it('reports expression errors with their positions in the expression', () => {
    const set = withMappings((mappings) => [...mappings, map('displayName', 'expression', 'Join(" ", [givenName], [surnam])')])
    expect(validateMappingSet(set, known)).toEqual([expect.objectContaining({ code: 'unknownAttribute', severity: 'error', mappingIndex: 11, field: 'source', offset: 23, length: 8, hint: 'Did you mean [surname]?' })])
  })

  it('reports a mandatory target mapped as None', () => {
    const set = withMappings((mappings) => mappings.map((mapping) => (mapping.targetPath === 'active' ? { ...mapping, type: 'none' as const } : mapping)))
    expect(summary(validateMappingSet(set, known))).toEqual([['mandatoryTargetNotMapped', 'error', 7]])
  })

  it('reports a lock that disagrees with the mandatory targets', () => {
    const set = withMappings((mappings) => mappings, base.mandatoryTargets.filter((target) => target !== 'active'))
    expect(summary(validateMappingSet(set, known))).toEqual([['mandatoryFlagMismatch', 'error', 7]])
  })

  it.each<[string, AttributeMapping, Array<[string, string, number | null]>]>([
    ['a Direct mapping without a source', map('nickName', 'direct', ''), [['missingSource', 'error', 11]]],
    ['a Direct mapping from an attribute that was not pulled', map('nickName', 'direct', 'mailNickname'), [['unknownAttribute', 'error', 11]]],
    ['a Constant without a value', map('nickName', 'constant', undefined), [['missingSource', 'error', 11]]],
    ['a default value on an update-only mapping', map('nickName', 'direct', 'givenName', { applyOn: 'updateOnly', defaultValue: 'x' }), [['unusedDefaultValue', 'warning', 11]]],
    ['matching on a target that is not unique', map('title2', 'direct', 'jobTitle', { matching: { precedence: 2 } }), [['matchingTargetNotUnique', 'warning', 11]]],
    ['matching on a Constant', map('externalId', 'constant', 'x', { matching: { precedence: 2 } }), [['matchingWithoutValue', 'error', 11]]],
    ['matching on a volatile expression', map('externalId', 'expression', 'Guid()', { matching: { precedence: 2 } }), [['matchingVolatileExpression', 'error', 11]]],
    ['a matching precedence already taken', map(`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, 'direct', 'employeeId', { matching: { precedence: 1 } }), [['duplicatePrecedence', 'error', 11]]],
    ['a matching precedence of 0', map(`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, 'direct', 'employeeId', { matching: { precedence: 0 } }), [['invalidPrecedence', 'error', 11]]],
  ])('reports %s', (_label, added, expected) => {
    expect(summary(validateMappingSet(withMappings((mappings) => [...mappings, added]), known))).toEqual(expected)
  })

  it('warns when nothing is used for matching', () => {
    const set = withMappings((mappings) => mappings.map((mapping) => ({ ...mapping, matching: null })))
    expect(summary(validateMappingSet(set, known))).toEqual([['noMatchingAttribute', 'warning', null]])
  })

  it('is what compileMappingSet reports when given the known attributes', () => {
    const set = withMappings((mappings) => [...mappings, map('Title', 'constant', 'Staff')])
    const compiled = compileMappingSet(set, { knownAttributes: known })
    expect(compiled.diagnostics).toEqual(validateMappingSet(set, known))
    expect(compiled.hasErrors).toBe(true)
  })
})
