/** DTOs of the Directory area: what the renderer shows of the cached Entra directory. */

/** One row of the virtual users table. Every column the column chooser offers is here. */
export interface UserRow {
  readonly id: string
  readonly displayName: string | null
  readonly userPrincipalName: string
  readonly mail: string | null
  readonly givenName: string | null
  readonly surname: string | null
  readonly jobTitle: string | null
  readonly department: string | null
  readonly companyName: string | null
  readonly officeLocation: string | null
  readonly city: string | null
  readonly country: string | null
  readonly mobilePhone: string | null
  readonly employeeId: string | null
  readonly employeeType: string | null
  readonly userType: string | null
  readonly accountEnabled: boolean | null
  readonly managerId: string | null
  readonly managerDisplayName: string | null
  /** True when Graph reported the user as soft-deleted (`@removed` reason `changed`). */
  readonly isSoftDeleted: boolean
}

export type UserColumn = Exclude<keyof UserRow, 'id'>

export const USER_COLUMNS: readonly UserColumn[] = [
  'displayName',
  'userPrincipalName',
  'mail',
  'givenName',
  'surname',
  'jobTitle',
  'department',
  'companyName',
  'officeLocation',
  'city',
  'country',
  'mobilePhone',
  'employeeId',
  'employeeType',
  'userType',
  'accountEnabled',
  'managerDisplayName',
]

export interface UserQuery {
  readonly profileId: string
  /** Free text; matched case- and diacritic-insensitively against name, mail, UPN, department, title. */
  readonly search?: string
  readonly offset: number
  readonly limit: number
  readonly sortBy?: UserColumn
  readonly sortDirection?: 'asc' | 'desc'
}

export interface UserPage {
  /** Rows matching the query, before offset/limit. */
  readonly total: number
  readonly offset: number
  readonly rows: readonly UserRow[]
}

export interface ManagerLink {
  readonly id: string
  readonly displayName: string | null
  readonly jobTitle: string | null
}

export interface UserGroupMembership {
  readonly groupId: string
  readonly displayName: string
  /** 'direct' or 'transitive' (through nested groups). */
  readonly kind: 'direct' | 'transitive'
  /** Display names from the user's direct group up to this group, for "why a member". */
  readonly path: readonly string[]
}

export interface UserDetail {
  readonly row: UserRow
  /** Every attribute pulled from Graph, as Graph named it, in a stable order. */
  readonly attributes: readonly { readonly name: string; readonly value: unknown }[]
  /** From the direct manager up to the top of the hierarchy. */
  readonly managerChain: readonly ManagerLink[]
  readonly directReports: readonly ManagerLink[]
  readonly groups: readonly UserGroupMembership[]
}

export interface DirectorySummary {
  readonly userCount: number
  readonly groupCount: number
  readonly membershipCount: number
  /** ISO-8601 time of the last completed pull, or null before the first one. */
  readonly lastPullAt: string | null
}
