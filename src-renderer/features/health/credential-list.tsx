/** The credentials that expire, most urgent first, each with what to do about it. */
import type { ReactNode } from 'react'
import type { CredentialHealth } from '../../../src-main/common'
import { ExpiryBadge } from './expiry-badge'
import { byUrgency, CREDENTIAL_KIND_LABELS, CREDENTIAL_OWNER_LABELS, formatDaysLeft } from './expiry-wording'

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** A list (not a table): each entry carries a paragraph of advice that would not fit a cell. */
export function CredentialList(props: { readonly credentials: readonly CredentialHealth[] }): ReactNode {
  if (props.credentials.length === 0) {
    return (
      <section className="card credential-empty" aria-labelledby="credentials-heading">
        <h2 id="credentials-heading">Certificates and secrets</h2>
        <p className="card-lead">Nothing that expires was found on this enterprise app or Headcount’s app registration.</p>
      </section>
    )
  }
  return (
    <section className="card credential-card" aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">Certificates and secrets</h2>
      <ul className="credential-list">
        {byUrgency(props.credentials).map((credential) => (
          <li key={`${credential.owner}:${credential.keyId}`} className={`credential is-${credential.level}`} data-testid="credential">
            <div className="credential-level">
              <ExpiryBadge level={credential.level} />
            </div>
            <div className="credential-main">
              <p className="credential-title">
                <span className="credential-kind">{CREDENTIAL_KIND_LABELS[credential.kind]}</span>
                {credential.displayName !== null && <span className="credential-name">{credential.displayName}</span>}
                {credential.isActive && <span className="badge is-direct">Signs today</span>}
              </p>
              <p className="credential-owner">{CREDENTIAL_OWNER_LABELS[credential.owner]}</p>
              <p className="credential-advice">{credential.advice}</p>
            </div>
            <div className="credential-expiry">
              <span className="credential-date">
                {credential.level === 'expired' ? 'Expired ' : 'Expires '}
                <time dateTime={credential.endDateTime}>{DATE_FORMAT.format(new Date(credential.endDateTime))}</time>
              </span>
              <span className="credential-days">{formatDaysLeft(credential.daysLeft)}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
