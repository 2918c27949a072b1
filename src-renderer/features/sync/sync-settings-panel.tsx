/**
 * Sync settings: mode (Paused / Full / New users only), the deletion threshold, and the "Allow
 * pushing" switch, OFF on a new profile so that nothing reaches the application by accident.
 *
 * Test ids: sync-settings, sync-mode-<mode>, threshold-count-input, threshold-percent-input,
 * allow-push-switch, sync-settings-save-button, preview-only-banner.
 */
import { useState, type ReactNode } from 'react'
import type { SyncMode, SyncSettings } from '../../../src-main/common'
import { ErrorNotice } from '../../components/error-notice'
import { FormField } from '../../components/form-field'
import { InfoIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'

const MODES: readonly { readonly mode: SyncMode; readonly label: string; readonly help: string }[] = [
  { mode: 'paused', label: 'Paused', help: 'Nothing changes in the application.' },
  { mode: 'full', label: 'Full', help: 'Creates, updates, disables and deletes keep every user in step.' },
  { mode: 'newUsersOnly', label: 'New users only', help: 'Creates new users; users already synced are left alone.' },
]

/** The sync settings card, under the target panel. */
export function SyncSettingsPanel(): ReactNode {
  const settings = useAppStore((state) => state.target.syncSettings)
  const profileId = useAppStore((state) => state.target.profileId)
  if (settings.result === null) {
    return settings.error === null ? null : <ErrorNotice title="Could not read the sync settings" error={settings.error} />
  }
  return <SyncSettingsForm key={profileId ?? ''} saved={settings.result} />
}

function SyncSettingsForm(props: { saved: SyncSettings }): ReactNode {
  const save = useAppStore((state) => state.target.syncSettingsSave)
  const saveSyncSettings = useAppStore((state) => state.saveSyncSettings)
  const [mode, setMode] = useState<SyncMode>(props.saved.mode)
  const [count, setCount] = useState(String(props.saved.deletionThreshold.count))
  const [percent, setPercent] = useState(String(props.saved.deletionThreshold.percent))
  const [errors, setErrors] = useState<{ count?: string; percent?: string }>({})

  const submit = async (changes: Partial<SyncSettings> = {}): Promise<void> => {
    const countValue = /^\d+$/.test(count.trim()) ? Number(count.trim()) : null
    const percentValue = /^\d+(\.\d+)?$/.test(percent.trim()) ? Number(percent.trim()) : null
    const nextErrors = {
      ...(countValue === null ? { count: 'Enter a whole number of users.' } : {}),
      ...(percentValue === null || percentValue > 100 ? { percent: 'Enter a percentage from 0 to 100.' } : {}),
    }
    setErrors(nextErrors)
    if (countValue === null || percentValue === null || percentValue > 100) return
    await saveSyncSettings({
      mode,
      isPushEnabled: props.saved.isPushEnabled,
      deletionThreshold: { count: countValue, percent: percentValue },
      ...changes,
    })
  }

  return (
    <section className="card sync-card" data-testid="sync-settings" aria-labelledby="sync-settings-heading">
      <div className="sync-card-header card-header">
        <h2 id="sync-settings-heading">Sync settings</h2>
        <label className="switch" title="Allow Headcount to send the previewed plan to the application">
          <input
            type="checkbox"
            role="switch"
            data-testid="allow-push-switch"
            checked={props.saved.isPushEnabled}
            disabled={save.isBusy}
            onChange={(event) => void submit({ isPushEnabled: event.target.checked })}
          />
          <span className="switch-track" aria-hidden="true" />
          <span>Allow pushing</span>
        </label>
      </div>
      {!props.saved.isPushEnabled && (
        <div className="notice is-info" data-testid="preview-only-banner" role="note">
          <InfoIcon size={20} />
          <div className="notice-body">
            <p className="notice-title">Preview only: nothing is sent to the application until you allow pushing.</p>
            <p className="notice-hint">Review a plan first; turn on “Allow pushing” when it shows what you expect.</p>
          </div>
        </div>
      )}
      <form
        className="sync-settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <fieldset className="choice-fieldset">
          <legend className="section-legend">Mode</legend>
          <div className="choice-row">
            {MODES.map((item) => (
              <label key={item.mode} className="choice-option">
                <input type="radio" name="sync-mode" data-testid={`sync-mode-${item.mode}`} checked={mode === item.mode} onChange={() => setMode(item.mode)} />
                <span>
                  <strong>{item.label}</strong>
                  <span className="choice-help">{item.help}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <FormField label="Deletion threshold (users)" help="A plan that disables and deletes more users than this waits for you to confirm." error={errors.count}>
            <input className="text-input" inputMode="numeric" data-testid="threshold-count-input" value={count} onChange={(event) => setCount(event.target.value)} />
          </FormField>
          <FormField label="Deletion threshold (%)" help="…or more than this share of the application’s users." error={errors.percent}>
            <input className="text-input" inputMode="decimal" data-testid="threshold-percent-input" value={percent} onChange={(event) => setPercent(event.target.value)} />
          </FormField>
        </div>
        {save.error !== null && <ErrorNotice title="The sync settings were not saved" error={save.error} />}
        <div className="form-actions">
          <button type="submit" className="button" data-testid="sync-settings-save-button" disabled={save.isBusy}>
            {save.isBusy ? 'Saving…' : 'Save sync settings'}
          </button>
        </div>
      </form>
    </section>
  )
}
