/**
 * Who is in scope for a profile, as data. The clause language is Entra's (reference/entra-and-graph.md
 * §2): clauses inside a filter are AND'ed, filters are OR'ed, so a rule written for Entra's provisioning
 * service can be typed in as it is — and exported back as Graph `filterGroups`.
 */
// The shapes cross the contract (the renderer edits them), so they live in common/rules.ts.
export type { GroupMembershipKind, ScopeClause, ScopeFilter, ScopeRule } from '../../common/rules'

/** What evaluation needs besides the rule and the user. */
export interface ScopeContext {
  /** Groups assigned to the application (used by `assignedOnly`). */
  readonly assignedGroupIds: ReadonlySet<string>
  /** Users assigned to the application themselves, not through a group (used by `assignedOnly`). */
  readonly assignedUserIds?: ReadonlySet<string>
  /** Group display names, for explanations; ids are shown when a name is missing. */
  readonly groupNames?: ReadonlyMap<string, string>
}
