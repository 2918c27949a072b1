/**
 * Groups and direct memberships of the demo tenant: company scope groups, offices, departments
 * (Microsoft 365 groups), manager groups, role groups, a guest group and one empty group. Nesting
 * (a member that is a group) goes at most All Staff → company → office → user, and only security
 * groups contain groups, as in Entra, where Microsoft 365 groups cannot nest.
 */
import type { GraphGroup, GraphMemberType } from '../../services/graph/graph-types'
import type { DemoMembership } from './organisation-types'
import type { UserTraits } from './build-users'
import { toMailboxPart } from './ascii-fold'
import { COMPANIES, DEPARTMENTS, OFFICES, ORGANISATION_FACTS } from './organisation-facts'
import { EXECUTIVE_DEPARTMENT, PERSON_FLAGS, type Workforce } from './plan-workforce'
import { SeededRandom, guidFromKey, hashSeed } from './seeded-random'

export interface BuiltGroups {
  readonly groups: GraphGroup[]
  readonly memberships: DemoMembership[]
}

const USER: GraphMemberType = '#microsoft.graph.user'
const GROUP: GraphMemberType = '#microsoft.graph.group'
const DAY_MS = 86_400_000
/** How many people the business-card pilot group holds. */
const PILOT_SIZE = 25

type GroupKind = 'security' | 'mailSecurity' | 'unified'

/** Builds the groups and their direct members. */
export function buildGroups(seed: number, workforce: Workforce, traits: UserTraits, now: string): BuiltGroups {
  const groups: GraphGroup[] = []
  const memberships: DemoMembership[] = []
  const tenantCreatedMs = Date.parse(ORGANISATION_FACTS.tenantCreatedDateTime)
  const nowMs = Date.parse(now)

  const addGroup = (
    displayName: string,
    kind: GroupKind,
    description: string,
    visibility: 'Public' | 'Private' | null = null,
    domain: string = COMPANIES[0]!.domain,
  ): string => {
    const random = new SeededRandom(hashSeed(seed, 'group', displayName))
    const id = guidFromKey(seed, `group:${displayName}`)
    const mailNickname = toMailboxPart(displayName.replace(/[^\p{L}\p{N}]+/gu, '-')).replace(/-+/g, '-').replace(/^-|-$/g, '')
    const isMailEnabled = kind !== 'security'
    const createdMs = tenantCreatedMs + random.integer(1, Math.max(2, Math.floor((nowMs - tenantCreatedMs) / DAY_MS) - 30)) * DAY_MS
    groups.push({
      id,
      displayName,
      description,
      mail: isMailEnabled ? `${mailNickname}@${domain}` : null,
      mailNickname,
      mailEnabled: isMailEnabled,
      securityEnabled: kind !== 'unified',
      groupTypes: kind === 'unified' ? ['Unified'] : [],
      createdDateTime: new Date(createdMs + random.integer(0, 86_399) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      visibility: kind === 'unified' ? (visibility ?? 'Private') : null,
    })
    return id
  }
  const addUser = (groupId: string, index: number): void => {
    memberships.push({ groupId, memberId: workforce.ids[index]!, memberType: USER })
  }
  const addNestedGroup = (groupId: string, memberGroupId: string): void => {
    memberships.push({ groupId, memberId: memberGroupId, memberType: GROUP })
  }

  const { count, flags, companyIndexes, officeIndexes, departmentIndexes } = workforce
  const isGuest = (index: number): boolean => (flags[index]! & PERSON_FLAGS.isGuest) !== 0
  const isManagerial = (index: number): boolean =>
    !isGuest(index) && ((flags[index]! & (PERSON_FLAGS.hasReports | PERSON_FLAGS.isDepartmentHead)) !== 0 || index < 2)

  // All Staff → company staff groups → office groups → people.
  const allStaffId = addGroup(ORGANISATION_FACTS.allStaffGroupName, 'security', 'Everyone employed by Nordlys Group (nested: company → office).')
  const companyStaffIds = COMPANIES.map((company) => {
    const id = addGroup(company.staffGroupName, 'security', `All staff of ${company.name}, by office.`)
    addNestedGroup(allStaffId, id)
    return id
  })
  const officeGroupIds = OFFICES.map((office) => {
    const companyIndex = COMPANIES.findIndex((company) => company.key === office.company)
    const id = addGroup(`Office - ${office.officeLocation}`, 'mailSecurity', `People based at ${office.officeLocation}, ${office.city}.`, null, COMPANIES[companyIndex]!.domain)
    addNestedGroup(companyStaffIds[companyIndex]!, id)
    return id
  })

  // Scope groups: what a Headcount profile (or Entra provisioning) is assigned. Direct members,
  // except that Nordlys' interns come in through a nested group, which Entra's own provisioning
  // cannot read but Headcount can.
  const nordlysInternsId = addGroup('Nordlys A/S - Interns', 'security', 'Interns at Nordlys A/S.')
  const scopeGroupIds = COMPANIES.map((company) =>
    addGroup(company.scopeGroupName, 'security', `Users of ${company.name} that Headcount keeps in the business-card application.`),
  )
  addNestedGroup(scopeGroupIds[0]!, nordlysInternsId)

  const departmentGroupIds = DEPARTMENTS.map((department) => {
    const company = COMPANIES.find((candidate) => candidate.key === department.company)!
    return addGroup(`${department.name} (${company.name})`, 'unified', `${department.name} team at ${company.name}.`, department.name === 'Legal' ? 'Private' : 'Public', company.domain)
  })
  const managerGroupIds = DEPARTMENTS.map((department) => {
    const company = COMPANIES.find((candidate) => candidate.key === department.company)!
    return addGroup(`Managers - ${department.name} (${company.name})`, 'security', `People managers in ${department.name}, ${company.name}.`)
  })
  const leadershipId = addGroup('Leadership Team', 'security', 'Group CEO, managing directors and heads of department.')
  const nordicManagersId = addGroup(ORGANISATION_FACTS.nordicManagersGroupName, 'security', 'All people managers (nested: department manager groups).')
  addNestedGroup(nordicManagersId, leadershipId)
  for (const id of managerGroupIds) addNestedGroup(nordicManagersId, id)

  const [serviceDeskName, hrApproversName, financeApproversName, salesManagersName] = ORGANISATION_FACTS.roleGroupNames
  const serviceDeskId = addGroup(serviceDeskName, 'security', 'Service desk agents (application role: Service Desk Agent).')
  const hrApproversId = addGroup(hrApproversName, 'security', 'Approve HR requests.')
  const financeApproversId = addGroup(financeApproversName, 'security', 'Approve expenses and purchases.')
  const salesManagersId = addGroup(salesManagersName, 'security', 'Sales managers.')
  const guestsId = addGroup(ORGANISATION_FACTS.guestGroupName, 'unified', 'Guests from partner organisations.', 'Private')
  addGroup(ORGANISATION_FACTS.emptyGroupName, 'unified', 'Archived project; no members left.', 'Private')
  const pilotId = addGroup('Business Card Pilot', 'security', 'Pilot users for the business-card rollout.')

  let pilotCount = 0
  for (let index = 0; index < count; index += 1) {
    if (isGuest(index)) {
      addUser(guestsId, index)
      continue
    }
    const companyIndex = companyIndexes[index]!
    const departmentIndex = departmentIndexes[index]!
    const departmentName = departmentIndex === EXECUTIVE_DEPARTMENT ? null : DEPARTMENTS[departmentIndex]!.name
    addUser(officeGroupIds[officeIndexes[index]!]!, index)
    if (traits.isIntern[index] && companyIndex === 0) addUser(nordlysInternsId, index)
    else if (!traits.isOutsideScope[index]) addUser(scopeGroupIds[companyIndex]!, index)
    if (departmentIndex !== EXECUTIVE_DEPARTMENT) addUser(departmentGroupIds[departmentIndex]!, index)
    const managerial = isManagerial(index)
    if (managerial && departmentIndex !== EXECUTIVE_DEPARTMENT) addUser(managerGroupIds[departmentIndex]!, index)
    if (index < 2 || (flags[index]! & PERSON_FLAGS.isDepartmentHead) !== 0) addUser(leadershipId, index)
    if (traits.isServiceDesk[index]) addUser(serviceDeskId, index)
    if (managerial && (departmentName === 'HR' || departmentName === 'People & Culture')) addUser(hrApproversId, index)
    if (managerial && departmentName === 'Finance') addUser(financeApproversId, index)
    if (managerial && departmentName === 'Sales') addUser(salesManagersId, index)
    if (pilotCount < PILOT_SIZE && companyIndex === 0 && traits.isEnabled[index]) {
      addUser(pilotId, index)
      pilotCount += 1
    }
  }
  return { groups, memberships }
}
