/**
 * How a {@link UserRow} is laid out in the `users` table: one SQL column per row field, so the
 * reader can sort by any column the users table offers and the writer fills exactly these.
 */
import type { UserColumn, UserRow } from '../../common/directory'

/** SQL column of every sortable field. Whole words on both sides; the map is the only place that pairs them. */
export const USER_SQL_COLUMNS: Readonly<Record<UserColumn, string>> = {
  displayName: 'display_name',
  userPrincipalName: 'user_principal_name',
  mail: 'mail',
  givenName: 'given_name',
  surname: 'surname',
  jobTitle: 'job_title',
  department: 'department',
  companyName: 'company_name',
  officeLocation: 'office_location',
  city: 'city',
  country: 'country',
  mobilePhone: 'mobile_phone',
  employeeId: 'employee_id',
  employeeType: 'employee_type',
  userType: 'user_type',
  accountEnabled: 'account_enabled',
  managerId: 'manager_id',
  managerDisplayName: 'manager_display_name',
  isSoftDeleted: 'is_soft_deleted',
}

/** The shape better-sqlite3 returns for `SELECT ${USER_ROW_SELECT}`. */
export interface UserSqlRecord {
  readonly id: string
  readonly display_name: string | null
  readonly user_principal_name: string
  readonly mail: string | null
  readonly given_name: string | null
  readonly surname: string | null
  readonly job_title: string | null
  readonly department: string | null
  readonly company_name: string | null
  readonly office_location: string | null
  readonly city: string | null
  readonly country: string | null
  readonly mobile_phone: string | null
  readonly employee_id: string | null
  readonly employee_type: string | null
  readonly user_type: string | null
  readonly account_enabled: number | null
  readonly manager_id: string | null
  readonly manager_display_name: string | null
  readonly is_soft_deleted: number
}

/** The select list for a {@link UserSqlRecord}, optionally qualified by a table alias. */
export function userRowSelect(alias?: string): string {
  const prefix = alias === undefined ? '' : `${alias}.`
  return ['id', ...Object.values(USER_SQL_COLUMNS)].map((column) => `${prefix}${column}`).join(', ')
}

export function userRowFromSql(record: UserSqlRecord): UserRow {
  return {
    id: record.id,
    displayName: record.display_name,
    userPrincipalName: record.user_principal_name,
    mail: record.mail,
    givenName: record.given_name,
    surname: record.surname,
    jobTitle: record.job_title,
    department: record.department,
    companyName: record.company_name,
    officeLocation: record.office_location,
    city: record.city,
    country: record.country,
    mobilePhone: record.mobile_phone,
    employeeId: record.employee_id,
    employeeType: record.employee_type,
    userType: record.user_type,
    accountEnabled: record.account_enabled === null ? null : record.account_enabled === 1,
    managerId: record.manager_id,
    managerDisplayName: record.manager_display_name,
    isSoftDeleted: record.is_soft_deleted === 1,
  }
}
