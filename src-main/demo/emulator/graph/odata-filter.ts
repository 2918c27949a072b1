/**
 * The `$filter` subset Graph's directory endpoints accept, parsed and compiled to a predicate:
 * `eq`, `ne`, `gt`/`ge`/`lt`/`le`, `in`, `startswith`, `endswith`, `not`, `and`, `or`, parentheses
 * and `collection/any(x: …)` lambdas, on string, boolean and string-collection properties.
 *
 * Graph treats `ne`, `not`, `endswith` and comparisons with `null` as advanced queries that need
 * `ConsistencyLevel: eventual` and `$count=true` (https://learn.microsoft.com/graph/aad-advanced-queries);
 * the compiled filter reports that so the caller can answer the same 400 Graph does.
 * String comparisons ignore case, as directory filters do.
 */
import { badRequest, parsed, rejected, unknownProperty, unsupportedQuery, type Parsed } from './graph-errors'
import { findProperty, type EntityCatalog, type PropertyDefinition } from './entity-catalog'

export type DirectoryRecord = Readonly<Record<string, unknown>>

export interface CompiledFilter {
  readonly test: (record: DirectoryRecord) => boolean
  /** The property of the first clause that only works as an advanced query, or null. */
  readonly advancedProperty: string | null
}

type Literal = string | boolean | number | null

type Token =
  | { readonly type: 'identifier'; readonly text: string; readonly position: number }
  | { readonly type: 'string'; readonly value: string; readonly position: number }
  | { readonly type: 'number'; readonly value: number; readonly position: number }
  | { readonly type: '(' | ')' | ',' | ':' | '/' | 'end'; readonly position: number }

/** Parses and compiles `text` against the properties of `catalog`. */
export function compileFilter(text: string, catalog: EntityCatalog): Parsed<CompiledFilter> {
  const tokens = tokenize(text)
  if (!tokens.ok) return tokens
  const parser = new FilterParser(text, tokens.value, catalog)
  return parser.parse()
}

function syntaxError(text: string, position: number): Parsed<never> {
  return rejected(badRequest(`Invalid filter clause: Syntax error at position ${position} in '${text}'.`))
}

function tokenize(text: string): Parsed<Token[]> {
  const tokens: Token[] = []
  let index = 0
  while (index < text.length) {
    const character = text[index] as string
    if (character === ' ' || character === '\t') {
      index++
    } else if ('(),:/'.includes(character)) {
      tokens.push({ type: character as '(' | ')' | ',' | ':' | '/', position: index })
      index++
    } else if (character === "'") {
      // OData escapes a quote inside a string by doubling it.
      let value = ''
      let cursor = index + 1
      for (;;) {
        if (cursor >= text.length) return syntaxError(text, text.length)
        const next = text[cursor] as string
        if (next === "'") {
          if (text[cursor + 1] === "'") {
            value += "'"
            cursor += 2
            continue
          }
          break
        }
        value += next
        cursor++
      }
      tokens.push({ type: 'string', value, position: index })
      index = cursor + 1
    } else if (/[0-9-]/.test(character)) {
      const match = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(index))
      if (!match) return syntaxError(text, index)
      tokens.push({ type: 'number', value: Number(match[0]), position: index })
      index += match[0].length
    } else if (/[A-Za-z_]/.test(character)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(index)) as RegExpExecArray
      tokens.push({ type: 'identifier', text: match[0], position: index })
      index += match[0].length
    } else {
      return syntaxError(text, index)
    }
  }
  tokens.push({ type: 'end', position: text.length })
  return parsed(tokens)
}

/** What a comparison reads: a property of the record, or the element inside an `any` lambda. */
type Operand =
  | { readonly kind: 'property'; readonly property: PropertyDefinition }
  | { readonly kind: 'element'; readonly property: PropertyDefinition }

type Predicate = (record: DirectoryRecord, element?: unknown) => boolean

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])

class FilterParser {
  private index = 0
  private advancedProperty: string | null = null
  private lambdaVariable: { name: string; property: PropertyDefinition } | null = null

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly catalog: EntityCatalog,
  ) {}

  parse(): Parsed<CompiledFilter> {
    const expression = this.parseOr()
    if (!expression.ok) return expression
    if (this.peek().type !== 'end') return syntaxError(this.text, this.peek().position)
    const test = expression.value
    return parsed({ test: (record: DirectoryRecord) => test(record), advancedProperty: this.advancedProperty })
  }

  private peek(): Token {
    return this.tokens[this.index] as Token
  }

  private next(): Token {
    const token = this.peek()
    if (token.type !== 'end') this.index++
    return token
  }

  private isKeyword(word: string): boolean {
    const token = this.peek()
    return token.type === 'identifier' && token.text.toLowerCase() === word
  }

  private expect(type: Token['type']): Parsed<Token> {
    const token = this.next()
    return token.type === type ? parsed(token) : syntaxError(this.text, token.position)
  }

  private markAdvanced(property: PropertyDefinition): void {
    this.advancedProperty ??= property.name
  }

  private parseOr(): Parsed<Predicate> {
    let left = this.parseAnd()
    while (left.ok && this.isKeyword('or')) {
      this.next()
      const right = this.parseAnd()
      if (!right.ok) return right
      const [a, b] = [left.value, right.value]
      left = parsed((record, element) => a(record, element) || b(record, element))
    }
    return left
  }

  private parseAnd(): Parsed<Predicate> {
    let left = this.parseUnary()
    while (left.ok && this.isKeyword('and')) {
      this.next()
      const right = this.parseUnary()
      if (!right.ok) return right
      const [a, b] = [left.value, right.value]
      left = parsed((record, element) => a(record, element) && b(record, element))
    }
    return left
  }

  private parseUnary(): Parsed<Predicate> {
    if (this.isKeyword('not')) {
      const keyword = this.next()
      const operand = this.parseUnary()
      if (!operand.ok) return operand
      this.advancedProperty ??= this.firstIdentifierAfter(keyword.position)
      const inner = operand.value
      return parsed((record, element) => !inner(record, element))
    }
    return this.parsePrimary()
  }

  private firstIdentifierAfter(position: number): string {
    const token = this.tokens.find((candidate) => candidate.position > position && candidate.type === 'identifier')
    return token?.type === 'identifier' ? token.text : 'not'
  }

  private parsePrimary(): Parsed<Predicate> {
    const token = this.peek()
    if (token.type === '(') {
      this.next()
      const inner = this.parseOr()
      if (!inner.ok) return inner
      const close = this.expect(')')
      return close.ok ? inner : close
    }
    if (token.type !== 'identifier') return syntaxError(this.text, token.position)
    const name = token.text.toLowerCase()
    if ((name === 'startswith' || name === 'endswith') && this.tokens[this.index + 1]?.type === '(') {
      return this.parseStringFunction(name)
    }
    const operand = this.parseOperand()
    if (!operand.ok) return operand
    if (this.peek().type === '/') return this.parseLambda(operand.value)
    if (this.isKeyword('in')) return this.parseIn(operand.value)
    const operator = this.next()
    if (operator.type !== 'identifier' || !COMPARISONS.has(operator.text.toLowerCase())) {
      return syntaxError(this.text, operator.position)
    }
    const literal = this.parseLiteral()
    if (!literal.ok) return literal
    return this.comparison(operand.value, operator.text.toLowerCase(), literal.value)
  }

  private parseOperand(): Parsed<Operand> {
    const token = this.next()
    if (token.type !== 'identifier') return syntaxError(this.text, token.position)
    if (this.lambdaVariable && token.text === this.lambdaVariable.name) {
      return parsed({ kind: 'element', property: this.lambdaVariable.property })
    }
    const property = findProperty(this.catalog, token.text)
    if (!property) return rejected(unknownProperty(token.text, this.catalog.typeName))
    if (!property.isFilterable) return rejected(this.unsupportedClause(property))
    return parsed({ kind: 'property', property })
  }

  private unsupportedClause(property: PropertyDefinition) {
    return unsupportedQuery(
      `Unsupported or invalid query filter clause specified for property '${property.name}' of resource '${this.catalog.resourceName}'.`,
    )
  }

  private parseLiteral(): Parsed<Literal> {
    const token = this.next()
    if (token.type === 'string' || token.type === 'number') return parsed(token.value)
    if (token.type === 'identifier') {
      const word = token.text.toLowerCase()
      if (word === 'true') return parsed(true)
      if (word === 'false') return parsed(false)
      if (word === 'null') return parsed(null)
    }
    return syntaxError(this.text, token.position)
  }

  /** Rejects a literal whose type cannot be compared with the operand, as OData does. */
  private checkTypes(operand: Operand, literal: Literal): Parsed<true> {
    if (literal === null) return parsed(true)
    const isBoolean = operand.kind === 'property' && operand.property.kind === 'boolean'
    const literalIsBoolean = typeof literal === 'boolean'
    if (isBoolean === literalIsBoolean && typeof literal !== 'number') return parsed(true)
    const operandType = isBoolean ? 'Edm.Boolean' : 'Edm.String'
    const literalType = literalIsBoolean ? 'Edm.Boolean' : typeof literal === 'number' ? 'Edm.Int32' : 'Edm.String'
    return rejected(
      badRequest(
        `A binary operator with incompatible types was detected. Found operand types '${operandType}' and '${literalType}' for operator kind 'Equal'.`,
      ),
    )
  }

  private comparison(operand: Operand, operator: string, literal: Literal): Parsed<Predicate> {
    if (operand.kind === 'property' && isCollection(operand.property)) return rejected(this.unsupportedClause(operand.property))
    const typeCheck = this.checkTypes(operand, literal)
    if (!typeCheck.ok) return typeCheck
    if (operator !== 'eq' || literal === null) this.markAdvanced(operand.property)
    const read = reader(operand)
    const expected = normalise(literal)
    switch (operator) {
      case 'eq':
        return parsed((record, element) => normalise(read(record, element)) === expected)
      case 'ne':
        return parsed((record, element) => normalise(read(record, element)) !== expected)
      default: {
        const sign = operator === 'gt' || operator === 'ge' ? 1 : -1
        const isInclusive = operator === 'ge' || operator === 'le'
        return parsed((record, element) => {
          const actual = normalise(read(record, element))
          if (actual === null || expected === null) return false
          const order = actual < expected ? -1 : actual > expected ? 1 : 0
          return order === sign || (isInclusive && order === 0)
        })
      }
    }
  }

  private parseIn(operand: Operand): Parsed<Predicate> {
    this.next()
    const open = this.expect('(')
    if (!open.ok) return open
    const values = new Set<Literal>()
    for (;;) {
      const literal = this.parseLiteral()
      if (!literal.ok) return literal
      const typeCheck = this.checkTypes(operand, literal.value)
      if (!typeCheck.ok) return typeCheck
      values.add(normalise(literal.value))
      const separator = this.next()
      if (separator.type === ')') break
      if (separator.type !== ',') return syntaxError(this.text, separator.position)
    }
    const read = reader(operand)
    return parsed((record, element) => values.has(normalise(read(record, element))))
  }

  private parseStringFunction(name: 'startswith' | 'endswith'): Parsed<Predicate> {
    this.next()
    const open = this.expect('(')
    if (!open.ok) return open
    const operand = this.parseOperand()
    if (!operand.ok) return operand
    const comma = this.expect(',')
    if (!comma.ok) return comma
    const literal = this.next()
    if (literal.type !== 'string') return syntaxError(this.text, literal.position)
    const close = this.expect(')')
    if (!close.ok) return close
    if (operand.value.kind === 'property' && operand.value.property.kind !== 'string') {
      return rejected(this.unsupportedClause(operand.value.property))
    }
    if (name === 'endswith') this.markAdvanced(operand.value.property)
    const read = reader(operand.value)
    const affix = literal.value.toLowerCase()
    return parsed((record, element) => {
      const actual = read(record, element)
      if (typeof actual !== 'string') return false
      const lower = actual.toLowerCase()
      return name === 'startswith' ? lower.startsWith(affix) : lower.endsWith(affix)
    })
  }

  /** `proxyAddresses/any(p: startswith(p, 'smtp:'))`, `groupTypes/any(c: c eq 'Unified')`. */
  private parseLambda(operand: Operand): Parsed<Predicate> {
    const slash = this.next()
    if (operand.kind !== 'property' || !isCollection(operand.property)) return syntaxError(this.text, slash.position)
    const quantifier = this.next()
    if (quantifier.type !== 'identifier' || quantifier.text.toLowerCase() !== 'any') {
      return syntaxError(this.text, quantifier.position)
    }
    const open = this.expect('(')
    if (!open.ok) return open
    const variable = this.next()
    if (variable.type !== 'identifier') return syntaxError(this.text, variable.position)
    const colon = this.expect(':')
    if (!colon.ok) return colon
    const outer = this.lambdaVariable
    this.lambdaVariable = { name: variable.text, property: operand.property }
    const body = this.parseOr()
    this.lambdaVariable = outer
    if (!body.ok) return body
    const close = this.expect(')')
    if (!close.ok) return close
    const name = operand.property.name
    const test = body.value
    return parsed((record) => {
      const values = record[name]
      return Array.isArray(values) && values.some((value: unknown) => test(record, value))
    })
  }
}

function isCollection(property: PropertyDefinition): boolean {
  return property.kind === 'stringCollection' || property.kind === 'complexCollection'
}

function reader(operand: Operand): (record: DirectoryRecord, element?: unknown) => unknown {
  if (operand.kind === 'element') return (_record, element) => element
  const name = operand.property.name
  return (record) => record[name]
}

function normalise(value: unknown): Literal {
  if (typeof value === 'string') return value.toLowerCase()
  if (typeof value === 'boolean' || typeof value === 'number') return value
  return null
}
