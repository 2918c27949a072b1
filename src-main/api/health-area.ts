/**
 * The Health area of the contract: expiring SAML certificates and app credentials, and who is
 * assigned to the application's enterprise app. Reads Graph live (health is about now, not the
 * cache), builds the report in the functional core.
 *
 * No enterprise app chosen yet: the demo profile checks Cardwise, the demo tenant's SAML app. Any
 * other profile gets a report with `enterpriseApp: null` holding only the app registration's
 * credentials, rather than an error: the unattended client secret lapsing is the most common
 * failure, and it can be checked before anyone picks an app. The renderer shows "Choose the
 * application's enterprise app" when `enterpriseApp` is null.
 */
import { AppError, type ConnectionMode, type EnterpriseAppChoice, type HealthApi, type HealthReport, type ProfileKind } from '../common'
import { buildHealthReport } from '../domain/health/build-health-report'
import type { GraphGetter } from '../services/health/graph-getter'
import { listEnterpriseApps } from '../services/health/list-enterprise-apps'
import { readHealthInput } from '../services/health/read-health-input'

/** What the Health area needs to know about a profile. */
export interface HealthProfile {
  readonly id: string
  readonly kind: ProfileKind
  /** Application (client) id of the enterprise app the admin chose, or null. */
  readonly enterpriseAppId: string | null
  /** Null until the profile is connected (the demo profile may leave it null, see `demo`). */
  readonly connection: {
    readonly clientId: string
    readonly graphEndpoint: string
    /** Interactive profiles sign in with Headcount's multi-tenant client: no app registration to check. */
    readonly mode?: ConnectionMode
  } | null
}

export interface HealthAreaDependencies {
  getProfile(profileId: string): HealthProfile | null
  /** A Graph getter signed in as the profile (for the demo: the emulator's unattended app). */
  graphFor(profileId: string): Promise<GraphGetter>
  saveEnterpriseAppId(profileId: string, appId: string): void | Promise<void>
  now(): Date
  /**
   * Defaults for the demo profile: its enterprise app (Cardwise) and the client id of the app
   * registration it signs in with. The API layer may not import demo/, so the composition root
   * passes them from ORGANISATION_FACTS / the running emulator.
   */
  readonly demo?: { readonly enterpriseAppId: string; readonly unattendedClientId: string }
}

/** Builds the Health area. */
export function createHealthArea(dependencies: HealthAreaDependencies): HealthApi {
  function requireProfile(profileId: string): HealthProfile {
    const profile = dependencies.getProfile(profileId)
    if (!profile) {
      throw new AppError({
        code: 'NotFound',
        message: `There is no profile called “${profileId}”.`,
        hint: 'Choose a profile from the list, or explore the demo organisation.',
      })
    }
    if (profile.kind !== 'demo' && profile.connection === null) {
      throw new AppError({
        code: 'NotFound',
        message: 'This profile is not connected to a tenant yet, so there is nothing to check.',
        hint: 'Connect the profile first, then open Health again.',
      })
    }
    return profile
  }

  async function report(profile: HealthProfile, appId: string | null): Promise<HealthReport> {
    const graph = await dependencies.graphFor(profile.id)
    const input = await readHealthInput(graph, appId, unattendedClientId(profile))
    return buildHealthReport({ profileId: profile.id, ...input }, dependencies.now())
  }

  function chosenAppId(profile: HealthProfile): string | null {
    if (profile.enterpriseAppId !== null) return profile.enterpriseAppId
    return profile.kind === 'demo' ? (dependencies.demo?.enterpriseAppId ?? null) : null
  }

  function unattendedClientId(profile: HealthProfile): string | null {
    if (profile.connection === null) return profile.kind === 'demo' ? (dependencies.demo?.unattendedClientId ?? null) : null
    return profile.connection.mode === 'interactive' ? null : profile.connection.clientId
  }

  return {
    report: async ({ profileId }) => {
      const profile = requireProfile(profileId)
      return report(profile, chosenAppId(profile))
    },

    enterpriseApps: async ({ profileId }) => {
      const profile = requireProfile(profileId)
      const apps = await listEnterpriseApps(await dependencies.graphFor(profile.id))
      return apps.map(({ appId, displayName }): EnterpriseAppChoice => ({ appId, displayName }))
    },

    // Reads first and saves only what exists: a mistyped or foreign app id is refused (NotFound from
    // readHealthInput) and the previous choice stays.
    chooseEnterpriseApp: async ({ profileId, appId }) => {
      const profile = requireProfile(profileId)
      const checked = await report(profile, appId)
      await dependencies.saveEnterpriseAppId(profile.id, appId)
      return checked
    },
  }
}
