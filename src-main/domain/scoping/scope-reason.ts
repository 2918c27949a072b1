/**
 * Why a user is in or out of scope, as data (for the "why?" panel and the plan) and in plain words.
 */
import { scalarText } from './compile-clause'
import type { ClauseFailure } from './compile-filters'
import { isBinaryOperator } from './scope-operator'

export type ScopeReason =
  | { readonly kind: 'allUsers' }
  /** Assigned to the application as a user, not through a group. */
  | { readonly kind: 'assignedDirectly' }
  /** Assigned to the application through `groupId`; `isDirect` false means through a nested group. */
  | { readonly kind: 'assigned'; readonly groupId: string; readonly isDirect: boolean }
  /** Not assigned. `nestedOnlyGroupId`: an assigned group the user reaches only through nesting, which counts only with transitive assignment. */
  | { readonly kind: 'notAssigned'; readonly nestedOnlyGroupId: string | null }
  | { readonly kind: 'inGroupFilter'; readonly groupId: string; readonly isDirect: boolean }
  | { readonly kind: 'notInGroupFilter'; readonly groupIds: readonly string[]; readonly nestedOnlyGroupId: string | null }
  | { readonly kind: 'noFilters' }
  | { readonly kind: 'filterMatched'; readonly filterName: string }
  | { readonly kind: 'filterFailed'; readonly failure: ClauseFailure }

/** Whether the reason counts for the user (true) or against (false). */
export function isPassingReason(reason: ScopeReason): boolean {
  return reason.kind !== 'notAssigned' && reason.kind !== 'notInGroupFilter' && reason.kind !== 'filterFailed'
}

/**
 * Plain words for a reason, e.g. `Filter “Engineers”: department is “Sales”, not EQUALS “Engineering”`.
 * Group ids are shown by name when `groupNames` knows them.
 */
export function describeScopeReason(reason: ScopeReason, groupNames: ReadonlyMap<string, string> = new Map()): string {
  const group = (id: string) => `“${groupNames.get(id) ?? id}”`
  switch (reason.kind) {
    case 'allUsers':
      return 'All users are in scope (no assignment required).'
    case 'assignedDirectly':
      return 'Assigned to the application directly (as a user, not through a group).'
    case 'assigned':
      return `Assigned through group ${group(reason.groupId)}${reason.isDirect ? '' : ' (as a member of a nested group)'}.`
    case 'notAssigned':
      return reason.nestedOnlyGroupId === null
        ? 'Not assigned to the application, neither directly nor through a group.'
        : `Only a nested member of the assigned group ${group(reason.nestedOnlyGroupId)}; like Entra, assignment counts direct members only unless nested membership is switched on.`
    case 'inGroupFilter':
      return `Member of ${group(reason.groupId)}${reason.isDirect ? '' : ' through a nested group'}.`
    case 'notInGroupFilter':
      return reason.nestedOnlyGroupId === null
        ? `Not a member of ${reason.groupIds.map(group).join(' or ')}.`
        : `Only a nested member of ${group(reason.nestedOnlyGroupId)}, and the group filter counts direct members only.`
    case 'noFilters':
      return 'No scoping filters are defined.'
    case 'filterMatched':
      return `Matches filter “${reason.filterName}”.`
    case 'filterFailed':
      return `Filter “${reason.failure.filterName}”: ${describeClauseFailure(reason.failure)}`
  }
}

/** The failing clause in words: what the value is, and which test it did not pass. */
export function describeClauseFailure(failure: ClauseFailure): string {
  const { attribute, operator, value } = failure.clause
  const test = isBinaryOperator(operator) ? `${operator} “${value ?? ''}”` : operator
  switch (failure.verdict) {
    case 'mismatch':
      return `${attribute} is ${shown(failure.actual)}, not ${test}`
    case 'empty':
      return `${attribute} is empty, and ${test} is false on an empty value (as in Entra)`
    case 'notSingleValued':
      return `${attribute} has several values, and scoping clauses cannot filter multi-valued attributes (as in Entra)`
    case 'notInteger':
      return `${attribute} is ${shown(failure.actual)}, not an integer, so ${test} is false`
    case 'notBoolean':
      return `${attribute} is ${shown(failure.actual)}, not a Boolean, so ${test} is false`
    case 'invalidClause':
      return `clause ${failure.clauseIndex + 1} (${attribute} ${test}) is invalid and matches no one; see the rule's diagnostics`
  }
}

function shown(value: unknown): string {
  const text = scalarText(value)
  if (text === null) return 'empty'
  if (text === undefined) return 'a list'
  return `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`
}
