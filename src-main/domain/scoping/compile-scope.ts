/**
 * The scoping engine: a ScopeRule compiled once, then asked about many users — quickly for counts
 * (`isInScope`), or with every reason for the "why in / out of scope" panel (`evaluate`).
 *
 * A user is in scope when all three stages pass: assignment (the user assigned themselves, or a member
 * of an assigned group — or "all users"), the optional group
 * filter, and the clause filters (any one filter, or no filters at all). `evaluate` reports every
 * stage, passing or not, so an out-of-scope user sees all that keeps them out at once.
 *
 * A rule with errors still compiles: an invalid clause matches no one (so a broken filter narrows
 * scope rather than widening it), and `diagnostics` says what to fix.
 */
import type { DirectoryUser } from '../directory/directory-user'
import { compileFilters } from './compile-filters'
import { hasErrors, type RuleDiagnostic } from './rule-diagnostic'
import { isPassingReason, type ScopeReason } from './scope-reason'
import type { GroupMembershipKind, ScopeContext, ScopeRule } from './scope-rule'

export interface ScopeEvaluation {
  readonly isInScope: boolean
  /** One or more reasons per stage, in stage order. */
  readonly reasons: readonly ScopeReason[]
}

export interface CompiledScope {
  readonly rule: ScopeRule
  readonly diagnostics: readonly RuleDiagnostic[]
  /** False when the rule has errors (it still evaluates; see the module comment). */
  readonly isValid: boolean
  isInScope(user: DirectoryUser, context: ScopeContext): boolean
  evaluate(user: DirectoryUser, context: ScopeContext): ScopeEvaluation
}

/** Compiles a scoping rule: regexes and integers parsed once, diagnostics collected. Never throws. */
export function compileScope(rule: ScopeRule): CompiledScope {
  const filters = compileFilters(rule.filters)
  const diagnostics: RuleDiagnostic[] = [...filters.diagnostics]
  const groupFilter = rule.groupFilter ?? null
  if (groupFilter !== null && groupFilter.groupIds.length === 0) {
    diagnostics.push({
      code: 'EmptyGroupFilter',
      severity: 'warning',
      message: 'The group filter names no groups, so it is ignored.',
      hint: 'Pick at least one group, or switch the group filter off.',
      path: {},
    })
  }
  const filterGroupIds = groupFilter !== null && groupFilter.groupIds.length > 0 ? groupFilter.groupIds : null
  const assignedMembership = rule.assignedMembership ?? 'direct'

  return {
    rule,
    diagnostics,
    isValid: !hasErrors(diagnostics),
    isInScope(user, context) {
      if (rule.mode === 'assignedOnly' && !isAssignedDirectly(user, context) && firstMemberGroup(user, context.assignedGroupIds, assignedMembership) === null) {
        return false
      }
      if (filterGroupIds !== null && firstMemberGroup(user, filterGroupIds, groupFilter!.membership) === null) return false
      return filters.matches(user)
    },
    evaluate(user, context) {
      const reasons: ScopeReason[] = []
      if (rule.mode === 'allUsers') reasons.push({ kind: 'allUsers' })
      else if (isAssignedDirectly(user, context)) reasons.push({ kind: 'assignedDirectly' })
      else {
        const groupId = firstMemberGroup(user, context.assignedGroupIds, assignedMembership)
        reasons.push(
          groupId !== null
            ? { kind: 'assigned', groupId, isDirect: user.directGroupIds.has(groupId) }
            : { kind: 'notAssigned', nestedOnlyGroupId: firstMemberGroup(user, context.assignedGroupIds, 'transitive') },
        )
      }
      if (filterGroupIds !== null) {
        const groupId = firstMemberGroup(user, filterGroupIds, groupFilter!.membership)
        reasons.push(
          groupId !== null
            ? { kind: 'inGroupFilter', groupId, isDirect: user.directGroupIds.has(groupId) }
            : { kind: 'notInGroupFilter', groupIds: filterGroupIds, nestedOnlyGroupId: firstMemberGroup(user, filterGroupIds, 'transitive') },
        )
      }
      if (filters.filters.length === 0) reasons.push({ kind: 'noFilters' })
      else {
        const matched: ScopeReason[] = []
        const failed: ScopeReason[] = []
        for (const filter of filters.filters) {
          const failure = filter.firstFailure(user)
          if (failure === null) matched.push({ kind: 'filterMatched', filterName: filter.filter.name })
          else failed.push({ kind: 'filterFailed', failure })
        }
        // In scope: the filters that let the user in are the explanation. Out: every filter's first failing clause.
        reasons.push(...(matched.length > 0 ? matched : failed))
      }
      return { isInScope: reasons.every(isPassingReason), reasons }
    },
  }
}

/** Compiles and evaluates in one go — for one user; compile once with compileScope for many. */
export function evaluateScope(rule: ScopeRule, user: DirectoryUser, context: ScopeContext): ScopeEvaluation {
  return compileScope(rule).evaluate(user, context)
}

/** The diagnostics of a rule, without evaluating anything. */
export function validateScopeRule(rule: ScopeRule): readonly RuleDiagnostic[] {
  return compileScope(rule).diagnostics
}

/** Entra's "Users and groups" blade lists users assigned themselves beside groups; either puts them in scope. */
function isAssignedDirectly(user: DirectoryUser, context: ScopeContext): boolean {
  return context.assignedUserIds?.has(user.id) === true
}

function firstMemberGroup(user: DirectoryUser, groupIds: Iterable<string>, membership: GroupMembershipKind): string | null {
  const memberships = membership === 'direct' ? user.directGroupIds : user.groupIds
  for (const groupId of groupIds) if (memberships.has(groupId)) return groupId
  return null
}
