/** The shape of the renderer's one store, assembled from its slices (STYLE.md habit 9). */
import type { HeadcountApi, HostKind } from '../../src-main/common'
import type { StateCreator } from 'zustand/vanilla'
import type { PreferenceStorage } from '../features/directory/column-preferences'
import type { ConnectionSlice } from './connection-slice'
import type { DirectorySlice } from './directory-slice'
import type { HealthSlice } from './health-slice'
import type { ProfileManagementSlice } from './profile-management-slice'
import type { PullSlice } from './pull-slice'
import type { RulesSlice } from './rules-slice'
import type { RunsSlice } from './runs-slice'
import type { SessionSlice } from './session-slice'
import type { SettingsSlice } from './settings-slice'
import type { SyncSlice } from './sync-slice'
import type { TargetSlice } from './target-slice'

/** Everything the store holds: view state plus the last DTOs received from main. */
export type AppState = SessionSlice &
  ProfileManagementSlice &
  PullSlice &
  DirectorySlice &
  ConnectionSlice &
  HealthSlice &
  SettingsSlice &
  RulesSlice &
  TargetSlice &
  SyncSlice &
  RunsSlice

/** What the store needs from the outside world; main.tsx passes the real ones, tests pass fakes. */
export interface StoreDependencies {
  readonly api: HeadcountApi
  readonly hostKind: HostKind
  /** Where preferences (visible columns) are remembered; null when there is no storage. */
  readonly preferences: PreferenceStorage | null
}

/** A slice creator over the whole state, as zustand's slices pattern types it. */
export type SliceCreator<Slice> = (dependencies: StoreDependencies) => StateCreator<AppState, [], [], Slice>
