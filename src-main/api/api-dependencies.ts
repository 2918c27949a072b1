/**
 * What the API needs from the services, by role. The composition roots (compose-api.ts for the real
 * app, tests for fakes) provide them; the API areas never construct services themselves.
 */
import type {
  ConnectionApi,
  ConnectionInput,
  DirectorySummary,
  HealthApi,
  SettingsApi,
  HostKind,
  PullFinished,
  PullProgress,
  RulesApi,
  SyncApi,
  TargetApi,
  UserDetail,
  UserPage,
  UserQuery,
} from '../common'
import type { ProfileRecord } from '../services/profiles/profile-registry'

/** Read access to one profile's cached directory. */
export interface DirectoryReader {
  queryUsers(query: Omit<UserQuery, 'profileId'>): UserPage
  getUser(userId: string): UserDetail | null
  summary(): DirectorySummary
}

/** Opens (and keeps open) each profile's cache. */
export interface ProfileCaches {
  directory(profileId: string): DirectoryReader
  /** Closes one profile's cache (before it is deleted). */
  close(profileId: string): void
  closeAll(): void
}

/** Creating, renaming, copying and deleting profiles (with their caches and secrets). */
export interface ProfileActions {
  create(name: string): ProfileRecord
  rename(profileId: string, name: string): ProfileRecord
  duplicate(profileId: string, name: string): ProfileRecord
  /** Refuses unless `confirmName` repeats the profile's name exactly. */
  delete(profileId: string, confirmName: string): Promise<void>
}

/** Runs one pull of a profile's directory into its cache. */
export interface PullRunner {
  run(
    profile: ProfileRecord,
    runId: string,
    onProgress: (progress: PullProgress) => void,
    signal: AbortSignal,
    options?: { readonly full?: boolean },
  ): Promise<PullFinished>
}

/** The profile list. */
export interface ProfileStore {
  list(): readonly ProfileRecord[]
  get(id: string): ProfileRecord | null
  save(profile: ProfileRecord): void
}

/** The built-in demo organisation: started on first use. */
export interface DemoEnvironment {
  /**
   * Makes sure the demo emulator runs; returns the demo tenant's name and how to connect to it: a
   * Custom cloud with an app registration, exactly as an admin would configure a real tenant.
   */
  ensureStarted(): Promise<{ tenantName: string; connection: ConnectionInput; target?: DemoTarget }>
}

/** The demo SCIM target (the demo "business application"): its address and this launch's token. */
export interface DemoTarget {
  readonly scimUrl: string
  readonly token: string
}

export interface ApiDependencies {
  readonly host: HostKind
  readonly version: string
  readonly profiles: ProfileStore
  readonly caches: ProfileCaches
  readonly pulls: PullRunner
  readonly demo: DemoEnvironment
  readonly profileActions: ProfileActions
  /** Areas implemented whole by their own modules (connection-area.ts, health-area.ts …). */
  readonly areas: { readonly connection: ConnectionApi; readonly health: HealthApi; readonly settings: SettingsApi; readonly rules: RulesApi; readonly target: TargetApi; readonly sync: SyncApi }
  readonly now: () => Date
  readonly newId: () => string
}
