/**
 * Who is in scope for a profile, as data. The clause language is Entra's (reference/entra-and-graph.md
 * §2): clauses inside a filter are AND'ed, filters are OR'ed, so a rule written for Entra's provisioning
 * service can be typed in as it is — and exported back as Graph `filterGroups`.
 */
import type { ScopeOperator } from './scope-operator'

/** One comparison: `[attribute] operator value`. `value` is absent for the unary operators. */
export interface ScopeClause {
  /** A source attribute as Entra names it (`department`, `extensionAttribute1`, `IsSoftDeleted`, `mobile` …). */
  readonly attribute: string
  /** Typed for the editors; rules read from files are checked by validateScopeRule all the same. */
  readonly operator: ScopeOperator
  readonly value?: string | null
}

/** A named set of clauses that must all hold (Graph `filterGroup`). */
export interface ScopeFilter {
  readonly name: string
  readonly clauses: readonly ScopeClause[]
}

/** Membership of a group, counted directly only or also through nested groups. */
export type GroupMembershipKind = 'direct' | 'transitive'

export interface ScopeRule {
  /**
   * `assignedOnly`: members of the groups assigned to the application (the caller says which);
   * `allUsers`: everyone pulled, as Entra's "Sync all users and groups".
   */
  readonly mode: 'assignedOnly' | 'allUsers'
  /**
   * How assignment membership counts. Entra's service reads immediate members only ("can't read or
   * provision users in nested groups", reference §3), so `direct` is the default; `transitive` is
   * Headcount's extension.
   */
  readonly assignedMembership?: GroupMembershipKind
  /** Optionally, only members of these named groups (any of them). */
  readonly groupFilter?: { readonly groupIds: readonly string[]; readonly membership: GroupMembershipKind } | null
  /** OR across filters; no filters means no clause restriction. */
  readonly filters: readonly ScopeFilter[]
}

/** What evaluation needs besides the rule and the user. */
export interface ScopeContext {
  /** Groups assigned to the application (used by `assignedOnly`). */
  readonly assignedGroupIds: ReadonlySet<string>
  /** Group display names, for explanations; ids are shown when a name is missing. */
  readonly groupNames?: ReadonlyMap<string, string>
}
