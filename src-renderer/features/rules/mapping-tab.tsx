/**
 * Mapping tab: one row per target attribute, as Entra's "Attribute mappings" page lists them —
 * type, source, default value, when it applies and whether it matches objects. Mandatory rows are
 * locked. An expression row opens the expression editor below it.
 */
import { Fragment, useState, type ReactNode } from 'react'
import type { ApplyOn, AttributeMapping, MappingSet as AttributeMappingSet, MappingType, RuleProblem, RulesCatalogue, TargetAttributeInfo } from '../../../src-main/common'
import { ChevronDownIcon, CloseIcon, LockIcon, PlusIcon } from '../../components/icons'
import { useRulesDraft } from './use-rules-draft'
import { AttributePicker } from './attribute-picker'
import { ExpressionEditor } from './expression-editor'
import { problemsOf } from './rules-changes'
import { targetLabel } from './target-label'
import { requirableTargets, withRequiredTargets } from './required-targets'
import { Dialog } from '../../components/dialog'

const TYPE_LABELS: Readonly<Record<MappingType, string>> = { direct: 'Direct', constant: 'Constant', expression: 'Expression', none: 'None' }
const APPLY_LABELS: Readonly<Record<ApplyOn, string>> = { always: 'Always', creationOnly: 'Only during creation', updateOnly: 'Only on update' }
const SCHEMA_LABELS: Readonly<Record<TargetAttributeInfo['schema'], string>> = {
  core: 'SCIM core user',
  enterprise: 'Enterprise extension',
  card: 'Headcount card extension',
  target: 'The target’s own attributes',
}

/** The mapping table of the draft. */
export function MappingTab(): ReactNode {
  const { draft, catalogue, problems, editRules } = useRulesDraft()
  const [expanded, setExpanded] = useState<number | null>(null)
  const [isChoosingRequired, setIsChoosingRequired] = useState(false)
  if (draft === null) return null
  const mapping = draft.mapping

  const setMappings = (mappings: readonly AttributeMapping[]): void => editRules({ mapping: { ...mapping, mappings } })
  const updateRow = (index: number, change: Partial<AttributeMapping>): void =>
    setMappings(mapping.mappings.map((row, position) => (position === index ? { ...row, ...change } : row)))
  const removeRow = (index: number): void => {
    setMappings(mapping.mappings.filter((_, position) => position !== index))
    setExpanded((current) => (current === null || current < index ? current : current === index ? null : current - 1))
  }
  const used = new Set(mapping.mappings.map((row) => row.targetPath))
  const addRow = (): void => {
    const free = catalogue?.targetAttributes.find((target) => !used.has(target.path))?.path ?? ''
    setMappings([...mapping.mappings, { targetPath: free, type: 'direct', source: '', applyOn: 'always', matching: null, isMandatory: false }])
  }
  const areaProblems = problemsOf(problems, 'mapping', null)

  return (
    <div className="mapping-tab">
      {areaProblems.length > 0 && <ProblemList problems={areaProblems} />}
      <div className="rules-table-frame">
        <table className="rules-table mapping-table" data-testid="mapping-table">
          <thead>
            <tr>
              <th scope="col">Target attribute</th>
              <th scope="col">Type</th>
              <th scope="col">Source</th>
              <th scope="col">Default if empty</th>
              <th scope="col">Apply</th>
              <th scope="col" title="Match objects using this attribute; lower numbers are tried first">
                Match
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mapping.mappings.map((row, index) => (
              <MappingRow
                key={index}
                row={row}
                index={index}
                catalogue={catalogue}
                problems={problemsOf(problems, 'mapping', index)}
                isExpanded={expanded === index}
                onToggle={() => setExpanded(expanded === index ? null : index)}
                onChange={(change) => updateRow(index, change)}
                onRemove={() => removeRow(index)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="rules-add-row">
        <button type="button" className="button" data-testid="add-mapping-button" onClick={addRow}>
          <PlusIcon /> Add mapping
        </button>
        <button type="button" className="button" data-testid="required-targets-button" onClick={() => setIsChoosingRequired(true)}>
          <LockIcon size={14} /> Required attributes…
        </button>
        <span className="rules-note">
          Mandatory attributes ({mapping.mandatoryTargets.map(targetLabel).join(', ')}) are locked: the target needs them on every user.
        </span>
      </div>
      {isChoosingRequired && (
        <RequiredTargetsDialog
          mapping={mapping}
          onClose={() => setIsChoosingRequired(false)}
          onApply={(required) => {
            editRules({ mapping: withRequiredTargets(mapping, required) })
            setIsChoosingRequired(false)
          }}
        />
      )}
    </div>
  )
}

/**
 * Which attributes this target requires: a user without a value for one of them is not created
 * (skipped with MandatoryFieldsMissing), and their rows are locked.
 */
function RequiredTargetsDialog(props: { mapping: AttributeMappingSet; onClose(): void; onApply(required: readonly string[]): void }): ReactNode {
  const candidates = requirableTargets(props.mapping)
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(candidates.filter((path) => props.mapping.mandatoryTargets.some((target) => target.toLowerCase() === path.toLowerCase()))))
  const toggle = (path: string): void =>
    setChosen((current) => {
      const next = new Set(current)
      if (next.has(path)) next.delete(path)
      else next.add(path)
      return next
    })
  return (
    <Dialog
      title="Attributes this application requires"
      description="A user without a value for a required attribute is not created, and the preview says why. Required rows are locked in the table. Most applications need at least a user name."
      onClose={props.onClose}
      onSubmit={() => props.onApply(candidates.filter((path) => chosen.has(path)))}
      testId="required-targets-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button is-primary" data-testid="required-targets-apply">
            Apply
          </button>
        </>
      }
    >
      <ul className="plain-list required-targets-list">
        {candidates.map((path) => (
          <li key={path}>
            <label className="checkbox-row" title={path}>
              <input type="checkbox" checked={chosen.has(path)} onChange={() => toggle(path)} data-testid="required-target" data-target={path} />
              <span>{targetLabel(path)}</span>
            </label>
          </li>
        ))}
      </ul>
    </Dialog>
  )
}

interface MappingRowProps {
  readonly row: AttributeMapping
  readonly index: number
  readonly catalogue: RulesCatalogue | null
  readonly problems: readonly RuleProblem[]
  readonly isExpanded: boolean
  onToggle(): void
  onChange(change: Partial<AttributeMapping>): void
  onRemove(): void
}

function MappingRow(props: MappingRowProps): ReactNode {
  const { row, catalogue } = props
  const hasError = props.problems.some((problem) => problem.severity === 'error')
  const fieldHasError = (field: string): boolean => props.problems.some((problem) => problem.field === field && problem.severity === 'error')
  const targetLabel = `Target attribute of row ${props.index + 1}`
  return (
    <Fragment>
      <tr className={hasError ? 'mapping-row has-error' : 'mapping-row'} data-testid="mapping-row" data-target={row.targetPath}>
        <td className="mapping-target">
          <div>
          {row.isMandatory && (
            <span className="mapping-lock" title="Mandatory: cannot be removed or retargeted">
              <LockIcon size={14} />
              <span className="visually-hidden">Mandatory</span>
            </span>
          )}
          <TargetSelect
            value={row.targetPath}
            targets={catalogue?.targetAttributes ?? []}
            isDisabled={row.isMandatory}
            isInvalid={fieldHasError('targetPath')}
            label={targetLabel}
            onChange={(targetPath) => props.onChange({ targetPath })}
          />
          </div>
        </td>
        <td>
          <select
            className="select-input"
            aria-label={`Mapping type of ${row.targetPath || `row ${props.index + 1}`}`}
            data-testid="mapping-type"
            value={row.type}
            onChange={(event) => {
              const type = event.target.value as MappingType
              props.onChange({ type, source: type === 'none' ? undefined : row.source ?? '' })
              if (type === 'expression' && !props.isExpanded) props.onToggle()
            }}
          >
            {Object.entries(TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </td>
        <td className="mapping-source">
          <SourceCell row={row} catalogue={catalogue} isInvalid={fieldHasError('source')} isExpanded={props.isExpanded} onToggle={props.onToggle} onChange={props.onChange} />
        </td>
        <td>
          <input
            type="text"
            className="text-input"
            aria-label={`Default value of ${row.targetPath}`}
            placeholder="None"
            value={row.defaultValue ?? ''}
            onChange={(event) => props.onChange({ defaultValue: event.target.value === '' ? null : event.target.value })}
          />
        </td>
        <td>
          <select
            className="select-input"
            aria-label={`When ${row.targetPath} applies`}
            value={row.applyOn}
            onChange={(event) => props.onChange({ applyOn: event.target.value as ApplyOn })}
          >
            {Object.entries(APPLY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </td>
        <td className="mapping-match">
          <input
            type="checkbox"
            aria-label={`Match objects using ${row.targetPath}`}
            checked={row.matching != null}
            onChange={(event) => props.onChange({ matching: event.target.checked ? { precedence: 1 } : null })}
          />
          {row.matching != null && (
            <input
              type="number"
              className="text-input is-number"
              min={1}
              aria-label={`Matching precedence of ${row.targetPath}`}
              value={row.matching.precedence}
              onChange={(event) => props.onChange({ matching: { precedence: Math.max(1, Number(event.target.value) || 1) } })}
            />
          )}
        </td>
        <td className="mapping-actions">
          {!row.isMandatory && (
            <button type="button" className="icon-button is-small" aria-label={`Remove the mapping of ${row.targetPath || `row ${props.index + 1}`}`} onClick={props.onRemove}>
              <CloseIcon />
            </button>
          )}
        </td>
      </tr>
      {props.problems.length > 0 && (
        <tr className="mapping-problem-row">
          <td colSpan={7}>
            <ProblemList problems={props.problems} />
          </td>
        </tr>
      )}
      {props.isExpanded && row.type === 'expression' && (
        <tr className="mapping-expanded">
          <td colSpan={7}>
            <ExpressionEditor
              value={row.source ?? ''}
              onChange={(source) => props.onChange({ source })}
              catalogue={catalogue}
              label={`Expression for ${row.targetPath}`}
              testId="expression-editor"
            />
          </td>
        </tr>
      )}
    </Fragment>
  )
}

/** Target attributes grouped by schema; a path not in the catalogue is kept as its own option. */
function TargetSelect(props: {
  value: string
  targets: readonly TargetAttributeInfo[]
  isDisabled: boolean
  isInvalid: boolean
  label: string
  onChange(path: string): void
}): ReactNode {
  const isKnown = props.targets.some((target) => target.path === props.value)
  return (
    <select
      className="select-input"
      aria-label={props.label}
      data-testid="mapping-target"
      title={props.value}
      disabled={props.isDisabled}
      aria-invalid={props.isInvalid ? true : undefined}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    >
      {props.value === '' && <option value="">Choose a target attribute…</option>}
      {!isKnown && props.value !== '' && <option value={props.value}>{targetLabel(props.value)}</option>}
      {(['core', 'enterprise', 'card', 'target'] as const).filter((schema) => props.targets.some((target) => target.schema === schema)).map((schema) => (
        <optgroup key={schema} label={SCHEMA_LABELS[schema]}>
          {props.targets
            .filter((target) => target.schema === schema)
            .map((target) => (
              <option key={target.path} value={target.path} title={`${target.path} — ${target.description}`}>
                {targetLabel(target.path)}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  )
}

function SourceCell(props: {
  row: AttributeMapping
  catalogue: RulesCatalogue | null
  isInvalid: boolean
  isExpanded: boolean
  onToggle(): void
  onChange(change: Partial<AttributeMapping>): void
}): ReactNode {
  const { row } = props
  switch (row.type) {
    case 'direct':
      return (
        <AttributePicker
          value={row.source ?? ''}
          onChange={(source) => props.onChange({ source })}
          attributes={props.catalogue?.sourceAttributes ?? []}
          label={`Source attribute of ${row.targetPath}`}
          testId="mapping-source"
          isInvalid={props.isInvalid}
        />
      )
    case 'constant':
      return (
        <input
          type="text"
          className="text-input"
          aria-label={`Constant value of ${row.targetPath}`}
          aria-invalid={props.isInvalid ? true : undefined}
          value={row.source ?? ''}
          onChange={(event) => props.onChange({ source: event.target.value })}
        />
      )
    case 'expression':
      return (
        <button
          type="button"
          className={props.isInvalid ? 'expression-summary has-error' : 'expression-summary'}
          aria-expanded={props.isExpanded}
          data-testid="expression-toggle"
          onClick={props.onToggle}
        >
          <code>{row.source === undefined || row.source === '' ? 'Write an expression…' : row.source}</code>
          <ChevronDownIcon />
        </button>
      )
    case 'none':
      return <span className="rules-note">Not sent</span>
  }
}

/** Problems in plain words, with the hint under each. */
export function ProblemList(props: { problems: readonly RuleProblem[] }): ReactNode {
  return (
    <ul className="problem-list" data-testid="problem-list">
      {props.problems.map((problem, index) => (
        <li key={index} className={problem.severity === 'error' ? 'is-error' : 'is-warning'}>
          <span>{problem.message}</span>
          {problem.hint !== null && <span className="diagnostic-hint">{problem.hint}</span>}
        </li>
      ))}
    </ul>
  )
}
