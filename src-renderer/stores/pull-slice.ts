/**
 * Pull slice: the pull of the active profile as the Connect screen shows it. Main runs the pull
 * and reports progress by events; this slice only records what it said.
 */
import type { AppErrorData, PullFinished, PullProgress, PullStatus } from '../../src-main/common'
import { appErrorOf } from './app-error-of'
import type { SliceCreator } from './app-state'

/** Where the pull stands from the admin's point of view. */
export type PullState = 'idle' | 'opening-demo' | 'starting' | 'running' | 'succeeded' | 'cancelled' | 'failed'

export interface PullView {
  readonly state: PullState
  readonly runId: string | null
  readonly progress: PullProgress | null
  readonly finished: PullFinished | null
  /** Why the pull (or opening the demo, or starting) failed. */
  readonly error: AppErrorData | null
  readonly isCancelling: boolean
  /** Why a cancel request failed, shown beside the Cancel button; the pull keeps running. */
  readonly cancelError: AppErrorData | null
}

export interface PullSlice {
  readonly pull: PullView
  /** Opens (or reopens) the demo profile and pulls it. */
  exploreDemo(): Promise<void>
  /** Pulls the active profile again. */
  startPull(): Promise<void>
  cancelPull(): Promise<void>
  receivePullProgress(progress: PullProgress): void
  receivePullFinished(finished: PullFinished): void
  /** Takes over what `pull:status` says (after a reload, or when another window started a pull). */
  adoptPullStatus(status: PullStatus): void
  /** Forgets the previous profile's pull (on a profile switch). */
  resetPull(): void
}

const IDLE: PullView = {
  state: 'idle',
  runId: null,
  progress: null,
  finished: null,
  error: null,
  isCancelling: false,
  cancelError: null,
}

/** True while a pull is being set up or running, when a new one must not be started. */
export function isPullActive(state: PullState): boolean {
  return state === 'opening-demo' || state === 'starting' || state === 'running'
}

export const createPullSlice: SliceCreator<PullSlice> = (dependencies) => (set, get) => ({
  pull: IDLE,

  async exploreDemo() {
    if (isPullActive(get().pull.state)) return
    set({ pull: { ...IDLE, state: 'opening-demo' } })
    try {
      const profile = await dependencies.api.profiles.openDemo({})
      get().activateProfile(profile)
    } catch (reason) {
      set({ pull: { ...IDLE, state: 'failed', error: appErrorOf(reason) } })
      return
    }
    await get().startPull()
  },

  async startPull() {
    const profileId = get().activeProfileId
    if (profileId === null) return
    if (get().pull.state === 'starting' || get().pull.state === 'running') return
    set({ pull: { ...IDLE, state: 'starting' } })
    try {
      const { runId } = await dependencies.api.pull.start({ profileId })
      const pull = get().pull
      // Events may have overtaken the reply (a small directory can finish first): keep what they said.
      set({ pull: { ...pull, runId: pull.runId ?? runId, state: pull.state === 'starting' ? 'running' : pull.state } })
    } catch (reason) {
      const error = appErrorOf(reason)
      if (error.code === 'Busy') {
        // A pull of this profile is already running (another window, or a reload): follow it.
        try {
          get().adoptPullStatus(await dependencies.api.pull.status({ profileId }))
          if (get().pull.state === 'running') return
        } catch {
          // Fall through and report the original refusal.
        }
      }
      set({ pull: { ...IDLE, state: 'failed', error } })
    }
  },

  async cancelPull() {
    const profileId = get().activeProfileId
    if (profileId === null || !isPullActive(get().pull.state)) return
    set({ pull: { ...get().pull, isCancelling: true, cancelError: null } })
    try {
      await dependencies.api.pull.cancel({ profileId })
      // The pull ends with onDidFinish(outcome 'cancelled'); until then the panel says "Cancelling…".
    } catch (reason) {
      set({ pull: { ...get().pull, isCancelling: false, cancelError: appErrorOf(reason) } })
    }
  },

  receivePullProgress(progress) {
    if (progress.profileId !== get().activeProfileId) return
    const pull = get().pull
    // A progress event that arrives after its own run finished must not bring the panel back.
    if (pull.finished !== null && pull.finished.runId === progress.runId) return
    set({ pull: { ...pull, state: 'running', runId: progress.runId, progress, finished: null, error: null } })
  },

  receivePullFinished(finished) {
    if (finished.profileId !== get().activeProfileId) return
    const error =
      finished.outcome === 'failed'
        ? (finished.error ?? { code: 'Internal', message: 'The pull stopped without saying why.' })
        : null
    set({
      pull: { ...get().pull, state: finished.outcome, runId: finished.runId, finished, error, isCancelling: false },
    })
    // Even a cancelled or failed pull may have changed the cache; main knows what is there now.
    get().invalidateDirectory()
    void get().refreshSummary()
    if (finished.outcome === 'succeeded') get().navigate('directory')
  },

  resetPull() {
    set({ pull: IDLE })
  },

  adoptPullStatus(status) {
    if (status.running && status.progress !== null) {
      get().receivePullProgress(status.progress)
    } else if (status.running) {
      set({ pull: { ...IDLE, state: 'running' } })
    } else if (status.lastFinished !== null && get().pull.state === 'idle') {
      const finished = status.lastFinished
      set({
        pull: {
          ...IDLE,
          state: finished.outcome,
          runId: finished.runId,
          finished,
          error: finished.outcome === 'failed' ? (finished.error ?? null) : null,
        },
      })
    }
  },
})
