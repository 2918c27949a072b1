/**
 * Values of the mapping expression language. Entra's functions work on strings (numbers and booleans
 * appear as literals and results), on multi-valued attributes (arrays), and on null (an absent
 * attribute). `MISSING` is an argument slot left empty (`Replace([x], , "(?<a>.)", "a", , , )`),
 * which is not the same as null.
 */
export type ScalarValue = string | number | boolean | null
export type ExprValue = ScalarValue | readonly ScalarValue[]

export const MISSING: unique symbol = Symbol('missing argument')
export type ArgumentValue = ExprValue | typeof MISSING

/** Returned by IgnoreFlowIfNullOrEmpty: the target attribute is left out of the flow. */
export const IGNORE_FLOW: unique symbol = Symbol('ignore flow')
export type EvaluationResult = ExprValue | typeof IGNORE_FLOW

/** What evaluation may read and what it needs injected (the core is pure: no clock, no randomness). */
export interface EvaluationContext {
  /** A source attribute's value (see domain/mapping/source-attributes.ts), null when absent. */
  attribute(name: string): ExprValue
  /** The evaluation's "now" (Now(), CDate of relative values). */
  readonly now: Date
  /** Uniform [0, 1): RandomString. */
  random(): number
  /** A new GUID: Guid(). */
  newGuid(): string
  /** SelectUniqueValue: true when the value is already taken in the target. */
  isTaken(value: string): boolean
}
