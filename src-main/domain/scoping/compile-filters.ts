/**
 * Entra's filter combination, compiled: clauses inside a filter are AND'ed, filters are OR'ed
 * (reference/entra-and-graph.md §2, "Combining clauses"). Shared by scoping and by the filter-based
 * grouping, which uses the same clause language.
 */
import type { DirectoryUser } from '../directory/directory-user'
import { readSourceAttribute } from '../mapping/source-attributes'
import { compileClause, type ClauseVerdict, type CompiledClause } from './compile-clause'
import type { RuleDiagnostic } from './rule-diagnostic'
import type { ScopeClause, ScopeFilter } from './scope-rule'

/** Why a filter did not match a user: its first clause that was not true, with the value read. */
export interface ClauseFailure {
  readonly filterName: string
  readonly clauseIndex: number
  readonly clause: ScopeClause
  /** The attribute's value as read from the user (null when absent). */
  readonly actual: unknown
  readonly verdict: Exclude<ClauseVerdict, 'match'>
}

export interface CompiledFilter {
  readonly filter: ScopeFilter
  /** null when every clause holds, else the first clause that does not. */
  firstFailure(user: DirectoryUser): ClauseFailure | null
  /** The same answer as `firstFailure(user) === null`, without building the failure. */
  matches(user: DirectoryUser): boolean
}

export interface CompiledFilters {
  readonly filters: readonly CompiledFilter[]
  readonly diagnostics: readonly RuleDiagnostic[]
  /** True when no filters are defined or any filter matches. */
  matches(user: DirectoryUser): boolean
}

/**
 * Compiles filters once. `groupIndex` places the diagnostics when the filters belong to a named group
 * of a grouping rule. A filter without clauses matches everyone (an empty AND), with a warning.
 */
export function compileFilters(filters: readonly ScopeFilter[], groupIndex?: number): CompiledFilters {
  const diagnostics: RuleDiagnostic[] = []
  const compiled = filters.map((filter, filterIndex) => {
    const base = groupIndex === undefined ? { filterIndex } : { groupIndex, filterIndex }
    if (filter.clauses.length === 0) {
      diagnostics.push({
        code: 'EmptyFilter',
        severity: 'warning',
        message: `Filter “${filter.name}” has no clauses, so it lets everyone through.`,
        hint: 'Add a clause or remove the filter.',
        path: base,
      })
    }
    const clauses = filter.clauses.map((clause, clauseIndex) => compileClause(clause, { ...base, clauseIndex }))
    for (const clause of clauses) diagnostics.push(...clause.diagnostics)
    return compileFilter(filter, clauses)
  })
  return {
    filters: compiled,
    diagnostics,
    matches: (user) => compiled.length === 0 || compiled.some((filter) => filter.matches(user)),
  }
}

function compileFilter(filter: ScopeFilter, clauses: readonly CompiledClause[]): CompiledFilter {
  const attributes = clauses.map((compiled) => compiled.clause.attribute)
  return {
    filter,
    matches(user) {
      for (let index = 0; index < clauses.length; index += 1) {
        if (clauses[index]!.verdict(readSourceAttribute(user, attributes[index]!)) !== 'match') return false
      }
      return true
    },
    firstFailure(user) {
      for (let index = 0; index < clauses.length; index += 1) {
        const actual = readSourceAttribute(user, attributes[index]!)
        const verdict = clauses[index]!.verdict(actual)
        if (verdict !== 'match') return { filterName: filter.name, clauseIndex: index, clause: clauses[index]!.clause, actual, verdict }
      }
      return null
    },
  }
}
