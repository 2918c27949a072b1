/** Settings slice: where Headcount keeps its data and how secrets are protected, as main reports. */
import type { AppSettings } from '../../src-main/common'
import { appErrorOf } from './app-error-of'
import type { SliceCreator } from './app-state'
import { busyOperation, failedOperation, idleOperation, succeededOperation, type Operation } from './operation'

export interface SettingsSlice {
  readonly settings: Operation<AppSettings>
  /** Reads the settings (again). */
  loadSettings(): Promise<void>
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (dependencies) => (set, get) => {
  let request = 0
  return {
    settings: idleOperation(),

    async loadSettings() {
      const asked = ++request
      set({ settings: busyOperation(get().settings) })
      try {
        const settings = await dependencies.api.settings.get({})
        if (asked === request) set({ settings: succeededOperation(settings) })
      } catch (reason) {
        if (asked === request) set({ settings: failedOperation(get().settings, appErrorOf(reason)) })
      }
    },
  }
}
