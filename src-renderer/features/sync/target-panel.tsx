/**
 * The application's SCIM endpoint: URL, token, pace, dialect and deletion behaviour; Test
 * connection; Read target. Collapsed to one line once configured, so the preview gets the room.
 *
 * Test ids: target-panel, target-url-input, target-save-button, target-test-button,
 * target-test-result, target-read-button, target-read-progress, target-snapshot.
 */
import { useEffect, useId, useState, type ReactNode } from 'react'
import type { TargetStatus } from '../../../src-main/common'
import { ErrorNotice } from '../../components/error-notice'
import { formatCount } from '../../components/format-count'
import { formatRelativeTime } from '../../components/format-time'
import { FormField } from '../../components/form-field'
import { ChevronDownIcon, LockIcon } from '../../components/icons'
import { ProgressBar } from '../../components/progress-bar'
import { useNow } from '../../shell/use-now'
import { useAppStore } from '../../stores/app-store-context'
import { targetFormOf, targetSettingsOf, type TargetFormErrors, type TargetFormValues } from './target-form'
import { TargetTestResultView } from './target-test-result'

/** The collapsible target card at the top of the Sync area. */
export function TargetPanel(): ReactNode {
  const status = useAppStore((state) => state.target.status)
  const profileId = useAppStore((state) => state.target.profileId)
  const isConfigured = status.result?.isConfigured === true
  const [isExpanded, setExpanded] = useState<boolean | null>(null)
  const bodyId = useId()
  // Decided once, when the status first arrives: open when there is nothing configured yet. Saving
  // does not fold it away, because Test connection and Read target come next.
  useEffect(() => {
    if (isExpanded === null && status.result !== null) setExpanded(!status.result.isConfigured)
  }, [isExpanded, status.result])
  const isOpen = isExpanded ?? !isConfigured

  return (
    <section className="card sync-card target-panel" data-testid="target-panel" aria-labelledby="target-heading">
      <div className="sync-card-header card-header">
        <button type="button" className="disclosure-button" aria-expanded={isOpen} aria-controls={bodyId} onClick={() => setExpanded(!isOpen)}>
          <ChevronDownIcon size={16} />
          <h2 id="target-heading">Application (SCIM target)</h2>
        </button>
        <TargetSummary status={status.result} />
      </div>
      {status.error !== null && <ErrorNotice title="Could not read the target settings" error={status.error} />}
      <div id={bodyId} hidden={!isOpen}>
        {status.result !== null || status.error !== null ? <TargetForm key={profileId ?? ''} status={status.result} /> : <p className="sync-muted">Reading…</p>}
      </div>
    </section>
  )
}

/** One line: where the target is and when it was last read. */
function TargetSummary(props: { status: TargetStatus | null }): ReactNode {
  const now = useNow(30_000)
  const { status } = props
  if (status === null) return null
  if (!status.isConfigured) return <span className="sync-muted">Not set up yet</span>
  return (
    <span className="target-summary">
      <code>{status.scimUrl}</code>
      <span className="sync-muted" data-testid="target-snapshot">
        {status.snapshot === null
          ? ' · not read yet'
          : ` · read ${formatRelativeTime(status.snapshot.takenAt, now)}: ${formatCount(status.snapshot.users)} users, ${formatCount(status.snapshot.groups)} groups`}
      </span>
    </span>
  )
}

function TargetForm(props: { status: TargetStatus | null }): ReactNode {
  const save = useAppStore((state) => state.target.save)
  const saveTarget = useAppStore((state) => state.saveTarget)
  const [values, setValues] = useState<TargetFormValues>(() => targetFormOf(props.status))
  const [errors, setErrors] = useState<TargetFormErrors>({})
  const [isSaved, setSaved] = useState(false)
  const hasToken = props.status?.hasToken === true

  const change = (changes: Partial<TargetFormValues>): void => {
    setValues({ ...values, ...changes })
    setSaved(false)
  }

  const submit = async (): Promise<void> => {
    const parsed = targetSettingsOf(values)
    setErrors(parsed.errors ?? {})
    if (parsed.settings === null) return
    if (await saveTarget(parsed.settings)) {
      setValues({ ...values, token: '' })
      setSaved(true)
    }
  }

  return (
    <form
      className="target-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <div className="form-grid">
        <div className="form-row">
          <FormField label="SCIM base URL" help="From the application’s provisioning page, e.g. https://cards.example.com/scim/v2" error={errors.scimUrl}>
            <input className="text-input" type="url" data-testid="target-url-input" autoComplete="off" spellCheck={false} value={values.scimUrl} onChange={(event) => change({ scimUrl: event.target.value })} />
          </FormField>
          <FormField
            label="Secret token"
            help={
              hasToken ? (
                <span className="target-token-stored">
                  <LockIcon size={12} /> Stored — leave empty to keep it.
                </span>
              ) : (
                'The bearer token the application issued for provisioning. Kept in protected storage.'
              )
            }
          >
            <input className="text-input" type="password" data-testid="target-token-input" autoComplete="new-password" placeholder={hasToken ? '••••••••' : ''} value={values.token} onChange={(event) => change({ token: event.target.value })} />
          </FormField>
        </div>
        <FormField label="Requests per second" help="25 is what Entra’s gallery apps must accept." error={errors.ratePerSecond}>
          <input className="text-input" inputMode="numeric" value={values.ratePerSecond} onChange={(event) => change({ ratePerSecond: event.target.value })} />
        </FormField>
        <FormField label="Requests at once" help="How many requests may be in flight together." error={errors.concurrency}>
          <input className="text-input" inputMode="numeric" value={values.concurrency} onChange={(event) => change({ concurrency: event.target.value })} />
        </FormField>
        <FormField label="Hard delete after (days)" help="Delete a disabled user this many days later; 0 = never." error={errors.hardDeleteAfterDays}>
          <input className="text-input" inputMode="numeric" value={values.hardDeleteAfterDays} onChange={(event) => change({ hardDeleteAfterDays: event.target.value })} />
        </FormField>
        <fieldset className="form-row choice-fieldset">
          <legend className="section-legend">SCIM dialect</legend>
          <label className="choice-option">
            <input type="radio" name="compatibility" checked={values.compatibility === 'strict'} onChange={() => change({ compatibility: 'strict' })} />
            <span>
              <strong>Strict RFC 7644</strong>
              <span className="choice-help">Lower-case PATCH operations and real booleans, as the standard says. Choose this unless the application was built for Entra.</span>
            </span>
          </label>
          <label className="choice-option">
            <input type="radio" name="compatibility" checked={values.compatibility === 'entra'} onChange={() => change({ compatibility: 'entra' })} />
            <span>
              <strong>Entra compatibility</strong>
              <span className="choice-help">Capitalised operations (“Replace”) and booleans as strings (“False”), exactly as Entra sends them.</span>
            </span>
          </label>
        </fieldset>
        <div className="form-row">
          <label className="checkbox-row target-soft-delete">
            <input type="checkbox" checked={values.isSoftDeleteSupported} onChange={(event) => change({ isSoftDeleteSupported: event.target.checked })} />
            <span>
              The application keeps disabled users (soft delete)
              <span className="choice-help">Without it, users who leave scope are deleted instead of disabled.</span>
            </span>
          </label>
        </div>
      </div>
      {save.error !== null && <ErrorNotice title="The settings were not saved" error={save.error} />}
      <div className="form-actions">
        <button type="submit" className="button is-primary" data-testid="target-save-button" disabled={save.isBusy}>
          {save.isBusy ? 'Saving…' : 'Save'}
        </button>
        {isSaved && <span className="form-actions-note" role="status">Saved.</span>}
      </div>
      {props.status?.isConfigured === true && <TargetActions />}
    </form>
  )
}

/** Test connection and Read target, with their results. */
function TargetActions(): ReactNode {
  const test = useAppStore((state) => state.target.test)
  const refresh = useAppStore((state) => state.target.refresh)
  const progress = useAppStore((state) => state.target.refreshProgress)
  const lastTest = useAppStore((state) => state.target.status.result?.lastTest ?? null)
  const testTarget = useAppStore((state) => state.testTarget)
  const readTarget = useAppStore((state) => state.readTarget)
  const result = test.result ?? lastTest

  let progressText = 'Starting…'
  if (progress !== null) {
    const what = progress.phase === 'users' ? 'users' : 'groups'
    progressText = progress.total === null ? `${formatCount(progress.read)} ${what} read` : `${formatCount(progress.read)} of ${formatCount(progress.total)} ${what} read`
  }

  return (
    <div className="target-actions">
      <div className="form-actions">
        <button type="button" className="button" data-testid="target-test-button" disabled={test.isBusy} onClick={() => void testTarget()}>
          {test.isBusy ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" className="button" data-testid="target-read-button" disabled={refresh.isBusy} onClick={() => void readTarget()}>
          {refresh.isBusy ? 'Reading…' : 'Read target'}
        </button>
        <span className="form-actions-note">Read target copies the application’s users and groups into the cache, so planning works offline.</span>
      </div>
      {refresh.isBusy && (
        <div className="target-read-progress" data-testid="target-read-progress">
          <ProgressBar
            fraction={progress !== null && progress.total !== null && progress.total > 0 ? Math.min(1, progress.read / progress.total) : null}
            label="Reading the target"
            valueText={progressText}
          />
          <span className="sync-muted" aria-live="polite">
            {progressText}
          </span>
        </div>
      )}
      {refresh.error !== null && <ErrorNotice title="Could not read the target" error={refresh.error} />}
      {test.error !== null && <ErrorNotice title="The test could not run" error={test.error} />}
      {result !== null && <TargetTestResultView result={result} />}
    </div>
  )
}

/** Loads the target and sync settings whenever the active profile changes. */
export function useTargetLoader(): void {
  const profileId = useAppStore((state) => state.activeProfileId)
  const loadTarget = useAppStore((state) => state.loadTarget)
  const loadPushStatus = useAppStore((state) => state.loadPushStatus)
  useEffect(() => {
    if (profileId === null) return
    void loadTarget()
    void loadPushStatus()
  }, [profileId, loadTarget, loadPushStatus])
}
