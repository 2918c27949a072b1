import { describe, expect, it } from 'vitest'
import { applyCompletion, completionContextAt, completionItemsFor, type CompletionItem } from '../../../../../src-renderer/features/rules/completion-context'

/** Text with `|` marking the caret. */
function at(marked: string): [string, number] {
  return [marked.replace('|', ''), marked.indexOf('|')]
}

describe('what the popup offers at the caret', () => {
  it.each([
    ['Jo|', { kind: 'function', prefix: 'Jo', start: 0 }],
    ['Join(" ", Up|', { kind: 'function', prefix: 'Up', start: 10 }],
    ['Join(" ", [|', { kind: 'attribute', prefix: '', start: 11 }],
    ['Join(" ", [giv|', { kind: 'attribute', prefix: 'giv', start: 11 }],
    ['[extension_abc_cost Centre|', { kind: 'attribute', prefix: 'extension_abc_cost Centre', start: 1 }],
  ])('%s → %o', (marked, expected) => {
    expect(completionContextAt(...at(marked))).toEqual(expected)
  })

  it.each([
    ['', 'nothing typed'],
    ['Join("Jo|', 'inside a string'],
    ['Join("a \\" Jo|', 'inside a string with an escaped quote'],
    ['[givenName]|', 'after a closed attribute'],
    ['Mid([a], 12|', 'in a number'],
    ['&H1F|', 'in a hex literal'],
    ['Join|(', 'a name already followed by a bracket'],
  ])('offers nothing for %s (%s)', (marked) => {
    expect(completionContextAt(...at(marked))).toBeNull()
  })
})

const CANDIDATES: readonly CompletionItem[] = [
  { kind: 'function', name: 'Join', detail: 'Join(separator, …)' },
  { kind: 'function', name: 'ToUpper', detail: 'ToUpper(source)' },
  { kind: 'function', name: 'ToLower', detail: 'ToLower(source)' },
  { kind: 'function', name: 'NormalizeDiacritics', detail: '' },
  { kind: 'attribute', name: 'givenName', detail: 'Ada' },
  { kind: 'attribute', name: 'surname', detail: 'Lovelace' },
]

describe('the items of the popup', () => {
  it('lists names starting with the prefix before names containing it, case-insensitively, of the right kind', () => {
    const items = completionItemsFor({ kind: 'function', prefix: 'o', start: 0 }, CANDIDATES)
    expect(items.map((item) => item.name)).toEqual(['Join', 'ToUpper', 'ToLower', 'NormalizeDiacritics'])
    expect(completionItemsFor({ kind: 'function', prefix: 'to', start: 0 }, CANDIDATES).map((item) => item.name)).toEqual(['ToUpper', 'ToLower'])
    expect(completionItemsFor({ kind: 'attribute', prefix: '', start: 0 }, CANDIDATES).map((item) => item.name)).toEqual(['givenName', 'surname'])
  })
})

describe('choosing an item', () => {
  it('inserts a function name with its opening bracket and puts the caret inside', () => {
    const [text, caret] = at('Join(" ", To|)')
    const context = completionContextAt(text, caret)
    if (context === null) throw new Error('expected a context')
    expect(applyCompletion(text, caret, context, { kind: 'function', name: 'ToUpper', detail: '' })).toEqual({ text: 'Join(" ", ToUpper()', caret: 18 })
  })

  it('replaces the rest of a name and reuses a bracket already there', () => {
    const [text, caret] = at('Jo|in([a])')
    expect(applyCompletion(text, caret, { kind: 'function', prefix: 'Jo', start: 0 }, { kind: 'function', name: 'Join', detail: '' })).toEqual({ text: 'Join([a])', caret: 5 })
  })

  it('closes an attribute, without doubling a closing bracket that is already there', () => {
    const [open, openCaret] = at('Join(" ", [gi|')
    expect(applyCompletion(open, openCaret, { kind: 'attribute', prefix: 'gi', start: 11 }, { kind: 'attribute', name: 'givenName', detail: '' })).toEqual({
      text: 'Join(" ", [givenName]',
      caret: 21,
    })
    const [closed, closedCaret] = at('Join(" ", [gi|], [surname])')
    expect(applyCompletion(closed, closedCaret, { kind: 'attribute', prefix: 'gi', start: 11 }, { kind: 'attribute', name: 'givenName', detail: '' })).toEqual({
      text: 'Join(" ", [givenName], [surname])',
      caret: 21,
    })
  })
})
