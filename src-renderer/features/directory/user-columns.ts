/** Which columns the users table offers, and how each is labelled and sized. Presentation only. */
import type { UserColumn } from '../../../src-main/common'
// The one runtime value the renderer takes from common: the contract's list of columns main can
// sort and return, so the chooser never offers one the schema would refuse. A plain constant, not
// behaviour, which the renderer brief allows; every other renderer file imports it from here.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { USER_COLUMNS } from '../../../src-main/common/directory'

/** The columns the chooser offers, in the contract's order. */
export const OFFERED_USER_COLUMNS: readonly UserColumn[] = USER_COLUMNS

/** Everything the table and the column chooser need to know about a column. */
export interface UserColumnPresentation {
  /** Human label, as Entra's admin centre words it. */
  readonly label: string
  /** Width in pixels; the table scrolls sideways when the chosen columns do not fit. */
  readonly width: number
}

/** One entry per row field; the compiler keeps it complete. */
export const USER_COLUMN_PRESENTATION: Readonly<Record<UserColumn, UserColumnPresentation>> = {
  displayName: { label: 'Display name', width: 240 },
  userPrincipalName: { label: 'User principal name', width: 280 },
  mail: { label: 'Mail', width: 260 },
  givenName: { label: 'First name', width: 140 },
  surname: { label: 'Last name', width: 150 },
  jobTitle: { label: 'Job title', width: 210 },
  department: { label: 'Department', width: 180 },
  companyName: { label: 'Company', width: 170 },
  officeLocation: { label: 'Office location', width: 170 },
  city: { label: 'City', width: 140 },
  country: { label: 'Country or region', width: 150 },
  mobilePhone: { label: 'Mobile phone', width: 160 },
  employeeId: { label: 'Employee ID', width: 130 },
  employeeType: { label: 'Employee type', width: 140 },
  userType: { label: 'User type', width: 110 },
  accountEnabled: { label: 'Account status', width: 150 },
  managerDisplayName: { label: 'Manager', width: 200 },
  // Row fields that USER_COLUMNS does not offer in the chooser; labelled so the record stays total.
  managerId: { label: 'Manager object ID', width: 290 },
  isSoftDeleted: { label: 'Soft-deleted', width: 110 },
}

/** The human label of a column. */
export function labelOfColumn(column: UserColumn): string {
  return USER_COLUMN_PRESENTATION[column].label
}

/** Total width of a set of columns, for the table's horizontal extent. */
export function widthOfColumns(columns: readonly UserColumn[]): number {
  return columns.reduce((sum, column) => sum + USER_COLUMN_PRESENTATION[column].width, 0)
}
