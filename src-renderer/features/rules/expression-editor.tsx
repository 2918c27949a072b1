/**
 * The expression editor: a transparent textarea over a `<pre>` that paints main's tokens, so the
 * admin types into a real text control (selection, undo, IME, screen readers all native) while seeing
 * colours and squiggles. Completion of functions and `[attributes]`, inline diagnostics with hints, and
 * the live value for a chosen user and a fixed sample of 20.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ExpressionDiagnosticInfo, ExpressionResultForUser, RulesCatalogue } from '../../../src-main/common'
import { useAppStore } from '../../stores/app-store-context'
import { applyCompletion, completionContextAt, completionItemsFor, type CompletionContext, type CompletionItem } from './completion-context'
import { highlightSpans } from './highlight-spans'
import { UserPicker } from './user-picker'

/** Entra's limit on an expression's length (reference/entra-and-graph.md §1). */
export const EXPRESSION_MAX_LENGTH = 10_000

export interface ExpressionEditorProps {
  readonly value: string
  onChange(value: string): void
  readonly catalogue: RulesCatalogue | null
  readonly label: string
  readonly testId?: string
}

/** Every function and attribute the popup can offer. */
function candidatesOf(catalogue: RulesCatalogue | null): readonly CompletionItem[] {
  if (catalogue === null) return []
  return [
    ...catalogue.functions.map((item) => ({ kind: 'function' as const, name: item.name, detail: item.signature })),
    ...catalogue.sourceAttributes.map((item) => ({ kind: 'attribute' as const, name: item.name, detail: item.example ?? '' })),
  ]
}

/** The editor with its live results. */
export function ExpressionEditor(props: ExpressionEditorProps): ReactNode {
  const expression = useAppStore((state) => state.rules.expression)
  const evaluate = useAppStore((state) => state.evaluateRuleExpression)
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  const preRef = useRef<HTMLPreElement>(null)
  const [completion, setCompletion] = useState<{ context: CompletionContext; caret: number } | null>(null)
  const [active, setActive] = useState(0)
  const [user, setUser] = useState<{ id: string; displayName: string } | null>(null)
  const listId = useId()
  const diagnosticsId = useId()
  const candidates = useMemo(() => candidatesOf(props.catalogue), [props.catalogue])

  useEffect(() => {
    evaluate(props.value, user?.id ?? null)
  }, [props.value, user, evaluate])

  // Tokens of an older text are still the best colouring until the new answer comes; they are clamped.
  const result = expression.result
  const isCurrent = expression.expression === props.value
  const diagnostics: readonly ExpressionDiagnosticInfo[] = isCurrent ? (result?.diagnostics ?? []) : []
  const spans = useMemo(
    () => highlightSpans(props.value, result?.tokens ?? [], diagnostics.filter((item) => item.severity === 'error')),
    [props.value, result, diagnostics],
  )
  const items = completion === null ? [] : completionItemsFor(completion.context, candidates, 12)

  const syncScroll = (): void => {
    if (textareaRef.current === null || preRef.current === null) return
    preRef.current.scrollTop = textareaRef.current.scrollTop
    preRef.current.scrollLeft = textareaRef.current.scrollLeft
  }

  const updateCompletion = (text: string, caret: number): void => {
    const context = completionContextAt(text, caret)
    setCompletion(context === null ? null : { context, caret })
    setActive(0)
  }

  const accept = (item: CompletionItem | undefined): void => {
    if (item === undefined || completion === null) return
    const next = applyCompletion(props.value, completion.caret, completion.context, item)
    props.onChange(next.text)
    setCompletion(null)
    // The caret goes after the insertion once React has put the new text in.
    requestAnimationFrame(() => {
      textareaRef.current?.setSelectionRange(next.caret, next.caret)
      textareaRef.current?.focus()
    })
  }

  const moveCaretTo = (offset: number): void => {
    textareaRef.current?.focus()
    textareaRef.current?.setSelectionRange(offset, offset)
  }

  const isOpen = completion !== null && items.length > 0
  return (
    <div className="expression-editor" data-testid={props.testId}>
      <div className="expression-code">
        <pre className="expression-highlight" ref={preRef} aria-hidden="true">
          {spans.map((span, index) => (
            <span key={index} className={`token-${span.kind}${span.isFlagged ? ' is-flagged' : ''}`}>
              {span.text}
            </span>
          ))}
          {/* A trailing newline in a textarea adds a line; the pre needs one more character to match. */}
          {'\n'}
        </pre>
        <textarea
          ref={textareaRef}
          className="expression-input"
          aria-label={props.label}
          aria-describedby={diagnostics.length > 0 ? diagnosticsId : undefined}
          aria-invalid={diagnostics.some((item) => item.severity === 'error') ? true : undefined}
          aria-autocomplete="list"
          aria-controls={isOpen ? listId : undefined}
          aria-activedescendant={isOpen ? `${listId}-${active}` : undefined}
          data-testid="expression-input"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          maxLength={EXPRESSION_MAX_LENGTH}
          value={props.value}
          rows={3}
          onChange={(event) => {
            props.onChange(event.target.value)
            updateCompletion(event.target.value, event.target.selectionStart)
          }}
          onScroll={syncScroll}
          onBlur={() => setCompletion(null)}
          onKeyDown={(event) => {
            if (event.key === ' ' && event.ctrlKey) {
              event.preventDefault()
              updateCompletion(props.value, event.currentTarget.selectionStart)
              return
            }
            if (!isOpen) return
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault()
              const step = event.key === 'ArrowDown' ? 1 : -1
              setActive((current) => (current + step + items.length) % items.length)
            } else if (event.key === 'Enter' || event.key === 'Tab') {
              event.preventDefault()
              accept(items[active])
            } else if (event.key === 'Escape') {
              event.preventDefault()
              event.stopPropagation()
              setCompletion(null)
            }
          }}
        />
        {isOpen && (
          <ul className="completion-list listbox-popup" id={listId} role="listbox" aria-label="Suggestions" data-testid="completion-list">
            {items.map((item, index) => (
              <li
                key={`${item.kind}:${item.name}`}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'completion-item listbox-option is-active' : 'completion-item listbox-option'}
                onMouseDown={(event) => {
                  event.preventDefault()
                  accept(item)
                }}
              >
                <span className={`completion-kind is-${item.kind}`} aria-hidden="true">
                  {item.kind === 'function' ? 'ƒ' : '[ ]'}
                </span>
                <span className="completion-name">{item.name}</span>
                <span className="completion-detail">{item.detail}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="expression-meta">
        <span>
          {props.value.length.toLocaleString()} / {EXPRESSION_MAX_LENGTH.toLocaleString()} characters · Ctrl+Space for suggestions
        </span>
      </div>
      {diagnostics.length > 0 && (
        <ul className="expression-diagnostics" id={diagnosticsId} data-testid="expression-diagnostics" aria-live="polite">
          {diagnostics.map((item, index) => (
            <li key={index} className={item.severity === 'error' ? 'is-error' : 'is-warning'}>
              <button type="button" className="link-button" onClick={() => moveCaretTo(item.offset)}>
                Column {item.offset + 1}
              </button>
              <span>{item.message}</span>
              {item.hint !== null && <span className="diagnostic-hint">{item.hint}</span>}
            </li>
          ))}
        </ul>
      )}
      {expression.error !== null && (
        <p className="inline-error" role="alert">
          {expression.error.message}
        </p>
      )}
      <div className="expression-results">
        <div className="expression-user">
          <UserPicker chosenName={user?.displayName ?? null} onChoose={setUser} label="Show the value for user" testId="expression-user-picker" />
          {isCurrent && result?.user != null && (
            <p className="expression-user-result">
              <span>Value for {result.user.displayName}</span>
              <ResultValue result={result.user} testId="expression-user-value" />
            </p>
          )}
        </div>
        {isCurrent && result !== null && result.sample.length > 0 && (
          <table className="sample-table" data-testid="expression-sample">
            <caption>Sample of {result.sample.length} users</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {result.sample.map((row) => (
                <tr key={row.userId}>
                  <td>{row.displayName}</td>
                  <td>
                    <ResultValue result={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  )
}

/** A value, a list of values, "no value", "left out" or the evaluation error. */
function ResultValue(props: { result: ExpressionResultForUser; testId?: string }): ReactNode {
  const { result } = props
  const error = result.diagnostics.find((item) => item.severity === 'error')
  if (error !== undefined) {
    return (
      <span className="result-value is-error" data-testid={props.testId}>
        {error.message}
      </span>
    )
  }
  if (result.isIgnored) {
    return (
      <span className="result-value is-muted" data-testid={props.testId}>
        Left out (IgnoreFlowIfNullOrEmpty)
      </span>
    )
  }
  if (result.value === null) {
    return (
      <span className="result-value is-muted" data-testid={props.testId}>
        No value
      </span>
    )
  }
  const text = typeof result.value === 'string' ? result.value : result.value.join(' · ')
  return (
    <code className="result-value" data-testid={props.testId}>
      {text === '' ? '(empty)' : text}
    </code>
  )
}
