/**
 * Target slice: the application's SCIM endpoint of the active profile (settings, test, snapshot)
 * and the profile's sync settings (mode, deletion threshold, whether pushing is allowed), as the
 * target panel at the top of the Sync area shows them. Main stores and judges everything; replies
 * for another profile, or that arrive after a profile switch, are dropped.
 */
import type {
  SyncSettings,
  TargetSettingsInput,
  TargetSnapshotProgress,
  TargetStatus,
  TargetTestResult,
} from '../../src-main/common'
import { appErrorOf } from './app-error-of'
import type { SliceCreator } from './app-state'
import { busyOperation, failedOperation, idleOperation, succeededOperation, type Operation } from './operation'

export interface TargetView {
  readonly profileId: string | null
  /** What main said the target is; the last answer of status, configure or refresh. */
  readonly status: Operation<TargetStatus>
  readonly save: Operation<TargetStatus>
  readonly test: Operation<TargetTestResult>
  /** "Read target": the snapshot of /Users and /Groups. */
  readonly refresh: Operation<TargetStatus>
  /** The last progress event of the read in flight; null when none is running. */
  readonly refreshProgress: TargetSnapshotProgress | null
  readonly syncSettings: Operation<SyncSettings>
  readonly syncSettingsSave: Operation<SyncSettings>
}

export interface TargetSlice {
  readonly target: TargetView
  /** Reads the target status and the sync settings of the active profile. */
  loadTarget(): Promise<void>
  /** Saves the target settings; resolves true when main accepted them. */
  saveTarget(settings: TargetSettingsInput): Promise<boolean>
  testTarget(): Promise<void>
  /** Reads the target's users and groups into the cache. */
  readTarget(): Promise<void>
  receiveTargetProgress(progress: TargetSnapshotProgress): void
  /** Saves mode, threshold and "allow pushing"; resolves true when main accepted them. */
  saveSyncSettings(settings: SyncSettings): Promise<boolean>
  /** Forgets the previous profile's target (on a profile switch). */
  resetTargetView(): void
}

/** The view of a profile whose target has not been read. */
export function emptyTargetView(profileId: string | null): TargetView {
  return {
    profileId,
    status: idleOperation(),
    save: idleOperation(),
    test: idleOperation(),
    refresh: idleOperation(),
    refreshProgress: null,
    syncSettings: idleOperation(),
    syncSettingsSave: idleOperation(),
  }
}

/** The defaults the panel proposes before anything is saved (issue 5 §1). */
export const DEFAULT_TARGET_SETTINGS: TargetSettingsInput = {
  scimUrl: '',
  ratePerSecond: 25,
  concurrency: 4,
  compatibility: 'strict',
  isSoftDeleteSupported: true,
  hardDeleteAfterDays: 30,
}

export const createTargetSlice: SliceCreator<TargetSlice> = (dependencies) => (set, get) => {
  const { api } = dependencies
  let generation = 0

  /** The request's profile and generation, after making sure the view belongs to that profile. */
  const begin = (): { profileId: string; generation: number } | null => {
    const profileId = get().activeProfileId
    if (profileId === null) return null
    if (get().target.profileId !== profileId) get().resetTargetView()
    return { profileId, generation }
  }
  const isCurrent = (request: { generation: number }): boolean => request.generation === generation
  const update = (changes: Partial<TargetView>): void => {
    set({ target: { ...get().target, ...changes } })
  }

  return {
    target: emptyTargetView(null),

    async loadTarget() {
      const request = begin()
      if (request === null) return
      update({ status: busyOperation(get().target.status), syncSettings: busyOperation(get().target.syncSettings) })
      const [status, settings] = await Promise.allSettled([
        api.target.status({ profileId: request.profileId }),
        api.sync.settings({ profileId: request.profileId }),
      ])
      if (!isCurrent(request)) return
      const view = get().target
      update({
        status:
          status.status === 'fulfilled' ? succeededOperation(status.value) : failedOperation(view.status, appErrorOf(status.reason)),
        syncSettings:
          settings.status === 'fulfilled'
            ? succeededOperation(settings.value)
            : failedOperation(view.syncSettings, appErrorOf(settings.reason)),
      })
    },

    async saveTarget(settings) {
      const request = begin()
      if (request === null || get().target.save.isBusy) return false
      update({ save: busyOperation(get().target.save) })
      try {
        const status = await api.target.configure({ profileId: request.profileId, settings })
        if (!isCurrent(request)) return false
        // A test of the old settings says nothing about the new ones.
        update({ save: succeededOperation(status), status: succeededOperation(status), test: idleOperation() })
        return true
      } catch (reason) {
        if (isCurrent(request)) update({ save: failedOperation(get().target.save, appErrorOf(reason)) })
        return false
      }
    },

    async testTarget() {
      const request = begin()
      if (request === null || get().target.test.isBusy) return
      update({ test: busyOperation(get().target.test) })
      try {
        const result = await api.target.test({ profileId: request.profileId })
        if (isCurrent(request)) update({ test: succeededOperation(result) })
      } catch (reason) {
        if (isCurrent(request)) update({ test: failedOperation(get().target.test, appErrorOf(reason)) })
      }
    },

    async readTarget() {
      const request = begin()
      if (request === null || get().target.refresh.isBusy) return
      update({ refresh: busyOperation(get().target.refresh), refreshProgress: null })
      try {
        const status = await api.target.refresh({ profileId: request.profileId })
        if (!isCurrent(request)) return
        update({ refresh: succeededOperation(status), status: succeededOperation(status), refreshProgress: null })
      } catch (reason) {
        if (isCurrent(request)) update({ refresh: failedOperation(get().target.refresh, appErrorOf(reason)), refreshProgress: null })
      }
    },

    receiveTargetProgress(progress) {
      const view = get().target
      // Progress of another profile, or a late event after the read answered, is not this panel's.
      if (progress.profileId !== get().activeProfileId || !view.refresh.isBusy) return
      update({ refreshProgress: progress })
    },

    async saveSyncSettings(settings) {
      const request = begin()
      if (request === null || get().target.syncSettingsSave.isBusy) return false
      update({ syncSettingsSave: busyOperation(get().target.syncSettingsSave) })
      try {
        const saved = await api.sync.configure({ profileId: request.profileId, settings })
        if (!isCurrent(request)) return false
        update({ syncSettingsSave: succeededOperation(saved), syncSettings: succeededOperation(saved) })
        return true
      } catch (reason) {
        if (isCurrent(request)) update({ syncSettingsSave: failedOperation(get().target.syncSettingsSave, appErrorOf(reason)) })
        return false
      }
    },

    resetTargetView() {
      generation++
      set({ target: emptyTargetView(get().activeProfileId) })
    },
  }
}
