/**
 * The Headcount API over the services: one object per contract area. Both hosts (Electron IPC and
 * the browser bridge) expose exactly this object, after validating arguments in invoke-api.ts.
 */
/* eslint-disable @typescript-eslint/require-await --
   Contract methods are async even when their body is synchronous, so that a thrown AppError always
   reaches the caller as a rejected promise, as the contract promises. */
import { AppError, type HeadcountApi, type ProfileSummary } from '../common'
import type { ProfileRecord } from '../services/profiles/profile-registry'
import type { ApiDependencies, DemoTarget } from './api-dependencies'
import { EventHub } from './event-hub'
import { PullCoordinator } from './pull-coordinator'

export const DEMO_PROFILE_ID = 'demo'

export interface HeadcountApiHandle {
  readonly api: HeadcountApi
  /** Cancels running work and closes every cache. */
  dispose(): Promise<void>
}

/** The handle, plus what the composition root needs to tell the API. */
export interface HeadcountApiControl extends HeadcountApiHandle {
  /** A service changed a profile (its tenant name, its sign-in): tell the renderers. */
  announceProfiles(): void
}

export function createHeadcountApi(dependencies: ApiDependencies): HeadcountApiControl {
  const { profiles, caches } = dependencies
  const pulls = new PullCoordinator(dependencies.pulls, dependencies.newId, dependencies.now)
  const profileChanges = new EventHub<readonly ProfileSummary[]>()

  function requireProfile(profileId: string): ProfileRecord {
    const profile = profiles.get(profileId)
    if (!profile) {
      throw new AppError({
        code: 'NotFound',
        message: `There is no profile called “${profileId}”.`,
        hint: 'Choose a profile from the list, or explore the demo organisation.',
      })
    }
    return profile
  }

  function summarise(profile: ProfileRecord): ProfileSummary {
    return {
      id: profile.id,
      name: profile.name,
      kind: profile.kind,
      tenantName: profile.tenantName,
      lastPullAt: caches.directory(profile.id).summary().lastPullAt,
    }
  }

  const listSummaries = (): readonly ProfileSummary[] => profiles.list().map(summarise)

  /**
   * Starts the demo emulator if needed and (re)connects the demo profile to it. The emulator listens
   * on a new port each launch, so the stored Custom-cloud settings are refreshed when they differ.
   */
  async function ensureDemoConnection(): Promise<void> {
    const { connection, target } = await dependencies.demo.ensureStarted()
    if (target) await ensureDemoTarget(target)
    const status = await dependencies.areas.connection.status({ profileId: DEMO_PROFILE_ID })
    if (status.state === 'connected' && status.settings?.graphEndpoint === connection.graphEndpoint) return
    await dependencies.areas.connection.configure({ profileId: DEMO_PROFILE_ID, connection })
    const test = await dependencies.areas.connection.test({ profileId: DEMO_PROFILE_ID })
    if (!test.isOk) {
      throw new AppError(
        test.error ?? { code: 'Internal', message: 'The demo organisation could not be reached.', hint: 'Restart Headcount.' },
      )
    }
  }

  /**
   * Points the demo profile's target at the demo SCIM target. Its port and token are new each launch,
   * so they are set once per process; the admin's other target and sync settings are kept, and the
   * demo profile stays preview-only until pushing is enabled, like every profile.
   */
  let demoTargetUrl: string | null = null
  async function ensureDemoTarget(target: DemoTarget): Promise<void> {
    if (demoTargetUrl === target.scimUrl) return
    const status = await dependencies.areas.target.status({ profileId: DEMO_PROFILE_ID })
    await dependencies.areas.target.configure({ profileId: DEMO_PROFILE_ID, settings: { ...status.settings, scimUrl: target.scimUrl, token: target.token } })
    demoTargetUrl = target.scimUrl
  }

  // Profiles change when a pull ends (lastPullAt), so say so.
  pulls.finishEvents.on(() => profileChanges.emit(listSummaries()))

  const api: HeadcountApi = {
    app: {
      info: async () => ({ name: 'Headcount', version: dependencies.version, host: dependencies.host }),
    },
    profiles: {
      list: async () => listSummaries(),
      openDemo: async () => {
        const { tenantName } = await dependencies.demo.ensureStarted()
        const existing = profiles.get(DEMO_PROFILE_ID)
        if (!existing) {
          profiles.save({
            id: DEMO_PROFILE_ID,
            name: 'Demo organisation',
            kind: 'demo',
            tenantName,
            createdAt: dependencies.now().toISOString(),
          })
          profileChanges.emit(listSummaries())
        }
        await ensureDemoConnection()
        return summarise(requireProfile(DEMO_PROFILE_ID))
      },
      create: async ({ name }) => {
        const created = dependencies.profileActions.create(name)
        profileChanges.emit(listSummaries())
        return summarise(created)
      },
      rename: async ({ profileId, name }) => {
        requireProfile(profileId)
        const renamed = dependencies.profileActions.rename(profileId, name)
        profileChanges.emit(listSummaries())
        return summarise(renamed)
      },
      duplicate: async ({ profileId, name }) => {
        requireProfile(profileId)
        const copy = dependencies.profileActions.duplicate(profileId, name)
        profileChanges.emit(listSummaries())
        return summarise(copy)
      },
      delete: async ({ profileId, confirmName }) => {
        const profile = requireProfile(profileId)
        if (confirmName !== profile.name) {
          throw new AppError({
            code: 'InvalidArgument',
            message: `To delete this profile, type its name exactly: “${profile.name}”.`,
          })
        }
        // Nothing may hold the cache open while its folder is removed.
        pulls.cancel(profileId)
        await pulls.settled(profileId)
        caches.close(profileId)
        await dependencies.profileActions.delete(profileId, confirmName)
        profileChanges.emit(listSummaries())
      },
      onDidChange: (listener) => profileChanges.on(listener),
    },
    pull: {
      start: async ({ profileId, full }) => {
        const profile = requireProfile(profileId)
        if (profile.kind === 'demo') await ensureDemoConnection()
        return pulls.start(profile, full === undefined ? {} : { full })
      },
      cancel: async ({ profileId }) => {
        requireProfile(profileId)
        pulls.cancel(profileId)
      },
      status: async ({ profileId }) => {
        requireProfile(profileId)
        return pulls.status(profileId)
      },
      onDidProgress: (listener) => pulls.progressEvents.on(listener),
      onDidFinish: (listener) => pulls.finishEvents.on(listener),
    },
    connection: dependencies.areas.connection,
    health: dependencies.areas.health,
    settings: dependencies.areas.settings,
    rules: dependencies.areas.rules,
    target: dependencies.areas.target,
    sync: dependencies.areas.sync,
    directory: {
      summary: async ({ profileId }) => {
        requireProfile(profileId)
        return caches.directory(profileId).summary()
      },
      queryUsers: async ({ profileId, ...query }) => {
        requireProfile(profileId)
        return caches.directory(profileId).queryUsers(query)
      },
      getUser: async ({ profileId, userId }) => {
        requireProfile(profileId)
        const detail = caches.directory(profileId).getUser(userId)
        if (!detail) {
          throw new AppError({
            code: 'NotFound',
            message: 'This user is not in the cached directory.',
            hint: 'The user may have been removed by the last pull; search again.',
          })
        }
        return detail
      },
    },
  }

  return {
    api,
    announceProfiles: () => profileChanges.emit(listSummaries()),
    async dispose() {
      await pulls.cancelAll()
      caches.closeAll()
    },
  }
}
