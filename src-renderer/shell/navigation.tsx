/** The left navigation: one entry per area that exists. Areas not built yet are absent. */
import type { ReactNode } from 'react'
import { ConnectIcon, DirectoryIcon, HealthIcon, RulesIcon, RunsIcon, SettingsIcon, SyncIcon } from '../components/icons'
import { useAppStore } from '../stores/app-store-context'
import type { Area } from '../stores/session-slice'

interface NavigationEntry {
  readonly area: Area
  readonly label: string
  readonly icon: ReactNode
}

/** Areas of the active profile. */
const PROFILE_AREAS: readonly NavigationEntry[] = [
  { area: 'connect', label: 'Connect', icon: <ConnectIcon size={18} /> },
  { area: 'directory', label: 'Directory', icon: <DirectoryIcon size={18} /> },
  { area: 'rules', label: 'Rules', icon: <RulesIcon size={18} /> },
  { area: 'sync', label: 'Sync', icon: <SyncIcon size={18} /> },
  { area: 'runs', label: 'Runs', icon: <RunsIcon size={18} /> },
  { area: 'health', label: 'Health', icon: <HealthIcon size={18} /> },
]

/** Areas of the application as a whole, kept apart at the bottom as admin centres do. */
const APP_AREAS: readonly NavigationEntry[] = [{ area: 'settings', label: 'Settings', icon: <SettingsIcon size={18} /> }]

/** `<nav>` landmark; the current area is marked with `aria-current="page"`. */
export function Navigation(): ReactNode {
  return (
    <nav className="navigation" aria-label="Areas">
      <NavigationList entries={PROFILE_AREAS} />
      <NavigationList entries={APP_AREAS} />
    </nav>
  )
}

function NavigationList(props: { entries: readonly NavigationEntry[] }): ReactNode {
  const current = useAppStore((state) => state.area)
  const navigate = useAppStore((state) => state.navigate)
  return (
    <ul className="navigation-list">
      {props.entries.map((item) => (
        <li key={item.area}>
          <button
            type="button"
            className="navigation-item"
            data-testid={`nav-${item.area}`}
            aria-current={item.area === current ? 'page' : undefined}
            onClick={() => navigate(item.area)}
          >
            {item.icon}
            <span>{item.label}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}
