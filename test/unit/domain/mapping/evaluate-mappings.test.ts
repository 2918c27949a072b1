import { describe, expect, it } from 'vitest'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { defaultMappingSet, type AttributeMapping, type MappingSet } from '../../../../src-main/domain/mapping/attribute-mapping'
import { compileMappingSet, desiredAttributes, matchingKeys, type MappingPhase } from '../../../../src-main/domain/mapping/evaluate-mappings'
import { ENTERPRISE_USER_SCHEMA } from '../../../../src-main/domain/mapping/target-path'

const DEPARTMENT = `${ENTERPRISE_USER_SCHEMA}:department`
const MANAGER = `${ENTERPRISE_USER_SCHEMA}:manager`
const services = { now: new Date('2026-03-01T09:00:00Z'), random: () => 0.25, newGuid: () => '11111111-2222-3333-4444-555555555555' }

function user(id: string, properties: Record<string, unknown>, overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return { id, properties, managerId: 'mgr-1', isSoftDeleted: false, directGroupIds: new Set(), groupIds: new Set(), ...overrides }
}

const ana = user('u-ana', {
  userPrincipalName: 'ana.silva@contoso.example',
  givenName: 'Ana',
  surname: 'Silva',
  jobTitle: 'Controller',
  department: 'Finance',
  accountEnabled: true,
  mobilePhone: '+351 91 234 5678',
  businessPhones: ['+351 21 000 0000', '+351 21 000 0001'],
  country: 'Portugal',
})
const disabled = user('u-dis', { ...ana.properties, userPrincipalName: 'dis@contoso.example', accountEnabled: false })
const softDeleted = user('u-del', { ...ana.properties, userPrincipalName: 'del@contoso.example' }, { isSoftDeleted: true })
const noPhones = user('u-nop', { userPrincipalName: 'nop@contoso.example', givenName: 'No', surname: 'Phones', accountEnabled: true, mobilePhone: null, businessPhones: [] }, { managerId: null })
const guest = user('u-guest', { userPrincipalName: 'bob_fabrikam.example#EXT#@contoso.onmicrosoft.com', userType: 'Guest', givenName: null, accountEnabled: true }, { managerId: null })

const defaults = compileMappingSet(defaultMappingSet())
const sent = (target: DirectoryUser, phase: MappingPhase): Record<string, unknown> => Object.fromEntries(desiredAttributes(defaults, target, { phase, ...services }).values)

describe('the default mapping (PRODUCT.md "Attribute sync") — golden table', () => {
  it('compiles without diagnostics', () => {
    expect(defaults.diagnostics).toEqual([])
    expect(defaults.hasErrors).toBe(false)
  })

  it.each<[string, DirectoryUser, MappingPhase, Record<string, unknown>, readonly string[]]>([
    ['a normal user, create', ana, 'create', {
      userName: 'ana.silva@contoso.example',
      'emails[type eq "work"].value': 'ana.silva@contoso.example',
      'name.givenName': 'Ana',
      'name.familyName': 'Silva',
      title: 'Controller',
      [DEPARTMENT]: 'Finance',
      [MANAGER]: 'mgr-1',
      active: 'True',
      'phoneNumbers[type eq "mobile"].value': '+351 91 234 5678',
      'phoneNumbers[type eq "work"].value': '+351 21 000 0000',
    }, []],
    ['a normal user, update (country is sent on update only)', ana, 'update', {
      userName: 'ana.silva@contoso.example',
      'emails[type eq "work"].value': 'ana.silva@contoso.example',
      'name.givenName': 'Ana',
      'name.familyName': 'Silva',
      title: 'Controller',
      [DEPARTMENT]: 'Finance',
      [MANAGER]: 'mgr-1',
      active: 'True',
      'phoneNumbers[type eq "mobile"].value': '+351 91 234 5678',
      'phoneNumbers[type eq "work"].value': '+351 21 000 0000',
      'addresses[type eq "work"].country': 'Portugal',
    }, []],
    ['a disabled account (accountEnabled=false): active "False"', disabled, 'update', {
      userName: 'dis@contoso.example',
      'emails[type eq "work"].value': 'dis@contoso.example',
      'name.givenName': 'Ana',
      'name.familyName': 'Silva',
      title: 'Controller',
      [DEPARTMENT]: 'Finance',
      [MANAGER]: 'mgr-1',
      active: 'False',
      'phoneNumbers[type eq "mobile"].value': '+351 91 234 5678',
      'phoneNumbers[type eq "work"].value': '+351 21 000 0000',
      'addresses[type eq "work"].country': 'Portugal',
    }, []],
    ['a user without phones, manager or country: those are not sent', noPhones, 'update', {
      userName: 'nop@contoso.example',
      'emails[type eq "work"].value': 'nop@contoso.example',
      'name.givenName': 'No',
      'name.familyName': 'Phones',
      active: 'True',
    }, []],
    ['a guest without names: cannot be created', guest, 'create', {
      userName: 'bob_fabrikam.example#EXT#@contoso.onmicrosoft.com',
      'emails[type eq "work"].value': 'bob_fabrikam.example#EXT#@contoso.onmicrosoft.com',
      active: 'True',
    }, ['name.givenName', 'name.familyName']],
  ])('%s', (_label, target, phase, expectedValues, expectedMissing) => {
    const result = desiredAttributes(defaults, target, { phase, ...services })
    expect(Object.fromEntries(result.values)).toEqual(expectedValues)
    expect(result.missingMandatory).toEqual(expectedMissing)
    expect(result.failed).toEqual([])
  })

  it('sends active "False" for a user soft-deleted in Entra', () => {
    expect(sent(softDeleted, 'update').active).toBe('False')
  })

  it('never puts a null in values: empty targets are listed and explained instead', () => {
    const result = desiredAttributes(defaults, noPhones, { phase: 'update', ...services })
    expect([...result.values.values()]).not.toContain(null)
    expect(result.empty).toEqual(['title', DEPARTMENT, MANAGER, 'phoneNumbers[type eq "mobile"].value', 'phoneNumbers[type eq "work"].value', 'addresses[type eq "work"].country'])
    expect(result.explanations.get('title')).toMatchObject({ source: 'jobTitle', rawValue: null, value: null, rule: 'direct', reason: 'emptyNotSent' })
  })

  it('skips country on create and explains why', () => {
    const result = desiredAttributes(defaults, ana, { phase: 'create', ...services })
    expect(result.skipped).toEqual(['addresses[type eq "work"].country'])
    expect(result.explanations.get('addresses[type eq "work"].country')).toMatchObject({ reason: 'updateOnly', value: null })
  })

  it('explains the expression behind active', () => {
    const result = desiredAttributes(defaults, disabled, { phase: 'create', ...services })
    expect(result.explanations.get('active')).toMatchObject({ source: 'Not([IsSoftDeleted])', rawValue: 'False', value: 'False', rule: 'expression', reason: 'mapped' })
  })

  it('on update, reports a mandatory target that has lost its value', () => {
    expect(desiredAttributes(defaults, guest, { phase: 'update', ...services }).missingMandatory).toEqual(['name.givenName', 'name.familyName'])
  })

  it('matches on userName', () => {
    expect(matchingKeys(defaults, ana, services)).toEqual([{ targetPath: 'userName', precedence: 1, value: 'ana.silva@contoso.example' }])
  })
})

function setOf(mappings: AttributeMapping[], mandatoryTargets: string[] = []): MappingSet {
  return { mappings, mandatoryTargets }
}
function map(targetPath: string, type: AttributeMapping['type'], source: string | undefined, extra: Partial<AttributeMapping> = {}): AttributeMapping {
  return { targetPath, type, ...(source === undefined ? {} : { source }), applyOn: 'always', matching: null, isMandatory: false, ...extra }
}

describe('desiredAttributes — Entra semantics', () => {
  it('applies "default value if null" on create only', () => {
    const compiled = compileMappingSet(setOf([map('title', 'direct', 'jobTitle', { defaultValue: 'Employee' })]))
    const create = desiredAttributes(compiled, noPhones, { phase: 'create', ...services })
    expect(create.values.get('title')).toBe('Employee')
    expect(create.explanations.get('title')).toMatchObject({ rawValue: null, value: 'Employee', rule: 'default', reason: 'defaultOnCreate' })
    const update = desiredAttributes(compiled, noPhones, { phase: 'update', ...services })
    expect(update.values.has('title')).toBe(false)
    expect(update.empty).toEqual(['title'])
  })

  it('does not use the default value when the source has one', () => {
    const compiled = compileMappingSet(setOf([map('title', 'direct', 'jobTitle', { defaultValue: 'Employee' })]))
    expect(desiredAttributes(compiled, ana, { phase: 'create', ...services }).values.get('title')).toBe('Controller')
  })

  it('applies "Only during creation" mappings on create and skips them on update', () => {
    const compiled = compileMappingSet(setOf([map('externalId', 'expression', 'Guid()', { applyOn: 'creationOnly' })]))
    expect(desiredAttributes(compiled, ana, { phase: 'create', ...services }).values.get('externalId')).toBe('11111111-2222-3333-4444-555555555555')
    const update = desiredAttributes(compiled, ana, { phase: 'update', ...services })
    expect(update.values.size).toBe(0)
    expect(update.skipped).toEqual(['externalId'])
    expect(update.explanations.get('externalId')?.reason).toBe('creationOnly')
  })

  it('leaves a None target untouched, even with a default value', () => {
    const compiled = compileMappingSet(setOf([map('nickName', 'none', undefined, { defaultValue: 'n/a' })]))
    const result = desiredAttributes(compiled, ana, { phase: 'create', ...services })
    expect(result.values.size).toBe(0)
    expect(result.skipped).toEqual(['nickName'])
    expect(result.explanations.get('nickName')).toMatchObject({ source: null, rule: 'none', reason: 'noneMapping' })
  })

  it('sends a constant as written', () => {
    const compiled = compileMappingSet(setOf([map('userType', 'constant', 'Employee')]))
    expect(desiredAttributes(compiled, ana, { phase: 'update', ...services }).explanations.get('userType')).toMatchObject({ value: 'Employee', rule: 'constant', reason: 'mapped' })
  })

  it('leaves a target out of the flow with IgnoreFlowIfNullOrEmpty — no default either', () => {
    const compiled = compileMappingSet(setOf([map('phoneNumbers[type eq "mobile"].value', 'expression', 'IgnoreFlowIfNullOrEmpty([mobile])', { defaultValue: '000' })]))
    const empty = desiredAttributes(compiled, noPhones, { phase: 'create', ...services })
    expect(empty.values.size).toBe(0)
    expect(empty.skipped).toEqual(['phoneNumbers[type eq "mobile"].value'])
    expect(empty.explanations.get('phoneNumbers[type eq "mobile"].value')?.reason).toBe('ignoreFlow')
    expect(desiredAttributes(compiled, ana, { phase: 'create', ...services }).values.get('phoneNumbers[type eq "mobile"].value')).toBe('+351 91 234 5678')
  })

  it('sends a redacted value but shows [Redact] in the explanation', () => {
    const compiled = compileMappingSet(setOf([map('title', 'expression', 'Redact([jobTitle])')]))
    const result = desiredAttributes(compiled, ana, { phase: 'create', ...services })
    expect(result.values.get('title')).toBe('Controller')
    expect(result.explanations.get('title')).toMatchObject({ rawValue: '[Redact]', value: '[Redact]', isRedacted: true })
  })

  it('reports a broken expression as failed for every user, with its diagnostics', () => {
    const compiled = compileMappingSet(setOf([map('title', 'expression', 'Lef([jobTitle], 3)')]))
    expect(compiled.hasErrors).toBe(true)
    expect(compiled.diagnostics[0]).toMatchObject({ code: 'unknownFunction', mappingIndex: 0, field: 'source', offset: 0, length: 3 })
    const result = desiredAttributes(compiled, ana, { phase: 'create', ...services })
    expect(result.failed).toEqual(['title'])
    expect(result.explanations.get('title')).toMatchObject({ reason: 'evaluationFailed', value: null })
  })

  it('keys values by the canonical target path and finds mandatory targets in any spelling', () => {
    const compiled = compileMappingSet(setOf([map('Emails[type EQ "work"].value', 'direct', 'userPrincipalName', { isMandatory: true })], ['emails[type eq "work"].value']))
    const result = desiredAttributes(compiled, ana, { phase: 'create', ...services })
    expect([...result.values.keys()]).toEqual(['Emails[type eq "work"].value'])
    expect(result.missingMandatory).toEqual([])
  })

  it('reports an unmapped mandatory target as missing on create and on update', () => {
    const compiled = compileMappingSet(setOf([map('title', 'direct', 'jobTitle')], ['userName']))
    expect(desiredAttributes(compiled, ana, { phase: 'create', ...services }).missingMandatory).toEqual(['userName'])
    expect(desiredAttributes(compiled, ana, { phase: 'update', ...services }).missingMandatory).toEqual(['userName'])
  })
})

describe('matchingKeys', () => {
  const compiled = compileMappingSet(setOf([
    map('title', 'direct', 'jobTitle'),
    map('externalId', 'expression', 'Join("-", "emp", [objectId])', { matching: { precedence: 2 } }),
    map(`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, 'direct', 'employeeId', { matching: { precedence: 3 } }),
    map('userName', 'direct', 'userPrincipalName', { matching: { precedence: 1 } }),
  ]))

  it('gives the matching values in precedence order, leaving out the empty ones', () => {
    expect(matchingKeys(compiled, ana, services)).toEqual([
      { targetPath: 'userName', precedence: 1, value: 'ana.silva@contoso.example' },
      { targetPath: 'externalId', precedence: 2, value: 'emp-u-ana' },
    ])
  })
})
