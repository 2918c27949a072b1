import { describe, expect, it } from 'vitest'
import { CARD_EXTENSION_ATTRIBUTES, CARD_EXTENSION_SCHEMA, cardExtensionSchemaResource } from '../../../../src-main/domain/mapping/card-extension-schema'

describe('the Headcount card extension schema', () => {
  it('is a SCIM /Schemas resource (RFC 7643 §7) with one attribute per card field', () => {
    const resource = cardExtensionSchemaResource('https://target.example/scim/v2/')
    expect(resource).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
      id: CARD_EXTENSION_SCHEMA,
      meta: { resourceType: 'Schema', location: `https://target.example/scim/v2/Schemas/${CARD_EXTENSION_SCHEMA}` },
    })
    expect(resource.attributes.map((attribute) => attribute.name)).toEqual(CARD_EXTENSION_ATTRIBUTES.map((attribute) => attribute.name))
    for (const attribute of resource.attributes) {
      expect(attribute).toMatchObject({ multiValued: false, required: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none' })
      expect(attribute.description.length).toBeGreaterThan(10)
    }
  })

  it('declares URLs as external references, compared exactly', () => {
    const photo = cardExtensionSchemaResource().attributes.find((attribute) => attribute.name === 'photoUrl')
    expect(photo).toMatchObject({ type: 'reference', referenceTypes: ['external'], caseExact: true })
    const title = cardExtensionSchemaResource().attributes.find((attribute) => attribute.name === 'cardTitle')
    expect(title).toMatchObject({ type: 'string', caseExact: false })
    expect(title).not.toHaveProperty('referenceTypes')
  })

  it('uses a URN under Headcount’s own namespace, distinct from the IETF schemas', () => {
    expect(CARD_EXTENSION_SCHEMA).toBe('urn:ietf:params:scim:schemas:extension:headcount:2.0:User')
    expect(new Set(CARD_EXTENSION_ATTRIBUTES.map((attribute) => attribute.name)).size).toBe(CARD_EXTENSION_ATTRIBUTES.length)
  })
})
