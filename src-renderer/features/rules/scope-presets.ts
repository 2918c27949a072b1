/**
 * The one-click exclusions of the Scope tab, as data. They mirror src-main/domain/scoping/scope-presets.ts
 * (the renderer may import only types from main); main validates and evaluates whatever they add, so a
 * drift would show as a visible clause, never as a silently different rule.
 */
import type { ScopeClause, ScopeFilter, ScopeRule } from '../../../src-main/common'

export interface ScopePresetChoice {
  readonly id: 'excludeDisabledAccounts' | 'excludeGuests' | 'excludeUnlicensedUsers'
  readonly label: string
  readonly clauses: readonly ScopeClause[]
}

export const SCOPE_PRESET_CHOICES: readonly ScopePresetChoice[] = [
  { id: 'excludeDisabledAccounts', label: 'Exclude disabled accounts', clauses: [{ attribute: 'accountEnabled', operator: 'IS TRUE' }] },
  { id: 'excludeGuests', label: 'Exclude guests', clauses: [{ attribute: 'userType', operator: 'EQUALS', value: 'Member' }] },
  { id: 'excludeUnlicensedUsers', label: 'Exclude unlicensed users', clauses: [{ attribute: 'assignedLicenses', operator: 'IS NOT NULL' }] },
]

function isSameClause(left: ScopeClause, right: ScopeClause): boolean {
  return left.attribute === right.attribute && left.operator === right.operator && (left.value ?? null) === (right.value ?? null)
}

/**
 * The rule with the preset's clauses ANDed into every filter (filters are OR'ed, so a separate filter
 * would let everyone it matches in), or as the only filter when there is none. Idempotent.
 */
export function withPreset(rule: ScopeRule, preset: ScopePresetChoice): ScopeRule {
  if (rule.filters.length === 0) return { ...rule, filters: [{ name: preset.label, clauses: preset.clauses }] }
  const filters: ScopeFilter[] = rule.filters.map((filter) => ({
    ...filter,
    clauses: [...filter.clauses, ...preset.clauses.filter((clause) => !filter.clauses.some((existing) => isSameClause(existing, clause)))],
  }))
  return { ...rule, filters }
}

/** True when every filter already has the preset's clauses. */
export function hasPreset(rule: ScopeRule, preset: ScopePresetChoice): boolean {
  return rule.filters.length > 0 && rule.filters.every((filter) => preset.clauses.every((clause) => filter.clauses.some((existing) => isSameClause(existing, clause))))
}
