import { describe, expect, it } from 'vitest'
import { highlightTokens } from '../../../../src-main/domain/expr/highlight-tokens'

/** `kind:text` of every token, to read the highlighting at a glance. */
function highlighted(text: string): string[] {
  return highlightTokens(text).map((token) => `${token.kind}:${text.slice(token.offset, token.offset + token.length)}`)
}

describe('highlightTokens', () => {
  it('tells function names from plain names by the "(" that follows', () => {
    expect(highlighted('IIF([country] = "USA", True, Coalesce ([x], &H1F, -2.5))')).toEqual([
      'function:IIF', 'punctuation:(', 'attribute:[country]', 'operator:=', 'string:"USA"', 'punctuation:,',
      'name:True', 'punctuation:,', 'function:Coalesce', 'punctuation:(', 'attribute:[x]', 'punctuation:,',
      'number:&H1F', 'punctuation:,', 'number:-2.5', 'punctuation:)', 'punctuation:)',
    ])
  })

  it('marks what the scanner cannot read as invalid and goes on', () => {
    expect(highlighted('Join(";", [a], "open')).toEqual(['function:Join', 'punctuation:(', 'string:";"', 'punctuation:,', 'attribute:[a]', 'punctuation:,', 'invalid:"open'])
    expect(highlighted('Left([a] # 2)')).toContain('invalid:#')
  })

  it('gives no tokens for an empty text and a bare name at the end', () => {
    expect(highlightTokens('')).toEqual([])
    expect(highlighted('vbTextCompare')).toEqual(['name:vbTextCompare'])
  })
})
