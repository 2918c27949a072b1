/**
 * The scoping clause operators of Entra's provisioning service, exactly as its UI and the Graph
 * synchronization schema spell them (reference/entra-and-graph.md §2, "Operators listed in the UI doc").
 * There is no Less_Than, Less_Than_OR_EQUALS or STARTS_WITH: the doc does not list them, so rules that
 * use them are refused rather than given semantics Entra may not share.
 */
import type { ScopeOperator } from '../../common/rules'

export type { ScopeOperator } from '../../common/rules'

export const SCOPE_OPERATORS = [
  '&',
  '!&',
  'ENDS_WITH',
  'EQUALS',
  'Greater_Than',
  'Greater_Than_OR_EQUALS',
  'Includes',
  'IS FALSE',
  'IS NOT NULL',
  'IS NULL',
  'IS TRUE',
  'NOT EQUALS',
  'NOT REGEX MATCH',
  'REGEX MATCH',
] as const satisfies readonly ScopeOperator[]

// Both ways: every operator of the contract type is in the runtime list.
const listsEveryOperator: [Exclude<ScopeOperator, (typeof SCOPE_OPERATORS)[number]>] extends [never] ? true : false = true
void listsEveryOperator

/** Operators that take no comparison value (Graph's `arity: Unary`). */
const UNARY_OPERATORS: ReadonlySet<string> = new Set<ScopeOperator>(['IS FALSE', 'IS NOT NULL', 'IS NULL', 'IS TRUE'])

const OPERATOR_NAMES: ReadonlySet<string> = new Set<string>(SCOPE_OPERATORS)

/** True when `name` is one of Entra's operators (spelling and case as Entra writes them). */
export function isScopeOperator(name: string): name is ScopeOperator {
  return OPERATOR_NAMES.has(name)
}

/** True when the operator needs a comparison value. */
export function isBinaryOperator(operator: ScopeOperator): boolean {
  return !UNARY_OPERATORS.has(operator)
}

/** What each operator means, in the words shown next to it in the editor. */
export const OPERATOR_DESCRIPTIONS: Readonly<Record<ScopeOperator, string>> = {
  '&': 'the value occurs in the given text (case-sensitive), e.g. one of "Sales,Marketing"',
  '!&': 'the value does not occur in the given text (case-sensitive)',
  ENDS_WITH: 'ends with the given text (case-sensitive)',
  EQUALS: 'is exactly the given text (case-sensitive)',
  Greater_Than: 'is an integer greater than the given integer',
  Greater_Than_OR_EQUALS: 'is an integer greater than or equal to the given integer',
  Includes: 'contains the given text (case-sensitive)',
  'IS FALSE': 'is the Boolean false',
  'IS NOT NULL': 'has a value',
  'IS NULL': 'has no value',
  'IS TRUE': 'is the Boolean true',
  'NOT EQUALS': 'has a value other than the given text (case-sensitive)',
  'NOT REGEX MATCH': 'has a value that does not match the regular expression',
  'REGEX MATCH': 'matches the regular expression',
}
