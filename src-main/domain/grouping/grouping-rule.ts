/**
 * How in-scope users are grouped in the target (card groups, one design per group) and which roles
 * they get, as data. The three grouping kinds are the business-card product's (PRODUCT.md: "everything
 * in one group; by directory field(s); or by admin-defined filters").
 */
import type { ScopeFilter } from '../scoping/scope-rule'

export type GroupingRule = AllInOneGrouping | ByFieldsGrouping | ByFiltersGrouping

export interface AllInOneGrouping {
  readonly kind: 'allInOne'
  readonly groupName: string
}

export interface ByFieldsGrouping {
  readonly kind: 'byFields'
  /** Source attributes (Entra names, as in scoping): one group per distinct combination of values. */
  readonly fields: readonly string[]
  /** e.g. `Cards - {department} - {officeLocation}`; by default the values joined with " - ". */
  readonly nameTemplate?: string
  /** Shown for a field without a value. Default "(no value)". */
  readonly noValueLabel?: string
  /**
   * Also treat "Zurich" and "Zürich" as one value. Off by default: in many languages the accent makes
   * a different word (Müller / Muller), and composed/decomposed forms of the same letter are merged anyway.
   */
  readonly isDiacriticInsensitive?: boolean
}

export interface ByFiltersGrouping {
  readonly kind: 'byFilters'
  /**
   * Checked in order; the FIRST group whose filters match wins. A card has one design and a design
   * belongs to one group (PRODUCT.md: "one design for all cards, or one per group"), so a user must land
   * in exactly one group — overlapping filters are resolved by order, as in a mail rule list.
   */
  readonly groups: readonly { readonly name: string; readonly filters: readonly ScopeFilter[] }[]
  /** Where users matching no group go; without it they are in no group (and say why). */
  readonly otherwise?: string | null
}

/** Entra group → target role, and the manager rule of the expense product (PRODUCT.md "Manager flow"). */
export interface RoleRule {
  /** Membership counts directly or through nested groups. */
  readonly groupRoles: readonly { readonly entraGroupId: string; readonly role: string }[]
  readonly managerRule: {
    readonly isEnabled: boolean
    /** The role every manager of someone in scope gets; "Approver" in the expense product. */
    readonly approverRole: string
  }
  /** Users who approve their own requests; overrides the manager as approver. */
  readonly selfApproverIds: readonly string[]
}
