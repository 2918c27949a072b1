/**
 * A problem found in an expression, as a value (STYLE.md habit 5): where it is (UTF-16 offset and
 * length in the expression text), what it is, and how to fix it. The scanner, parser, checker and
 * evaluator all report these; none of them throws for any input.
 */
export type DiagnosticCode =
  // scanner
  | 'expressionTooLong'
  | 'unterminatedString'
  | 'unterminatedAttribute'
  | 'emptyAttribute'
  | 'invalidHexLiteral'
  | 'invalidNumber'
  | 'unexpectedCharacter'
  | 'unknownEscape'
  // parser
  | 'unexpectedToken'
  | 'missingCloseParen'
  | 'emptyExpression'
  // checker
  | 'unknownFunction'
  | 'unknownName'
  | 'wrongArgumentCount'
  | 'unknownAttribute'
  | 'notTopLevel'
  | 'comparisonOutsideCondition'
  | 'nullCheckInCondition'
  // evaluator (function codes from EvaluationError come through as they are)
  | 'evaluationFailed'
  | (string & {})

export type DiagnosticSeverity = 'error' | 'warning'

export interface Diagnostic {
  readonly code: DiagnosticCode
  /** Errors stop a mapping from being saved or run; warnings point at Entra behaviour that surprises. */
  readonly severity: DiagnosticSeverity
  readonly message: string
  /** UTF-16 offset into the expression text. */
  readonly offset: number
  readonly length: number
  readonly hint?: string
}

/** Builds a diagnostic; the hint is left out when there is none. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  offset: number,
  length: number,
  hint?: string,
  severity: DiagnosticSeverity = 'error',
): Diagnostic {
  return hint === undefined ? { code, severity, message, offset, length } : { code, severity, message, offset, length, hint }
}

/** True when at least one diagnostic is an error (warnings alone do not stop anything). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((item) => item.severity === 'error')
}
