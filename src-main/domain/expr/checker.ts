/**
 * The checker: what the grammar cannot say. Unknown functions, names and attributes (with "did you
 * mean"), argument counts against the documented signatures, and Entra's placement rules
 * (SelectUniqueValue only at the top; comparisons only in an IIF or CBool condition). It also warns
 * about an IIF condition that tests for null or empty, because Entra documents that such a condition
 * "fails" and recommends Switch instead.
 */
import { diagnostic, type Diagnostic } from './diagnostic'
import type { FunctionDefinition } from './functions/function-definition'
import { suggestName } from './suggest-name'
import { forEachNode, type CallNode, type ExpressionNode } from './syntax-tree'

export interface CheckOptions {
  readonly functions: ReadonlyMap<string, FunctionDefinition>
  /** When given, an attribute not in this list is reported (with a suggestion). */
  readonly knownAttributes?: readonly string[]
  /**
   * False when the text did not parse cleanly: argument counts and placement are then not
   * checked, because a recovered tree's calls may be missing arguments the user did write.
   */
  readonly isSyntaxValid?: boolean
}

/** The bare names the language knows (InStr's compareType and the boolean words). */
export const KNOWN_NAMES: ReadonlyMap<string, string> = new Map([
  ['vbTextCompare', 'vbTextCompare'],
  ['vbBinaryCompare', 'vbBinaryCompare'],
  ['True', 'True'],
  ['False', 'False'],
])

/** Functions whose first argument is a condition, where comparison operators are allowed. */
const CONDITION_FUNCTIONS: ReadonlySet<string> = new Set(['IIF', 'CBool'])
const NULL_TESTS: ReadonlySet<string> = new Set(['IsNull', 'IsNullOrEmpty', 'IsPresent'])

/** Checks a parsed tree; returns the diagnostics in text order. */
export function checkExpression(tree: ExpressionNode, options: CheckOptions): readonly Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const known = options.knownAttributes ? new Set(options.knownAttributes) : null
  forEachNode(tree, (node, parent) => {
    switch (node.kind) {
      case 'call':
        checkCall(node, tree, options.functions, diagnostics, options.isSyntaxValid ?? true)
        break
      case 'name':
        if (!KNOWN_NAMES.has(node.name)) {
          const suggestion = suggestName(node.name, [...KNOWN_NAMES.keys(), ...options.functions.keys()])
          diagnostics.push(
            diagnostic('unknownName', `“${node.name}” is not a known name.`, node.offset, node.length,
              suggestion ? `Did you mean ${suggestion}?` : 'Text goes in double quotes ("…"), attributes in brackets ([…]), and a function needs parentheses.'),
          )
        }
        break
      case 'attribute':
        if (known && !known.has(node.name)) {
          const suggestion = suggestName(node.name, known)
          diagnostics.push(
            diagnostic('unknownAttribute', `There is no source attribute [${node.name}].`, node.offset, node.length,
              suggestion ? `Did you mean [${suggestion}]?` : 'Pick a source attribute from the list; names are case-sensitive.'),
          )
        }
        break
      case 'comparison':
        if (!isCondition(node, parent)) {
          diagnostics.push(
            diagnostic('comparisonOutsideCondition', `The comparison “${node.operator}” can only be the condition of IIF or CBool.`, node.offset, node.length,
              'Wrap it: IIF([country] = "USA", "yes", "no").'),
          )
        }
        break
      default:
        break
    }
  })
  return diagnostics.sort((a, b) => a.offset - b.offset)
}

function checkCall(
  node: CallNode,
  tree: ExpressionNode,
  functions: ReadonlyMap<string, FunctionDefinition>,
  diagnostics: Diagnostic[],
  isSyntaxValid: boolean,
): void {
  const definition = functions.get(node.name)
  if (!definition) {
    const suggestion = suggestName(node.name, functions.keys())
    const caseOnly = suggestion !== null && suggestion.toLowerCase() === node.name.toLowerCase()
    diagnostics.push(
      diagnostic('unknownFunction', `There is no function “${node.name}”${caseOnly ? ' (function names are case-sensitive)' : ''}.`, node.offset, node.nameLength,
        suggestion ? `Did you mean ${suggestion}?` : 'See the list of functions in the editor’s completion.'),
    )
    return
  }
  if (!isSyntaxValid) return
  const count = node.arguments.length
  if (count < definition.minArguments || count > definition.maxArguments) {
    diagnostics.push(
      diagnostic('wrongArgumentCount', `${definition.name} takes ${describeArity(definition)}, not ${count}.`, node.offset, node.length, `Signature: ${definition.signature}`),
    )
  } else if (definition.name === 'Switch' && count % 2 !== 0) {
    // "Key and value parameters must always come in pairs. The function always expects an even number of parameters."
    diagnostics.push(
      diagnostic('wrongArgumentCount', `Switch takes an even number of arguments (keys and values come in pairs), not ${count}.`, node.offset, node.length, `Signature: ${definition.signature}`),
    )
  }
  if (definition.name === 'SelectUniqueValue' && node !== tree) {
    diagnostics.push(
      diagnostic('notTopLevel', 'SelectUniqueValue must be the whole expression; it cannot be nested.', node.offset, node.nameLength, 'Move the other functions inside its rules.'),
    )
  }
  if (node.name === 'IIF' && node.arguments[0] && testsForNullOrEmpty(node.arguments[0])) {
    const condition = node.arguments[0]
    diagnostics.push(
      diagnostic('nullCheckInCondition', 'Entra fails an IIF condition when its source attribute is null or empty, so this test never takes the “true” branch for an empty value.', condition.offset, condition.length,
        'Use Switch instead, for example Switch([country], [country], "", "Other").', 'warning'),
    )
  }
}

function isCondition(node: ExpressionNode, parent: ExpressionNode | null): boolean {
  return parent?.kind === 'call' && CONDITION_FUNCTIONS.has(parent.name) && parent.arguments[0] === node
}

/** `IsPresent(…)`, `IsNull(…)`, `IsNullOrEmpty(…)` or a comparison with "" in a condition. */
function testsForNullOrEmpty(condition: ExpressionNode): boolean {
  let found = false
  forEachNode(condition, (node) => {
    if (node.kind === 'call' && NULL_TESTS.has(node.name)) found = true
    if (node.kind === 'comparison' && [node.left, node.right].some((side) => side.kind === 'string' && side.value === '')) found = true
  })
  return found
}

function describeArity(definition: FunctionDefinition): string {
  const { minArguments: min, maxArguments: max } = definition
  const plural = (count: number): string => `${count} argument${count === 1 ? '' : 's'}`
  if (max === Number.POSITIVE_INFINITY) return `at least ${plural(min)}`
  if (min === max) return plural(min)
  return `${min} to ${max} arguments`
}
