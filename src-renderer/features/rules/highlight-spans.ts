/**
 * Splits an expression into the spans the editor's highlighted `<pre>` renders: one per token, plain
 * text in the gaps, and a squiggle flag where a diagnostic points. Main tokenises (the renderer never
 * re-implements the language, STYLE.md habit 9); tokens may describe an older text while a new answer
 * is on its way, so every offset is clamped to the text on screen.
 */
import type { ExpressionToken } from '../../../src-main/common'

export type SpanKind = ExpressionToken['kind'] | 'plain'

export interface HighlightSpan {
  readonly text: string
  readonly kind: SpanKind
  /** A diagnostic covers this span. */
  readonly isFlagged: boolean
}

interface Range {
  readonly offset: number
  readonly length: number
}

/** The spans covering `text` exactly once, in order. */
export function highlightSpans(text: string, tokens: readonly ExpressionToken[], flagged: readonly Range[] = []): readonly HighlightSpan[] {
  const size = text.length
  // Per-character kinds would cost 10,000 entries for the longest expression; boundaries stay small.
  const boundaries = new Set<number>([0, size])
  const clamp = (value: number): number => Math.max(0, Math.min(size, value))
  const sorted = [...tokens].sort((left, right) => left.offset - right.offset)
  for (const token of sorted) {
    boundaries.add(clamp(token.offset))
    boundaries.add(clamp(token.offset + token.length))
  }
  // A zero-length diagnostic (an unterminated call at the end) still gets one character to underline.
  const squiggles = flagged.map((range) => {
    const start = clamp(range.offset)
    const end = clamp(range.offset + Math.max(1, range.length))
    return { start: start === end && start > 0 ? start - 1 : start, end }
  })
  for (const squiggle of squiggles) {
    boundaries.add(squiggle.start)
    boundaries.add(squiggle.end)
  }
  const points = [...boundaries].sort((left, right) => left - right)
  const spans: HighlightSpan[] = []
  let tokenIndex = 0
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index] ?? 0
    const end = points[index + 1] ?? 0
    if (end <= start) continue
    while (tokenIndex < sorted.length && clamp((sorted[tokenIndex]?.offset ?? 0) + (sorted[tokenIndex]?.length ?? 0)) <= start) tokenIndex++
    const token = sorted[tokenIndex]
    const kind: SpanKind = token !== undefined && clamp(token.offset) <= start && clamp(token.offset + token.length) >= end ? token.kind : 'plain'
    const isFlagged = squiggles.some((squiggle) => squiggle.start <= start && squiggle.end >= end)
    const previous = spans[spans.length - 1]
    if (previous !== undefined && previous.kind === kind && previous.isFlagged === isFlagged) {
      spans[spans.length - 1] = { ...previous, text: previous.text + text.slice(start, end) }
    } else {
      spans.push({ text: text.slice(start, end), kind, isFlagged })
    }
  }
  return spans
}
