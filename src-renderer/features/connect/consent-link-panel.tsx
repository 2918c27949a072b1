/**
 * The admin-consent link for someone else: when the person connecting may not consent for the
 * organisation, a Global Administrator opens this link once, and Headcount checks the outcome.
 */
import { useRef, useState, type ReactNode } from 'react'
import type { ConnectionInput, ConsentState } from '../../../src-main/common'
import { copyText } from '../../components/copy-text'
import { ErrorNotice } from '../../components/error-notice'
import { formatRelativeTime } from '../../components/format-time'
import { CheckIcon, CopyIcon, ErrorIcon, InfoIcon } from '../../components/icons'
import { useNow } from '../../shell/use-now'
import { useAppStore } from '../../stores/app-store-context'

const CONSENT_LABELS: Readonly<Record<ConsentState, { text: string; icon: ReactNode }>> = {
  pending: { text: 'Pending', icon: <InfoIcon size={14} /> },
  connected: { text: 'Connected', icon: <CheckIcon size={14} /> },
  failed: { text: 'Failed', icon: <ErrorIcon size={14} /> },
}

/** `input` is the form as it stands, saved before the link is made (the link needs its tenant). */
export function ConsentLinkPanel(props: { readonly input: () => ConnectionInput }): ReactNode {
  const consent = useAppStore((state) => state.connection.consent)
  const getConsentLink = useAppStore((state) => state.getConsentLink)
  const checkConsent = useAppStore((state) => state.checkConsent)
  const [copyOutcome, setCopyOutcome] = useState<'copied' | 'failed' | null>(null)
  const linkRef = useRef<HTMLInputElement>(null)
  const now = useNow(30_000)
  const link = consent.result

  const copy = async (): Promise<void> => {
    if (link === null) return
    const isCopied = await copyText(link.url)
    setCopyOutcome(isCopied ? 'copied' : 'failed')
    // Nothing could reach the clipboard: select the text so Ctrl+C works.
    if (!isCopied) linkRef.current?.select()
  }

  return (
    <section className="card consent-panel" aria-labelledby="consent-heading">
      <h2 id="consent-heading">Consent link for another admin</h2>
      <p className="card-lead">
        Not a Global Administrator? Send this link to one. They open it, sign in and accept once for the whole
        organisation; then choose <strong>Check again</strong> here. The link needs your tenant id or domain, not
        “any work account”.
      </p>
      {link === null ? (
        <div className="form-actions">
          <button type="button" className="button" disabled={consent.isBusy} onClick={() => void getConsentLink(props.input())}>
            {consent.isBusy ? 'Preparing the link…' : 'Get the consent link'}
          </button>
        </div>
      ) : (
        <>
          <div className="consent-link-row">
            <label className="visually-hidden" htmlFor="consent-link">
              Consent link
            </label>
            <input id="consent-link" ref={linkRef} className="text-input is-code" readOnly value={link.url} onFocus={(event) => event.target.select()} />
            <button type="button" className="button" data-testid="consent-link-copy" onClick={() => void copy()}>
              <CopyIcon />
              {copyOutcome === 'copied' ? 'Copied' : 'Copy'}
            </button>
          </div>
          <p className="consent-copy-note" aria-live="polite">
            {copyOutcome === 'copied' && 'The link is on the clipboard.'}
            {copyOutcome === 'failed' && 'Could not reach the clipboard: the link is selected, press Ctrl+C (⌘C on a Mac).'}
          </p>
          <div className="consent-state-row">
            <span className={`consent-state is-${link.state}`} data-testid="consent-state">
              {CONSENT_LABELS[link.state].icon}
              {CONSENT_LABELS[link.state].text}
            </span>
            <span className="consent-checked">
              {link.checkedAt === null ? 'Not checked yet' : `Checked ${formatRelativeTime(link.checkedAt, now)}`}
            </span>
            <button type="button" className="button" disabled={consent.isBusy} onClick={() => void checkConsent()}>
              {consent.isBusy ? 'Checking…' : 'Check again'}
            </button>
          </div>
          {link.detail !== null && <p className="consent-detail">{link.detail}</p>}
        </>
      )}
      {consent.error !== null && <ErrorNotice error={consent.error} />}
    </section>
  )
}
