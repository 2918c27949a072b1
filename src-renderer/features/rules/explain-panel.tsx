/** "Why in / out?": one user under the rules being edited — scope, attributes, group, roles, approver. */
import { useState, type ReactNode } from 'react'
import { ErrorNotice } from '../../components/error-notice'
import { useAppStore } from '../../stores/app-store-context'
import { UserPicker } from './user-picker'

/** The panel; it explains again when the draft changes while a user is chosen. */
export function ExplainPanel(): ReactNode {
  const explanation = useAppStore((state) => state.rules.explanation)
  const explain = useAppStore((state) => state.explainRulesUser)
  const [user, setUser] = useState<{ id: string; displayName: string } | null>(null)
  const result = explanation.result
  return (
    <section className="card explain-panel" aria-labelledby="explain-heading" data-testid="explain-panel">
      <h2 id="explain-heading">Why in or out?</h2>
      <UserPicker
        chosenName={user?.displayName ?? null}
        onChoose={(chosen) => {
          setUser(chosen)
          void explain(chosen.id)
        }}
        label="Explain the rules for user"
        testId="explain-user-picker"
      />
      {user !== null && (
        <button type="button" className="link-button" disabled={explanation.isBusy} onClick={() => void explain(user.id)}>
          {explanation.isBusy ? 'Explaining…' : 'Explain again with the current rules'}
        </button>
      )}
      {explanation.error !== null && <ErrorNotice error={explanation.error} title="Could not explain this user" />}
      {user === null && <p className="rules-note">Choose a user to see which clause lets them in or keeps them out, and what they would get.</p>}
      {result !== null && user !== null && result.userId === user.id && (
        <div className="explanation" aria-busy={explanation.isBusy}>
          <p className={result.isInScope ? 'explain-verdict is-in' : 'explain-verdict is-out'} data-testid="explain-verdict">
            {result.displayName} is {result.isInScope ? 'in scope' : 'out of scope'}
          </p>
          <ul className="explain-reasons">
            {result.scopeReasons.map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
          </ul>
          {result.isInScope && (
            <>
              <h3>Group</h3>
              <p>
                {result.group.name === null ? 'No group' : <strong>{result.group.name}</strong>} — {result.group.reason}
              </p>
              <h3>Roles</h3>
              {result.roles.length === 0 ? (
                <p className="rules-note">No role.</p>
              ) : (
                <ul className="explain-reasons">
                  {result.roles.map((role) => (
                    <li key={role.role}>
                      <strong>{role.role}</strong> — {role.reasons.join('; ')}
                    </li>
                  ))}
                </ul>
              )}
              <h3>Approver</h3>
              <p>
                {result.approver.displayName ?? 'None'} — {result.approver.reason}
              </p>
              {result.missingMandatory.length > 0 && (
                <p className="inline-error">Missing mandatory attributes: {result.missingMandatory.join(', ')}. The user would be skipped.</p>
              )}
              {result.attributes.length > 0 && (
                <table className="sample-table">
                  <caption>Attributes a create would send</caption>
                  <thead>
                    <tr>
                      <th scope="col">Target</th>
                      <th scope="col">Value</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.attributes.map((attribute) => (
                      <tr key={attribute.targetPath} title={attribute.message}>
                        <td>
                          <code>{attribute.targetPath}</code>
                        </td>
                        <td>
                          {attribute.value === null ? (
                            <span className="result-value is-muted">{attribute.message || 'No value'}</span>
                          ) : (
                            <code className="result-value">{typeof attribute.value === 'string' ? attribute.value : attribute.value.join(' · ')}</code>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </div>
      )}
    </section>
  )
}
