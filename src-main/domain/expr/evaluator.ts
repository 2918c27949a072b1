/**
 * The evaluator: a checked syntax tree → a function from an EvaluationContext to a value. The tree
 * is turned into nested closures once, so evaluating the same mapping for 100,000 users does no
 * tree walking, no name lookups and no parsing.
 *
 * Rules the functions alone cannot express:
 * - IIF: "If the source attribute used within the IIF function is empty or null, the condition
 *   check fails" (Entra reference, IIF known limitations): the condition is then False.
 * - IgnoreFlowIfNullOrEmpty's IGNORE_FLOW passes outward through any enclosing call: the target
 *   attribute is left out of the flow whatever surrounds it.
 * - Redact: the value flows, but anything logging it shows "[Redact]" (`isRedacted`).
 * - Arguments are evaluated eagerly, both IIF branches included, as VBA's IIf does.
 * An EvaluationError from a function stops the evaluation and becomes a diagnostic on that call;
 * nothing escapes, whatever the input.
 */
import { diagnostic, type Diagnostic } from './diagnostic'
import { IGNORE_FLOW, MISSING, type ArgumentValue, type EvaluationContext, type EvaluationResult } from './expr-value'
import { EvaluationError, type FunctionDefinition } from './functions/function-definition'
import { booleanText, FALSE_TEXT, isNullOrEmpty, toText } from './functions/value-conversion'
import { forEachNode, type CallNode, type ComparisonNode, type ExpressionNode } from './syntax-tree'

export interface EvaluationOutcome {
  /** The value, or IGNORE_FLOW; null when evaluation failed (see diagnostics). */
  readonly result: EvaluationResult
  readonly isRedacted: boolean
  readonly diagnostics: readonly Diagnostic[]
}

/** A compiled tree: call it once per user. */
export type TreeEvaluator = (context: EvaluationContext) => EvaluationOutcome

interface EvaluationState {
  readonly context: EvaluationContext
  isRedacted: boolean
}

type Evaluate = (state: EvaluationState) => ArgumentValue | typeof IGNORE_FLOW

/** Stops an evaluation with one diagnostic; caught in `compileTree`'s evaluator, never escapes. */
class EvaluationStop extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message)
    this.name = 'EvaluationStop'
  }
}

/** Compiles a tree that the checker accepted (unknown functions evaluate to an error diagnostic). */
export function compileTree(tree: ExpressionNode, functions: ReadonlyMap<string, FunctionDefinition>): TreeEvaluator {
  const root = compileNode(tree, functions)
  return (context) => {
    const state: EvaluationState = { context, isRedacted: false }
    try {
      const value = root(state)
      return { result: value === MISSING ? null : value, isRedacted: state.isRedacted, diagnostics: [] }
    } catch (error) {
      const problem =
        error instanceof EvaluationStop
          ? error.diagnostic
          : diagnostic('evaluationFailed', `The expression could not be evaluated: ${error instanceof Error ? error.message : String(error)}`, tree.offset, tree.length)
      return { result: null, isRedacted: state.isRedacted, diagnostics: [problem] }
    }
  }
}

function compileNode(node: ExpressionNode, functions: ReadonlyMap<string, FunctionDefinition>): Evaluate {
  switch (node.kind) {
    case 'string': {
      const value = node.value
      return () => value
    }
    case 'number': {
      const value = node.value
      return () => value
    }
    case 'attribute': {
      const name = node.name
      return (state) => state.context.attribute(name)
    }
    case 'name': {
      // vbTextCompare / vbBinaryCompare read as their own names; True / False as the boolean texts.
      const value = node.name
      return () => value
    }
    case 'empty':
      return () => MISSING
    case 'comparison':
      return compileComparison(node, functions)
    case 'call':
      return compileCall(node, functions)
    case 'error':
      return () => {
        throw new EvaluationStop(diagnostic('evaluationFailed', 'The expression has syntax errors.', node.offset, node.length))
      }
  }
}

function compileCall(node: CallNode, functions: ReadonlyMap<string, FunctionDefinition>): Evaluate {
  const definition = functions.get(node.name)
  if (!definition) {
    return () => {
      throw new EvaluationStop(diagnostic('unknownFunction', `There is no function “${node.name}”.`, node.offset, node.nameLength))
    }
  }
  const argumentEvaluators = node.arguments.map((argument, index) =>
    node.name === 'IIF' && index === 0 ? compileCondition(argument, functions) : compileNode(argument, functions),
  )
  const isRedact = node.name === 'Redact'
  const count = argumentEvaluators.length
  return (state) => {
    const args: ArgumentValue[] = new Array<ArgumentValue>(count)
    for (let index = 0; index < count; index++) {
      const value = (argumentEvaluators[index] as Evaluate)(state)
      if (value === IGNORE_FLOW) return IGNORE_FLOW
      args[index] = value
    }
    if (isRedact) state.isRedacted = true
    try {
      return definition.evaluate(args, state.context)
    } catch (error) {
      if (error instanceof EvaluationError) {
        throw new EvaluationStop(diagnostic(error.code, error.message, node.offset, node.length, error.hint))
      }
      throw new EvaluationStop(
        diagnostic('evaluationFailed', `${node.name} failed: ${error instanceof Error ? error.message : String(error)}`, node.offset, node.length),
      )
    }
  }
}

/** An IIF condition: False when any source attribute inside it is null or empty, else its value. */
function compileCondition(condition: ExpressionNode, functions: ReadonlyMap<string, FunctionDefinition>): Evaluate {
  const attributes = new Set<string>()
  forEachNode(condition, (node) => {
    if (node.kind === 'attribute') attributes.add(node.name)
  })
  const names = [...attributes]
  const evaluate = compileNode(condition, functions)
  if (names.length === 0) return evaluate
  return (state) => {
    for (const name of names) if (isNullOrEmpty(state.context.attribute(name))) return FALSE_TEXT
    return evaluate(state)
  }
}

/**
 * `=` `<>` `>` `>=` `<` `<=`: numerically when both sides read as numbers (DateDiff(…) > 5),
 * otherwise as case-sensitive ordinal text. Null compares as "". The result is "True"/"False".
 */
function compileComparison(node: ComparisonNode, functions: ReadonlyMap<string, FunctionDefinition>): Evaluate {
  const left = compileNode(node.left, functions)
  const right = compileNode(node.right, functions)
  const operator = node.operator
  return (state) => {
    const leftValue = left(state)
    if (leftValue === IGNORE_FLOW) return IGNORE_FLOW
    const rightValue = right(state)
    if (rightValue === IGNORE_FLOW) return IGNORE_FLOW
    const order = compareValues(leftValue, rightValue)
    switch (operator) {
      case '=':
        return booleanText(order === 0)
      case '<>':
        return booleanText(order !== 0)
      case '>':
        return booleanText(order > 0)
      case '>=':
        return booleanText(order >= 0)
      case '<':
        return booleanText(order < 0)
      case '<=':
        return booleanText(order <= 0)
    }
  }
}

function compareValues(left: ArgumentValue, right: ArgumentValue): number {
  const leftText = toText(left) ?? ''
  const rightText = toText(right) ?? ''
  const leftNumber = readNumber(left, leftText)
  const rightNumber = readNumber(right, rightText)
  if (leftNumber !== null && rightNumber !== null) return Math.sign(leftNumber - rightNumber)
  return leftText === rightText ? 0 : leftText < rightText ? -1 : 1
}

function readNumber(value: ArgumentValue, text: string): number | null {
  if (typeof value === 'number') return value
  if (text.trim() === '') return null
  const number = Number(text)
  return Number.isFinite(number) ? number : null
}
