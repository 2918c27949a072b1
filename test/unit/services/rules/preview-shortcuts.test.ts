/**
 * The live counts take two shortcuts past the domain engines (mandatory-check.ts and countRoles) for
 * speed. These specs hold them to the engines' answers on a generated organisation, rule by rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MappingSet, RoleRule } from '../../../../src-main/common/rules'
import { generateOrganisation } from '../../../../src-main/demo/organisation/generate-organisation'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { assignRoles } from '../../../../src-main/domain/grouping/assign-roles'
import { defaultMappingSet } from '../../../../src-main/domain/mapping/attribute-mapping'
import { compileMappingSet, desiredAttributes } from '../../../../src-main/domain/mapping/evaluate-mappings'
import type { GraphMemberRef } from '../../../../src-main/services/graph/graph-types'
import { DirectorySnapshots } from '../../../../src-main/services/rules/directory-snapshots'
import { createMandatoryCheck } from '../../../../src-main/services/rules/mandatory-check'
import { countRoles } from '../../../../src-main/services/rules/rules-preview'
import { DirectoryWriter } from '../../../../src-main/services/store/directory-writer'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { pullInto, temporaryDataDir } from '../store/directory-fixtures'

const services = { now: new Date('2026-11-23T10:00:00Z'), random: () => 0.5, newGuid: () => '00000000-0000-4000-8000-000000000000' }

let folder: ReturnType<typeof temporaryDataDir>
let database: ProfileDatabase
let users: readonly DirectoryUser[]
let groupIds: string[]

beforeAll(() => {
  folder = temporaryDataDir()
  database = openProfileDatabase(folder.path, 'generated')
  const organisation = generateOrganisation({ users: 400 })
  const members: Record<string, GraphMemberRef[]> = {}
  for (const membership of organisation.memberships) (members[membership.groupId] ??= []).push({ '@odata.type': membership.memberType, id: membership.memberId })
  pullInto(new DirectoryWriter(database), {
    users: organisation.users.map(({ user, managerId }) => ({ ...user, manager: managerId === null ? null : { id: managerId } })),
    groups: organisation.groups,
    members,
  })
  users = new DirectorySnapshots(() => database).get('generated').snapshot.users
  groupIds = organisation.groups.map((group) => group.id)
})

afterAll(() => {
  database.close()
  folder.remove()
})

function withMapping(targetPath: string, change: Partial<MappingSet['mappings'][number]>, set: MappingSet = defaultMappingSet()): MappingSet {
  return { ...set, mappings: set.mappings.map((mapping) => (mapping.targetPath === targetPath ? { ...mapping, ...change } : mapping)) }
}

describe('createMandatoryCheck', () => {
  const sets: Record<string, MappingSet> = {
    'the default mapping': defaultMappingSet(),
    'a surname left out of the flow when empty': withMapping('name.familyName', { type: 'expression', source: 'IgnoreFlowIfNullOrEmpty([mobile])' }),
    'a first name with a default value': withMapping('name.givenName', { source: 'mobile', defaultValue: 'Unknown' }),
    'a user name applied on update only': withMapping('userName', { applyOn: 'updateOnly' }),
    'an expression that fails for some users': withMapping('name.familyName', { type: 'expression', source: 'CDate([mobile])' }),
    'a mandatory target without a mapping': { ...defaultMappingSet(), mandatoryTargets: [...defaultMappingSet().mandatoryTargets, 'nickName'] },
  }
  for (const [name, set] of Object.entries(sets)) {
    it(`agrees with desiredAttributes on create for ${name}`, () => {
      const compiled = compileMappingSet(set)
      const check = createMandatoryCheck(compiled, services)
      const expected = users.map((user) => desiredAttributes(compiled, user, { ...services, phase: 'create' }).missingMandatory.length > 0)
      expect(users.map(check)).toEqual(expected)
    })
  }
})

describe('countRoles', () => {
  const rules: Record<string, () => RoleRule> = {
    'group roles and the manager rule': () => ({ groupRoles: groupIds.slice(0, 4).map((entraGroupId, index) => ({ entraGroupId, role: `Role ${index}` })), managerRule: { isEnabled: true, approverRole: 'Approver' }, selfApproverIds: [] }),
    'two groups giving one role, and a group role named like the approver role': () => ({
      groupRoles: [{ entraGroupId: groupIds[0]!, role: 'Member' }, { entraGroupId: groupIds[1]!, role: 'Member' }, { entraGroupId: groupIds[2]!, role: 'Approver' }],
      managerRule: { isEnabled: true, approverRole: 'Approver' },
      selfApproverIds: [],
    }),
    'the manager rule off': () => ({ groupRoles: [{ entraGroupId: groupIds[3]!, role: 'Staff' }], managerRule: { isEnabled: false, approverRole: 'Approver' }, selfApproverIds: [] }),
  }
  for (const [name, rule] of Object.entries(rules)) {
    it(`agrees with assignRoles for ${name}, over a part of the directory`, () => {
      const inScope = users.filter((_, index) => index % 3 !== 0)
      const expected = new Map<string, number>()
      for (const { roles } of assignRoles(rule(), inScope, new Map(users.map((user) => [user.id, user]))).values()) {
        for (const { role } of roles) expected.set(role, (expected.get(role) ?? 0) + 1)
      }
      const counted = countRoles(rule(), inScope)
      expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(expected))
      expect(counted.size).toBeGreaterThan(0)
    })
  }
})
