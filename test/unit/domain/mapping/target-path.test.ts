import { describe, expect, it } from 'vitest'
import { ENTERPRISE_USER_SCHEMA, parseTargetPath, printTargetPath, targetTextKey } from '../../../../src-main/domain/mapping/target-path'

describe('parseTargetPath', () => {
  it.each([
    ['userName', { schema: null, attribute: 'userName', filter: null, subAttribute: null }],
    ['name.givenName', { schema: null, attribute: 'name', filter: null, subAttribute: 'givenName' }],
    ['emails[type eq "work"].value', { schema: null, attribute: 'emails', filter: { attribute: 'type', value: 'work' }, subAttribute: 'value' }],
    ['phoneNumbers[type eq "mobile"].value', { schema: null, attribute: 'phoneNumbers', filter: { attribute: 'type', value: 'mobile' }, subAttribute: 'value' }],
    ['addresses[type eq "work"].country', { schema: null, attribute: 'addresses', filter: { attribute: 'type', value: 'work' }, subAttribute: 'country' }],
    [`${ENTERPRISE_USER_SCHEMA}:manager`, { schema: ENTERPRISE_USER_SCHEMA, attribute: 'manager', filter: null, subAttribute: null }],
    [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, { schema: ENTERPRISE_USER_SCHEMA, attribute: 'employeeNumber', filter: null, subAttribute: null }],
    [`${ENTERPRISE_USER_SCHEMA}:manager.value`, { schema: ENTERPRISE_USER_SCHEMA, attribute: 'manager', filter: null, subAttribute: 'value' }],
    ['urn:ietf:params:scim:schemas:extension:Headcount:2.0:User:cardTitle', { schema: 'urn:ietf:params:scim:schemas:extension:Headcount:2.0:User', attribute: 'cardTitle', filter: null, subAttribute: null }],
  ])('parses %s', (text, expected) => {
    expect(parseTargetPath(text)).toEqual({ path: expected, diagnostics: [] })
  })

  it.each([
    'userName',
    'name.givenName',
    'emails[type eq "work"].value',
    'emails[type eq "other"].Value',
    'phoneNumbers[type eq "fax"].value',
    'addresses[type eq "work"].country',
    `${ENTERPRISE_USER_SCHEMA}:department`,
    `${ENTERPRISE_USER_SCHEMA}:employeeNumber`,
    'urn:example:ext:User:code[type eq "a:b"]',
    'manager.$ref',
  ])('prints %s back exactly as written', (text) => {
    const parsed = parseTargetPath(text)
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.path && printTargetPath(parsed.path)).toBe(text)
  })

  it('prints a loosely written filter in the canonical form', () => {
    const parsed = parseTargetPath('emails[type  EQ  "work"].value')
    expect(parsed.path && printTargetPath(parsed.path)).toBe('emails[type eq "work"].value')
  })

  it.each([
    ['', 'emptyTargetPath', 0, 0],
    ['   ', 'emptyTargetPath', 0, 3],
    ['1name', 'invalidTargetPath', 0, 5],
    ['emails[type ne "work"].value', 'invalidTargetPath', 11, 1],
    ['emails[type eq work].value', 'invalidTargetPath', 15, 1],
    ['emails[type eq "work].value', 'invalidTargetPath', 15, 12],
    ['emails[type eq "work".value', 'invalidTargetPath', 6, 15],
    ['emails[].value', 'invalidTargetPath', 7, 1],
    ['name.', 'invalidTargetPath', 5, 1],
    ['name.givenName extra', 'invalidTargetPath', 14, 6],
    ['urn:manager', 'invalidTargetPath', 0, 11],
  ])('reports %j as %s at offset %i, length %i', (text, code, offset, length) => {
    const parsed = parseTargetPath(text, 4)
    expect(parsed.path).toBeNull()
    expect(parsed.diagnostics).toHaveLength(1)
    expect(parsed.diagnostics[0]).toMatchObject({ code, severity: 'error', mappingIndex: 4, field: 'targetPath', offset, length })
  })
})

describe('targetTextKey', () => {
  it('treats attribute names, URNs and filter values as case-insensitive (RFC 7643 §2.1)', () => {
    expect(targetTextKey('Emails[Type EQ "Work"].Value')).toBe(targetTextKey('emails[type eq "work"].value'))
    expect(targetTextKey(`${ENTERPRISE_USER_SCHEMA.toUpperCase()}:Manager`)).toBe(targetTextKey(`${ENTERPRISE_USER_SCHEMA}:manager`))
    expect(targetTextKey('phoneNumbers[type eq "work"].value')).not.toBe(targetTextKey('phoneNumbers[type eq "mobile"].value'))
  })
})
