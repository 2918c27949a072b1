/**
 * Ready-made exclusions the admin can add with one click. Each is a filter in Entra's own clause
 * language, so a rule that uses one stays an ordinary rule (and exports to Entra as written).
 *
 * Because filters are OR'ed, adding a preset as a *separate* filter would let everyone it matches in.
 * `withScopePreset` therefore ANDs the preset's clauses into every filter (or makes it the only filter
 * when there are none) — which is what "exclude disabled accounts" means.
 */
import type { ScopeClause, ScopeFilter, ScopeRule } from './scope-rule'

export type ScopePreset = 'excludeDisabledAccounts' | 'excludeGuests' | 'excludeUnlicensedUsers'

export const SCOPE_PRESETS: Readonly<Record<ScopePreset, { readonly label: string; readonly clauses: readonly ScopeClause[] }>> = {
  // Sign-in blocked: one of the "user not created" causes in PRODUCT.md's troubleshooting list.
  excludeDisabledAccounts: { label: 'Exclude disabled accounts', clauses: [{ attribute: 'accountEnabled', operator: 'IS TRUE' }] },
  // EQUALS Member rather than NOT EQUALS Guest: both are false on an empty userType, and this one reads plainly.
  excludeGuests: { label: 'Exclude guests', clauses: [{ attribute: 'userType', operator: 'EQUALS', value: 'Member' }] },
  // An empty assignedLicenses list counts as empty, so IS NOT NULL means "has at least one licence".
  excludeUnlicensedUsers: { label: 'Exclude unlicensed users', clauses: [{ attribute: 'assignedLicenses', operator: 'IS NOT NULL' }] },
}

/** The preset as a filter of its own, named after its label. */
export function presetFilter(preset: ScopePreset): ScopeFilter {
  return { name: SCOPE_PRESETS[preset].label, clauses: SCOPE_PRESETS[preset].clauses }
}

/** The rule with the preset's clauses added to every filter (see the module comment). Idempotent. */
export function withScopePreset(rule: ScopeRule, preset: ScopePreset): ScopeRule {
  const added = SCOPE_PRESETS[preset].clauses
  if (rule.filters.length === 0) return { ...rule, filters: [presetFilter(preset)] }
  const filters = rule.filters.map((filter) => ({
    ...filter,
    clauses: [...filter.clauses, ...added.filter((clause) => !filter.clauses.some((existing) => sameClause(existing, clause)))],
  }))
  return { ...rule, filters }
}

function sameClause(left: ScopeClause, right: ScopeClause): boolean {
  return left.attribute === right.attribute && left.operator === right.operator && (left.value ?? null) === (right.value ?? null)
}
