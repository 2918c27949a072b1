import { describe, expect, it } from 'vitest'
import { defaultMappingSet } from '../../../../src-main/domain/mapping/attribute-mapping'
import { parseTargetPath } from '../../../../src-main/domain/mapping/target-path'
import { targetCatalogue } from '../../../../src-main/domain/mapping/target-catalogue'

describe('targetCatalogue', () => {
  it('offers only paths the target-path parser accepts, each once', () => {
    const paths = targetCatalogue().map((item) => item.path)
    for (const path of paths) expect(parseTargetPath(path).diagnostics).toEqual([])
    expect(new Set(paths).size).toBe(paths.length)
  })

  it('offers every target of the default mapping', () => {
    const paths = new Set(targetCatalogue().map((item) => item.path))
    for (const mapping of defaultMappingSet().mappings) expect(paths).toContain(mapping.targetPath)
  })

  it('covers the core, enterprise and card schemas and marks the mandatory targets given', () => {
    const catalogue = targetCatalogue(['userName', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'])
    expect(new Set(catalogue.map((item) => item.schema))).toEqual(new Set(['core', 'enterprise', 'card']))
    expect(catalogue.filter((item) => item.isMandatoryByDefault).map((item) => item.path)).toEqual(['userName', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'])
    expect(catalogue.map((item) => item.path)).toEqual(expect.arrayContaining(['phoneNumbers[type eq "fax"].value', 'addresses[type eq "work"].postalCode', 'roles', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter']))
  })

  it("adds the target's own schema attributes it does not already offer, once, in any spelling", () => {
    const own = 'urn:example:params:scim:schemas:extension:cards:1.0:User:badgeColour'
    const catalogue = targetCatalogue(undefined, [own, own, 'USERNAME', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:Department'])
    const added = catalogue.filter((item) => item.schema === 'target')
    expect(added.map((item) => item.path)).toEqual([own])
    expect(catalogue).toHaveLength(targetCatalogue().length + 1)
  })
})
