/**
 * Which enterprise app is the application's: the tenant's apps are read when the admin asks for
 * them, and the choice is remembered by main for the profile.
 */
import { useEffect, useId, useState, type ReactNode } from 'react'
import { ErrorNotice } from '../../components/error-notice'
import { useAppStore } from '../../stores/app-store-context'

/** A select and "Use this app"; a select that acted on every arrow key would call Graph each time. */
export function EnterpriseAppChooser(props: { readonly currentAppId: string | null; readonly currentName: string | null }): ReactNode {
  const apps = useAppStore((state) => state.health.apps)
  const choice = useAppStore((state) => state.health.choice)
  const loadEnterpriseApps = useAppStore((state) => state.loadEnterpriseApps)
  const chooseEnterpriseApp = useAppStore((state) => state.chooseEnterpriseApp)
  const [selected, setSelected] = useState(props.currentAppId ?? '')
  const selectId = useId()

  useEffect(() => {
    if (apps.result === null && !apps.isBusy && apps.error === null) void loadEnterpriseApps()
  }, [apps.result, apps.isBusy, apps.error, loadEnterpriseApps])
  useEffect(() => setSelected(props.currentAppId ?? ''), [props.currentAppId])

  const options = apps.result ?? []
  return (
    <section className="card app-chooser" aria-label="Enterprise app">
      <div className="app-chooser-row">
        <label className="form-label" htmlFor={selectId}>
          The application’s enterprise app
        </label>
        <select
          id={selectId}
          className="select-input"
          data-testid="enterprise-app-select"
          value={selected}
          disabled={apps.isBusy || choice.isBusy}
          onChange={(event) => setSelected(event.target.value)}
        >
          {props.currentAppId === null && <option value="">{apps.isBusy ? 'Reading the apps…' : 'Choose an app…'}</option>}
          {props.currentAppId !== null && !options.some((app) => app.appId === props.currentAppId) && (
            <option value={props.currentAppId}>{props.currentName ?? props.currentAppId}</option>
          )}
          {options.map((app) => (
            <option key={app.appId} value={app.appId}>
              {app.displayName}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          data-testid="enterprise-app-choose-button"
          disabled={selected === '' || selected === props.currentAppId || choice.isBusy}
          onClick={() => void chooseEnterpriseApp(selected)}
        >
          {choice.isBusy ? 'Checking…' : 'Use this app'}
        </button>
      </div>
      <p className="form-help">The enterprise app your users sign in to the application with (Entra › Enterprise applications).</p>
      {apps.error !== null && (
        <ErrorNotice
          title="Could not list the enterprise apps"
          error={apps.error}
          actions={
            <button type="button" className="button" onClick={() => void loadEnterpriseApps()}>
              Try again
            </button>
          }
        />
      )}
      {choice.error !== null && <ErrorNotice title="That app could not be checked" error={choice.error} />}
    </section>
  )
}
