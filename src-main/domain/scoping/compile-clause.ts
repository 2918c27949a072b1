/**
 * One scoping clause, compiled once (regex built, integer parsed) and then applied to many values.
 * Semantics follow Entra's provisioning service (reference/entra-and-graph.md §2):
 * - "Scoping filters will return 'false' if the value is null / empty": every operator except IS NULL
 *   is false on an absent value or an empty string — NOT EQUALS and NOT REGEX MATCH included.
 * - EQUALS, NOT EQUALS, Includes, ENDS_WITH, `&`, `!&` compare text case-sensitively (.NET ordinal).
 * - Greater_Than(_OR_EQUALS) compare integers; a value that is not an integer makes the clause false.
 * - IS TRUE / IS FALSE accept a Boolean or the text "True"/"False" in any case (.NET bool.Parse).
 * - "Filtering is not supported for multi-valued attributes": a clause on an attribute with several
 *   values is false. IS NULL / IS NOT NULL still answer (an empty list counts as empty) — Headcount's
 *   extension, so that "has a licence" can be written.
 * - `&` / `!&`: the doc says "true if the evaluated attribute exists in the input string value"; we read
 *   that as "the attribute's value occurs in the clause value" (String.Contains with the arguments
 *   reversed), so `department & "Sales,Marketing"` is true for Sales. [unverified against the live
 *   service; the reference marks nothing more precise]
 */
import type { RuleDiagnostic, RuleDiagnosticPath } from './rule-diagnostic'
import { SCOPE_OPERATORS, isBinaryOperator, isScopeOperator } from './scope-operator'
import type { ScopeClause } from './scope-rule'

/** How a clause came out for one value. Only `match` makes the clause true. */
export type ClauseVerdict = 'match' | 'mismatch' | 'empty' | 'notSingleValued' | 'notInteger' | 'notBoolean' | 'invalidClause'

export interface CompiledClause {
  readonly clause: ScopeClause
  readonly diagnostics: readonly RuleDiagnostic[]
  /** The verdict for the attribute's value as read by readSourceAttribute. */
  verdict(value: unknown): ClauseVerdict
}

/** Attributes Entra's service cannot filter on (reference §2, known issues). Headcount can. */
const NOT_FILTERABLE_BY_ENTRA: Readonly<Record<string, string>> = {
  userType: 'userType',
  manager: 'manager',
  appRoleAssignments: 'appRoleAssignments',
  assignedLicenses: 'multi-valued attributes',
  proxyAddresses: 'multi-valued attributes',
  businessPhones: 'multi-valued attributes',
  otherMails: 'multi-valued attributes',
}

const INTEGER = /^\s*[+-]?\d+\s*$/
const UNICODE_CATEGORY = /\\[pP]\{/

/**
 * The text form of a single value as Entra compares it: strings as they are, Booleans as .NET prints
 * them ("True"/"False"), numbers in decimal. Returns null for an empty value and undefined for a value
 * with several parts (a list with more than one item, or an object).
 */
export function scalarText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return null
    return value.length === 1 ? scalarText(value[0]) : undefined
  }
  return undefined
}

/** Compiles a clause; problems become diagnostics and the clause then matches nothing. */
export function compileClause(clause: ScopeClause, path: RuleDiagnosticPath = {}): CompiledClause {
  const diagnostics = validateClause(clause, path)
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { clause, diagnostics, verdict: () => 'invalidClause' }
  }
  return { clause, diagnostics, verdict: buildVerdict(clause) }
}

function buildVerdict(clause: ScopeClause): (value: unknown) => ClauseVerdict {
  const expected = clause.value ?? ''
  const onText = (test: (text: string) => boolean) => (value: unknown): ClauseVerdict => {
    const text = scalarText(value)
    if (text === null) return 'empty'
    if (text === undefined) return 'notSingleValued'
    return test(text) ? 'match' : 'mismatch'
  }
  switch (clause.operator) {
    case 'EQUALS':
      return onText((text) => text === expected)
    case 'NOT EQUALS':
      return onText((text) => text !== expected)
    case 'Includes':
      return onText((text) => text.includes(expected))
    case 'ENDS_WITH':
      return onText((text) => text.endsWith(expected))
    case '&':
      return onText((text) => expected.includes(text))
    case '!&':
      return onText((text) => !expected.includes(text))
    case 'REGEX MATCH': {
      const pattern = compileRegex(expected)!
      return onText((text) => pattern.test(text))
    }
    case 'NOT REGEX MATCH': {
      const pattern = compileRegex(expected)!
      return onText((text) => !pattern.test(text))
    }
    case 'Greater_Than':
    case 'Greater_Than_OR_EQUALS': {
      const threshold = BigInt(expected.trim())
      const isInclusive = clause.operator === 'Greater_Than_OR_EQUALS'
      return (value) => {
        const text = scalarText(value)
        if (text === null) return 'empty'
        if (text === undefined) return 'notSingleValued'
        if (!INTEGER.test(text)) return 'notInteger'
        const number = BigInt(text.trim())
        return number > threshold || (isInclusive && number === threshold) ? 'match' : 'mismatch'
      }
    }
    case 'IS TRUE':
    case 'IS FALSE': {
      const wanted = clause.operator === 'IS TRUE'
      return (value) => {
        const text = scalarText(value)
        if (text === null) return 'empty'
        if (text === undefined) return 'notSingleValued'
        const normalised = text.trim().toLowerCase()
        if (normalised !== 'true' && normalised !== 'false') return 'notBoolean'
        return (normalised === 'true') === wanted ? 'match' : 'mismatch'
      }
    }
    case 'IS NULL':
      return (value) => (isEmpty(value) ? 'match' : 'mismatch')
    case 'IS NOT NULL':
      return (value) => (isEmpty(value) ? 'empty' : 'match')
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

/**
 * Entra evaluates .NET regular expressions, unanchored (Regex.IsMatch). JavaScript's syntax is close
 * for the patterns admins write. .NET reads `\p{Lu}` as a Unicode category without any flag, while
 * JavaScript needs `u` for it (and without `u` silently reads "p{Lu}"), so such patterns get `u` first;
 * others are tried without it first, because `u` mode refuses escapes .NET accepts (e.g. `\-` outside a class).
 */
function compileRegex(pattern: string): RegExp | null {
  for (const flags of UNICODE_CATEGORY.test(pattern) ? ['u', ''] : ['', 'u']) {
    try {
      return new RegExp(pattern, flags)
    } catch {
      // try the next flag set; null below when none compiles
    }
  }
  return null
}

/** The diagnostics of one clause. */
export function validateClause(clause: ScopeClause, path: RuleDiagnosticPath = {}): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = []
  const add = (code: RuleDiagnostic['code'], severity: RuleDiagnostic['severity'], message: string, hint: string | null = null) =>
    diagnostics.push({ code, severity, message, hint, path })
  const operator = clause.operator as string
  if (typeof clause.attribute !== 'string' || clause.attribute.trim() === '') {
    add('MissingAttribute', 'error', 'The clause has no attribute.', 'Pick a source attribute such as department.')
  } else if (Object.prototype.hasOwnProperty.call(NOT_FILTERABLE_BY_ENTRA, clause.attribute)) {
    const what = NOT_FILTERABLE_BY_ENTRA[clause.attribute]!
    add('NotSupportedByEntra', 'warning', `Entra's provisioning service cannot filter on ${what}; Headcount can, but this filter will not carry over to Entra.`)
  }
  if (typeof operator !== 'string' || !isScopeOperator(operator)) {
    const suggestion = suggestOperator(String(operator))
    add('UnknownOperator', 'error', `“${String(operator)}” is not one of Entra's scoping operators.`, suggestion)
    return diagnostics
  }
  const value = clause.value
  if (isBinaryOperator(operator)) {
    if (value === undefined || value === null || value === '') {
      add('MissingValue', 'error', `${operator} needs a value to compare with.`)
    } else if ((operator === 'REGEX MATCH' || operator === 'NOT REGEX MATCH') && compileRegex(value) === null) {
      add('InvalidRegex', 'error', `“${value}” is not a valid regular expression.`, 'Check brackets and escapes, e.g. ^[0-9]{3}$')
    } else if ((operator === 'Greater_Than' || operator === 'Greater_Than_OR_EQUALS') && !INTEGER.test(value)) {
      add('NotAnInteger', 'error', `${operator} compares integers; “${value}” is not one.`)
    }
  } else if (value !== undefined && value !== null && value !== '') {
    add('UnexpectedValue', 'warning', `${operator} takes no value; “${value}” is ignored.`)
  }
  return diagnostics
}

const OPERATOR_SUGGESTIONS: readonly (readonly [RegExp, string])[] = [
  [/^less/i, 'Entra has no Less_Than; state the opposite with Greater_Than_OR_EQUALS, or match the range with REGEX MATCH.'],
  [/^starts?_?with$/i, 'Entra has no STARTS_WITH; use REGEX MATCH with ^, e.g. ^Sales'],
  [/^(contains|includes)$/i, 'Did you mean Includes?'],
  [/^(equals?|=|==)$/i, 'Did you mean EQUALS?'],
  [/^(not ?equals?|!=|<>)$/i, 'Did you mean NOT EQUALS?'],
]

function suggestOperator(name: string): string {
  const exact = SCOPE_OPERATORS.find((operator) => operator.toLowerCase().replace(/[\s_]/g, '') === name.toLowerCase().replace(/[\s_]/g, ''))
  if (exact) return `Did you mean ${exact}? Operators are spelled exactly as Entra writes them.`
  return OPERATOR_SUGGESTIONS.find(([pattern]) => pattern.test(name))?.[1] ?? 'Pick one of the operators offered in the list.'
}
