/**
 * A small hand-made organisation and target snapshot for the planner's golden tables:
 *
 *   carla (CEO) ← ada (Sales Director) ← bo ← cy          dan (disabled in Entra, reports to ada)
 *   eve (soft-deleted)   gia (guest: out of scope)   fay, jon (Contractors: out of scope)
 *   gus (comes back)     hal (two target users share his user name)   kim (manager fay is out of scope)
 *
 * Target: carla up to date; ada with a stale title; dan and fay active; gus inactive; two "hal"s;
 * jon disabled by Headcount 31 days ago; kim in another letter case; break-glass admin only in the
 * target; "gone" linked to an Entra user hard-deleted since.
 */
import type { ProfileRules } from '../../../../src-main/common/rules'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { defaultMappingSet } from '../../../../src-main/domain/mapping/attribute-mapping'
import type { PlanInput } from '../../../../src-main/domain/planner/plan-sync'
import { DEFAULT_SYNC_OPTIONS, type SyncLink, type SyncOptions, type TargetGroupRecord, type TargetUserRecord } from '../../../../src-main/domain/planner/sync-plan'

export const NOW = new Date('2026-11-23T10:00:00Z')
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'

export interface PersonFields {
  readonly upn: string
  readonly givenName: string
  readonly surname: string
  readonly jobTitle?: string
  readonly department?: string
  readonly managerId?: string | null
  readonly userType?: string
  readonly accountEnabled?: boolean
  readonly isSoftDeleted?: boolean
  readonly mobilePhone?: string | null
  readonly groups?: readonly string[]
}

export function person(id: string, fields: PersonFields): DirectoryUser {
  const groups = new Set(fields.groups ?? [])
  return {
    id,
    properties: {
      userPrincipalName: fields.upn,
      displayName: `${fields.givenName} ${fields.surname}`,
      givenName: fields.givenName,
      surname: fields.surname,
      jobTitle: fields.jobTitle ?? null,
      department: fields.department ?? null,
      userType: fields.userType ?? 'Member',
      accountEnabled: fields.accountEnabled ?? true,
      mobilePhone: fields.mobilePhone ?? null,
      businessPhones: [],
    },
    managerId: fields.managerId ?? null,
    isSoftDeleted: fields.isSoftDeleted ?? false,
    directGroupIds: groups,
    groupIds: groups,
  }
}

export interface TargetFields {
  readonly userName: string
  readonly givenName: string
  readonly familyName: string
  readonly email?: string
  readonly title?: string
  readonly department?: string
  readonly managerTargetId?: string
  readonly active?: boolean
  readonly roles?: readonly string[]
  readonly mobile?: string
}

/** A target user as a SCIM server returns it. */
export function targetUser(id: string, fields: TargetFields): TargetUserRecord {
  const enterprise: Record<string, unknown> = {}
  if (fields.department !== undefined) enterprise.department = fields.department
  if (fields.managerTargetId !== undefined) enterprise.manager = { value: fields.managerTargetId, $ref: `../Users/${fields.managerTargetId}` }
  const resource: Record<string, unknown> = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
    id,
    userName: fields.userName,
    name: { givenName: fields.givenName, familyName: fields.familyName },
    emails: [{ type: 'work', value: fields.email ?? fields.userName, primary: true }],
    active: fields.active ?? true,
    [ENTERPRISE]: enterprise,
    meta: { resourceType: 'User' },
  }
  if (fields.title !== undefined) resource.title = fields.title
  if (fields.roles !== undefined) resource.roles = fields.roles.map((value) => ({ value }))
  if (fields.mobile !== undefined) resource.phoneNumbers = [{ type: 'mobile', value: fields.mobile }]
  return { id, userName: fields.userName, externalId: null, active: fields.active ?? true, resource }
}

export const SALES_LEADS = 'g-sales-leads'

export function goldenRules(): ProfileRules {
  return {
    mapping: defaultMappingSet(),
    scope: {
      mode: 'allUsers',
      filters: [{ name: 'Staff', clauses: [{ attribute: 'userType', operator: 'EQUALS', value: 'Member' }, { attribute: 'department', operator: 'NOT EQUALS', value: 'Contractors' }] }],
    },
    grouping: { kind: 'byFields', fields: ['department'] },
    roles: { groupRoles: [{ entraGroupId: SALES_LEADS, role: 'Sales Lead' }], managerRule: { isEnabled: true, approverRole: 'Approver' }, selfApproverIds: [] },
  }
}

export function goldenUsers(): DirectoryUser[] {
  return [
    person('u-carla', { upn: 'carla@contoso.com', givenName: 'Carla', surname: 'Diaz', jobTitle: 'CEO', department: 'Management' }),
    person('u-ada', { upn: 'ada@contoso.com', givenName: 'Ada', surname: 'Berg', jobTitle: 'Sales Director', department: 'Sales', managerId: 'u-carla', groups: [SALES_LEADS] }),
    person('u-bo', { upn: 'bo@contoso.com', givenName: 'Bo', surname: 'Lund', jobTitle: 'Account Manager', department: 'Sales', managerId: 'u-ada' }),
    person('u-cy', { upn: 'cy@contoso.com', givenName: 'Cy', surname: 'Moss', jobTitle: 'Sales Associate', department: 'Sales', managerId: 'u-bo' }),
    person('u-dan', { upn: 'dan@contoso.com', givenName: 'Dan', surname: 'Roe', jobTitle: 'Sales Associate', department: 'Sales', managerId: 'u-ada', accountEnabled: false }),
    person('u-eve', { upn: 'eve@contoso.com', givenName: 'Eve', surname: 'Sol', jobTitle: 'Sales Associate', department: 'Sales', isSoftDeleted: true }),
    person('u-gia', { upn: 'gia_partner.com#EXT#@contoso.com', givenName: 'Gia', surname: 'Russo', department: 'Sales', userType: 'Guest' }),
    person('u-fay', { upn: 'fay@contoso.com', givenName: 'Fay', surname: 'Holm', jobTitle: 'Consultant', department: 'Contractors' }),
    person('u-gus', { upn: 'gus@contoso.com', givenName: 'Gus', surname: 'Tan', jobTitle: 'Sales Associate', department: 'Sales', managerId: 'u-carla', mobilePhone: '+41 79 555 01 02' }),
    person('u-hal', { upn: 'hal@contoso.com', givenName: 'Hal', surname: 'Ng', jobTitle: 'Sales Associate', department: 'Sales' }),
    person('u-jon', { upn: 'jon@contoso.com', givenName: 'Jon', surname: 'Vik', jobTitle: 'Consultant', department: 'Contractors' }),
    person('u-kim', { upn: 'Kim@Contoso.com', givenName: 'Kim', surname: 'Park', jobTitle: 'Sales Associate', department: 'Sales', managerId: 'u-fay' }),
  ]
}

export function goldenTargetUsers(): TargetUserRecord[] {
  return [
    targetUser('t-carla', { userName: 'carla@contoso.com', givenName: 'Carla', familyName: 'Diaz', title: 'CEO', department: 'Management', roles: ['Approver'] }),
    targetUser('t-ada', { userName: 'ada@contoso.com', givenName: 'Ada', familyName: 'Berg', title: 'Sales Manager', department: 'Sales', roles: ['Approver'] }),
    targetUser('t-dan', { userName: 'dan@contoso.com', givenName: 'Dan', familyName: 'Roe', title: 'Sales Associate', department: 'Sales', managerTargetId: 't-ada' }),
    targetUser('t-fay', { userName: 'fay@contoso.com', givenName: 'Fay', familyName: 'Holm', title: 'Consultant', department: 'Contractors' }),
    targetUser('t-gus', { userName: 'gus@contoso.com', givenName: 'Gus', familyName: 'Tan', title: 'Sales Associate', department: 'Sales', managerTargetId: 't-carla', active: false, mobile: '+41 79 555 00 00' }),
    targetUser('t-hal-1', { userName: 'hal@contoso.com', givenName: 'Hal', familyName: 'Ng', title: 'Sales Associate', department: 'Sales' }),
    targetUser('t-hal-2', { userName: 'HAL@contoso.com', givenName: 'Hal', familyName: 'Ng', title: 'Sales Associate', department: 'Sales' }),
    targetUser('t-jon', { userName: 'jon@contoso.com', givenName: 'Jon', familyName: 'Vik', title: 'Consultant', department: 'Contractors', active: false }),
    targetUser('t-kim', { userName: 'kim@contoso.com', givenName: 'Kim', familyName: 'Park', title: 'Sales Associate', department: 'Sales' }),
    targetUser('t-gone', { userName: 'gone@contoso.com', givenName: 'Olle', familyName: 'Gone', department: 'Sales' }),
    targetUser('t-breakglass', { userName: 'breakglass@contoso.com', givenName: 'Break', familyName: 'Glass' }),
  ]
}

export function goldenTargetGroups(): TargetGroupRecord[] {
  return [
    { id: 'tg-sales', displayName: 'sales', memberIds: ['t-ada', 't-dan', 't-breakglass'] },
    { id: 'tg-admins', displayName: 'Admins', memberIds: ['t-breakglass'] },
  ]
}

export function goldenLinks(): SyncLink[] {
  return [
    { entraId: 'u-carla', targetId: 't-carla', disabledAt: null },
    { entraId: 'u-jon', targetId: 't-jon', disabledAt: '2026-10-23T09:00:00Z' },
    { entraId: 'u-gone', targetId: 't-gone', disabledAt: null },
  ]
}

/** Fixed services: the planner must not need real randomness for the default mapping. */
export const SERVICES = { now: NOW, random: () => 0.5, newGuid: () => '00000000-0000-4000-8000-000000000000' }

export function goldenInput(options: Partial<SyncOptions> = {}): PlanInput {
  return {
    users: goldenUsers(),
    scopeContext: { assignedGroupIds: new Set() },
    rules: goldenRules(),
    target: { users: goldenTargetUsers(), groups: goldenTargetGroups() },
    links: goldenLinks(),
    options: { ...DEFAULT_SYNC_OPTIONS, ...options },
    services: SERVICES,
  }
}
