/**
 * A problem found in a mapping set, as a value (STYLE.md habit 5). It names the mapping (its index in
 * `MappingSet.mappings`) and the field it concerns; `offset`/`length` point into that field's text
 * (the target path, or the expression in `source`) so an editor can underline the exact spot.
 */
export type MappingDiagnosticCode =
  // target paths
  | 'emptyTargetPath'
  | 'invalidTargetPath'
  // the set
  | 'duplicateTarget'
  | 'mandatoryTargetMissing'
  | 'mandatoryTargetNotMapped'
  | 'mandatoryFlagMismatch'
  | 'noMatchingAttribute'
  // one mapping
  | 'missingSource'
  | 'unknownAttribute'
  | 'unusedDefaultValue'
  | 'invalidPrecedence'
  | 'duplicatePrecedence'
  | 'matchingWithoutValue'
  | 'matchingTargetNotUnique'
  | 'matchingVolatileExpression'
  // expression diagnostics come through with their own codes (unknownFunction, unterminatedString …)
  | (string & {})

/** Which field of a mapping a diagnostic concerns; 'set' for problems of the whole set. */
export type MappingField = 'targetPath' | 'source' | 'defaultValue' | 'applyOn' | 'matching' | 'isMandatory' | 'set'

export interface MappingDiagnostic {
  readonly code: MappingDiagnosticCode
  /** Errors stop the set from being saved or run; warnings point at behaviour that surprises. */
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly hint: string | null
  /** Index into `MappingSet.mappings`, or null for a problem of the whole set. */
  readonly mappingIndex: number | null
  readonly field: MappingField
  /** UTF-16 offset and length in the field's text (0, 0 when the whole field is meant). */
  readonly offset: number
  readonly length: number
}

/** True when at least one diagnostic is an error. */
export function hasMappingErrors(diagnostics: readonly MappingDiagnostic[]): boolean {
  return diagnostics.some((item) => item.severity === 'error')
}
