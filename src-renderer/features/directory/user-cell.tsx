/** What one cell of the users table shows for a column. */
import type { ReactNode } from 'react'
import type { UserColumn, UserRow } from '../../../src-main/common'
import { UserAvatar } from '../../components/user-avatar'

/** A cell's content: avatar and badges for the name, a status badge for the account, text otherwise. */
export function UserCell(props: { row: UserRow; column: UserColumn }): ReactNode {
  const { row, column } = props
  switch (column) {
    case 'displayName':
      return (
        <span className="cell-name">
          <UserAvatar id={row.id} name={row.displayName ?? row.userPrincipalName} />
          <span className="cell-text" title={row.displayName ?? undefined}>
            {row.displayName ?? <span className="is-missing">(no display name)</span>}
          </span>
          {row.userType === 'Guest' && <span className="badge is-guest">Guest</span>}
          {row.isSoftDeleted && <span className="badge is-danger">Deleted</span>}
        </span>
      )
    case 'accountEnabled':
      return <AccountStatus enabled={row.accountEnabled} />
    default: {
      const value = row[column]
      if (value === null || value === '') return <span className="is-missing" aria-label="empty">—</span>
      const text = String(value)
      return (
        <span className="cell-text" title={text}>
          {text}
        </span>
      )
    }
  }
}

/** "Enabled" with a green dot, "Disabled" with a grey one; unknown when Graph did not say. */
export function AccountStatus(props: { enabled: boolean | null }): ReactNode {
  if (props.enabled === null) return <span className="is-missing">Unknown</span>
  return (
    <span className={props.enabled ? 'status-pill is-enabled' : 'status-pill is-disabled'}>
      <span className="status-pill-dot" aria-hidden="true" />
      {props.enabled ? 'Enabled' : 'Disabled'}
    </span>
  )
}
