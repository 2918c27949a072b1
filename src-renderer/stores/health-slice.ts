/**
 * Health slice: the active profile's health report (expiring credentials, app assignment) and the
 * enterprise apps to choose the application's one from. Main reads Graph and judges every level;
 * this slice only records its answers. Replies for another profile, or older than the latest
 * request, are dropped.
 */
import type { EnterpriseAppChoice, HealthReport } from '../../src-main/common'
import { appErrorOf } from './app-error-of'
import type { SliceCreator } from './app-state'
import { busyOperation, failedOperation, idleOperation, succeededOperation, type Operation } from './operation'

export interface HealthView {
  readonly profileId: string | null
  readonly report: Operation<HealthReport>
  /** The tenant's enterprise apps, fetched when the admin opens the chooser. */
  readonly apps: Operation<readonly EnterpriseAppChoice[]>
  /** Choosing an app; its error is shown beside the chooser. */
  readonly choice: Operation<HealthReport>
}

export interface HealthSlice {
  readonly health: HealthView
  /** Reads the report of the active profile (again). */
  refreshHealth(): Promise<void>
  loadEnterpriseApps(): Promise<void>
  /** Makes `appId` the application's enterprise app; main answers with its report. */
  chooseEnterpriseApp(appId: string): Promise<void>
  /** Forgets the previous profile's report (on a profile switch). */
  resetHealthView(): void
}

/** The view of a profile whose health has not been read. */
export function emptyHealthView(profileId: string | null): HealthView {
  return { profileId, report: idleOperation(), apps: idleOperation(), choice: idleOperation() }
}

export const createHealthSlice: SliceCreator<HealthSlice> = (dependencies) => (set, get) => {
  const { api } = dependencies
  let generation = 0
  /** Bumped by every report read or choice, so only the newest answer is shown. */
  let reportRequest = 0

  const begin = (): { profileId: string; generation: number } | null => {
    const profileId = get().activeProfileId
    if (profileId === null) return null
    if (get().health.profileId !== profileId) get().resetHealthView()
    return { profileId, generation }
  }

  const update = (changes: Partial<HealthView>): void => {
    set({ health: { ...get().health, ...changes } })
  }

  return {
    health: emptyHealthView(null),

    async refreshHealth() {
      const request = begin()
      if (request === null) return
      const asked = ++reportRequest
      update({ report: busyOperation(get().health.report) })
      try {
        const report = await api.health.report({ profileId: request.profileId })
        if (request.generation !== generation || asked !== reportRequest) return
        update({ report: succeededOperation(report) })
      } catch (reason) {
        if (request.generation !== generation || asked !== reportRequest) return
        update({ report: failedOperation(get().health.report, appErrorOf(reason)) })
      }
    },

    async loadEnterpriseApps() {
      const request = begin()
      if (request === null || get().health.apps.isBusy) return
      update({ apps: busyOperation(get().health.apps) })
      try {
        const apps = await api.health.enterpriseApps({ profileId: request.profileId })
        if (request.generation === generation) update({ apps: succeededOperation(apps) })
      } catch (reason) {
        if (request.generation === generation) update({ apps: failedOperation(get().health.apps, appErrorOf(reason)) })
      }
    },

    async chooseEnterpriseApp(appId) {
      const request = begin()
      if (request === null || get().health.choice.isBusy) return
      const asked = ++reportRequest
      update({ choice: busyOperation(get().health.choice) })
      try {
        const report = await api.health.chooseEnterpriseApp({ profileId: request.profileId, appId })
        if (request.generation !== generation) return
        update({ choice: succeededOperation(report) })
        // A report read that started before the choice describes the old app; this one wins.
        if (asked === reportRequest) update({ report: succeededOperation(report) })
      } catch (reason) {
        if (request.generation === generation) update({ choice: failedOperation(get().health.choice, appErrorOf(reason)) })
      }
    },

    resetHealthView() {
      generation++
      reportRequest++
      set({ health: emptyHealthView(get().activeProfileId) })
    },
  }
}
