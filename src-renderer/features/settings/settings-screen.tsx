/**
 * Settings: where Headcount keeps its data on this computer, and how well its secrets are
 * protected there. The warning is the first thing on the screen when they are not.
 */
import { useEffect, useState, type ReactNode } from 'react'
import type { SecretBackend } from '../../../src-main/common'
import { copyText } from '../../components/copy-text'
import { ErrorNotice } from '../../components/error-notice'
import { CopyIcon, LockIcon, WarningIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'

const BACKEND_TEXT: Readonly<Record<SecretBackend, { title: string; detail: string }>> = {
  safeStorage: {
    title: 'Protected by the operating system',
    detail:
      'Secrets are encrypted with a key your operating system keeps for your account (Windows DPAPI, the macOS Keychain, or the Linux secret service).',
  },
  plaintextFallback: {
    title: 'Not protected',
    detail:
      'No secret service (such as GNOME Keyring or KWallet) was found, so secrets are written to disk without real encryption.',
  },
  memory: {
    title: 'Kept in memory only',
    detail: 'In the browser host secrets are never written to disk: they are forgotten when Headcount stops.',
  },
}

/** The Settings screen. */
export function SettingsScreen(): ReactNode {
  const settings = useAppStore((state) => state.settings)
  const loadSettings = useAppStore((state) => state.loadSettings)
  const hostKind = useAppStore((state) => state.hostKind)
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    void loadSettings()
  }, [loadSettings])

  const value = settings.result
  const storage = value?.secretStorage
  return (
    <section className="screen settings-screen" aria-labelledby="settings-heading">
      <header className="screen-header">
        <h1 id="settings-heading" tabIndex={-1}>
          Settings
        </h1>
        <p className="screen-lead">How Headcount runs on this computer. These apply to every profile.</p>
      </header>

      {storage !== undefined && !storage.isProtected && (
        <div className="notice is-warning is-prominent" role="alert" data-testid="secret-storage-warning">
          <WarningIcon size={22} />
          <div className="notice-body">
            <p className="notice-title">Secrets on this computer are not protected</p>
            <p>{storage.warning ?? BACKEND_TEXT[storage.backend].detail}</p>
            <p className="notice-hint">
              {storage.backend === 'memory'
                ? 'Use the desktop app for unattended runs, or enter client secrets again after each start.'
                : 'Install and unlock a secret service (GNOME Keyring or KWallet), then restart Headcount; or prefer certificates you can revoke quickly.'}
            </p>
          </div>
        </div>
      )}

      {settings.error !== null && (
        <ErrorNotice
          title="Could not read the settings"
          error={settings.error}
          actions={
            <button type="button" className="button" onClick={() => void loadSettings()}>
              Try again
            </button>
          }
        />
      )}

      {value === null ? (
        settings.error === null && (
          <div className="card" aria-busy="true" role="status">
            <span className="visually-hidden">Reading the settings…</span>
            <span className="skeleton is-wide" />
            <span className="skeleton" />
          </div>
        )
      ) : (
        <div className="settings-sections">
          <section className="card settings-section" aria-labelledby="data-folder-heading">
            <h2 id="data-folder-heading">Data folder</h2>
            <p className="card-lead">
              Profiles, their caches and the secret store live here. Back it up to keep your rules; delete a
              profile from the profile menu to remove its cache and secrets.
            </p>
            <div className="path-row">
              <code className="path-value" data-testid="data-folder">
                {value.dataDir}
              </code>
              <button
                type="button"
                className="button"
                onClick={() =>
                  void copyText(value.dataDir).then((isCopied) => {
                    setCopied(isCopied)
                  })
                }
              >
                <CopyIcon />
                {copied ? 'Copied' : 'Copy path'}
              </button>
            </div>
          </section>

          <section className="card settings-section" aria-labelledby="secret-storage-heading">
            <h2 id="secret-storage-heading">Secret storage</h2>
            <div className={value.secretStorage.isProtected ? 'secret-storage is-protected' : 'secret-storage is-unprotected'}>
              {value.secretStorage.isProtected ? <LockIcon size={20} /> : <WarningIcon size={20} />}
              <div>
                <p className="secret-storage-title">{BACKEND_TEXT[value.secretStorage.backend].title}</p>
                <p className="card-lead">{BACKEND_TEXT[value.secretStorage.backend].detail}</p>
              </div>
            </div>
            <p className="settings-note">
              Client secrets, certificate keys and sign-in tokens are stored here, never in the cache, logs or exports.
              Headcount never shows a stored secret again.
            </p>
          </section>

          <section className="card settings-section" aria-labelledby="host-heading">
            <h2 id="host-heading">This window</h2>
            <p className="card-lead">
              {hostKind === 'electron'
                ? 'The desktop app.'
                : 'A browser tab served by Headcount on 127.0.0.1 only; nothing is reachable from other computers.'}
            </p>
          </section>
        </div>
      )}
    </section>
  )
}
