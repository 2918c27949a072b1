/**
 * The Headcount API over the services: one object per contract area. Both hosts (Electron IPC and
 * the browser bridge) expose exactly this object, after validating arguments in invoke-api.ts.
 */
/* eslint-disable @typescript-eslint/require-await --
   Contract methods are async even when their body is synchronous, so that a thrown AppError always
   reaches the caller as a rejected promise, as the contract promises. */
import { AppError, type HeadcountApi, type ProfileSummary } from '../common'
import type { ProfileRecord } from '../services/profiles/profile-registry'
import type { ApiDependencies } from './api-dependencies'
import { EventHub } from './event-hub'
import { PullCoordinator } from './pull-coordinator'

export const DEMO_PROFILE_ID = 'demo'

export interface HeadcountApiHandle {
  readonly api: HeadcountApi
  /** Cancels running work and closes every cache. */
  dispose(): Promise<void>
}

export function createHeadcountApi(dependencies: ApiDependencies): HeadcountApiHandle {
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
        return summarise(requireProfile(DEMO_PROFILE_ID))
      },
      onDidChange: (listener) => profileChanges.on(listener),
    },
    pull: {
      start: async ({ profileId }) => {
        const profile = requireProfile(profileId)
        if (profile.kind === 'demo') await dependencies.demo.ensureStarted()
        return pulls.start(profile)
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
    async dispose() {
      await pulls.cancelAll()
      caches.closeAll()
    },
  }
}
