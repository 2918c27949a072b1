/**
 * What the expression editor offers at the caret: function names while a name is being typed, source
 * attributes right after `[`. Pure, so the popup's behaviour is tested without a DOM.
 */

/** The word being completed: its kind, the text typed so far and where it starts. */
export interface CompletionContext {
  readonly kind: 'function' | 'attribute'
  /** What was typed of the name (without the `[`). */
  readonly prefix: string
  /** Offset of the first character the completion replaces. */
  readonly start: number
}

/** One entry of the popup. */
export interface CompletionItem {
  readonly kind: 'function' | 'attribute'
  readonly name: string
  /** The signature or an example value, shown in the popup's second column. */
  readonly detail: string
}

const NAME_CHARACTER = /[A-Za-z0-9_]/

/** True when `offset` is inside a string literal (Entra's strings are `"…"` with `\"` escapes). */
function isInsideString(text: string, offset: number): boolean {
  let isInside = false
  for (let index = 0; index < offset; index++) {
    const character = text[index]
    if (isInside && character === '\\') {
      index++
    } else if (character === '"') {
      isInside = !isInside
    }
  }
  return isInside
}

/**
 * The completion context at `caret`, or null when nothing should be offered (inside a string, in
 * the middle of a number, after a closing bracket).
 */
export function completionContextAt(text: string, caret: number): CompletionContext | null {
  if (caret < 0 || caret > text.length || isInsideString(text, caret)) return null
  let start = caret
  while (start > 0 && NAME_CHARACTER.test(text[start - 1] ?? '')) start--
  // An attribute name may contain anything up to the closing bracket; inside [ ] everything counts.
  const bracket = text.lastIndexOf('[', caret - 1)
  if (bracket !== -1 && !text.slice(bracket + 1, caret).includes(']')) {
    return { kind: 'attribute', prefix: text.slice(bracket + 1, caret), start: bracket + 1 }
  }
  const prefix = text.slice(start, caret)
  if (prefix === '' || !/^[A-Za-z]/.test(prefix)) return null
  // A name already followed by `(` is complete; so is `&H1F` (a hex literal) or a word after a digit.
  if (text[caret] === '(' || (start >= 1 && text[start - 1] === '&')) return null
  return { kind: 'function', prefix, start }
}

/**
 * The items matching a context: names starting with the prefix first, then names containing it,
 * case-insensitively, at most `limit`.
 */
export function completionItemsFor(
  context: CompletionContext,
  candidates: readonly CompletionItem[],
  limit = 50,
): readonly CompletionItem[] {
  const needle = context.prefix.toLowerCase()
  const ofKind = candidates.filter((item) => item.kind === context.kind)
  const starting = ofKind.filter((item) => item.name.toLowerCase().startsWith(needle))
  const containing = needle === '' ? [] : ofKind.filter((item) => !item.name.toLowerCase().startsWith(needle) && item.name.toLowerCase().includes(needle))
  return [...starting, ...containing].slice(0, limit)
}

/**
 * The text after choosing `item`, and where the caret goes: `Name(` for a function, `[name]` for an
 * attribute (an existing `]` right after the caret is reused rather than doubled).
 */
export function applyCompletion(
  text: string,
  caret: number,
  context: CompletionContext,
  item: CompletionItem,
): { readonly text: string; readonly caret: number } {
  if (item.kind === 'function') {
    const inserted = `${item.name}(`
    const after = text.slice(caret).replace(/^[A-Za-z0-9_]*/, '')
    const rest = after.startsWith('(') ? after.slice(1) : after
    return { text: text.slice(0, context.start) + inserted + rest, caret: context.start + inserted.length }
  }
  const closing = text.indexOf(']', caret)
  const nextOpen = text.indexOf('[', caret)
  const hasClosing = closing !== -1 && (nextOpen === -1 || closing < nextOpen) && !/[()",]/.test(text.slice(caret, closing))
  const rest = hasClosing ? text.slice(closing + 1) : text.slice(caret)
  const inserted = `${item.name}]`
  return { text: text.slice(0, context.start) + inserted + rest, caret: context.start + inserted.length }
}
