/**
 * The application shell: title bar, navigation, the active area, status bar. Subscribes to main's
 * events for the life of the window and loads the first state.
 */
import { useEffect, useRef, type ReactNode } from 'react'
import { EmptyState } from './components/empty-state'
import { ErrorNotice } from './components/error-notice'
import { ConnectScreen } from './features/connect/connect-screen'
import { DirectoryScreen } from './features/directory/directory-screen'
import { HealthScreen } from './features/health/health-screen'
import { RulesScreen } from './features/rules/rules-screen'
import { SettingsScreen } from './features/settings/settings-screen'
import { RunsScreen } from './features/sync/runs-screen'
import { SyncScreen } from './features/sync/sync-screen'
import { SyncToasts } from './features/sync/sync-toasts'
import { Navigation } from './shell/navigation'
import { ProfileDialogs } from './shell/profile-dialogs'
import { StatusBar } from './shell/status-bar'
import { TitleBar } from './shell/title-bar'
import { useAppStore } from './stores/app-store-context'
import type { Area } from './stores/session-slice'

/** The whole window. */
export function App(): ReactNode {
  const subscribeToMain = useAppStore((state) => state.subscribeToMain)
  const start = useAppStore((state) => state.start)

  useEffect(() => subscribeToMain(), [subscribeToMain])
  useEffect(() => {
    void start()
  }, [start])

  return (
    <div className="app">
      <a className="skip-link" href="#workspace">
        Skip to content
      </a>
      <TitleBar />
      <Navigation />
      <Workspace />
      <StatusBar />
      <ProfileDialogs />
      <SyncToasts />
    </div>
  )
}

/** The `<main>` landmark with the active area, or the startup state before there is one. */
function Workspace(): ReactNode {
  const area = useAppStore((state) => state.area)
  const startup = useAppStore((state) => state.startup)
  const startupError = useAppStore((state) => state.startupError)
  const start = useAppStore((state) => state.start)
  const mainRef = useRef<HTMLElement>(null)
  const hasStarted = useRef(false)

  // When the area changes without the admin choosing it (a pull finished), focus would otherwise
  // be left on a button that no longer exists; give it to the new screen's heading instead. The
  // first screen after loading is left alone: the page has just opened and nothing had focus.
  useEffect(() => {
    if (!hasStarted.current) {
      hasStarted.current = startup === 'ready'
      return
    }
    const focused = document.activeElement
    if (focused === null || focused === document.body || !document.contains(focused)) {
      mainRef.current?.querySelector<HTMLElement>('h1')?.focus()
    }
  }, [area, startup])

  return (
    <main className="workspace" id="workspace" ref={mainRef} tabIndex={-1}>
      {startup === 'loading' ? (
        <div className="workspace-loading" role="status">
          Loading…
        </div>
      ) : startup === 'failed' && startupError !== null ? (
        <EmptyState title="Headcount could not load">
          <ErrorNotice
            error={startupError}
            actions={
              <button type="button" className="button is-primary" onClick={() => void start()}>
                Try again
              </button>
            }
          />
        </EmptyState>
      ) : (
        <AreaScreen area={area} />
      )}
    </main>
  )
}

/** The screen of one area. */
function AreaScreen(props: { area: Area }): ReactNode {
  switch (props.area) {
    case 'connect':
      return <ConnectScreen />
    case 'directory':
      return <DirectoryScreen />
    case 'rules':
      return <RulesScreen />
    case 'sync':
      return <SyncScreen />
    case 'runs':
      return <RunsScreen />
    case 'health':
      return <HealthScreen />
    case 'settings':
      return <SettingsScreen />
  }
}
