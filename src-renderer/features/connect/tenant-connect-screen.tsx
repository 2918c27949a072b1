/**
 * Connect for a tenant profile: the connection's status, then the two ways in — an admin in the
 * browser, or an app registration for unattended runs — and the pull once connected.
 */
import { useEffect, useState, type ReactNode } from 'react'
import type { ConnectionSettings } from '../../../src-main/common'
import { useAppStore } from '../../stores/app-store-context'
import { selectActiveProfile, selectCanReadTenant, selectConnectionStatus } from '../../stores/selectors'
import type { ConnectWay } from './connection-form'
import { ConnectionStatusCard } from './connection-status-card'
import { InteractiveConnectForm } from './interactive-connect-form'
import { PullPanel } from './pull-panel'
import { UnattendedConnectForm } from './unattended-connect-form'

/** The Connect screen of a tenant profile. */
export function TenantConnectScreen(): ReactNode {
  const profile = useAppStore(selectActiveProfile)
  const status = useAppStore(selectConnectionStatus)
  const canRead = useAppStore(selectCanReadTenant)
  const refreshConnectionStatus = useAppStore((state) => state.refreshConnectionStatus)

  // Main may have changed the connection while another screen was showing (a token expired).
  useEffect(() => {
    void refreshConnectionStatus()
  }, [refreshConnectionStatus, profile?.id])

  return (
    <section className="screen connect-screen" aria-labelledby="connect-heading">
      <header className="screen-header">
        <h1 id="connect-heading" tabIndex={-1}>
          Connect
        </h1>
        <p className="screen-lead">
          Connect “{profile?.name}” to its Microsoft Entra tenant. Headcount reads users and groups into a cache on this
          computer; every screen works from that cache, and only pulling needs the network.
        </p>
      </header>
      <ConnectionStatusCard />
      {canRead && <PullPanel />}
      {status !== null && (
        // Keyed by profile: a new profile's forms start from its own settings, not the previous one's.
        // Folded only once an admin is signed in; stored unattended credentials keep their (short)
        // form open, since "Test connection" and "Replace" live there.
        <WaysIn key={status.profileId} settings={status.settings} isConnected={status.state === 'connected'} />
      )}
    </section>
  )
}

/** The choice between the two ways in, and the chosen form; folded away once connected. */
function WaysIn(props: { readonly settings: ConnectionSettings | null; readonly isConnected: boolean }): ReactNode {
  const signInPhase = useAppStore((state) => state.connection.signIn.phase)
  const [way, setWay] = useState<ConnectWay>(
    props.settings === null || props.settings.mode === 'interactive' ? 'interactive' : 'unattended',
  )
  const [isOpen, setIsOpen] = useState(!props.isConnected)
  // Stays open while a sign-in started here is running, even as the status turns "connected".
  const isShown = isOpen || signInPhase !== 'idle'

  if (!isShown) {
    return (
      <div className="ways-in-folded">
        <button type="button" className="button is-subtle" aria-expanded={false} onClick={() => setIsOpen(true)}>
          Change the connection…
        </button>
      </div>
    )
  }

  return (
    <>
      <fieldset className="ways-in" disabled={signInPhase !== 'idle'}>
        <legend className="section-heading">How should Headcount sign in?</legend>
        <div className="way-options">
          <label className="way-option" data-testid="connect-mode-interactive">
            <input type="radio" name="connect-way" checked={way === 'interactive'} onChange={() => setWay('interactive')} />
            <span className="way-option-text">
              <span className="way-option-title">Connect with your admin account</span>
              <span className="way-option-detail">
                Recommended. Sign in once in your browser and consent for the organisation. Headcount keeps the sign-in
                and refreshes it silently.
              </span>
            </span>
          </label>
          <label className="way-option" data-testid="connect-mode-unattended">
            <input type="radio" name="connect-way" checked={way === 'unattended'} onChange={() => setWay('unattended')} />
            <span className="way-option-text">
              <span className="way-option-title">Unattended (app registration)</span>
              <span className="way-option-detail">
                For scheduled runs with nobody signed in. You create an app registration in Entra and give Headcount its
                client secret or certificate.
              </span>
            </span>
          </label>
        </div>
      </fieldset>
      {way === 'interactive' ? <InteractiveConnectForm settings={props.settings} /> : <UnattendedConnectForm settings={props.settings} />}
    </>
  )
}
