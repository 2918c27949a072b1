/**
 * The renderer's one zustand store, assembled from its slices. Created once per window by
 * main.tsx and handed down through React context, so tests can build as many as they like.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AppState, StoreDependencies } from './app-state'
import { createConnectionSlice } from './connection-slice'
import { createDirectorySlice } from './directory-slice'
import { createHealthSlice } from './health-slice'
import { createProfileManagementSlice } from './profile-management-slice'
import { createPullSlice } from './pull-slice'
import { createRulesSlice } from './rules-slice'
import { createRunsSlice } from './runs-slice'
import { createSessionSlice } from './session-slice'
import { createSettingsSlice } from './settings-slice'
import { createSyncSlice } from './sync-slice'
import { createTargetSlice } from './target-slice'

export type AppStore = StoreApi<AppState>

/** Builds the store over the API and storage it is given. */
export function createAppStore(dependencies: StoreDependencies): AppStore {
  return createStore<AppState>()((...parts) => ({
    ...createSessionSlice(dependencies)(...parts),
    ...createPullSlice(dependencies)(...parts),
    ...createDirectorySlice(dependencies)(...parts),
    ...createProfileManagementSlice(dependencies)(...parts),
    ...createConnectionSlice(dependencies)(...parts),
    ...createHealthSlice(dependencies)(...parts),
    ...createSettingsSlice(dependencies)(...parts),
    ...createRulesSlice(dependencies)(...parts),
    ...createTargetSlice(dependencies)(...parts),
    ...createSyncSlice(dependencies)(...parts),
    ...createRunsSlice(dependencies)(...parts),
  }))
}
