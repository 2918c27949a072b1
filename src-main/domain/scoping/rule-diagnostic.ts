/**
 * A problem found in a scoping or grouping rule. Rules are forms, not text, so a diagnostic points at
 * the filter / clause / field it concerns instead of carrying the `offset` and `length` that the
 * expression language's diagnostics carry.
 */
export interface RuleDiagnostic {
  readonly code:
    | 'UnknownOperator'
    | 'MissingAttribute'
    | 'MissingValue'
    | 'UnexpectedValue'
    | 'InvalidRegex'
    | 'NotAnInteger'
    | 'EmptyFilter'
    | 'EmptyGroupFilter'
    | 'NotSupportedByEntra'
    | 'UnknownPlaceholder'
    | 'NoFields'
    | 'DuplicateGroupName'
  /** Errors make the rule unusable as written; warnings are worth knowing. */
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly hint: string | null
  /** Where in the rule: indexes into `filters` / `clauses`, or a field name. */
  readonly path: RuleDiagnosticPath
}

export interface RuleDiagnosticPath {
  readonly groupIndex?: number
  readonly filterIndex?: number
  readonly clauseIndex?: number
  readonly field?: string
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly RuleDiagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error')
}
