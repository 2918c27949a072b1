/**
 * The scanner: expression text → tokens with offsets. Like VS Code's context-key scanner it never
 * throws; a character or literal it cannot read becomes an `error` token plus a diagnostic, and
 * scanning goes on so the parser can report more than the first problem.
 *
 * Lexical rules (Entra "Reference for writing expressions for attribute mappings", syntax overview):
 * strings in double quotes where `\"` and `\\` are the only escapes; attributes in square brackets;
 * numbers (`3`, `-10`, `1.5`); VBA hex literals `&HF7`; names (functions and the constants
 * `vbTextCompare`, `vbBinaryCompare`, `True`, `False`); the comparison operators of IIF.
 */
import { diagnostic, type Diagnostic } from './diagnostic'

export type TokenType =
  | 'name'
  | 'attribute'
  | 'string'
  | 'number'
  | 'hex'
  | 'leftParen'
  | 'rightParen'
  | 'comma'
  | 'operator'
  | 'error'
  | 'end'

export type ComparisonOperator = '=' | '<>' | '>' | '>=' | '<' | '<='

export interface Token {
  readonly type: TokenType
  readonly offset: number
  readonly length: number
  /** The token's text as written. */
  readonly lexeme: string
  /** The decoded value: the string without quotes and escapes, the attribute name, the number. */
  readonly value?: string | number
}

export interface ScanResult {
  readonly tokens: readonly Token[]
  readonly diagnostics: readonly Diagnostic[]
}

/** Entra refuses longer expressions (known issues: "The maximum length of an expression is 10,000 characters"). */
export const MAX_EXPRESSION_LENGTH = 10_000

const NAME_START = /[A-Za-z_]/
const NAME_PART = /[A-Za-z0-9_]/
const DIGIT = /[0-9]/
const HEX_DIGITS = /^[0-9A-Fa-f]+$/

/** Splits the text into tokens; the last token is always `end`. */
export function scan(text: string): ScanResult {
  const tokens: Token[] = []
  const diagnostics: Diagnostic[] = []
  if (text.length > MAX_EXPRESSION_LENGTH) {
    diagnostics.push(
      diagnostic(
        'expressionTooLong',
        `The expression is ${text.length.toLocaleString('en-US')} characters long; Entra accepts at most 10,000.`,
        MAX_EXPRESSION_LENGTH,
        text.length - MAX_EXPRESSION_LENGTH,
        'Shorten it, for example by moving repeated parts into the source data.',
      ),
    )
  }
  let position = 0
  const push = (type: TokenType, start: number, value?: string | number): void => {
    const lexeme = text.slice(start, position)
    tokens.push(value === undefined ? { type, offset: start, length: position - start, lexeme } : { type, offset: start, length: position - start, lexeme, value })
  }

  while (position < text.length) {
    const start = position
    const character = text[position] as string
    if (character === ' ' || character === '\t' || character === '\n' || character === '\r') {
      position++
      continue
    }
    if (character === '(' || character === ')' || character === ',') {
      position++
      push(character === '(' ? 'leftParen' : character === ')' ? 'rightParen' : 'comma', start)
      continue
    }
    if (character === '=' || character === '<' || character === '>') {
      position++
      const next = text[position]
      if ((character === '<' && (next === '>' || next === '=')) || (character === '>' && next === '=')) position++
      push('operator', start)
      continue
    }
    if (character === '"') {
      const literal = scanString(text, start, diagnostics)
      position = literal.end
      if (literal.value === null) push('error', start)
      else push('string', start, literal.value)
      continue
    }
    if (character === '[') {
      const close = findAttributeEnd(text, start + 1)
      if (close === -1) {
        position = lineEnd(text, start)
        push('error', start)
        diagnostics.push(diagnostic('unterminatedAttribute', 'This attribute name has no closing “]”.', start, position - start, 'Did you forget to close the attribute with “]”?'))
        continue
      }
      position = close + 1
      const name = text.slice(start + 1, close).trim()
      if (name === '') {
        push('error', start)
        diagnostics.push(diagnostic('emptyAttribute', 'An attribute needs a name between the brackets.', start, position - start, 'For example [mail] or [extensionAttribute1].'))
        continue
      }
      push('attribute', start, name)
      continue
    }
    if (character === '&') {
      position++
      if (text[position] === 'H' || text[position] === 'h') {
        position++
        while (position < text.length && NAME_PART.test(text[position] as string)) position++
        const digits = text.slice(start + 2, position)
        if (HEX_DIGITS.test(digits)) {
          push('hex', start, Number.parseInt(digits, 16))
          continue
        }
      }
      push('error', start)
      diagnostics.push(diagnostic('invalidHexLiteral', `“${text.slice(start, position)}” is not a hex literal.`, start, position - start, 'Hex literals are written &H followed by hex digits, for example &HF7.'))
      continue
    }
    if (DIGIT.test(character) || ((character === '-' || character === '.') && DIGIT.test(text[position + 1] ?? ''))) {
      position++
      while (position < text.length && /[0-9.]/.test(text[position] as string)) position++
      while (position < text.length && NAME_PART.test(text[position] as string)) position++
      const lexeme = text.slice(start, position)
      if (/^-?(\d+(\.\d+)?|\.\d+)$/.test(lexeme)) {
        push('number', start, Number(lexeme))
        continue
      }
      push('error', start)
      diagnostics.push(diagnostic('invalidNumber', `“${lexeme}” is not a number.`, start, position - start, 'Numbers are written like 3, -10 or 1.5; text goes in double quotes.'))
      continue
    }
    if (NAME_START.test(character)) {
      position++
      while (position < text.length && NAME_PART.test(text[position] as string)) position++
      push('name', start, text.slice(start, position))
      continue
    }
    position += character.length
    push('error', start)
    diagnostics.push(diagnostic('unexpectedCharacter', `Unexpected character “${character}”.`, start, 1, hintForCharacter(character)))
  }
  tokens.push({ type: 'end', offset: text.length, length: 0, lexeme: '' })
  return { tokens, diagnostics }
}

/** Reads a string literal starting at the opening quote: its decoded value (null when unterminated) and end. */
function scanString(text: string, start: number, diagnostics: Diagnostic[]): { value: string | null; end: number } {
  let position = start + 1
  let value = ''
  while (position < text.length) {
    const character = text[position] as string
    if (character === '"') return { value, end: position + 1 }
    if (character === '\\') {
      const next = text[position + 1]
      if (next === '"' || next === '\\') {
        value += next
        position += 2
        continue
      }
      // Entra documents only \" and \\; a lone backslash is kept as written (regex patterns rely on it).
      diagnostics.push(
        diagnostic('unknownEscape', 'Only \\" and \\\\ are escapes; this backslash is kept as written.', position, next === undefined ? 1 : 2, 'Write \\\\ for a literal backslash.', 'warning'),
      )
      value += character
      position++
      continue
    }
    value += character
    position++
  }
  diagnostics.push(diagnostic('unterminatedString', 'This string has no closing quote.', start, text.length - start, 'Did you forget to close the string with "? A quote inside a string is written \\".'))
  return { value: null, end: text.length }
}

function findAttributeEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const character = text[index]
    if (character === ']') return index
    if (character === '\n' || character === '[' || character === '"') return -1
  }
  return -1
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from)
  return newline === -1 ? text.length : newline
}

function hintForCharacter(character: string): string | undefined {
  if (character === '!') return 'Use <> for “not equal”, or Not(…).'
  if (character === '&' || character === '|') return 'IIF has no AND/OR: nest IIF calls instead.'
  if (character === "'") return 'Strings are written in double quotes.'
  if (character === '+') return 'Use Join or Append to put strings together.'
  return undefined
}
