/**
 * How the functions read their arguments. Entra's functions work on strings; numbers and booleans
 * appear as literals or results and convert the way .NET prints them ("True"/"False" for booleans).
 * Every function that answers yes/no returns the STRING "True" or "False", as Entra does (`Not`
 * takes "True"/"False", `Switch` keys compare them as text), so a result can always be written
 * to a target attribute as it is.
 */
import { MISSING, type ArgumentValue, type ScalarValue } from '../expr-value'
import { EvaluationError } from './function-definition'

export const TRUE_TEXT = 'True'
export const FALSE_TEXT = 'False'

/** "True" or "False". */
export function booleanText(value: boolean): string {
  return value ? TRUE_TEXT : FALSE_TEXT
}

/** A scalar as text; null stays null. */
export function scalarText(value: ScalarValue): string | null {
  if (value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return booleanText(value)
  return String(value)
}

/**
 * An argument as one string: null for an absent value or an empty slot; the FIRST value of a
 * multi-valued attribute (single-valued functions on a multi-valued source read its first value).
 */
export function toText(value: ArgumentValue): string | null {
  if (value === MISSING) return null
  if (Array.isArray(value)) return value.length === 0 ? null : scalarText((value as readonly ScalarValue[])[0] ?? null)
  return scalarText(value as ScalarValue)
}

/** Null, an empty slot, "" and an empty multi-valued attribute are all "null or empty". */
export function isNullOrEmpty(value: ArgumentValue): boolean {
  if (value === MISSING || value === null || value === '') return true
  return Array.isArray(value) && value.length === 0
}

/** Null, an empty slot and an empty multi-valued attribute: "absent". */
export function isNullValue(value: ArgumentValue): boolean {
  return value === MISSING || value === null || (Array.isArray(value) && value.length === 0)
}

/** Every value of an argument: a multi-valued one as is, a scalar as one value, null as none. */
export function toValues(value: ArgumentValue): readonly ScalarValue[] {
  if (value === MISSING || value === null) return []
  if (Array.isArray(value)) return value as readonly ScalarValue[]
  return [value as ScalarValue]
}

/** A number argument; text is read as a number ("3", "-1.5", "&HF7"). Throws EvaluationError otherwise. */
export function toNumber(value: ArgumentValue, functionName: string, parameter: string): number {
  if (typeof value === 'number') return value
  const text = toText(value)
  if (text !== null) {
    const trimmed = text.trim()
    if (/^&H[0-9A-Fa-f]+$/i.test(trimmed)) return Number.parseInt(trimmed.slice(2), 16)
    if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed)
  }
  throw new EvaluationError('invalidNumber', `${functionName}: ${parameter} must be a number, not ${describeValue(value)}.`)
}

/** A whole-number argument (positions, counts). */
export function toInteger(value: ArgumentValue, functionName: string, parameter: string): number {
  const number = toNumber(value, functionName, parameter)
  if (!Number.isInteger(number)) throw new EvaluationError('invalidNumber', `${functionName}: ${parameter} must be a whole number, not ${number}.`)
  return number
}

/**
 * Truth as CBool and IIF read it: a boolean, the text "True"/"False" (any case), or a number
 * (non-zero is true). Null and empty are false. Other text cannot be read as a boolean.
 */
export function toBoolean(value: ArgumentValue, functionName: string): boolean {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  const text = toText(value)
  if (text === null || text === '') return false
  const lowered = text.trim().toLowerCase()
  if (lowered === 'true') return true
  if (lowered === 'false') return false
  const number = Number(lowered)
  if (lowered !== '' && Number.isFinite(number)) return number !== 0
  throw new EvaluationError('invalidBoolean', `${functionName}: “${text}” is not True, False or a number.`, 'Compare it instead, for example [attribute] = "value".')
}

/** A short description of a value for messages. */
export function describeValue(value: ArgumentValue): string {
  if (value === MISSING) return 'an empty argument'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `a list of ${value.length} values`
  return `“${scalarText(value as ScalarValue)}”`
}
