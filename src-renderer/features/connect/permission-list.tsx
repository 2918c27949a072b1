/** What Headcount will ask for, and why, shown before the browser opens. */
import type { ReactNode } from 'react'
import { ErrorNotice } from '../../components/error-notice'
import { useAppStore } from '../../stores/app-store-context'

/** One row per permission, those asked for now first; the rest are marked "asked later". */
export function PermissionList(props: { readonly kind: 'delegated' | 'application' }): ReactNode {
  const permissions = useAppStore((state) => state.connection.permissions)
  const loadConnection = useAppStore((state) => state.loadConnection)
  if (permissions.error !== null && permissions.result === null) {
    return (
      <ErrorNotice
        title="Could not list the permissions"
        error={permissions.error}
        actions={
          <button type="button" className="button" onClick={() => void loadConnection()}>
            Try again
          </button>
        }
      />
    )
  }
  if (permissions.result === null) {
    return (
      <div className="permission-list is-loading" aria-busy="true">
        <span className="skeleton is-wide" />
        <span className="skeleton" />
      </div>
    )
  }
  // Main lists both kinds; each way in shows the kind it will actually ask for.
  const relevant = permissions.result.filter((permission) => permission.kind === props.kind)
  const shown = relevant.length > 0 ? relevant : permissions.result
  const ordered = [...shown.filter((item) => item.isRequestedNow), ...shown.filter((item) => !item.isRequestedNow)]
  return (
    <ul className="permission-list" aria-label="Permissions Headcount asks for">
      {ordered.map((permission) => (
        <li key={`${permission.kind}:${permission.name}`} className={permission.isRequestedNow ? 'permission' : 'permission is-later'}>
          <code className="permission-name">{permission.name}</code>
          <span className="permission-reason">{permission.reason}</span>
          {!permission.isRequestedNow && <span className="badge">Asked later, only if needed</span>}
        </li>
      ))}
    </ul>
  )
}
