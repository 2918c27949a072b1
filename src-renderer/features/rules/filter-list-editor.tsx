/**
 * Filters in Entra's clause language: every clause of a filter must hold (AND), any filter may
 * (OR). Used by the Scope tab and by named groups.
 */
import type { ReactNode } from 'react'
import type { OperatorInfo, RuleProblem, ScopeClause, ScopeFilter, ScopeOperator, SourceAttributeInfo } from '../../../src-main/common'
import { CloseIcon, PlusIcon } from '../../components/icons'
import { AttributePicker } from './attribute-picker'

export interface FilterListEditorProps {
  readonly filters: readonly ScopeFilter[]
  onChange(filters: readonly ScopeFilter[]): void
  readonly attributes: readonly SourceAttributeInfo[]
  readonly operators: readonly OperatorInfo[]
  /** Problems of these filters, matched by `index` (filter) and `clauseIndex`. */
  readonly problems: readonly RuleProblem[]
  /** Prefix for labels and test ids ("Scope", "Group Sales"). */
  readonly label: string
  readonly testId?: string
}

const EMPTY_CLAUSE: ScopeClause = { attribute: '', operator: 'EQUALS', value: '' }

/** The editor; an empty list says what no filters mean. */
export function FilterListEditor(props: FilterListEditorProps): ReactNode {
  const { filters } = props
  const setFilter = (index: number, filter: ScopeFilter): void => props.onChange(filters.map((item, position) => (position === index ? filter : item)))
  return (
    <div className="filter-list" data-testid={props.testId}>
      {filters.map((filter, index) => (
        <div key={index} className="filter-block">
          {index > 0 && <div className="filter-or" aria-hidden="true">or</div>}
          <fieldset className="filter-card">
            <legend className="visually-hidden">
              {props.label} filter {index + 1}
            </legend>
            <div className="filter-header">
              <input
                type="text"
                className="text-input filter-name"
                aria-label={`${props.label} filter ${index + 1} name`}
                value={filter.name}
                onChange={(event) => setFilter(index, { ...filter, name: event.target.value })}
              />
              <button
                type="button"
                className="icon-button is-small"
                aria-label={`Remove ${props.label.toLowerCase()} filter ${index + 1}`}
                onClick={() => props.onChange(filters.filter((_, position) => position !== index))}
              >
                <CloseIcon />
              </button>
            </div>
            {filter.clauses.map((clause, clauseIndex) => (
              <ClauseRow
                key={clauseIndex}
                clause={clause}
                isFirst={clauseIndex === 0}
                label={`${props.label} filter ${index + 1} clause ${clauseIndex + 1}`}
                attributes={props.attributes}
                operators={props.operators}
                problems={props.problems.filter((problem) => problem.index === index && problem.clauseIndex === clauseIndex)}
                onChange={(changed) => setFilter(index, { ...filter, clauses: filter.clauses.map((item, position) => (position === clauseIndex ? changed : item)) })}
                onRemove={() => setFilter(index, { ...filter, clauses: filter.clauses.filter((_, position) => position !== clauseIndex) })}
              />
            ))}
            <button
              type="button"
              className="button is-subtle"
              data-testid="add-clause-button"
              onClick={() => setFilter(index, { ...filter, clauses: [...filter.clauses, EMPTY_CLAUSE] })}
            >
              <PlusIcon /> Add clause (and)
            </button>
            {props.problems
              .filter((problem) => problem.index === index && problem.clauseIndex === null)
              .map((problem, position) => (
                <p key={position} className="inline-error">
                  {problem.message}
                </p>
              ))}
          </fieldset>
        </div>
      ))}
      <button
        type="button"
        className="button"
        data-testid="add-filter-button"
        onClick={() => props.onChange([...filters, { name: `Filter ${filters.length + 1}`, clauses: [EMPTY_CLAUSE] }])}
      >
        <PlusIcon /> {filters.length === 0 ? 'Add a filter' : 'Add filter (or)'}
      </button>
    </div>
  )
}

function ClauseRow(props: {
  clause: ScopeClause
  isFirst: boolean
  label: string
  attributes: readonly SourceAttributeInfo[]
  operators: readonly OperatorInfo[]
  problems: readonly RuleProblem[]
  onChange(clause: ScopeClause): void
  onRemove(): void
}): ReactNode {
  const { clause } = props
  const operator = props.operators.find((item) => item.operator === clause.operator)
  const needsValue = operator?.needsValue ?? true
  const hasError = (field: string): boolean => props.problems.some((problem) => problem.field === field)
  return (
    <div className="clause-row" data-testid="scope-clause">
      <span className="clause-joiner" aria-hidden="true">
        {props.isFirst ? 'where' : 'and'}
      </span>
      <AttributePicker
        value={clause.attribute}
        onChange={(attribute) => props.onChange({ ...clause, attribute })}
        attributes={props.attributes}
        label={`${props.label} attribute`}
        testId="clause-attribute"
        isInvalid={hasError('attribute')}
      />
      <select
        className="select-input clause-operator"
        aria-label={`${props.label} operator`}
        data-testid="clause-operator"
        title={operator?.description}
        value={clause.operator}
        onChange={(event) => {
          const next = event.target.value as ScopeOperator
          const info = props.operators.find((item) => item.operator === next)
          props.onChange(info?.needsValue === false ? { attribute: clause.attribute, operator: next } : { ...clause, operator: next, value: clause.value ?? '' })
        }}
      >
        {props.operators.map((item) => (
          <option key={item.operator} value={item.operator} title={item.description}>
            {item.operator}
          </option>
        ))}
      </select>
      {needsValue ? (
        <input
          type="text"
          className="text-input clause-value"
          aria-label={`${props.label} value`}
          data-testid="clause-value"
          aria-invalid={hasError('value') ? true : undefined}
          value={clause.value ?? ''}
          onChange={(event) => props.onChange({ ...clause, value: event.target.value })}
        />
      ) : (
        <span className="clause-value is-empty">{operator?.description ?? ''}</span>
      )}
      <button type="button" className="icon-button is-small" aria-label={`Remove ${props.label.toLowerCase()}`} onClick={props.onRemove}>
        <CloseIcon />
      </button>
      {props.problems.length > 0 && (
        <p className="inline-error clause-problem">{props.problems.map((problem) => problem.message).join(' ')}</p>
      )}
    </div>
  )
}
