/** Where the tenant profile's connection stands, who is signed in, and what can be done now. */
import type { ReactNode } from 'react'
import type { ConnectionState, ConnectionStatus } from '../../../src-main/common'
import { ErrorNotice } from '../../components/error-notice'
import { useAppStore } from '../../stores/app-store-context'
import { isPullActive } from '../../stores/pull-slice'
import { selectCanReadTenant, selectConnectionStatus } from '../../stores/selectors'
import { labelOfCloud } from './connection-form'

const STATE_LABELS: Readonly<Record<ConnectionState, string>> = {
  notConfigured: 'Not set up',
  notConnected: 'Not connected',
  signingIn: 'Signing in…',
  connected: 'Connected',
  failed: 'Connection failed',
}

/** What the pill says: stored unattended credentials count as ready, though nobody signs in. */
function stateLabelOf(status: ConnectionStatus, canRead: boolean): string {
  if (status.state !== 'connected' && canRead) return 'Ready (app registration)'
  return STATE_LABELS[status.state]
}

/** `data-testid="connection-status"`, with `data-state` for tests. */
export function ConnectionStatusCard(): ReactNode {
  const status = useAppStore(selectConnectionStatus)
  const statusOperation = useAppStore((state) => state.connection.status)
  const signOutOperation = useAppStore((state) => state.connection.signOut)
  const canRead = useAppStore(selectCanReadTenant)
  const pullState = useAppStore((state) => state.pull.state)
  const startPull = useAppStore((state) => state.startPull)
  const signOut = useAppStore((state) => state.signOut)
  const refresh = useAppStore((state) => state.refreshConnectionStatus)

  if (status === null) {
    return (
      <section className="card connection-status" data-testid="connection-status" aria-label="Connection" aria-busy={statusOperation.isBusy}>
        {statusOperation.error !== null ? (
          <ErrorNotice
            title="Could not read the connection"
            error={statusOperation.error}
            actions={
              <button type="button" className="button" onClick={() => void refresh()}>
                Try again
              </button>
            }
          />
        ) : (
          <>
            <span className="skeleton is-wide" />
            <span className="skeleton" />
          </>
        )}
      </section>
    )
  }

  const { settings, account } = status
  const tone = status.state === 'failed' ? 'is-failed' : status.state === 'connected' || canRead ? 'is-connected' : 'is-idle'
  return (
    <section className="card connection-status" data-testid="connection-status" data-state={status.state} aria-labelledby="connection-status-heading">
      <div className="connection-status-row">
        <div className="connection-status-text">
          <div className="connection-status-title">
            <h2 id="connection-status-heading">Connection</h2>
            <span className={`status-pill ${tone}`}>
              <span className="status-pill-dot" aria-hidden="true" />
              {stateLabelOf(status, canRead)}
            </span>
          </div>
          {settings === null ? (
            <p className="card-lead">Choose a way in below. Nothing is read from your tenant until you pull.</p>
          ) : (
            <dl className="connection-facts">
              {account !== null && (
                <div>
                  <dt>Signed in as</dt>
                  <dd>{account.username}</dd>
                </div>
              )}
              <div>
                <dt>Tenant</dt>
                <dd>{status.tenantName ?? settings.tenant}</dd>
              </div>
              <div>
                <dt>Way in</dt>
                <dd>
                  {settings.mode === 'interactive'
                    ? 'Admin account'
                    : settings.mode === 'certificate'
                      ? 'App registration, certificate'
                      : 'App registration, client secret'}
                </dd>
              </div>
              <div>
                <dt>Cloud</dt>
                <dd>{labelOfCloud(settings.cloud)}</dd>
              </div>
            </dl>
          )}
        </div>
        <div className="connection-status-actions">
          {canRead && (
            <button
              type="button"
              className="button is-primary"
              data-testid="pull-now-button"
              disabled={isPullActive(pullState)}
              onClick={() => void startPull()}
            >
              Pull now
            </button>
          )}
          {status.state === 'connected' && account !== null && (
            <button type="button" className="button" disabled={signOutOperation.isBusy} onClick={() => void signOut()}>
              {signOutOperation.isBusy ? 'Signing out…' : 'Sign out'}
            </button>
          )}
        </div>
      </div>
      {status.state === 'failed' && status.lastError !== null && <ErrorNotice error={status.lastError} />}
      {signOutOperation.error !== null && <ErrorNotice title="Could not sign out" error={signOutOperation.error} />}
    </section>
  )
}
