/**
 * The detail panel beside the users table: who the user is, every attribute Graph returned, where
 * they sit in the management chain, and which groups they are in (directly or through nesting).
 */
import type { ReactNode } from 'react'
import type { ManagerLink, UserDetail, UserGroupMembership } from '../../../src-main/common'
import { ErrorNotice } from '../../components/error-notice'
import { formatCount } from '../../components/format-count'
import { CloseIcon } from '../../components/icons'
import { UserAvatar } from '../../components/user-avatar'
import { useAppStore } from '../../stores/app-store-context'
import { describeAttributeValue } from './attribute-value'
import { AccountStatus } from './user-cell'

/** `<aside>` with the selected user's details; Escape (handled by the screen) closes it. */
export function UserDetailPanel(): ReactNode {
  const detail = useAppStore((state) => state.detail)
  const closeDetail = useAppStore((state) => state.closeDetail)
  const user = detail.user
  // While the next user loads, the previous one stays, dimmed, so the panel does not flash.
  const isStale = detail.isLoading && user !== null && user.row.id !== detail.userId

  return (
    <aside
      className="detail-panel"
      data-testid="user-detail"
      aria-labelledby="detail-heading"
      aria-busy={detail.isLoading}
    >
      <button
        type="button"
        className="icon-button detail-close"
        aria-label="Close details"
        title="Close (Esc)"
        onClick={closeDetail}
      >
        <CloseIcon />
      </button>
      {detail.error !== null ? (
        <div className="detail-body">
          <h2 id="detail-heading" className="visually-hidden">
            User details
          </h2>
          <ErrorNotice title="These details could not be loaded" error={detail.error} />
        </div>
      ) : user === null ? (
        <div className="detail-body">
          <h2 id="detail-heading" className="visually-hidden">
            Loading user details
          </h2>
          <div className="detail-skeleton" aria-hidden="true">
            <span className="skeleton is-circle" />
            <span className="skeleton is-wide" />
            <span className="skeleton" />
          </div>
        </div>
      ) : (
        <div className={isStale ? 'detail-body is-stale' : 'detail-body'}>
          <UserDetailContent user={user} />
        </div>
      )}
    </aside>
  )
}

function UserDetailContent(props: { user: UserDetail }): ReactNode {
  const { row, managerChain, directReports, groups, attributes } = props.user
  const subtitle = [row.jobTitle, row.department].filter((part) => part !== null && part !== '').join(' · ')
  return (
    <>
      <header className="detail-header">
        <UserAvatar id={row.id} name={row.displayName ?? row.userPrincipalName} size="large" />
        <div className="detail-identity">
          <h2 id="detail-heading" tabIndex={-1}>
            {row.displayName ?? row.userPrincipalName}
          </h2>
          {subtitle !== '' && <p className="detail-subtitle">{subtitle}</p>}
          <p className="detail-upn">{row.userPrincipalName}</p>
          <div className="detail-badges">
            <AccountStatus enabled={row.accountEnabled} />
            {row.userType === 'Guest' && <span className="badge is-guest">Guest</span>}
            {row.isSoftDeleted && <span className="badge is-danger">Deleted in Entra</span>}
          </div>
        </div>
      </header>

      <section className="detail-section" aria-labelledby="detail-managers">
        <h3 id="detail-managers">Manager chain</h3>
        {managerChain.length === 0 ? (
          <p className="detail-empty">No manager in Entra ID.</p>
        ) : (
          <ol className="manager-chain" data-testid="detail-manager-chain">
            {managerChain.map((manager) => (
              <li key={manager.id}>
                <PersonLink person={manager} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="detail-section" aria-labelledby="detail-reports">
        <h3 id="detail-reports">
          Direct reports <span className="count">{formatCount(directReports.length)}</span>
        </h3>
        {directReports.length === 0 ? (
          <p className="detail-empty">Nobody reports to {row.givenName ?? 'this user'}.</p>
        ) : (
          <ul className="person-list plain-list">
            {directReports.map((report) => (
              <li key={report.id}>
                <PersonLink person={report} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="detail-section" aria-labelledby="detail-groups-heading">
        <h3 id="detail-groups-heading">
          Groups <span className="count">{formatCount(groups.length)}</span>
        </h3>
        {groups.length === 0 ? (
          <p className="detail-empty">Not a member of any group.</p>
        ) : (
          <ul className="group-list plain-list" data-testid="detail-groups">
            {sortMemberships(groups).map((membership) => (
              <GroupMembershipItem key={membership.groupId} membership={membership} />
            ))}
          </ul>
        )}
      </section>

      <section className="detail-section" aria-labelledby="detail-attributes">
        <h3 id="detail-attributes">
          Attributes <span className="count">{formatCount(attributes.length)}</span>
        </h3>
        <dl className="attribute-list">
          {attributes.map((attribute) => (
            <div key={attribute.name} className="attribute-row">
              <dt>{attribute.name}</dt>
              <dd>
                <AttributeValue value={attribute.value} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  )
}

/**
 * A person in the chain or the reports; choosing them shows their details. The job title is drawn
 * by CSS from `data-job-title`, so the item's text stays exactly the person's name.
 */
function PersonLink(props: { person: ManagerLink }): ReactNode {
  const jumpToUser = useAppStore((state) => state.jumpToUser)
  return (
    <button
      type="button"
      className="link-button"
      data-job-title={props.person.jobTitle ?? undefined}
      onClick={() => {
        jumpToUser(props.person.id)
        // This button is about to be replaced by the next user's lists; keep focus in the panel.
        document.getElementById('detail-heading')?.focus()
      }}
    >
      {props.person.displayName ?? '(no display name)'}
    </button>
  )
}

/** Direct memberships first, then by name, so "why am I in this group" reads top-down. */
function sortMemberships(groups: readonly UserGroupMembership[]): readonly UserGroupMembership[] {
  return [...groups].sort(
    (left, right) =>
      (left.kind === 'direct' ? 0 : 1) - (right.kind === 'direct' ? 0 : 1) ||
      left.displayName.localeCompare(right.displayName),
  )
}

function GroupMembershipItem(props: { membership: UserGroupMembership }): ReactNode {
  const { membership } = props
  // The path runs from the user's direct group up to this one; read top-down it says "All Staff
  // contains Nordlys A/S, which contains the group the user is in".
  const chain = [...membership.path].reverse()
  return (
    <li className="group-item">
      <span className="group-name">{membership.displayName}</span>
      {membership.kind === 'direct' ? (
        <span className="badge is-direct">Direct</span>
      ) : (
        <span className="badge">Via nested group</span>
      )}
      {membership.kind === 'transitive' && chain.length > 1 && (
        <span className="group-path" aria-label={`Member through ${chain.join(', then ')}`}>
          {chain.join(' › ')}
        </span>
      )}
    </li>
  )
}

function AttributeValue(props: { value: unknown }): ReactNode {
  const display = describeAttributeValue(props.value)
  switch (display.kind) {
    case 'empty':
      return <span className="is-missing">—</span>
    case 'text':
      return <span className="attribute-text">{display.text}</span>
    case 'list':
      return (
        <ul className="attribute-values plain-list">
          {display.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      )
    case 'record':
      return (
        <dl className="attribute-record">
          {display.entries.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )
  }
}
