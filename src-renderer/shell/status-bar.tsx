/** The band along the bottom: where the console runs, when the cache was filled, how big it is. */
import type { ReactNode } from 'react'
import { formatCountOf } from '../components/format-count'
import { formatRelativeTime } from '../components/format-time'
import { pullFraction } from '../features/connect/pull-figures'
import { useAppStore } from '../stores/app-store-context'
import { selectLastPullAt, selectUserCount } from '../stores/selectors'
import { useNow } from './use-now'

/** `<footer>` landmark with host kind, last pull time and user count (and a running pull). */
export function StatusBar(): ReactNode {
  const hostKind = useAppStore((state) => state.hostKind)
  const lastPullAt = useAppStore(selectLastPullAt)
  const userCount = useAppStore(selectUserCount)
  const pullState = useAppStore((state) => state.pull.state)
  const progress = useAppStore((state) => state.pull.progress)
  const now = useNow(30_000)
  const fraction = progress === null ? null : pullFraction(progress)
  return (
    <footer className="status-bar">
      <span className="status-item" title={hostKind === 'electron' ? undefined : 'Served to this browser on 127.0.0.1 only'}>
        <span className={`status-dot is-${hostKind}`} aria-hidden="true" />
        {hostKind === 'electron' ? 'Desktop app' : 'Browser, local bridge'}
      </span>
      {(pullState === 'running' || pullState === 'starting') && (
        <span className="status-item is-busy">
          Pulling{fraction === null ? '…' : ` ${Math.round(fraction * 100)} %`}
        </span>
      )}
      <span className="status-spacer" />
      <span
        className="status-item"
        title={lastPullAt === null ? undefined : new Date(lastPullAt).toLocaleString()}
      >
        Last pull: {formatRelativeTime(lastPullAt, now)}
      </span>
      <span className="status-item">{userCount === null ? 'No users cached' : formatCountOf(userCount, 'user', 'users')}</span>
    </footer>
  )
}
