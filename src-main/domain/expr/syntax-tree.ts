/**
 * The expression syntax tree. Every node carries its span (offset and length in the text) so the
 * checker and evaluator can point diagnostics at the exact place; `printExpression` ignores spans,
 * so parse → print → parse gives an equal tree apart from them.
 */
import type { ComparisonOperator } from './scanner'

interface Span {
  readonly offset: number
  readonly length: number
}

/** `Name(arg, , arg)`: a function call; empty slots are `empty` nodes. */
export interface CallNode extends Span {
  readonly kind: 'call'
  readonly name: string
  /** Span of the name alone, for "unknown function" diagnostics. */
  readonly nameLength: number
  readonly arguments: readonly ExpressionNode[]
}

/** `[mail]` */
export interface AttributeNode extends Span {
  readonly kind: 'attribute'
  readonly name: string
}

/** `"text"` (value already unescaped) */
export interface StringNode extends Span {
  readonly kind: 'string'
  readonly value: string
}

/** `3`, `-10`, `1.5`, or `&HF7` (isHex) */
export interface NumberNode extends Span {
  readonly kind: 'number'
  readonly value: number
  readonly isHex: boolean
}

/** A bare name that is not a call: `vbTextCompare`, `vbBinaryCompare`, `True`, `False`. */
export interface NameNode extends Span {
  readonly kind: 'name'
  readonly name: string
}

/** `left = right` and the other IIF operators. */
export interface ComparisonNode extends Span {
  readonly kind: 'comparison'
  readonly operator: ComparisonOperator
  readonly left: ExpressionNode
  readonly right: ExpressionNode
}

/** An argument slot left empty: `Replace([mail], , "x", , "", , )`. */
export interface EmptyNode extends Span {
  readonly kind: 'empty'
}

/** Where the parser could not read anything; a diagnostic was already reported for it. */
export interface ErrorNode extends Span {
  readonly kind: 'error'
}

export type ExpressionNode = CallNode | AttributeNode | StringNode | NumberNode | NameNode | ComparisonNode | EmptyNode | ErrorNode

/** Visits a node and all its descendants, parents first. */
export function forEachNode(node: ExpressionNode, visit: (node: ExpressionNode, parent: ExpressionNode | null) => void, parent: ExpressionNode | null = null): void {
  visit(node, parent)
  if (node.kind === 'call') for (const argument of node.arguments) forEachNode(argument, visit, node)
  else if (node.kind === 'comparison') {
    forEachNode(node.left, visit, node)
    forEachNode(node.right, visit, node)
  }
}
