/**
 * What the pure core needs injected to evaluate expressions here (clock, randomness, GUIDs), and how
 * an expression value is shown to the editors (a string, a list of strings, or null).
 */
import { randomInt, randomUUID } from 'node:crypto'
import type { ExprValue, ScalarValue } from '../../domain/expr/expr-value'
import type { ContextServices } from '../../domain/expr/user-evaluation-context'

/** The real clock and crypto randomness, fixed at `now` for one call so every user sees the same time. */
export function liveContextServices(now: Date): ContextServices {
  return { now, random: () => randomInt(0, 2 ** 48) / 2 ** 48, newGuid: () => randomUUID() }
}

/**
 * An expression value for display: numbers as written, Booleans as .NET writes them ("True" /
 * "False", which is what Entra sends), lists as lists of those, empty as null.
 */
export function displayValue(value: ExprValue): string | readonly string[] | null {
  if (value === null) return null
  if (isList(value)) return value.filter((item): item is string | number | boolean => item !== null).map(scalarText)
  return scalarText(value)
}

function isList(value: ExprValue): value is readonly ScalarValue[] {
  return Array.isArray(value)
}

function scalarText(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  return String(value)
}
