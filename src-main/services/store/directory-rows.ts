/**
 * How pulled Graph objects become cache rows: the users-table columns of a user, the kind of a
 * group, the type of a member reference, and the Graph properties kept as the object's document.
 * Shared by the staging writer (full rounds) and the delta writer, so both write identical rows.
 */
import type { PulledUser, UserDeltaItem } from '../graph/graph-reader'
import type { GraphGroup, GraphMemberRef, GraphUser } from '../graph/graph-types'
import { buildUserSearchText } from './fold-search-text'

export type GroupKind = 'security' | 'microsoft365' | 'distribution' | 'mailSecurity'

export type MemberType = 'user' | 'group' | 'other'

/** The users-table columns a pull writes, in {@link userValues} order plus the document id. */
export const USER_COLUMNS_WRITTEN = [
  'id',
  'display_name',
  'user_principal_name',
  'mail',
  'given_name',
  'surname',
  'job_title',
  'department',
  'company_name',
  'office_location',
  'city',
  'country',
  'mobile_phone',
  'employee_id',
  'employee_type',
  'user_type',
  'account_enabled',
  'manager_id',
  'manager_display_name',
  'search_text',
  'document_id',
] as const

/** A user's values in {@link USER_COLUMNS_WRITTEN} order, without the trailing document id. */
export function userValues(user: Partial<GraphUser> & { readonly id: string }, manager: PulledUser['manager']): unknown[] {
  return [
    user.id,
    user.displayName ?? null,
    // NOT NULL in the schema: every pull selects it, and a user without one fails its page whole.
    user.userPrincipalName ?? null,
    user.mail ?? null,
    user.givenName ?? null,
    user.surname ?? null,
    user.jobTitle ?? null,
    user.department ?? null,
    user.companyName ?? null,
    user.officeLocation ?? null,
    user.city ?? null,
    user.country ?? null,
    user.mobilePhone ?? null,
    user.employeeId ?? null,
    user.employeeType ?? null,
    user.userType ?? null,
    typeof user.accountEnabled === 'boolean' ? (user.accountEnabled ? 1 : 0) : null,
    manager?.id ?? null,
    manager?.displayName ?? null,
    buildUserSearchText([
      user.displayName,
      user.givenName,
      user.surname,
      user.userPrincipalName,
      user.mail,
      user.department,
      user.jobTitle,
    ]),
  ]
}

/** The group kinds the Entra admin centre shows, from the flags Graph returns. */
export function groupKind(group: Partial<Pick<GraphGroup, 'groupTypes' | 'mailEnabled' | 'securityEnabled'>>): GroupKind {
  if (group.groupTypes?.includes('Unified') === true) return 'microsoft365'
  if (group.securityEnabled === true) return group.mailEnabled === true ? 'mailSecurity' : 'security'
  return 'distribution'
}

export function memberType(member: Pick<GraphMemberRef, '@odata.type'> | { readonly '@odata.type'?: string }): MemberType {
  switch (member['@odata.type']) {
    case '#microsoft.graph.user':
      return 'user'
    case '#microsoft.graph.group':
      return 'group'
    default:
      // Devices, service principals and org contacts can be members too; kept, never expanded.
      return 'other'
  }
}

/**
 * The object's own properties: `@odata.*` annotations (context, type), `@removed` and
 * `…@delta` relations describe the response, not the object, and are dropped.
 */
export function graphProperties(object: object): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(object)) {
    if (!name.includes('@')) result[name] = value
  }
  return result
}

/** The manager a delta item names: the entry not marked removed; null when all are removed; undefined when not reported. */
export function managerFromDelta(item: UserDeltaItem): { readonly id: string } | null | undefined {
  const references = item['manager@delta']
  if (references === undefined) return undefined
  const current = references.find((reference) => reference['@removed'] === undefined)
  return current === undefined ? null : { id: current.id }
}
