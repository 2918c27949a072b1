/**
 * The printer: a syntax tree → canonical text. One space after each comma, spaces around comparison
 * operators, strings re-escaped (`\"`, `\\`), hex literals as `&H` + upper-case digits. Parsing the
 * printed text gives the same tree (spans aside), which the round-trip tests check.
 */
import type { ExpressionNode } from './syntax-tree'

/** Canonical text of a tree. An `error` node prints as nothing (its text could not be read). */
export function printExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case 'call':
      return `${node.name}(${node.arguments.map(printExpression).join(', ')})`
    case 'attribute':
      return `[${node.name}]`
    case 'string':
      return printString(node.value)
    case 'number':
      return node.isHex ? `&H${node.value.toString(16).toUpperCase()}` : printNumber(node.value)
    case 'name':
      return node.name
    case 'comparison':
      return `${printExpression(node.left)} ${node.operator} ${printExpression(node.right)}`
    case 'empty':
    case 'error':
      return ''
  }
}

/** A string literal with the two documented escapes. */
export function printString(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}

/** Digits the scanner reads back to the same number (no exponent notation, which it does not read). */
function printNumber(value: number): string {
  if (Object.is(value, -0)) return '-0'
  const text = String(value)
  if (!text.includes('e')) return text
  if (Number.isInteger(value)) return BigInt(value).toString()
  // Exact decimal expansion of the double, trimmed: reads back to the same double.
  return value.toFixed(100).replace(/0+$/, '').replace(/\.$/, '')
}
