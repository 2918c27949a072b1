/** fast-check generators for the expression tests: syntax trees that print to valid text, and token soups. */
import fc from 'fast-check'
import { KNOWN_NAMES } from '../../../../src-main/domain/expr/checker'
import { FUNCTIONS } from '../../../../src-main/domain/expr/functions'
import type { ComparisonOperator } from '../../../../src-main/domain/expr/scanner'
import type { ExpressionNode } from '../../../../src-main/domain/expr/syntax-tree'

const at = { offset: 0, length: 0 }
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
const functionName = fc.oneof(fc.constantFrom(...FUNCTIONS.keys(), 'ToLower'), identifier)
const attributeName = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,12}$/)
const operator = fc.constantFrom<ComparisonOperator>('=', '<>', '>', '>=', '<', '<=')
const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((value) => value === 0 || Math.abs(value) > 1e-6),
)

/** Trees the parser can produce (no error nodes; comparisons do not nest; no lone empty slot). */
export const syntaxTree: fc.Arbitrary<ExpressionNode> = fc.letrec<{ node: ExpressionNode; operand: ExpressionNode; call: ExpressionNode }>((tie) => ({
  node: fc.oneof(
    { weight: 4, arbitrary: tie('operand') },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('comparison' as const), operator, left: tie('operand'), right: tie('operand') }).map((node) => ({ ...node, ...at })) },
  ),
  operand: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'binary', maxLength: 12 }).map((value) => ({ kind: 'string' as const, value, ...at })),
    attributeName.map((name) => ({ kind: 'attribute' as const, name, ...at })),
    number.map((value) => ({ kind: 'number' as const, value, isHex: false, ...at })),
    fc.nat({ max: 0xffffffff }).map((value) => ({ kind: 'number' as const, value, isHex: true, ...at })),
    fc.constantFrom(...KNOWN_NAMES.keys()).map((name) => ({ kind: 'name' as const, name, ...at })),
    tie('call'),
  ),
  call: fc
    .record({
      name: functionName,
      arguments: fc.array(fc.oneof({ weight: 5, arbitrary: tie('node') }, { weight: 1, arbitrary: fc.constant<ExpressionNode>({ kind: 'empty', ...at }) }), { maxLength: 5 }),
    })
    .map(({ name, arguments: slots }) => ({
      kind: 'call' as const,
      name,
      nameLength: name.length,
      // `F()` has no arguments, so a single empty slot cannot be written.
      arguments: slots.length === 1 && slots[0]?.kind === 'empty' ? [] : slots,
      ...at,
    })),
})).node

const FRAGMENTS = [
  'IIF', 'Switch', 'Join', 'Left', 'SelectUniqueValue', 'tolower', 'vbTextCompare', 'True', '(', ')', ',', ', ,', '[mail]', '[',
  ']', '[]', '"x"', '"', '\\"', '\\', '&H', '&HF7', '&', '=', '<>', '>=', '<', '-', '-1', '1.5', '3', ' ', '\n', '!', "'", '+', '€', '\uD800',
]

/** Text made of language fragments in random order: mostly invalid, always close to real input. */
export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''))

/** A tree without spans, for comparing trees of different texts. */
export function withoutSpans(node: ExpressionNode): unknown {
  switch (node.kind) {
    case 'call':
      return { kind: node.kind, name: node.name, arguments: node.arguments.map(withoutSpans) }
    case 'comparison':
      return { kind: node.kind, operator: node.operator, left: withoutSpans(node.left), right: withoutSpans(node.right) }
    default: {
      const { offset: _offset, length: _length, ...rest } = node
      return rest
    }
  }
}
