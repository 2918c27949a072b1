/**
 * Provision on demand: one user through import → scope → match → action. First shows what would
 * happen (nothing sent), then Apply sends it and shows what happened to each operation.
 *
 * Test ids: provision-dialog, provision-user-search, provision-suggestion, provision-preview-button,
 * provision-result, provision-operation, provision-apply-button.
 */
import { useEffect, useState, type ReactNode } from 'react'
import type { ProvisionResult } from '../../../src-main/common'
import { Dialog } from '../../components/dialog'
import { ErrorNotice } from '../../components/error-notice'
import { formatDuration } from '../../components/format-time'
import { useAppStore } from '../../stores/app-store-context'
import { SEARCH_DEBOUNCE_MS } from '../directory/directory-search'
import { ActionBadge } from './action-badge'
import { formatShownValue } from './shown-value'
import { TraceSteps } from './trace-steps'

const STATUS_LABELS: Readonly<Record<ProvisionResult['operations'][number]['status'], string>> = {
  previewed: 'Would be sent',
  pending: 'Waiting',
  sent: 'Sent',
  succeeded: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
}

/** Mounted while `sync.provision.isOpen`. */
export function ProvisionDialog(): ReactNode {
  const provision = useAppStore((state) => state.sync.provision)
  const closeProvision = useAppStore((state) => state.closeProvision)
  const setProvisionUserId = useAppStore((state) => state.setProvisionUserId)
  const suggestProvisionUsers = useAppStore((state) => state.suggestProvisionUsers)
  const previewProvision = useAppStore((state) => state.previewProvision)
  const applyProvision = useAppStore((state) => state.applyProvision)
  const [searchText, setSearchText] = useState('')
  const [chosenName, setChosenName] = useState<string | null>(null)

  useEffect(() => {
    const timer = window.setTimeout(() => void suggestProvisionUsers(searchText), SEARCH_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [searchText, suggestProvisionUsers])

  const result = provision.apply.result ?? provision.preview.result
  const isApplied = provision.apply.result !== null
  // Once a user is picked, the list folds away until the admin types something else.
  const suggestions = chosenName !== null && searchText === chosenName ? [] : (provision.suggestions.result ?? [])
  const isBusy = provision.preview.isBusy || provision.apply.isBusy

  return (
    <Dialog
      title="Provision one user"
      description="Runs one user through import, scope, match and action. First see what would happen; nothing is sent until you apply it."
      testId="provision-dialog"
      onClose={closeProvision}
      onSubmit={() => void previewProvision()}
      footer={
        <>
          <button type="button" className="button" onClick={closeProvision}>
            {isApplied ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button" data-testid="provision-preview-button" disabled={provision.userId.trim() === '' || isBusy}>
            {provision.preview.isBusy ? 'Working it out…' : 'Show what would happen'}
          </button>
          <button
            type="button"
            className="button is-primary"
            data-testid="provision-apply-button"
            disabled={provision.preview.result === null || isBusy || isApplied}
            onClick={() => void applyProvision()}
          >
            {provision.apply.isBusy ? 'Applying…' : 'Apply'}
          </button>
        </>
      }
    >
      <div className="form-field">
        <label className="form-label" htmlFor="provision-user-search">
          User
        </label>
        <input
          id="provision-user-search"
          className="text-input"
          type="search"
          data-testid="provision-user-search"
          data-autofocus
          autoComplete="off"
          placeholder="Name, mail or user principal name"
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
        />
        <div className="form-help">
          {provision.userId === '' ? 'Type to find the user in the cache.' : `Chosen: ${chosenName ?? provision.userId}`}
        </div>
      </div>
      {suggestions.length > 0 && (
        <ul className="provision-suggestions plain-list" aria-label="Matching users">
          {suggestions.map((user) => (
            <li key={user.id}>
              <button
                type="button"
                className={user.id === provision.userId ? 'provision-suggestion is-chosen' : 'provision-suggestion'}
                data-testid="provision-suggestion"
                aria-pressed={user.id === provision.userId}
                onClick={() => {
                  const name = user.displayName ?? user.userPrincipalName
                  setProvisionUserId(user.id)
                  setChosenName(name)
                  setSearchText(name)
                }}
              >
                <strong>{user.displayName ?? '(no name)'}</strong>
                <span className="sync-muted">{user.userPrincipalName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {provision.suggestions.error !== null && <ErrorNotice error={provision.suggestions.error} />}
      {provision.preview.error !== null && <ErrorNotice title="Could not work out what would happen" error={provision.preview.error} />}
      {provision.apply.error !== null && <ErrorNotice title="Could not apply" error={provision.apply.error} />}
      {result !== null && (
        <div className="provision-result" data-testid="provision-result" data-applied={isApplied}>
          <p>
            <strong>{result.displayName}</strong>{' '}
            <span className="sync-muted">
              · {isApplied ? 'applied' : 'preview'} in {formatDuration(result.durationMs)}
            </span>
          </p>
          <TraceSteps steps={result.steps} />
          {result.operations.length === 0 ? (
            <p className="sync-muted">Nothing to send: the application already matches.</p>
          ) : (
            <ul className="provision-operations plain-list">
              {result.operations.map((operation) => (
                <li key={operation.id} data-testid="provision-operation" data-status={operation.status} className={`is-${operation.status}`}>
                  <ActionBadge action={operation.action} />
                  <span className="provision-operation-reason">{operation.reason.text}</span>
                  <span className="provision-operation-status">{operation.action === 'skip' && operation.status === 'previewed' ? 'Nothing to send' : STATUS_LABELS[operation.status]}</span>
                  {operation.changes.length > 0 && (
                    <span className="provision-operation-changes sync-muted">
                      {operation.changes.map((change) => `${change.path}: ${formatShownValue(change.before)} → ${formatShownValue(change.after)}`).join('; ')}
                    </span>
                  )}
                  {operation.errorMessage !== null && <span className="inline-error">{operation.errorMessage}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Dialog>
  )
}
