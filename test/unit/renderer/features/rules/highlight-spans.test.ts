import { describe, expect, it } from 'vitest'
import type { ExpressionToken } from '../../../../../src-main/common'
import { highlightSpans } from '../../../../../src-renderer/features/rules/highlight-spans'

const TEXT = 'Join(" ", [givenName])'
const TOKENS: readonly ExpressionToken[] = [
  { kind: 'function', offset: 0, length: 4 },
  { kind: 'punctuation', offset: 4, length: 1 },
  { kind: 'string', offset: 5, length: 3 },
  { kind: 'punctuation', offset: 8, length: 1 },
  { kind: 'attribute', offset: 10, length: 11 },
  { kind: 'punctuation', offset: 21, length: 1 },
]

function render(spans: ReturnType<typeof highlightSpans>): string {
  return spans.map((span) => `${span.kind}${span.isFlagged ? '~' : ''}:${span.text}`).join('|')
}

describe('token spans for the highlighted copy of the expression', () => {
  it('covers the text exactly once, with plain text in the gaps between tokens', () => {
    const spans = highlightSpans(TEXT, TOKENS)
    expect(spans.map((span) => span.text).join('')).toBe(TEXT)
    expect(render(spans)).toBe('function:Join|punctuation:(|string:" "|punctuation:,|plain: |attribute:[givenName]|punctuation:)')
  })

  it('splits a token where a diagnostic starts and ends, flagging only the covered part', () => {
    const spans = highlightSpans('Jion([a])', [{ kind: 'name', offset: 0, length: 4 }, { kind: 'punctuation', offset: 4, length: 1 }], [{ offset: 1, length: 2 }])
    expect(render(spans)).toBe('name:J|name~:io|name:n|punctuation:(|plain:[a])')
  })

  it('underlines one character for a diagnostic of length 0 at the end', () => {
    expect(render(highlightSpans('Join(', [], [{ offset: 5, length: 0 }]))).toBe('plain:Join|plain~:(')
  })

  it('clamps tokens of an older, longer text to the text on screen', () => {
    const spans = highlightSpans('Join', TOKENS)
    expect(spans.map((span) => span.text).join('')).toBe('Join')
    expect(render(spans)).toBe('function:Join')
  })

  it('keeps a 10,000-character expression to a span per token', () => {
    const text = `Join(",", ${Array.from({ length: 900 }, () => '[givenName]').join(',')})`.slice(0, 10_000)
    const tokens: ExpressionToken[] = []
    for (let offset = text.indexOf('['); offset !== -1; offset = text.indexOf('[', offset + 1)) tokens.push({ kind: 'attribute', offset, length: 11 })
    const started = performance.now()
    const spans = highlightSpans(text, tokens)
    expect(performance.now() - started).toBeLessThan(200)
    expect(spans.map((span) => span.text).join('')).toBe(text)
    expect(spans.length).toBeLessThanOrEqual(tokens.length * 2 + 2)
  })
})
