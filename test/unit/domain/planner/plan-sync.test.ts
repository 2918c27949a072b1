import { describe, expect, it } from 'vitest'
import { changesText } from '../../../../src-main/domain/planner/plan-csv'
import { planSync } from '../../../../src-main/domain/planner/plan-sync'
import type { PlanOperation, SyncPlan } from '../../../../src-main/domain/planner/sync-plan'
import { ENTERPRISE, goldenInput, person, targetUser, SERVICES } from './planner-fixtures'
import { DEFAULT_SYNC_OPTIONS } from '../../../../src-main/domain/planner/sync-plan'
import { defaultMappingSet } from '../../../../src-main/domain/mapping/attribute-mapping'

/** One row of a golden table: action, the Entra id (or group name), target id, reason code, changes. */
function rows(plan: SyncPlan): string[][] {
  return plan.operations.map((operation) => [operation.action, operation.entraId ?? operation.displayName, operation.targetId ?? '', operation.reason.code, changesText(operation.changes)])
}

function operation(plan: SyncPlan, id: string): PlanOperation {
  const found = plan.operations.find((candidate) => candidate.id === id)
  if (found === undefined) throw new Error(`no operation ${id} in ${plan.operations.map((candidate) => candidate.id).join(', ')}`)
  return found
}

const WORK_EMAIL = 'emails[type eq "work"].value'
const DEPARTMENT = `${ENTERPRISE}:department`

describe('planSync: the golden organisation in full mode', () => {
  const plan = planSync(goldenInput())

  it('plans exactly these operations, in this order', () => {
    expect(rows(plan)).toEqual([
      ['create', 'u-bo', '', 'NotInTarget', `userName: (none) → bo@contoso.com; ${WORK_EMAIL}: (none) → bo@contoso.com; name.givenName: (none) → Bo; name.familyName: (none) → Lund; title: (none) → Account Manager; ${DEPARTMENT}: (none) → Sales; active: (none) → true; roles: (none) → Approver`],
      ['create', 'u-cy', '', 'NotInTarget', `userName: (none) → cy@contoso.com; ${WORK_EMAIL}: (none) → cy@contoso.com; name.givenName: (none) → Cy; name.familyName: (none) → Moss; title: (none) → Sales Associate; ${DEPARTMENT}: (none) → Sales; active: (none) → true`],
      ['update', 'u-ada', 't-ada', 'AttributesChanged', 'title: Sales Manager → Sales Director; roles: Approver → Approver, Sales Lead'],
      ['reactivate', 'u-gus', 't-gus', 'ActiveAgain', 'phoneNumbers[type eq "mobile"].value: +41 79 555 00 00 → +41 79 555 01 02; active: false → true'],
      ['update', 'u-kim', 't-kim', 'AttributesChanged', `userName: kim@contoso.com → Kim@Contoso.com; ${WORK_EMAIL}: kim@contoso.com → Kim@Contoso.com`],
      ['createGroup', 'Management', '', 'GroupMissing', 'displayName: (none) → Management'],
      ['setManager', 'u-ada', 't-ada', 'ManagerChanged', 'manager: (none) → carla@contoso.com'],
      ['setManager', 'u-bo', '', 'ManagerChanged', 'manager: (none) → ada@contoso.com'],
      ['setManager', 'u-cy', '', 'ManagerChanged', 'manager: (none) → bo@contoso.com'],
      ['addMembers', 'Management', '', 'MembershipChanged', 'members: (none) → carla@contoso.com'],
      ['addMembers', 'Sales', 'tg-sales', 'MembershipChanged', 'members: (none) → gus@contoso.com, kim@contoso.com, bo@contoso.com, cy@contoso.com'],
      ['removeMembers', 'Sales', 'tg-sales', 'MembershipChanged', 'members: breakglass@contoso.com → (none)'],
      ['disable', 'u-dan', 't-dan', 'DisabledInEntra', 'active: true → false'],
      ['disable', 'u-fay', 't-fay', 'OutOfScope', 'active: true → false'],
      ['delete', 'u-jon', 't-jon', 'HardDeleteAfterDisable', ''],
      ['delete', 'u-gone', 't-gone', 'HardDeletedInEntra', ''],
      ['skip', 'u-carla', 't-carla', 'RedundantExport', ''],
      ['skip', 'u-eve', '', 'OutOfScope', ''],
      ['skip', 'u-gia', '', 'OutOfScope', ''],
      ['skip', 'u-hal', '', 'DuplicateTargetEntries', ''],
    ])
  })

  it('counts every action and lists the target users nobody matched', () => {
    expect(plan.counts).toEqual({ create: 2, update: 2, reactivate: 1, disable: 2, delete: 2, createGroup: 1, addMembers: 2, removeMembers: 1, setManager: 3, skip: 4 })
    expect(plan.unmatchedTargetUsers).toEqual([
      { targetId: 't-hal-1', userName: 'hal@contoso.com', active: true },
      { targetId: 't-hal-2', userName: 'HAL@contoso.com', active: true },
      { targetId: 't-breakglass', userName: 'breakglass@contoso.com', active: true },
    ])
  })

  it('creates a user with the SCIM resource Entra would POST, without the manager', () => {
    expect(operation(plan, 'create:u-bo:').resource).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
      userName: 'bo@contoso.com',
      emails: [{ type: 'work', value: 'bo@contoso.com' }],
      name: { givenName: 'Bo', familyName: 'Lund' },
      title: 'Account Manager',
      [ENTERPRISE]: { department: 'Sales' },
      active: true,
      roles: [{ value: 'Approver' }],
    })
  })

  it('updates, reactivates and disables with RFC 7644 PATCH operations', () => {
    expect(operation(plan, 'update:u-ada:t-ada').patch).toEqual([
      { op: 'replace', path: 'title', value: 'Sales Director' },
      { op: 'replace', path: 'roles', value: [{ value: 'Approver' }, { value: 'Sales Lead' }] },
    ])
    expect(operation(plan, 'reactivate:u-gus:t-gus').patch).toEqual([
      { op: 'replace', path: 'phoneNumbers[type eq "mobile"].value', value: '+41 79 555 01 02' },
      { op: 'replace', path: 'active', value: true },
    ])
    expect(operation(plan, 'disable:u-dan:t-dan').patch).toEqual([{ op: 'replace', path: 'active', value: false }])
  })

  it('points the manager at the target id, or at the Entra id of a manager created in the same push', () => {
    const ada = operation(plan, 'setManager:u-ada:t-ada')
    expect(ada.patch).toEqual([{ op: 'add', path: `${ENTERPRISE}:manager`, value: { value: 't-carla' } }])
    expect(ada.dependsOn).toEqual([])
    const bo = operation(plan, 'setManager:u-bo:')
    expect(bo.patch).toEqual([{ op: 'add', path: `${ENTERPRISE}:manager`, value: { value: 't-ada' } }])
    expect(bo.dependsOn).toEqual(['create:u-bo:'])
    const cy = operation(plan, 'setManager:u-cy:')
    expect(cy.references).toEqual({ managerEntraId: 'u-bo' })
    expect(cy.patch).toEqual([{ op: 'add', path: `${ENTERPRISE}:manager`, value: { value: null } }])
    expect(cy.dependsOn).toEqual(['create:u-cy:', 'create:u-bo:'])
  })

  it('manages only the groups the grouping rule names, matched by name in any case', () => {
    const add = operation(plan, 'addMembers:Sales:tg-sales')
    expect(add.patch).toEqual([{ op: 'add', path: 'members', value: [{ value: 't-gus' }, { value: 't-kim' }] }])
    // Members created in the same push have no target id yet: they are named by Entra id.
    expect(add.references).toEqual({ memberEntraIds: ['u-bo', 'u-cy'], groupName: 'Sales' })
    expect(add.dependsOn).toEqual(['create:u-bo:', 'create:u-cy:'])
    expect(operation(plan, 'removeMembers:Sales:tg-sales').patch).toEqual([{ op: 'remove', path: 'members[value eq "t-breakglass"]' }])
    expect(operation(plan, 'addMembers:Management:').dependsOn).toEqual(['createGroup:Management:'])
    expect(operation(plan, 'createGroup:Management:').resource).toEqual({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Management' })
    expect(plan.operations.some((candidate) => candidate.displayName === 'Admins')).toBe(false)
  })

  it('traces each user through import → scope → match → action in plain words', () => {
    expect(operation(plan, 'update:u-kim:t-kim').trace).toEqual([
      { step: 'import', status: 'success', detail: "Read 'Kim@Contoso.com' from the directory cache." },
      { step: 'scope', status: 'success', detail: 'In scope: All users are in scope (no assignment required). Matches filter “Staff”.' },
      { step: 'match', status: 'success', detail: "Matched target user 'kim@contoso.com' by userName = 'Kim@Contoso.com'." },
      { step: 'action', status: 'success', detail: 'Update \'kim@contoso.com\': userName, emails[type eq "work"].value.' },
      { step: 'reference', status: 'warning', detail: "Manager not provisioned: 'fay@contoso.com' is not in scope, so no approver is set." },
    ])
    expect(operation(plan, 'skip:u-carla:t-carla').trace[2]).toEqual({ step: 'match', status: 'success', detail: "Matched target user 'carla@contoso.com' through the link kept from an earlier run." })
    expect(operation(plan, 'skip:u-gia:').trace[1]?.detail).toBe('Out of scope: Filter “Staff”: userType is “Guest”, not EQUALS “Member”')
  })

  it('names both candidates of a duplicate instead of guessing', () => {
    const hal = operation(plan, 'skip:u-hal:')
    expect(hal.skipCode).toBe('DuplicateTargetEntries')
    expect(hal.reason.text).toContain("'hal@contoso.com', 'HAL@contoso.com'")
  })

  it('blocks on 2 deletes + 2 disables of 11 target users (over 20 %) until exactly 4 is typed', () => {
    expect(plan.safety).toEqual({ deletes: 2, disables: 2, targetUsers: 11, threshold: { count: 500, percent: 20 }, isBlocked: true, confirmNumber: 4 })
    expect(planSync(goldenInput({ confirmedDeletes: 4 })).safety.isBlocked).toBe(false)
    expect(planSync(goldenInput({ confirmedDeletes: 3 })).safety.isBlocked).toBe(true)
    expect(planSync(goldenInput({ confirmedDeletes: 5 })).safety.isBlocked).toBe(true)
    expect(planSync(goldenInput({ deletionThreshold: { count: 500, percent: 50 } })).safety.isBlocked).toBe(false)
    expect(planSync(goldenInput({ deletionThreshold: { count: 3, percent: 50 } })).safety.isBlocked).toBe(true)
  })

  it('is deterministic', () => {
    expect(planSync(goldenInput())).toEqual(plan)
  })
})

describe('planSync: options and modes', () => {
  it('paused: every would-be change becomes a Paused skip, and nothing is blocked', () => {
    const plan = planSync(goldenInput({ mode: 'paused' }))
    expect(plan.operations.every((candidate) => candidate.action === 'skip')).toBe(true)
    expect(plan.counts.skip).toBe(20)
    expect(plan.operations.filter((candidate) => candidate.skipCode === 'Paused').map((candidate) => candidate.id)).toEqual([
      'skip:create:u-bo:',
      'skip:create:u-cy:',
      'skip:update:u-ada:t-ada',
      'skip:reactivate:u-gus:t-gus',
      'skip:update:u-kim:t-kim',
      'skip:createGroup:Management:',
      'skip:setManager:u-ada:t-ada',
      'skip:setManager:u-bo:',
      'skip:setManager:u-cy:',
      'skip:addMembers:Management:',
      'skip:addMembers:Sales:tg-sales',
      'skip:removeMembers:Sales:tg-sales',
      'skip:disable:u-dan:t-dan',
      'skip:disable:u-fay:t-fay',
      'skip:delete:u-jon:t-jon',
      'skip:delete:u-gone:t-gone',
    ])
    expect(operation(plan, 'skip:update:u-ada:t-ada').changes).toEqual(operation(planSync(goldenInput()), 'update:u-ada:t-ada').changes)
    expect(plan.safety.isBlocked).toBe(false)
  })

  it('new users only: creates, their manager references and memberships go; existing users are left alone', () => {
    const plan = planSync(goldenInput({ mode: 'newUsersOnly' }))
    const sent = plan.operations.filter((candidate) => candidate.action !== 'skip').map((candidate) => candidate.id)
    expect(sent).toEqual(['create:u-bo:', 'create:u-cy:', 'createGroup:Management:', 'setManager:u-bo:', 'setManager:u-cy:', 'addMembers:Sales:tg-sales'])
    expect(operation(plan, 'addMembers:Sales:tg-sales').references?.memberEntraIds).toEqual(['u-bo', 'u-cy'])
    expect(operation(plan, 'addMembers:Sales:tg-sales').patch).toEqual([])
    const skipped = plan.operations.filter((candidate) => candidate.skipCode === 'ModeNewUsersOnly').map((candidate) => candidate.id)
    expect(skipped).toEqual([
      'skip:update:u-ada:t-ada',
      'skip:reactivate:u-gus:t-gus',
      'skip:update:u-kim:t-kim',
      'skip:setManager:u-ada:t-ada',
      'skip:disable:u-dan:t-dan',
      'skip:disable:u-fay:t-fay',
      'skip:delete:u-jon:t-jon',
      'skip:delete:u-gone:t-gone',
      // Planned as skips from the start (carla is an existing user joining a new group), so with the skips.
      'skip:Management:',
      'skip:Sales:tg-sales',
    ])
  })

  it('deletes instead of disabling when the target does not support soft delete', () => {
    const plan = planSync(goldenInput({ isSoftDeleteSupported: false }))
    expect(plan.operations.filter((candidate) => candidate.action === 'delete').map((candidate) => [candidate.id, candidate.reason.code])).toEqual([
      ['delete:u-dan:t-dan', 'NoSoftDelete'],
      ['delete:u-fay:t-fay', 'NoSoftDelete'],
      ['delete:u-jon:t-jon', 'HardDeleteAfterDisable'],
      ['delete:u-gone:t-gone', 'HardDeletedInEntra'],
    ])
    expect(plan.counts.disable).toBe(0)
  })

  it('keeps a disabled user until the hard-delete delay has passed, and forever with 0', () => {
    for (const days of [0, 40]) {
      const jon = planSync(goldenInput({ hardDeleteAfterDays: days })).operations.find((candidate) => candidate.entraId === 'u-jon')
      expect([jon?.action, jon?.skipCode]).toEqual(['skip', 'OutOfScope'])
    }
  })

  it('skips a new user whose mandatory attribute has no value', () => {
    const input = goldenInput()
    const nameless = person('u-nameless', { upn: 'nameless@contoso.com', givenName: '', surname: 'X', department: 'Sales' })
    const plan = planSync({ ...input, users: [...input.users, nameless] })
    const skip = plan.operations.find((candidate) => candidate.entraId === 'u-nameless')
    expect([skip?.action, skip?.skipCode, skip?.reason.text]).toEqual(['skip', 'MandatoryFieldsMissing', 'Mandatory attribute name.givenName has no value, so the user cannot be created.'])
  })

  it('skips a new user whose mandatory expression fails', () => {
    const input = goldenInput()
    const mapping = defaultMappingSet()
    const broken = { ...mapping, mappings: mapping.mappings.map((entry) => (entry.targetPath === 'name.givenName' ? { ...entry, type: 'expression' as const, source: 'Lef([givenName], 3)' } : entry)) }
    const plan = planSync({ ...input, users: [person('u-new', { upn: 'new@contoso.com', givenName: 'Nia', surname: 'X', department: 'Sales' })], rules: { ...input.rules, mapping: broken } })
    const skip = plan.operations.find((candidate) => candidate.entraId === 'u-new')
    expect([skip?.action, skip?.skipCode, skip?.reason.text]).toEqual(['skip', 'EvaluationFailed', 'The expression for mandatory attribute name.givenName failed for this user, so the user cannot be created.'])
  })

  it('sends update-only attributes (country) right after the create, in the same push, once the user exists', () => {
    const input = goldenInput()
    const newcomer = { ...person('u-new', { upn: 'nia@contoso.com', givenName: 'Nia', surname: 'Berg', department: 'Sales' }) }
    const withCountry = { ...newcomer, properties: { ...newcomer.properties, country: 'Norway' } }
    const plan = planSync({ ...input, users: [withCountry], target: { users: [], groups: [] }, links: [] })
    const create = operation(plan, 'create:u-new:')
    const followUp = operation(plan, 'update:u-new:')
    // The create leaves country out (the target rejects it on create) …
    expect(create.changes.map((change) => change.path)).not.toContain('addresses[type eq "work"].country')
    // … and the update sends it as a whole work address, after the create, resolved through the create's link.
    expect(followUp).toMatchObject({
      targetId: null,
      dependsOn: ['create:u-new:'],
      reason: { code: 'UpdateOnlyAfterCreate' },
      changes: [{ path: 'addresses[type eq "work"].country', before: null, after: 'Norway' }],
      patch: [{ op: 'add', path: 'addresses', value: [{ type: 'work', country: 'Norway' }] }],
    })
    expect(plan.operations.indexOf(followUp)).toBeGreaterThan(plan.operations.indexOf(create))
    // Without a country there is nothing to follow up.
    const bare = planSync({ ...input, users: [newcomer], target: { users: [], groups: [] }, links: [] })
    expect(bare.operations.some((candidate) => candidate.id === 'update:u-new:')).toBe(false)
  })

  it('matches a user whose name differs only in letter case instead of creating a duplicate', () => {
    const users = [person('u-1', { upn: 'Ann.Lee@Contoso.com', givenName: 'Ann', surname: 'Lee', department: 'Sales' })]
    const target = targetUser('t-1', { userName: 'ann.lee@contoso.com', givenName: 'Ann', familyName: 'Lee', department: 'Sales' })
    const plan = planSync({ ...goldenInput(), users, target: { users: [target], groups: [] }, links: [] })
    expect(plan.operations[0]?.trace[2]?.detail).toBe("Matched target user 'ann.lee@contoso.com' by userName = 'Ann.Lee@Contoso.com'.")
    expect(plan.counts.create).toBe(0)
  })

  it('without the manager rule, follows the mapped manager — also to a manager out of scope who is in the target — and leaves roles alone', () => {
    const input = goldenInput()
    const ghostly = person('u-lea', { upn: 'lea@contoso.com', givenName: 'Lea', surname: 'Ek', department: 'Sales', managerId: 'u-ghost' })
    const rules = { ...input.rules, roles: { groupRoles: [], managerRule: { isEnabled: false, approverRole: 'Approver' }, selfApproverIds: [] } }
    const plan = planSync({ ...input, users: [...input.users, ghostly], rules })
    expect(operation(plan, 'setManager:u-kim:t-kim').patch).toEqual([{ op: 'add', path: `${ENTERPRISE}:manager`, value: { value: 't-fay' } }])
    expect(operation(plan, 'update:u-ada:t-ada').changes.map((change) => change.path)).toEqual(['title'])
    expect(plan.operations.some((candidate) => candidate.changes.some((change) => change.path === 'roles'))).toBe(false)
    expect(operation(plan, 'create:u-lea:').trace.at(-1)).toEqual({
      step: 'reference',
      status: 'warning',
      detail: "Manager not provisioned: 'u-ghost' is not in the target and is not created by this plan, so no manager reference is sent.",
    })
  })

  it('skips every Entra user claiming the same target user, naming the others', () => {
    const users = [person('u-max', { upn: 'max@contoso.com', givenName: 'Max', surname: 'Alm', department: 'Sales' }), person('u-max2', { upn: 'MAX@contoso.com', givenName: 'Max', surname: 'Alm', department: 'Sales' })]
    const target = targetUser('t-max', { userName: 'max@contoso.com', givenName: 'Max', familyName: 'Alm', department: 'Sales' })
    const plan = planSync({ ...goldenInput(), users, target: { users: [target], groups: [] }, links: [] })
    expect(plan.operations.filter((candidate) => candidate.resourceType === 'User').map((candidate) => [candidate.id, candidate.skipCode, candidate.reason.text])).toEqual([
      ['skip:u-max:', 'DuplicateSourceEntries', "Target user 'max@contoso.com' (userName = 'max@contoso.com') is also claimed by 'MAX@contoso.com'. Make the matching value unique in Entra."],
      ['skip:u-max2:', 'DuplicateSourceEntries', "Target user 'max@contoso.com' (userName = 'MAX@contoso.com') is also claimed by 'max@contoso.com'. Make the matching value unique in Entra."],
    ])
    expect(plan.counts.create).toBe(0)
  })

  it('reads services only through the input (no clock of its own)', () => {
    const input = goldenInput()
    const later = planSync({ ...input, services: { ...SERVICES, now: new Date('2026-10-30T10:00:00Z') } })
    expect(later.operations.find((candidate) => candidate.entraId === 'u-jon')?.action).toBe('skip')
    expect(DEFAULT_SYNC_OPTIONS.hardDeleteAfterDays).toBe(30)
  })
})
