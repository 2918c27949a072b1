/**
 * Session slice: which host we run in, the profiles main knows, the active one, its directory
 * summary, and which area of the app is on screen.
 */
import type {
  AppErrorData,
  DirectorySummary,
  HostKind,
  ProfileSummary,
  Unsubscribe,
} from '../../src-main/common'
import { appErrorOf } from './app-error-of'
import type { SliceCreator } from './app-state'

/** The areas that exist today; the navigation lists exactly these. */
export type Area = 'connect' | 'directory' | 'rules' | 'sync' | 'runs' | 'health' | 'settings'

/** Where the first load from main stands. */
export type StartupState = 'loading' | 'ready' | 'failed'

export interface SessionSlice {
  readonly hostKind: HostKind
  readonly profiles: readonly ProfileSummary[]
  readonly activeProfileId: string | null
  /** Counts and last pull time of the active profile's cache; null until loaded. */
  readonly directorySummary: DirectorySummary | null
  readonly area: Area
  readonly startup: StartupState
  readonly startupError: AppErrorData | null
  /** Loads profiles, the active profile's summary and any pull already running. */
  start(): Promise<void>
  navigate(area: Area): void
  /** Makes a profile active (adding it to the list when main just created it). */
  activateProfile(profile: ProfileSummary): void
  /**
   * After a switch, clears what belonged to the previous profile (pull panel, detail panel,
   * connection and health views) and loads the active profile's own.
   */
  enterProfile(): void
  refreshSummary(): Promise<void>
  receiveProfiles(profiles: readonly ProfileSummary[]): void
  /** Subscribes to every event main sends; returns one unsubscribe for all of them. */
  subscribeToMain(): Unsubscribe
}

/** The profile to open: the one already active if it still exists, else the demo, else the first. */
export function chooseActiveProfile(
  profiles: readonly ProfileSummary[],
  currentId: string | null,
): ProfileSummary | null {
  return (
    profiles.find((profile) => profile.id === currentId) ??
    profiles.find((profile) => profile.kind === 'demo') ??
    profiles[0] ??
    null
  )
}

function kindOfProfile(profiles: readonly ProfileSummary[], profileId: string): ProfileSummary['kind'] | null {
  return profiles.find((profile) => profile.id === profileId)?.kind ?? null
}

export const createSessionSlice: SliceCreator<SessionSlice> = (dependencies) => (set, get) => ({
  hostKind: dependencies.hostKind,
  profiles: [],
  activeProfileId: null,
  directorySummary: null,
  area: 'connect',
  startup: 'loading',
  startupError: null,

  async start() {
    const { api } = dependencies
    set({ startup: 'loading', startupError: null })
    try {
      const profiles = await api.profiles.list({})
      const active = chooseActiveProfile(profiles, get().activeProfileId)
      set({ profiles, activeProfileId: active?.id ?? null })
      if (active?.kind === 'tenant') void get().loadConnection()
      if (active === null) {
        set({ startup: 'ready', area: 'connect' })
        return
      }
      const [summary, status] = await Promise.all([
        api.directory.summary({ profileId: active.id }),
        api.pull.status({ profileId: active.id }),
      ])
      set({
        directorySummary: summary,
        startup: 'ready',
        // Someone who has pulled before came to browse; a pull in progress belongs on Connect.
        area: summary.userCount > 0 && !status.running ? 'directory' : 'connect',
      })
      get().adoptPullStatus(status)
    } catch (reason) {
      set({ startup: 'failed', startupError: appErrorOf(reason) })
    }
  },

  navigate(area) {
    set({ area })
  },

  activateProfile(profile) {
    const profiles = get().profiles
    const isKnown = profiles.some((item) => item.id === profile.id)
    const isSwitch = get().activeProfileId !== profile.id
    set({
      // Keep main's order; a profile main just created goes at the end, as main lists it.
      profiles: isKnown ? profiles.map((item) => (item.id === profile.id ? profile : item)) : [...profiles, profile],
      activeProfileId: profile.id,
      ...(isSwitch ? { directorySummary: null } : {}),
    })
    if (isSwitch) {
      get().resetConnectionView()
      get().resetHealthView()
      get().resetRulesView()
      get().resetTargetView()
      get().resetSyncView()
    }
  },

  enterProfile() {
    const profileId = get().activeProfileId
    // Opening the demo makes it active mid-flight (main announces it before answering): keep
    // showing "Opening the demo organisation" rather than blanking the panel.
    if (get().pull.state !== 'opening-demo') get().resetPull()
    get().closeDetail()
    get().resetConnectionView()
    get().resetHealthView()
    get().resetRulesView()
    get().resetTargetView()
    get().resetSyncView()
    if (profileId === null) {
      set({ directorySummary: null })
      return
    }
    void get().refreshSummary()
    dependencies.api.pull.status({ profileId }).then(
      (status) => {
        if (get().activeProfileId === profileId) get().adoptPullStatus(status)
      },
      (reason: unknown) => console.warn('Could not read the pull status', appErrorOf(reason)),
    )
    if (kindOfProfile(get().profiles, profileId) === 'tenant') void get().loadConnection()
  },

  async refreshSummary() {
    const profileId = get().activeProfileId
    if (profileId === null) return
    try {
      const summary = await dependencies.api.directory.summary({ profileId })
      // The active profile may have changed while we waited; its summary is not this one.
      if (get().activeProfileId === profileId) set({ directorySummary: summary })
    } catch (reason) {
      // The status bar keeps its last figures; the failure itself is logged for support.
      console.warn('Could not refresh the directory summary', appErrorOf(reason))
    }
  },

  receiveProfiles(profiles) {
    const active = chooseActiveProfile(profiles, get().activeProfileId)
    const isSwitch = active?.id !== get().activeProfileId
    set({
      profiles,
      activeProfileId: active?.id ?? null,
      ...(isSwitch ? { directorySummary: null } : {}),
    })
    // The active profile was deleted (here or in another window): everything on screen was its.
    if (isSwitch) get().enterProfile()
  },

  subscribeToMain() {
    const { api } = dependencies
    const unsubscribers = [
      api.profiles.onDidChange((profiles) => get().receiveProfiles(profiles)),
      api.pull.onDidProgress((progress) => get().receivePullProgress(progress)),
      api.pull.onDidFinish((finished) => get().receivePullFinished(finished)),
      api.connection.onDidChange((status) => get().receiveConnectionStatus(status)),
      api.connection.onDidRequestBrowser((request) => get().receiveBrowserRequest(request)),
      api.target.onDidProgress((progress) => get().receiveTargetProgress(progress)),
      api.sync.onDidProgress((progress) => get().receivePushProgress(progress)),
      api.sync.onDidFinish((finished) => get().receivePushFinished(finished)),
    ]
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe()
    }
  },
})
