/**
 * The entry point of the expression language: compile once (scan, parse, check, build the
 * evaluator), evaluate many. Nothing here throws for any text or any user.
 */
import { checkExpression } from './checker'
import { hasErrors, type Diagnostic } from './diagnostic'
import { compileTree, type TreeEvaluator } from './evaluator'
import { IGNORE_FLOW, type EvaluationContext, type ExprValue } from './expr-value'
import { FUNCTIONS } from './functions'
import type { FunctionDefinition } from './functions/function-definition'
import { parseExpression } from './parser'
import { forEachNode, type ExpressionNode } from './syntax-tree'

export interface CompileOptions {
  /** Source attribute names that exist; when given, other names are reported as unknownAttribute. */
  readonly knownAttributes?: readonly string[]
  /** The function registry; all 43 by default (tests pass a smaller one). */
  readonly functions?: ReadonlyMap<string, FunctionDefinition>
}

export interface ExpressionEvaluation {
  /** The value to flow, or null (absent, ignored, or failed: see isIgnored and diagnostics). */
  readonly value: ExprValue | null
  /** IgnoreFlowIfNullOrEmpty decided to leave the target attribute out of the flow. */
  readonly isIgnored: boolean
  /** Compile errors (when the expression cannot run) or the evaluation error. */
  readonly diagnostics: readonly Diagnostic[]
  /** Present when Redact was used: what logs and previews show instead of the value. */
  readonly redactedText?: string
}

export interface CompiledExpression {
  readonly text: string
  /** Null when the text holds no expression at all. */
  readonly tree: ExpressionNode | null
  /** Scanner, parser and checker diagnostics, in text order. */
  readonly diagnostics: readonly Diagnostic[]
  readonly hasErrors: boolean
  /** True when the value can differ between calls (Guid, Now, RandomString, SelectUniqueValue). */
  readonly isVolatile: boolean
  evaluate(context: EvaluationContext): ExpressionEvaluation
}

/** What logs show for a redacted value (Entra's Redact: "the string literal [Redact]"). */
export const REDACTED_TEXT = '[Redact]'

/** Compiles an Entra attribute-mapping expression. */
export function compileExpression(text: string, options: CompileOptions = {}): CompiledExpression {
  const functions = options.functions ?? FUNCTIONS
  const parsed = parseExpression(text)
  const checked = parsed.tree ? checkExpression(parsed.tree, { functions, isSyntaxValid: !hasErrors(parsed.diagnostics), ...(options.knownAttributes ? { knownAttributes: options.knownAttributes } : {}) }) : []
  const diagnostics = [...parsed.diagnostics, ...checked].sort((a, b) => a.offset - b.offset)
  const isBroken = hasErrors(diagnostics) || parsed.tree === null
  const errors = diagnostics.filter((item) => item.severity === 'error')
  const evaluator: TreeEvaluator | null = isBroken || !parsed.tree ? null : compileTree(parsed.tree, functions)
  return {
    text,
    tree: parsed.tree,
    diagnostics,
    hasErrors: isBroken,
    isVolatile: parsed.tree ? usesVolatile(parsed.tree, functions) : false,
    evaluate(context) {
      if (!evaluator) return { value: null, isIgnored: false, diagnostics: errors }
      const outcome = evaluator(context)
      const isIgnored = outcome.result === IGNORE_FLOW
      const value = isIgnored ? null : outcome.result
      return outcome.isRedacted
        ? { value, isIgnored, diagnostics: outcome.diagnostics, redactedText: REDACTED_TEXT }
        : { value, isIgnored, diagnostics: outcome.diagnostics }
    },
  }
}

function usesVolatile(tree: ExpressionNode, functions: ReadonlyMap<string, FunctionDefinition>): boolean {
  let isVolatile = false
  forEachNode(tree, (node) => {
    if (node.kind === 'call' && functions.get(node.name)?.isVolatile) isVolatile = true
  })
  return isVolatile
}
