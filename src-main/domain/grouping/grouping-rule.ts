/**
 * How in-scope users are grouped in the target (card groups, one design per group) and which roles
 * they get, as data. The three grouping kinds are the business-card product's (PRODUCT.md: "everything
 * in one group; by directory field(s); or by admin-defined filters").
 */
// The shapes cross the contract (the renderer edits them), so they live in common/rules.ts.
export type { AllInOneGrouping, ByFieldsGrouping, ByFiltersGrouping, GroupingRule, RoleRule } from '../../common/rules'
