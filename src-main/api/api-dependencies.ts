/**
 * What the API needs from the services, by role. The composition roots (compose-api.ts for the real
 * app, tests for fakes) provide them; the API areas never construct services themselves.
 */
import type {
  DirectorySummary,
  HostKind,
  PullFinished,
  PullProgress,
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
  closeAll(): void
}

/** Runs one pull of a profile's directory into its cache. */
export interface PullRunner {
  run(
    profile: ProfileRecord,
    runId: string,
    onProgress: (progress: PullProgress) => void,
    signal: AbortSignal,
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
  /** Makes sure the demo emulator runs; returns the demo tenant's display name. */
  ensureStarted(): Promise<{ tenantName: string }>
}

export interface ApiDependencies {
  readonly host: HostKind
  readonly version: string
  readonly profiles: ProfileStore
  readonly caches: ProfileCaches
  readonly pulls: PullRunner
  readonly demo: DemoEnvironment
  readonly now: () => Date
  readonly newId: () => string
}
