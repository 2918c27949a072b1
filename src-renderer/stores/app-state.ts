/** The shape of the renderer's one store, assembled from its slices (STYLE.md habit 9). */
import type { HeadcountApi, HostKind } from '../../src-main/common'
import type { StateCreator } from 'zustand/vanilla'
import type { PreferenceStorage } from '../features/directory/column-preferences'
import type { DirectorySlice } from './directory-slice'
import type { PullSlice } from './pull-slice'
import type { SessionSlice } from './session-slice'

/** Everything the store holds: view state plus the last DTOs received from main. */
export type AppState = SessionSlice & PullSlice & DirectorySlice

/** What the store needs from the outside world; main.tsx passes the real ones, tests pass fakes. */
export interface StoreDependencies {
  readonly api: HeadcountApi
  readonly hostKind: HostKind
  /** Where preferences (visible columns) are remembered; null when there is no storage. */
  readonly preferences: PreferenceStorage | null
}

/** A slice creator over the whole state, as zustand's slices pattern types it. */
export type SliceCreator<Slice> = (dependencies: StoreDependencies) => StateCreator<AppState, [], [], Slice>
