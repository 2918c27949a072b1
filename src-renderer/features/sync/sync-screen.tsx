/**
 * The Sync area: the application (SCIM target) at the top, the sync settings, then the preview
 * with its push. Provision on demand opens from the preview.
 *
 * Test ids: sync-screen; see target-panel.tsx, sync-settings-panel.tsx, plan-preview.tsx,
 * push-panel.tsx and provision-dialog.tsx for the rest.
 */
import { useEffect, type ReactNode } from 'react'
import { EmptyState } from '../../components/empty-state'
import { SyncIcon } from '../../components/icons'
import { useAppStore, useAppStoreApi } from '../../stores/app-store-context'
import { selectHasNoDirectory } from '../../stores/selectors'
import { PlanPreview } from './plan-preview'
import { ProvisionDialog } from './provision-dialog'
import { SyncSettingsPanel } from './sync-settings-panel'
import { TargetPanel, useTargetLoader } from './target-panel'

/** The Sync screen of the active profile. */
export function SyncScreen(): ReactNode {
  const hasNoDirectory = useAppStore(selectHasNoDirectory)
  const profileId = useAppStore((state) => state.activeProfileId)
  const isTargetConfigured = useAppStore((state) => state.target.status.result?.isConfigured === true)
  const isProvisionOpen = useAppStore((state) => state.sync.provision.isOpen)
  const navigate = useAppStore((state) => state.navigate)
  const storeApi = useAppStoreApi()
  useTargetLoader()

  // Escape closes the operation's details wherever focus is, unless a control used it first.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      const state = storeApi.getState()
      if (state.sync.isDetailOpen && !state.sync.provision.isOpen) {
        event.preventDefault()
        state.closePlanDetail()
        document.querySelector<HTMLElement>('.plan-list')?.focus()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [storeApi])

  return (
    <section className="screen sync-screen" data-testid="sync-screen" aria-labelledby="sync-heading">
      <header className="screen-header">
        <h1 id="sync-heading" tabIndex={-1}>
          Sync
        </h1>
        <p className="screen-lead">
          See exactly what would change in the application — every create, update, disable and delete, and every user skipped and
          why — then push exactly that.
        </p>
      </header>
      {hasNoDirectory ? (
        <EmptyState
          icon={<SyncIcon size={40} />}
          title="Pull the directory first"
          action={
            <button type="button" className="button is-primary" onClick={() => navigate('connect')}>
              Go to Connect
            </button>
          }
        >
          <p>Plans are made from the local copy of Entra ID; pull it once and the preview works offline.</p>
        </EmptyState>
      ) : (
        <>
          <TargetPanel key={profileId ?? ''} />
          <SyncSettingsPanel />
          {isTargetConfigured ? (
            <PlanPreview />
          ) : (
            <EmptyState icon={<SyncIcon size={40} />} title="Set up the application first">
              <p>Enter the application’s SCIM base URL and token above and save them; then Headcount can read it and make a plan.</p>
            </EmptyState>
          )}
        </>
      )}
      {isProvisionOpen && <ProvisionDialog />}
    </section>
  )
}
