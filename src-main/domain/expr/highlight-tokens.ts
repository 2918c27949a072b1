/**
 * Syntax highlighting for the expression editor: the scanner's tokens as ExpressionTokens. A name is a
 * function when the next token is "(" (`Join(`), otherwise a plain name (`True`, `vbTextCompare`).
 * Reads the scanner only, so highlighting and evaluation can never disagree on where a token is.
 */
import type { ExpressionToken } from '../../common/rules'
import { scan, type TokenType } from './scanner'

const KIND_BY_TYPE: Readonly<Record<Exclude<TokenType, 'name' | 'end'>, ExpressionToken['kind']>> = {
  attribute: 'attribute',
  string: 'string',
  number: 'number',
  hex: 'number',
  leftParen: 'punctuation',
  rightParen: 'punctuation',
  comma: 'punctuation',
  operator: 'operator',
  error: 'invalid',
}

/** The tokens of an expression with their kind, offset and length, in text order. Never throws. */
export function highlightTokens(text: string): readonly ExpressionToken[] {
  const tokens = scan(text).tokens
  const result: ExpressionToken[] = []
  tokens.forEach((token, index) => {
    if (token.type === 'end') return
    const kind = token.type === 'name' ? (tokens[index + 1]?.type === 'leftParen' ? 'function' : 'name') : KIND_BY_TYPE[token.type]
    result.push({ kind, offset: token.offset, length: token.length })
  })
  return result
}
