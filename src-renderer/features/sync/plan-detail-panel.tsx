/**
 * One planned operation in full: what changes field by field (before → after), why, the step
 * trace (import → scope → match → action) and what it waits for.
 *
 * Test ids: plan-detail, plan-detail-change, plan-detail-exclude, plan-detail-provision.
 */
import type { ReactNode } from 'react'
import { CloseIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'
import { selectedPlanRow } from '../../stores/sync-slice'
import { ActionBadge } from './action-badge'
import { formatShownValue } from './shown-value'
import { TraceSteps } from './trace-steps'

/** The panel beside the list; renders nothing until a row's data has arrived. */
export function PlanDetailPanel(): ReactNode {
  const row = useAppStore(selectedPlanRow)
  const closePlanDetail = useAppStore((state) => state.closePlanDetail)
  const setOperationsExcluded = useAppStore((state) => state.setOperationsExcluded)
  const openProvision = useAppStore((state) => state.openProvision)

  if (row === null) {
    return (
      <aside className="plan-detail" data-testid="plan-detail" aria-label="Operation details" aria-busy="true">
        <span className="skeleton is-wide" />
      </aside>
    )
  }

  return (
    <aside className="plan-detail" data-testid="plan-detail" aria-labelledby="plan-detail-heading">
      <header className="plan-detail-header">
        <div>
          <ActionBadge action={row.action} />
          <h2 id="plan-detail-heading">{row.displayName}</h2>
          {row.userName !== null && <p className="sync-muted">{row.userName}</p>}
        </div>
        <button type="button" className="icon-button is-small" aria-label="Close details" onClick={closePlanDetail}>
          <CloseIcon />
        </button>
      </header>

      <section aria-labelledby="plan-detail-reason">
        <h3 id="plan-detail-reason">Why</h3>
        <p>{row.reason.text}</p>
        {row.skipCode !== undefined && (
          <p className="sync-muted">
            Skip code: <code>{row.skipCode}</code>
          </p>
        )}
      </section>

      {row.changes.length > 0 && (
        <section aria-labelledby="plan-detail-changes">
          <h3 id="plan-detail-changes">Changes</h3>
          <table className="change-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {row.changes.map((change) => (
                <tr key={change.path} data-testid="plan-detail-change">
                  <th scope="row">
                    <code>{change.path}</code>
                  </th>
                  <td className="change-before">{formatShownValue(change.before)}</td>
                  <td className="change-after">{formatShownValue(change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="plan-detail-trace">
        <h3 id="plan-detail-trace">Steps</h3>
        <TraceSteps steps={row.trace} />
      </section>

      {row.dependsOn.length > 0 && (
        <section aria-labelledby="plan-detail-depends">
          <h3 id="plan-detail-depends">Waits for</h3>
          <ul className="depends-list plain-list">
            {row.dependsOn.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      <dl className="definition-grid plan-detail-ids">
        <dt>Entra id</dt>
        <dd>{row.entraId ?? '—'}</dd>
        <dt>Target id</dt>
        <dd>{row.targetId ?? 'not created yet'}</dd>
      </dl>

      <div className="form-actions">
        {row.action !== 'skip' && (
          <button type="button" className="button" data-testid="plan-detail-exclude" onClick={() => void setOperationsExcluded([row.id], !row.isExcluded)}>
            {row.isExcluded ? 'Include in the push' : 'Leave out of the push'}
          </button>
        )}
        {row.entraId !== null && row.resourceType === 'User' && (
          <button type="button" className="button" data-testid="plan-detail-provision" onClick={() => openProvision(row.entraId ?? undefined)}>
            Provision this user now…
          </button>
        )}
      </div>
    </aside>
  )
}
