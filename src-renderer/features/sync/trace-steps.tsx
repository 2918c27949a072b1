/** Entra's step trace (import → scope → match → action), each step with its status and detail. */
import type { ReactNode } from 'react'
import type { TraceStep } from '../../../src-main/common'
import { CheckIcon, CloseIcon, InfoIcon, WarningIcon } from '../../components/icons'

const STEP_LABELS: Readonly<Record<TraceStep['step'], string>> = {
  import: 'Import',
  scope: 'Scope',
  match: 'Match',
  action: 'Action',
  reference: 'Reference',
}

const STATUS_LABELS: Readonly<Record<TraceStep['status'], string>> = {
  success: 'passed',
  skipped: 'skipped',
  failure: 'failed',
  warning: 'warning',
}

function StatusIcon(props: { status: TraceStep['status'] }): ReactNode {
  switch (props.status) {
    case 'success':
      return <CheckIcon size={14} />
    case 'failure':
      return <CloseIcon size={14} />
    case 'warning':
      return <WarningIcon size={14} />
    case 'skipped':
      return <InfoIcon size={14} />
  }
}

/** An ordered list; the status is spoken as text, not only shown as a colour or an icon. */
export function TraceSteps(props: { steps: readonly TraceStep[] }): ReactNode {
  if (props.steps.length === 0) return <p className="sync-muted">No steps were recorded.</p>
  return (
    <ol className="trace-steps">
      {props.steps.map((step, index) => (
        <li key={`${step.step}-${index}`} className={`trace-step is-${step.status}`}>
          <span className="trace-step-icon" aria-hidden="true">
            <StatusIcon status={step.status} />
          </span>
          <span className="trace-step-name">
            {STEP_LABELS[step.step]}
            <span className="visually-hidden">: {STATUS_LABELS[step.status]}</span>
          </span>
          <span className="trace-step-detail">{step.detail}</span>
        </li>
      ))}
    </ol>
  )
}
