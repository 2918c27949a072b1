/** The outcome of "Test connection": each step, and any missing permission by name. */
import type { ReactNode } from 'react'
import type { ConnectionTestResult } from '../../../src-main/common'
import { ErrorNotice } from '../../components/error-notice'
import { ErrorIcon, SuccessIcon } from '../../components/icons'

/** `data-testid="test-connection-result"`, announced when it appears. */
export function ConnectionTestResultView(props: { readonly result: ConnectionTestResult }): ReactNode {
  const { result } = props
  return (
    <section
      className={result.isOk ? 'test-result is-ok' : 'test-result is-failed'}
      data-testid="test-connection-result"
      aria-labelledby="test-result-heading"
      role="status"
    >
      <div className="test-result-heading">
        {result.isOk ? <SuccessIcon size={22} /> : <ErrorIcon size={22} />}
        <h3 id="test-result-heading">
          {result.isOk
            ? `The connection works${result.tenantName === null ? '' : ` — ${result.tenantName}`}`
            : 'The connection test failed'}
        </h3>
      </div>
      <ol className="test-steps plain-list">
        {result.steps.map((step) => (
          <li key={step.name} className={step.isOk ? 'test-step is-ok' : 'test-step is-failed'}>
            {step.isOk ? <SuccessIcon size={16} /> : <ErrorIcon size={16} />}
            <span className="visually-hidden">{step.isOk ? 'Passed:' : 'Failed:'}</span>
            <span className="test-step-name">{step.name}</span>
            <span className="test-step-detail">{step.detail}</span>
          </li>
        ))}
      </ol>
      {result.missingPermissions.length > 0 && (
        <div className="test-missing">
          <p className="test-missing-title">
            {result.missingPermissions.length === 1 ? 'One application permission is missing:' : 'These application permissions are missing:'}
          </p>
          <ul className="test-missing-list">
            {result.missingPermissions.map((name) => (
              <li key={name}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
          <p className="test-missing-hint">
            In Entra, open App registrations › your app › API permissions › Add a permission › Microsoft Graph ›
            Application permissions, add {result.missingPermissions.length === 1 ? 'it' : 'them'}, then choose “Grant
            admin consent”. Test again afterwards.
          </p>
        </div>
      )}
      {result.error !== null && <ErrorNotice error={result.error} />}
    </section>
  )
}
