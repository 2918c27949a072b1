/**
 * The Target area (issue 5 item 1–2): the application's SCIM 2.0 endpoint of each profile. Settings
 * live in the profile's sync-settings.json, the bearer token in the SecretStore (never returned,
 * never logged). "Test connection" and the snapshot read are the sync services' work, reached
 * through {@link TargetGateway} so this area stays a thin layer over them.
 */
import {
  AppError,
  type ScimCompatibility,
  type TargetApi,
  type TargetSnapshotInfo,
  type TargetSnapshotProgress,
  type TargetStatus,
  type TargetTestResult,
} from '../common'
import type { FetchFunction } from '../services/net/trusted-fetch'
import { targetTokenKey } from '../services/secrets/profile-secret-keys'
import type { SecretStore } from '../services/secrets/secret-store'
import { DEFAULT_TARGET_OPTIONS, type SyncSettingsStore, type TargetSettings } from '../services/sync-settings/sync-settings-store'
import type { ProfileStore } from './api-dependencies'
import { EventHub } from './event-hub'

/** Everything needed to talk to a profile's target, token included (in memory only). */
export interface TargetConnection {
  readonly scimUrl: string
  readonly token: string
  readonly ratePerSecond: number
  readonly concurrency: number
  readonly compatibility: ScimCompatibility
  /**
   * The profile's own fetch (its proxy, and the extra CA it trusts) when it has a tenant connection,
   * so the application is reached the way Graph is; absent: a plain trusted fetch.
   */
  readonly fetch?: FetchFunction
}

/** What the area needs from the sync services (services/sync): test, read and describe the snapshot. */
export interface TargetGateway {
  /** Entra's "Test connection" plus the target's features, schemas and resource types. */
  test(connection: TargetConnection, signal?: AbortSignal): Promise<TargetTestResult>
  /** Reads /Users and /Groups into the profile's cache, replacing the old snapshot only when complete. */
  readSnapshot(
    profileId: string,
    connection: TargetConnection,
    onProgress: (progress: Omit<TargetSnapshotProgress, 'profileId'>) => void,
    signal?: AbortSignal,
  ): Promise<TargetSnapshotInfo>
  /** The snapshot in the cache, or null when the target was never read. */
  snapshotInfo(profileId: string): TargetSnapshotInfo | null
}

export interface TargetAreaDependencies {
  readonly profiles: ProfileStore
  readonly settings: SyncSettingsStore
  readonly secrets: SecretStore
  readonly gateway: TargetGateway
  /** The profile's fetch with its proxy and CA, or null when it has no tenant connection. */
  readonly fetchFor?: (profileId: string) => Promise<FetchFunction | null>
}

export interface TargetArea extends TargetApi {
  /** The profile's target with its token; NotFound/InvalidArgument when it is not set up. */
  connectionFor(profileId: string): Promise<TargetConnection>
  /** The saved settings without the token (for planning options). */
  settingsOf(profileId: string): TargetSettings | null
  /** Reads the snapshot (one read per profile at a time; a second caller waits for the first). */
  readSnapshot(profileId: string, signal?: AbortSignal): Promise<TargetSnapshotInfo>
  /** The snapshot is read only when there is none yet. */
  ensureSnapshot(profileId: string, signal?: AbortSignal): Promise<TargetSnapshotInfo>
}

export function createTargetArea(dependencies: TargetAreaDependencies): TargetArea {
  const { profiles, settings, secrets, gateway } = dependencies
  const progressEvents = new EventHub<TargetSnapshotProgress>()
  const reading = new Map<string, Promise<TargetSnapshotInfo>>()

  function requireProfile(profileId: string): void {
    if (!profiles.get(profileId)) {
      throw new AppError({ code: 'NotFound', message: `There is no profile called “${profileId}”.`, hint: 'Choose a profile from the list.' })
    }
  }

  async function statusOf(profileId: string): Promise<TargetStatus> {
    const saved = settings.get(profileId)
    const { scimUrl, ...options } = saved.target ?? { scimUrl: null, ...DEFAULT_TARGET_OPTIONS }
    return {
      isConfigured: saved.target !== null,
      scimUrl,
      hasToken: (await secrets.get(targetTokenKey(profileId))) !== null,
      settings: options,
      lastTest: saved.lastTest,
      snapshot: gateway.snapshotInfo(profileId),
    }
  }

  async function connectionFor(profileId: string): Promise<TargetConnection> {
    requireProfile(profileId)
    const target = settings.get(profileId).target
    if (!target) {
      throw new AppError({
        code: 'InvalidArgument',
        message: 'This profile has no target application yet.',
        hint: 'Enter the application’s SCIM address and token under Target first.',
      })
    }
    const token = await secrets.get(targetTokenKey(profileId))
    if (token === null) {
      throw new AppError({
        code: 'InvalidArgument',
        message: 'There is no token for this profile’s target.',
        hint: 'Paste the application’s SCIM token under Target (the command line reads it from the variable named by “target set”).',
      })
    }
    const fetch = (await dependencies.fetchFor?.(profileId)) ?? null
    return {
      scimUrl: target.scimUrl,
      token,
      ratePerSecond: target.ratePerSecond,
      concurrency: target.concurrency,
      compatibility: target.compatibility,
      ...(fetch === null ? {} : { fetch }),
    }
  }

  function readSnapshot(profileId: string, signal?: AbortSignal): Promise<TargetSnapshotInfo> {
    const running = reading.get(profileId)
    if (running) return running
    const started = (async () => {
      const connection = await connectionFor(profileId)
      return gateway.readSnapshot(profileId, connection, (progress) => progressEvents.emit({ profileId, ...progress }), signal)
    })().finally(() => reading.delete(profileId))
    reading.set(profileId, started)
    return started
  }

  return {
    status: async ({ profileId }) => {
      requireProfile(profileId)
      return statusOf(profileId)
    },
    configure: async ({ profileId, settings: input }) => {
      requireProfile(profileId)
      const { token, ...rest } = input
      const hadToken = (await secrets.get(targetTokenKey(profileId))) !== null
      if (token === undefined && !hadToken) {
        throw new AppError({ code: 'InvalidArgument', message: 'The target needs a token.', hint: 'Paste the bearer token the application gave you for SCIM.' })
      }
      if (token !== undefined) await secrets.set(targetTokenKey(profileId), token)
      const before = settings.get(profileId).target
      // A test of other settings says nothing about these ones.
      const isSame = before !== null && JSON.stringify(before) === JSON.stringify(rest) && token === undefined
      settings.update(profileId, (current) => ({ ...current, target: rest, lastTest: isSame ? current.lastTest : null }))
      return statusOf(profileId)
    },
    test: async ({ profileId }) => {
      const connection = await connectionFor(profileId)
      const result = await gateway.test(connection)
      settings.update(profileId, (current) => ({ ...current, lastTest: result }))
      return result
    },
    refresh: async ({ profileId }) => {
      requireProfile(profileId)
      await readSnapshot(profileId)
      return statusOf(profileId)
    },
    onDidProgress: (listener) => progressEvents.on(listener),
    connectionFor,
    settingsOf: (profileId) => settings.get(profileId).target,
    readSnapshot,
    ensureSnapshot: async (profileId, signal) => gateway.snapshotInfo(profileId) ?? readSnapshot(profileId, signal),
  }
}
