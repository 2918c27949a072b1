/**
 * One built-in function of the expression language, as documented in Entra's "Reference for writing
 * expressions for attribute mappings". The registry (functions/index.ts) lists them all; the checker
 * uses the arity and the editors use the signature and summary for completion.
 */
import type { ArgumentValue, EvaluationContext, EvaluationResult } from '../expr-value'

export interface FunctionDefinition {
  /** Exactly as documented; the syntax is case-sensitive. */
  readonly name: string
  /** As documented, e.g. `Left(String, NumChars)`. */
  readonly signature: string
  /** One sentence for completion lists. */
  readonly summary: string
  readonly minArguments: number
  /** `Number.POSITIVE_INFINITY` for variadic functions (Coalesce, Join, Switch …). */
  readonly maxArguments: number
  /** True when the result differs between calls with the same arguments (Guid, Now, RandomString). */
  readonly isVolatile?: boolean
  /**
   * Pure given the context. Arguments are already evaluated; an empty slot is MISSING. A runtime
   * problem (an invalid regex, a date that cannot be read) is thrown as {@link EvaluationError};
   * the evaluator turns it into a diagnostic.
   */
  evaluate(args: readonly ArgumentValue[], context: EvaluationContext): EvaluationResult
}

/** A runtime problem in one function call, reported as a diagnostic (never escapes the evaluator). */
export class EvaluationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message)
    this.name = 'EvaluationError'
  }
}
