/** What "Test connection" found: each check with ✓/✗ and its detail, the features, the custom attributes. */
import type { ReactNode } from 'react'
import type { TargetFeatures, TargetTestResult } from '../../../src-main/common'
import { formatDuration } from '../../components/format-time'
import { CheckIcon, CloseIcon } from '../../components/icons'

const FEATURE_LABELS: Readonly<Record<keyof TargetFeatures, string>> = {
  patch: 'PATCH',
  bulk: 'Bulk',
  filter: 'Filter',
  sort: 'Sort',
  etag: 'ETag',
}

/** The result card under the Test button. */
export function TargetTestResultView(props: { result: TargetTestResult }): ReactNode {
  const { result } = props
  return (
    <div className={result.isOk ? 'target-test is-ok' : 'target-test is-failed'} data-testid="target-test-result" role="status">
      <p className="target-test-title">
        {result.isOk ? 'The application answered every check.' : 'The application did not pass every check.'}{' '}
        <span className="sync-muted">({formatDuration(result.durationMs)})</span>
      </p>
      <ul className="target-checks plain-list">
        {result.checks.map((check) => (
          <li key={check.name} className={check.isOk ? 'is-ok' : 'is-failed'}>
            <span className="target-check-icon" aria-hidden="true">
              {check.isOk ? <CheckIcon size={14} /> : <CloseIcon size={14} />}
            </span>
            <span className="visually-hidden">{check.isOk ? 'Passed: ' : 'Failed: '}</span>
            <span className="target-check-name">{check.name}</span>
            <span className="target-check-detail">{check.detail}</span>
          </li>
        ))}
      </ul>
      {result.problems.length > 0 && (
        <ul className="target-problems plain-list">
          {result.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {result.features !== null && (
        <div className="target-features">
          <span className="target-features-label">Supports</span>
          <ul className="chip-list" aria-label="Features the application supports">
            {(Object.keys(FEATURE_LABELS) as (keyof TargetFeatures)[]).map((feature) => {
              const isSupported = result.features?.[feature] === true
              return (
                <li key={feature} className={isSupported ? 'feature-chip is-on' : 'feature-chip'}>
                  {isSupported ? <CheckIcon size={12} /> : <CloseIcon size={12} />}
                  {FEATURE_LABELS[feature]}
                  <span className="visually-hidden">{isSupported ? ' supported' : ' not supported'}</span>
                </li>
              )
            })}
          </ul>
        </div>
      )}
      {result.customAttributes.length > 0 && (
        <details className="target-attributes">
          <summary>
            {result.customAttributes.length} custom {result.customAttributes.length === 1 ? 'attribute' : 'attributes'} found — offered in the
            mapping editor
          </summary>
          <ul>
            {result.customAttributes.map((attribute) => (
              <li key={attribute}>
                <code>{attribute}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
