/**
 * Health: what is about to break the application's sign-in or Headcount's own access — SAML
 * signing certificates and client secrets that expire — and how the enterprise app is assigned.
 * Main reads Graph and judges each level; this screen shows its report.
 */
import { useEffect, type ReactNode } from 'react'
import { EmptyState } from '../../components/empty-state'
import { ErrorNotice } from '../../components/error-notice'
import { formatCount } from '../../components/format-count'
import { formatRelativeTime } from '../../components/format-time'
import { HealthIcon } from '../../components/icons'
import { useNow } from '../../shell/use-now'
import { useAppStore } from '../../stores/app-store-context'
import { selectActiveProfile, selectCanReadTenant } from '../../stores/selectors'
import { CredentialList } from './credential-list'
import { EnterpriseAppChooser } from './enterprise-app-chooser'
import { ExpiryBadge } from './expiry-badge'

/** The Health screen of the active profile. */
export function HealthScreen(): ReactNode {
  const profile = useAppStore(selectActiveProfile)
  const canRead = useAppStore(selectCanReadTenant)
  const report = useAppStore((state) => state.health.report)
  const refreshHealth = useAppStore((state) => state.refreshHealth)
  const navigate = useAppStore((state) => state.navigate)
  const now = useNow(30_000)
  const profileId = profile?.id ?? null

  useEffect(() => {
    if (profileId !== null && canRead) void refreshHealth()
  }, [profileId, canRead, refreshHealth])

  return (
    <section className="screen health-screen" aria-labelledby="health-heading">
      <header className="screen-header is-with-actions">
        <div className="screen-header-text">
          <h1 id="health-heading" tabIndex={-1}>
            Health
          </h1>
          <p className="screen-lead">
            Certificates and secrets expire. Headcount warns you 30, 14 and 7 days ahead, so single sign-on and
            unattended pulls keep working.
          </p>
        </div>
        {canRead && (
          <div className="screen-header-actions">
            {report.result !== null && (
              <span className="screen-header-meta" title={new Date(report.result.checkedAt).toLocaleString()}>
                Checked {formatRelativeTime(report.result.checkedAt, now)}
              </span>
            )}
            <button type="button" className="button" data-testid="health-refresh-button" disabled={report.isBusy} onClick={() => void refreshHealth()}>
              {report.isBusy ? 'Checking…' : 'Refresh'}
            </button>
          </div>
        )}
      </header>

      {profile === null ? (
        <EmptyState icon={<HealthIcon size={40} />} title="No profile yet">
          <p>Explore the demo organisation or create a profile for your tenant first.</p>
        </EmptyState>
      ) : !canRead ? (
        <EmptyState
          icon={<HealthIcon size={40} />}
          title="Connect first"
          action={
            <button type="button" className="button is-primary" onClick={() => navigate('connect')}>
              Go to Connect
            </button>
          }
        >
          <p>Health reads your enterprise app and app registration from Entra, so “{profile.name}” needs a connection.</p>
        </EmptyState>
      ) : (
        <HealthReportView />
      )}
    </section>
  )
}

function HealthReportView(): ReactNode {
  const report = useAppStore((state) => state.health.report)
  const refreshHealth = useAppStore((state) => state.refreshHealth)
  const result = report.result

  if (result === null && report.error === null) {
    return (
      <div className="card health-loading" aria-busy="true" role="status">
        <span className="visually-hidden">Reading the health report…</span>
        <span className="skeleton is-wide" />
        <span className="skeleton" />
        <span className="skeleton" />
      </div>
    )
  }

  return (
    <div className="health-report" data-testid="health-report" aria-busy={report.isBusy}>
      <EnterpriseAppChooser currentAppId={result?.enterpriseApp?.appId ?? null} currentName={result?.enterpriseApp?.displayName ?? null} />
      {report.error !== null && (
        <ErrorNotice
          title={result === null ? 'Could not read the health report' : 'Could not refresh the health report'}
          error={report.error}
          actions={
            <button type="button" className="button" onClick={() => void refreshHealth()}>
              Try again
            </button>
          }
        />
      )}
      {result !== null && (
        <>
          {result.enterpriseApp !== null && (
            <section className="card health-app" aria-labelledby="health-app-heading">
              <div className="health-app-title">
                <h2 id="health-app-heading">{result.enterpriseApp.displayName}</h2>
                <ExpiryBadge level={result.worstLevel} prefix="Overall: " />
              </div>
              <dl className="health-app-facts">
                <div>
                  <dt>Assignment required</dt>
                  <dd>{result.enterpriseApp.isAssignmentRequired ? 'Yes' : 'No'}</dd>
                </div>
                <div>
                  <dt>Assigned users</dt>
                  <dd>{formatCount(result.enterpriseApp.assignedUsers)}</dd>
                </div>
                <div>
                  <dt>Assigned groups</dt>
                  <dd>{formatCount(result.enterpriseApp.assignedGroups)}</dd>
                </div>
                <div>
                  <dt>Single sign-on</dt>
                  <dd>{ssoModeLabel(result.enterpriseApp.preferredSingleSignOnMode)}</dd>
                </div>
              </dl>
              {!result.enterpriseApp.isAssignmentRequired && (
                <p className="health-app-note">
                  Anyone in the tenant can sign in to this app. Turn on “Assignment required” in Entra to limit it to the
                  users and groups you assign.
                </p>
              )}
            </section>
          )}
          <CredentialList credentials={result.credentials} />
        </>
      )}
    </div>
  )
}

function ssoModeLabel(mode: string | null): string {
  if (mode === null || mode === '') return 'Not set'
  if (mode.toLowerCase() === 'saml') return 'SAML'
  if (mode.toLowerCase() === 'oidc') return 'OpenID Connect'
  return mode.charAt(0).toUpperCase() + mode.slice(1)
}
