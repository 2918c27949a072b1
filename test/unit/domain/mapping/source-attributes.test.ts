import { describe, expect, it } from 'vitest'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { isSoftDeletedForProvisioning, readSourceAttribute, sourceAttributeNames } from '../../../../src-main/domain/mapping/source-attributes'

function user(properties: Record<string, unknown>, overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return { id: 'u-1', properties, managerId: 'm-1', isSoftDeleted: false, directGroupIds: new Set(), groupIds: new Set(), ...overrides }
}

const soren = user({
  givenName: 'Søren',
  mobilePhone: '+45 12 34 56 78',
  businessPhones: ['+45 33 12 34 56', '+45 33 12 34 57'],
  officeLocation: 'Copenhagen HQ',
  accountEnabled: true,
  onPremisesExtensionAttributes: { extensionAttribute1: 'CC-1001', extensionAttribute2: null },
})

describe('readSourceAttribute', () => {
  it.each([
    ['givenName', 'Søren'],
    ['mobilePhone', '+45 12 34 56 78'],
    ['mobile', '+45 12 34 56 78'],
    ['telephoneNumber', '+45 33 12 34 56'],
    ['physicalDeliveryOfficeName', 'Copenhagen HQ'],
    ['objectId', 'u-1'],
    ['id', 'u-1'],
    ['manager', 'm-1'],
    ['extensionAttribute1', 'CC-1001'],
    ['extensionAttribute2', null],
    ['extensionAttribute16', null],
    ['IsSoftDeleted', false],
    ['surname', null],
    ['GivenName', null],
  ])('[%s] is %j', (name, expected) => {
    expect(readSourceAttribute(soren, name)).toEqual(expected)
  })

  it('has no telephone number when businessPhones is empty or absent', () => {
    expect(readSourceAttribute(user({ businessPhones: [] }), 'telephoneNumber')).toBeNull()
    expect(readSourceAttribute(user({}), 'telephoneNumber')).toBeNull()
  })
})

describe('IsSoftDeleted', () => {
  it('is true for a soft-deleted or a disabled user, as Entra computes it', () => {
    expect(isSoftDeletedForProvisioning(user({ accountEnabled: true }))).toBe(false)
    expect(isSoftDeletedForProvisioning(user({ accountEnabled: false }))).toBe(true)
    expect(isSoftDeletedForProvisioning(user({ accountEnabled: true }, { isSoftDeleted: true }))).toBe(true)
  })
})

describe('sourceAttributeNames', () => {
  it('offers Graph properties, the Entra names and the fifteen extension attributes, sorted', () => {
    const names = sourceAttributeNames(['givenName', 'onPremisesExtensionAttributes', 'mobilePhone'])
    expect(names).toContain('givenName')
    expect(names).toContain('mobile')
    expect(names).toContain('extensionAttribute15')
    expect(names).not.toContain('onPremisesExtensionAttributes')
    expect([...names]).toEqual([...names].sort((a, b) => a.localeCompare(b)))
  })
})

describe('attribute names that are also Object.prototype members', () => {
  it('reads them as absent instead of reaching the prototype (found by the scoping property test)', () => {
    const user: DirectoryUser = { id: 'u', properties: {}, managerId: null, isSoftDeleted: false, directGroupIds: new Set(), groupIds: new Set() }
    for (const name of ['hasOwnProperty', 'constructor', 'toString', 'valueOf', '__proto__']) expect(readSourceAttribute(user, name)).toBeNull()
  })
})
