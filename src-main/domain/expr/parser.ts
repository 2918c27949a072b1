/**
 * The parser: tokens → syntax tree, by recursive descent with one method per grammar rule (the
 * model is VS Code's context-key parser). It never throws for any input: a problem becomes a
 * diagnostic and an `error` node, and parsing resumes at the next `,` or `)` of the enclosing call,
 * so one pass reports several problems.
 *
 * Grammar (EBNF; README.md explains it):
 *
 *   expression = operand , [ comparison-operator , operand ] ;
 *   operand    = call | attribute | string | number | hex | name ;
 *   call       = name , "(" , [ slot , { "," , slot } ] , ")" ;
 *   slot       = [ expression ] ;          (* empty slot = omitted argument *)
 *   comparison-operator = "=" | "<>" | ">" | ">=" | "<" | "<=" ;
 */
import { diagnostic, type Diagnostic } from './diagnostic'
import { scan, type ComparisonOperator, type Token } from './scanner'
import type { ExpressionNode } from './syntax-tree'

export interface ParseResult {
  /** Null only when the text holds no expression at all. */
  readonly tree: ExpressionNode | null
  /** Scanner and parser diagnostics, in text order. */
  readonly diagnostics: readonly Diagnostic[]
}

/** Deeper nesting than this is refused (it would only come from generated or hostile text). */
const MAX_DEPTH = 200

/** Parses an expression; see the grammar above. */
export function parseExpression(text: string): ParseResult {
  const scanned = scan(text)
  const parser = new Parser(scanned.tokens)
  const tree = parser.parse()
  const diagnostics = [...scanned.diagnostics, ...parser.diagnostics].sort((a, b) => a.offset - b.offset)
  return { tree, diagnostics }
}

class Parser {
  readonly diagnostics: Diagnostic[] = []
  private index = 0
  private depth = 0

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): ExpressionNode | null {
    // Error tokens were reported by the scanner; the parser steps over them.
    this.skipErrors()
    if (this.peek().type === 'end') {
      // Text made only of unreadable tokens was already reported by the scanner.
      if (this.index > 0) return null
      this.diagnostics.push(diagnostic('emptyExpression', 'The expression is empty.', 0, 0, 'Write a function call, an [attribute] or a "string".'))
      return null
    }
    const tree = this.expression()
    while (this.peek().type !== 'end') {
      const token = this.advance()
      if (token.type === 'error') continue
      this.diagnostics.push(diagnostic('unexpectedToken', `Unexpected ${describe(token)} after the end of the expression.`, token.offset, token.length, token.type === 'rightParen' ? 'There is one “)” too many.' : 'An expression is one value; combine values with a function such as Join.'))
      this.recoverTo(new Set(['end']))
    }
    return tree
  }

  /** expression = operand [ comparison-operator operand ] */
  private expression(): ExpressionNode {
    const left = this.operand()
    const token = this.peek()
    if (token.type !== 'operator') return left
    this.advance()
    const right = this.operand()
    return { kind: 'comparison', operator: token.lexeme as ComparisonOperator, left, right, offset: left.offset, length: right.offset + right.length - left.offset }
  }

  private operand(): ExpressionNode {
    const skipped = this.skipErrors()
    const token = this.peek()
    if (skipped && (token.type === 'comma' || token.type === 'rightParen' || token.type === 'end')) {
      // Only unreadable text here, which the scanner already reported: no second diagnostic.
      return { kind: 'error', offset: skipped.offset, length: Math.max(token.offset - skipped.offset, skipped.length) }
    }
    switch (token.type) {
      case 'attribute':
        this.advance()
        return { kind: 'attribute', name: token.value as string, offset: token.offset, length: token.length }
      case 'string':
        this.advance()
        return { kind: 'string', value: token.value as string, offset: token.offset, length: token.length }
      case 'number':
      case 'hex':
        this.advance()
        return { kind: 'number', value: token.value as number, isHex: token.type === 'hex', offset: token.offset, length: token.length }
      case 'name':
        this.advance()
        return this.peek().type === 'leftParen' ? this.call(token) : { kind: 'name', name: token.lexeme, offset: token.offset, length: token.length }
      default:
        return this.unexpected(token, 'a function, an [attribute], a "string" or a number')
    }
  }

  /** call = name "(" [ slot { "," slot } ] ")" ; the name was consumed by `operand`. */
  private call(name: Token): ExpressionNode {
    const open = this.advance()
    if (this.depth >= MAX_DEPTH) {
      this.diagnostics.push(diagnostic('unexpectedToken', `Calls are nested more than ${MAX_DEPTH} deep.`, name.offset, name.length))
      this.recoverTo(new Set(['end']))
      return { kind: 'error', offset: name.offset, length: open.offset + 1 - name.offset }
    }
    this.depth++
    const slots: ExpressionNode[] = []
    // `Guid()` has no arguments; `F(, )` has two empty ones.
    if (this.peek().type !== 'rightParen') {
      for (;;) {
        slots.push(this.slot())
        const next = this.peek()
        if (next.type === 'comma') {
          this.advance()
          continue
        }
        if (next.type === 'rightParen' || next.type === 'end') break
        // Most often a missing comma: keep what was skipped as an argument so the count stays right.
        slots.push(this.unexpected(next, '“,” or “)”'))
        if (this.peek().type === 'comma') {
          this.advance()
          continue
        }
        break
      }
    }
    this.depth--
    const close = this.peek()
    let end: number
    if (close.type === 'rightParen') {
      this.advance()
      end = close.offset + 1
    } else {
      const last = slots.at(-1)
      end = last ? Math.max(last.offset + last.length, open.offset + 1) : open.offset + 1
      this.diagnostics.push(diagnostic('missingCloseParen', `${name.lexeme}( has no closing “)”.`, open.offset, 1, 'Add “)” at the end of the arguments.'))
    }
    return { kind: 'call', name: name.lexeme, nameLength: name.length, arguments: slots, offset: name.offset, length: end - name.offset }
  }

  /** slot = [ expression ] */
  private slot(): ExpressionNode {
    const token = this.peek()
    if (token.type === 'comma' || token.type === 'rightParen') return { kind: 'empty', offset: token.offset, length: 0 }
    return this.expression()
  }

  private unexpected(token: Token, expected: string): ExpressionNode {
    if (token.type === 'end') {
      this.diagnostics.push(diagnostic('unexpectedToken', `The expression ends where ${expected} was expected.`, token.offset, 0, 'Finish the expression or close the open calls with “)”.'))
      return { kind: 'error', offset: token.offset, length: 0 }
    }
    this.diagnostics.push(diagnostic('unexpectedToken', `Unexpected ${describe(token)}; expected ${expected}.`, token.offset, token.length, hintFor(token)))
    const start = token.offset
    this.recoverTo(new Set(['comma', 'rightParen', 'end']))
    const stop = this.peek()
    return { kind: 'error', offset: start, length: Math.max(stop.offset - start, token.length) }
  }

  /** Skips tokens up to one of `stops` at the current nesting level (balanced parentheses are skipped). */
  private recoverTo(stops: ReadonlySet<Token['type']>): void {
    let depth = 0
    for (;;) {
      const token = this.peek()
      if (token.type === 'end') return
      if (depth === 0 && stops.has(token.type)) return
      if (token.type === 'leftParen') depth++
      else if (token.type === 'rightParen') depth--
      this.advance()
      if (depth < 0) return
    }
  }

  /** Steps over scanner error tokens; returns the first one skipped, if any. */
  private skipErrors(): Token | null {
    let first: Token | null = null
    while (this.peek().type === 'error') {
      const token = this.advance()
      first ??= token
    }
    return first
  }

  private peek(): Token {
    return this.tokens[this.index] ?? (this.tokens.at(-1) as Token)
  }

  private advance(): Token {
    const token = this.peek()
    if (this.index < this.tokens.length - 1) this.index++
    return token
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'end of the expression'
    case 'string':
      return 'string'
    case 'attribute':
      return `attribute ${token.lexeme}`
    default:
      return `“${token.lexeme}”`
  }
}

function hintFor(token: Token): string | undefined {
  if (token.type === 'operator') return 'Comparisons compare two values: [country] = "USA".'
  if (token.type === 'leftParen') return 'A “(” follows a function name, as in ToLower([mail]).'
  return undefined
}
