/**
 * Connect: the ways into a directory. A tenant profile gets its own screen (sign-in, app
 * registration); otherwise this offers the built-in demo organisation and a new tenant profile.
 */
import type { ReactNode } from 'react'
import { formatRelativeTime } from '../../components/format-time'
import { useAppStore } from '../../stores/app-store-context'
import { isPullActive } from '../../stores/pull-slice'
import { selectActiveProfile } from '../../stores/selectors'
import { useNow } from '../../shell/use-now'
import { PullPanel } from './pull-panel'
import { TenantConnectScreen } from './tenant-connect-screen'

/** The Connect screen of the active profile. */
export function ConnectScreen(): ReactNode {
  const isTenant = useAppStore((state) => selectActiveProfile(state)?.kind === 'tenant')
  return isTenant ? <TenantConnectScreen /> : <DemoConnectScreen />
}

/** Connect for the demo profile, or before there is any profile. */
function DemoConnectScreen(): ReactNode {
  const openProfileDialog = useAppStore((state) => state.openProfileDialog)
  const hasTenantProfile = useAppStore((state) => state.profiles.some((item) => item.kind === 'tenant'))
  const pullState = useAppStore((state) => state.pull.state)
  const exploreDemo = useAppStore((state) => state.exploreDemo)
  const profile = useAppStore(selectActiveProfile)
  const now = useNow(30_000)
  const isBusy = isPullActive(pullState)
  const demoPulledAt = profile?.kind === 'demo' ? profile.lastPullAt : null

  return (
    <section className="screen connect-screen" aria-labelledby="connect-heading">
      <header className="screen-header">
        <h1 id="connect-heading" tabIndex={-1}>
          Connect
        </h1>
        <p className="screen-lead">
          Headcount reads your directory from Microsoft Entra ID into a cache on this computer. Every
          screen works from that cache, offline; only pulling from Entra and pushing to your
          application need a network.
        </p>
      </header>

      <div className="connect-options">
        <article className="card connect-option is-featured" aria-labelledby="demo-heading">
          <p className="connect-option-kicker">Try it now</p>
          <h2 id="demo-heading">The demo organisation</h2>
          <p>
            A made-up company with thousands of employees, departments, managers and nested groups,
            served by a Microsoft Graph emulator inside Headcount. Pulling it exercises exactly the
            path a real tenant takes, and nothing leaves this computer.
          </p>
          {demoPulledAt !== null && (
            <p className="connect-option-meta">Last pulled {formatRelativeTime(demoPulledAt, now)}.</p>
          )}
          <div className="connect-option-actions">
            <button
              type="button"
              className="button is-primary is-large"
              data-testid="explore-demo-button"
              disabled={isBusy}
              onClick={() => void exploreDemo()}
            >
              Explore the demo organisation
            </button>
          </div>
        </article>

        <article className="card connect-option" aria-labelledby="tenant-heading">
          <p className="connect-option-kicker">Your organisation</p>
          <h2 id="tenant-heading">Your organisation’s tenant</h2>
          <p>
            Create a profile for your tenant, then sign in with Microsoft in your browser and consent
            once on behalf of your organisation; no app registration by hand. An existing app
            registration (tenant id, client id, and a secret or certificate) also works, for
            unattended nightly runs.
          </p>
          <p className="connect-option-meta">
            {hasTenantProfile
              ? 'Your tenant profiles are in the profile menu at the top.'
              : 'Each company with its own application account gets its own profile.'}
          </p>
          <div className="connect-option-actions">
            <button type="button" className="button is-large" onClick={() => openProfileDialog({ kind: 'create' })}>
              New tenant profile…
            </button>
          </div>
        </article>
      </div>

      <PullPanel />
    </section>
  )
}
