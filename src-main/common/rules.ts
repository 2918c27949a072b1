/**
 * A profile's rules as data — attribute mapping, scoping, grouping and roles — and what the `rules`
 * area returns about them. The rule shapes live here (not in domain/) because they cross the contract:
 * the renderer edits them, the main process evaluates them (domain/mapping, domain/scoping,
 * domain/grouping re-export these types), and they are exported to and imported from JSON files.
 */

// ── Attribute mapping (Entra's customize-application-attributes) ────────────────────────────────

/** Entra's four mapping types. */
export type MappingType = 'direct' | 'constant' | 'expression' | 'none'

/**
 * When a mapping flows. 'always' and 'creationOnly' are Entra's two choices. 'updateOnly' is
 * Headcount's own third value: PRODUCT.md's target takes `country` on update only (it rejects it in
 * the create request), which Entra cannot express and admins there work around by hand.
 */
export type ApplyOn = 'always' | 'creationOnly' | 'updateOnly'

export interface AttributeMapping {
  /** A SCIM target path (domain/mapping/target-path.ts), e.g. `emails[type eq "work"].value`. */
  readonly targetPath: string
  readonly type: MappingType
  /** Direct: the source attribute name; constant: the text; expression: the expression; none: unused. */
  readonly source?: string
  /** Entra's "default value if null": sent when the mapping yields no value, on create only. */
  readonly defaultValue?: string | null
  readonly applyOn: ApplyOn
  /** "Match objects using this attribute"; lower precedence numbers are tried first. */
  readonly matching?: { readonly precedence: number } | null
  /** Locked in the editor: cannot be removed (mirrors `MappingSet.mandatoryTargets`). */
  readonly isMandatory: boolean
}

export interface MappingSet {
  readonly mappings: readonly AttributeMapping[]
  /** Target paths that must be mapped and must have a value on create; configurable per target. */
  readonly mandatoryTargets: readonly string[]
}

// ── Scoping (Entra's scoping filters) ───────────────────────────────────────────────────────────

/**
 * Entra's scoping clause operators, spelt as its UI and the Graph synchronization schema spell them
 * (reference/entra-and-graph.md §2). domain/scoping/scope-operator.ts holds the runtime list.
 */
export type ScopeOperator =
  | '&'
  | '!&'
  | 'ENDS_WITH'
  | 'EQUALS'
  | 'Greater_Than'
  | 'Greater_Than_OR_EQUALS'
  | 'Includes'
  | 'IS FALSE'
  | 'IS NOT NULL'
  | 'IS NULL'
  | 'IS TRUE'
  | 'NOT EQUALS'
  | 'NOT REGEX MATCH'
  | 'REGEX MATCH'

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

/**
 * Who is in scope. Clauses inside a filter are AND'ed, filters are OR'ed, so a rule written for
 * Entra's provisioning service can be typed in as it is.
 */
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

// ── Grouping and roles ───────────────────────────────────────────────────────────────────────────

/**
 * How in-scope users are grouped in the target (card groups, one design per group). The three kinds
 * are the business-card product's (PRODUCT.md: "everything in one group; by directory field(s); or by
 * admin-defined filters").
 */
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

// ── A profile's rules, saved, exported and imported as one document ─────────────────────────────

/** Everything that decides what the target should look like. */
export interface ProfileRules {
  readonly mapping: MappingSet
  readonly scope: ScopeRule
  readonly grouping: GroupingRule
  readonly roles: RoleRule
}

/** The version written into exported rule files; a file with a higher one is refused. */
export const RULES_FILE_VERSION = 1

/** The exported JSON file. */
export interface RulesFile {
  readonly format: 'headcount-rules'
  readonly version: number
  readonly exportedAt: string
  readonly profileName: string
  readonly rules: ProfileRules
}

export interface RulesState {
  readonly rules: ProfileRules
  /** ISO time of the last save; null while the profile still runs on the default rules. */
  readonly savedAt: string | null
  /** A short hash of the rules, recorded with every plan and run (issue 5: "rules fingerprint"). */
  readonly fingerprint: string
}

/** A problem in a profile's rules, pointing at the row or clause it concerns. */
export interface RuleProblem {
  readonly area: 'mapping' | 'scope' | 'grouping' | 'roles'
  /** Index of the mapping row, filter or group the problem is in; null for the whole area. */
  readonly index: number | null
  /** Index of the clause inside that filter, when it is about one clause. */
  readonly clauseIndex: number | null
  /** The field of the row (`source`, `targetPath`, `value`, `nameTemplate` …), when known. */
  readonly field: string | null
  readonly code: string
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly hint: string | null
  /** For expressions: UTF-16 offset and length inside the source text. */
  readonly offset: number | null
  readonly length: number | null
}

// ── What the editors are offered ─────────────────────────────────────────────────────────────────

export interface FunctionInfo {
  readonly name: string
  /** e.g. `Join(separator, source1, source2, …)`. */
  readonly signature: string
  readonly description: string
}

export interface SourceAttributeInfo {
  /** The name Entra's mappings use (`givenName`, `extensionAttribute3`, `extension_<appId>_costCentre`). */
  readonly name: string
  /** Users in the cache that have a value. */
  readonly usersWithValue: number
  /** A value seen in the cache, to recognise the attribute by. */
  readonly example: string | null
  /** On-premises extension attribute or directory schema extension. */
  readonly isExtension: boolean
}

export interface TargetAttributeInfo {
  /** A SCIM target path, as mappings write it. */
  readonly path: string
  /** `core`, `enterprise`, `card` (the Headcount card extension) or `target` (a custom schema the target's /Schemas declares). */
  readonly schema: 'core' | 'enterprise' | 'card' | 'target'
  readonly description: string
  readonly isMandatoryByDefault: boolean
}

export interface OperatorInfo {
  readonly operator: ScopeOperator
  readonly description: string
  readonly needsValue: boolean
}

export interface RulesCatalogue {
  readonly functions: readonly FunctionInfo[]
  readonly sourceAttributes: readonly SourceAttributeInfo[]
  readonly targetAttributes: readonly TargetAttributeInfo[]
  readonly operators: readonly OperatorInfo[]
  /** Groups in the cache, for the group filter, named filters and role mapping pickers. */
  readonly groups: readonly { readonly id: string; readonly displayName: string; readonly memberCount: number }[]
}

// ── Live results ─────────────────────────────────────────────────────────────────────────────────

/** One token of an expression, for syntax highlighting. */
export interface ExpressionToken {
  readonly kind: 'function' | 'attribute' | 'string' | 'number' | 'operator' | 'punctuation' | 'name' | 'invalid'
  readonly offset: number
  readonly length: number
}

export interface ExpressionDiagnosticInfo {
  readonly code: string
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly offset: number
  readonly length: number
  readonly hint: string | null
}

/** An expression's value for one user. */
export interface ExpressionResultForUser {
  readonly userId: string
  readonly displayName: string
  /** A string, a list of strings, or null (no value); `[Redact]` stands in for a redacted value. */
  readonly value: string | readonly string[] | null
  /** IgnoreFlowIfNullOrEmpty left the attribute out of the flow. */
  readonly isIgnored: boolean
  readonly diagnostics: readonly ExpressionDiagnosticInfo[]
}

export interface ExpressionPreview {
  readonly tokens: readonly ExpressionToken[]
  /** Syntax and checking problems; evaluation problems are per user. */
  readonly diagnostics: readonly ExpressionDiagnosticInfo[]
  /** The chosen user's result; null when no user was chosen or the expression does not compile. */
  readonly user: ExpressionResultForUser | null
  /** A fixed sample of in-cache users (the same users for the same cache), up to 20. */
  readonly sample: readonly ExpressionResultForUser[]
}

export interface RulesPreview {
  readonly totalUsers: number
  readonly inScope: number
  readonly outOfScope: number
  /** Why users are out of scope, most common first. */
  readonly outOfScopeReasons: readonly { readonly reason: string; readonly count: number }[]
  readonly groups: readonly { readonly name: string; readonly size: number }[]
  /** In-scope users who land in no group. */
  readonly ungrouped: number
  readonly roles: readonly { readonly role: string; readonly size: number }[]
  /** In-scope users missing a mandatory attribute (they would be skipped with MandatoryFieldsMissing). */
  readonly missingMandatory: number
  readonly problems: readonly RuleProblem[]
  readonly durationMs: number
}

export interface AttributeOutcome {
  readonly targetPath: string
  readonly value: string | readonly string[] | null
  readonly reason: string
  readonly message: string
}

/** Why one user is in or out of scope, what they get, and where they land. */
export interface UserRulesExplanation {
  readonly userId: string
  readonly displayName: string
  readonly isInScope: boolean
  /** Plain-language lines, in evaluation order (assignment, group filter, clause filters). */
  readonly scopeReasons: readonly string[]
  /** The attributes a create would send. */
  readonly attributes: readonly AttributeOutcome[]
  readonly missingMandatory: readonly string[]
  readonly group: { readonly name: string | null; readonly reason: string }
  readonly roles: readonly { readonly role: string; readonly reasons: readonly string[] }[]
  readonly approver: { readonly userId: string | null; readonly displayName: string | null; readonly reason: string }
}
