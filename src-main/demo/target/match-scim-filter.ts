/**
 * SCIM filter evaluation that honours `caseExact`. SCIMMY parses filters and can match them in
 * memory, but compares strings exactly; RFC 7643 makes userName, emails, displayName and most other
 * strings caseExact false, and Entra looks users up with `userName eq "<UPN>"` in whatever case the
 * UPN has. So both the filter and the records are folded to lower case (except the caseExact
 * attributes id, externalId and meta) before SCIMMY's own matcher runs.
 */
import SCIMMY from 'scimmy'

type FilterExpressions = ConstructorParameters<typeof SCIMMY.Types.Filter>[0]

/** Attributes RFC 7643 marks caseExact true (lower-cased names). */
const CASE_EXACT_ATTRIBUTES = new Set(['id', 'externalid', 'meta', '$ref'])
const VALUELESS_COMPARATORS = new Set(['pr', 'np'])
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T/

function foldRecordValue(value: unknown): unknown {
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? value : value.toLowerCase()
  if (Array.isArray(value)) return value.map(foldRecordValue)
  if (value !== null && typeof value === 'object') {
    const folded: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      folded[key] = CASE_EXACT_ATTRIBUTES.has(key.toLowerCase()) ? inner : foldRecordValue(inner)
    }
    return folded
  }
  return value
}

function foldExpression(expression: unknown): unknown {
  if (!Array.isArray(expression)) {
    if (expression !== null && typeof expression === 'object') return foldExpressionObject(expression as Record<string, unknown>)
    return expression
  }
  if (expression.every((item) => Array.isArray(item))) return expression.map(foldExpression)
  const parts: unknown[] = [...(expression as unknown[])]
  const word = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : '')
  const comparatorIndex = word(parts[0]) === 'not' ? 1 : 0
  const comparator = word(parts[comparatorIndex])
  const last = parts.length - 1
  if (last > comparatorIndex && !VALUELESS_COMPARATORS.has(comparator) && typeof parts[last] === 'string') {
    parts[last] = String(parts[last]).toLowerCase()
  }
  return parts
}

function foldExpressionObject(expression: Record<string, unknown>): Record<string, unknown> {
  const folded: Record<string, unknown> = {}
  for (const [attribute, inner] of Object.entries(expression)) {
    folded[attribute] = CASE_EXACT_ATTRIBUTES.has(attribute.toLowerCase()) ? inner : foldExpression(inner)
  }
  return folded
}

/** The records matching `filter`, comparing caseExact-false strings without regard to case. */
export function matchScimFilter<T extends object>(filter: SCIMMY.Types.Filter, records: readonly T[]): T[] {
  if (records.length === 0) return []
  const foldedFilter = new SCIMMY.Types.Filter(Array.from(filter, (expression) => foldExpressionObject(expression as Record<string, unknown>)) as FilterExpressions)
  const originals = new Map<object, T>()
  const foldedRecords = records.map((record) => {
    const folded = foldRecordValue(record) as object
    originals.set(folded, record)
    return folded
  })
  return foldedFilter.match(foldedRecords).map((folded: object) => originals.get(folded) as T)
}

/**
 * The value of a filter that is exactly `<attribute> eq "<value>"` (the only shape Entra sends),
 * so the store can answer from an index instead of scanning every record.
 */
export function simpleEqualityValue(filter: SCIMMY.Types.Filter | undefined, attribute: string): string | undefined {
  if (!filter || filter.length !== 1) return undefined
  const expression = filter[0] as Record<string, unknown> | undefined
  if (!expression) return undefined
  const entries = Object.entries(expression)
  if (entries.length !== 1) return undefined
  const [name, value] = entries[0]!
  if (name.toLowerCase() !== attribute.toLowerCase() || !Array.isArray(value) || value.length !== 2) return undefined
  return String(value[0]).toLowerCase() === 'eq' && typeof value[1] === 'string' ? value[1] : undefined
}
