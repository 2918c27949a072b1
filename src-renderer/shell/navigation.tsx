/** The left navigation: one entry per area that exists. Areas not built yet are absent. */
import type { ReactNode } from 'react'
import { ConnectIcon, DirectoryIcon } from '../components/icons'
import { useAppStore } from '../stores/app-store-context'
import type { Area } from '../stores/session-slice'

const AREAS: readonly { area: Area; label: string; icon: ReactNode }[] = [
  { area: 'connect', label: 'Connect', icon: <ConnectIcon size={18} /> },
  { area: 'directory', label: 'Directory', icon: <DirectoryIcon size={18} /> },
]

/** `<nav>` landmark; the current area is marked with `aria-current="page"`. */
export function Navigation(): ReactNode {
  const current = useAppStore((state) => state.area)
  const navigate = useAppStore((state) => state.navigate)
  return (
    <nav className="navigation" aria-label="Areas">
      <ul className="navigation-list">
        {AREAS.map((item) => (
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
    </nav>
  )
}
