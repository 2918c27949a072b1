import { describe, expect, it } from 'vitest'
import { parseTargetPath } from '../../../../src-main/domain/mapping/target-path'
import { buildManagerPatch, buildUserPatch, buildUserResource, CARD_USER_SCHEMA, isSameValue, readTargetValue, shownValue } from '../../../../src-main/domain/planner/target-value'

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'

function read(resource: Record<string, unknown>, text: string): unknown {
  return readTargetValue(resource, parseTargetPath(text).path!)
}

const resource = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  id: 't-1',
  UserName: 'ann@contoso.com',
  name: { givenName: 'Ann', familyName: 'Lee' },
  emails: [{ type: 'other', value: 'ann@private.example' }, { type: 'Work', value: 'ann.lee@contoso.com', primary: true }],
  phoneNumbers: [{ type: 'mobile', value: '+41 79 555 01 02' }],
  addresses: [{ type: 'work', country: 'CH' }],
  roles: [{ value: 'Approver' }, { value: 'Sales Lead' }],
  active: false,
  [ENTERPRISE]: { department: 'Sales', manager: { value: 't-9', $ref: '../Users/t-9' } },
  [CARD_USER_SCHEMA]: { pronouns: 'she/her' },
}

describe('readTargetValue', () => {
  it.each([
    ['userName', 'ann@contoso.com'],
    ['NAME.GIVENNAME', 'Ann'],
    ['emails[type eq "work"].value', 'ann.lee@contoso.com'],
    ['phoneNumbers[type eq "mobile"].value', '+41 79 555 01 02'],
    ['phoneNumbers[type eq "work"].value', null],
    ['addresses[type eq "work"].country', 'CH'],
    [`${ENTERPRISE}:department`, 'Sales'],
    [`${ENTERPRISE}:manager`, 't-9'],
    [`${CARD_USER_SCHEMA}:pronouns`, 'she/her'],
    [`${CARD_USER_SCHEMA}:motto`, null],
    ['roles', ['Approver', 'Sales Lead']],
    ['active', false],
    ['title', null],
  ])('%s → %j', (path, expected) => {
    expect(read(resource, path)).toEqual(expected)
  })
})

describe('building requests', () => {
  it('builds a SCIM User with its schemas, value-filtered elements and extensions, never the manager', () => {
    const values = new Map<string, unknown>([
      ['userName', 'ann@contoso.com'],
      ['emails[type eq "work"].value', 'ann@contoso.com'],
      ['phoneNumbers[type eq "mobile"].value', '+41 79'],
      ['phoneNumbers[type eq "work"].value', '+41 44'],
      ['name.givenName', 'Ann'],
      [`${ENTERPRISE}:department`, 'Sales'],
      [`${ENTERPRISE}:manager`, 'u-boss'],
      [`${CARD_USER_SCHEMA}:pronouns`, 'she/her'],
      ['active', true],
    ])
    expect(buildUserResource(values, ['Approver'])).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, CARD_USER_SCHEMA],
      userName: 'ann@contoso.com',
      emails: [{ type: 'work', value: 'ann@contoso.com' }],
      phoneNumbers: [{ type: 'mobile', value: '+41 79' }, { type: 'work', value: '+41 44' }],
      name: { givenName: 'Ann' },
      [ENTERPRISE]: { department: 'Sales' },
      [CARD_USER_SCHEMA]: { pronouns: 'she/her' },
      active: true,
      roles: [{ value: 'Approver' }],
    })
  })

  it('patches with add where the target has nothing and replace where it has a value (RFC 7644 §3.5.2)', () => {
    expect(
      buildUserPatch(
        [
          { path: 'title', before: null, after: 'Director' },
          { path: 'Emails[Type EQ "work"].Value', before: 'old@contoso.com', after: 'new@contoso.com' },
          { path: `${ENTERPRISE}:department`, before: 'Sales', after: 'Support' },
          { path: 'roles', before: ['Approver'], after: ['Approver', 'Sales Lead'] },
        ],
        { emails: [{ type: 'work', value: 'old@contoso.com' }] },
      ),
    ).toEqual([
      { op: 'add', path: 'title', value: 'Director' },
      { op: 'replace', path: 'Emails[Type eq "work"].Value', value: 'new@contoso.com' },
      { op: 'replace', path: `${ENTERPRISE}:department`, value: 'Support' },
      { op: 'replace', path: 'roles', value: [{ value: 'Approver' }, { value: 'Sales Lead' }] },
    ])
    expect(buildManagerPatch('t-9', false)).toEqual([{ op: 'add', path: `${ENTERPRISE}:manager`, value: { value: 't-9' } }])
  })

  it('adds the whole element when no element matches the value filter, and replaces through the filter when one does', () => {
    const changes = [
      { path: 'phoneNumbers[type eq "mobile"].value', before: null, after: '+47 400 00 000' },
      { path: 'addresses[type eq "work"].country', before: null, after: 'NO' },
    ]
    // The target has a work address (without a country) but no mobile number.
    const resource = { phoneNumbers: [{ type: 'work', value: '+47 22 00 00 00' }], addresses: [{ type: 'work', locality: 'Oslo' }] }
    expect(buildUserPatch(changes, resource)).toEqual([
      { op: 'add', path: 'phoneNumbers', value: [{ type: 'mobile', value: '+47 400 00 000' }] },
      { op: 'replace', path: 'addresses[type eq "work"].country', value: 'NO' },
    ])
    // Without the target resource nothing is assumed to exist.
    expect(buildUserPatch(changes.slice(1))).toEqual([{ op: 'add', path: 'addresses', value: [{ type: 'work', country: 'NO' }] }])
  })

  it('compares values exactly, booleans with their text forms', () => {
    expect(isSameValue('Ann', 'Ann')).toBe(true)
    expect(isSameValue('Ann', 'ann')).toBe(false)
    expect(isSameValue(true, 'True')).toBe(true)
    expect(isSameValue(['a', 'b'], ['a', 'b'])).toBe(true)
    expect(isSameValue(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(isSameValue('x', null)).toBe(false)
    expect(shownValue(['a', '', null])).toEqual(['a'])
    expect(shownValue(42)).toBe('42')
  })
})
