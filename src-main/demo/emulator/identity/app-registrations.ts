/**
 * The app registrations the emulator's sign-in service knows: Headcount's public desktop client (a
 * multi-tenant "Mobile and desktop" app, as a vendor would publish it) and the tenant's own
 * confidential "Headcount (unattended)" app used for scheduled runs with a secret or a certificate.
 */
import type { DemoOrganisation } from '../../organisation/organisation-types'
import type { GraphApplication } from '../../../services/graph/graph-types'

/** Client id of the public "Headcount" desktop client (fixed: it is compiled into the app). */
export const DEMO_PUBLIC_CLIENT_ID = '3c0d1f7e-4b8a-4f7e-9d53-1a2b3c4d5e6f'

/** The confidential app's client secret in the demo tenant. Shaped like an Entra secret value. */
export const DEMO_CLIENT_SECRET = 'hcD8Q~demo.Emulator-Secret_NotForProduction01'

/** Every demo account's password; the sign-in page shows it. */
export const DEMO_USER_PASSWORD = 'demo'

/**
 * Client id used for the confidential app when the organisation carries no "Headcount…" application
 * registration (older or hand-made organisations).
 */
export const FALLBACK_CONFIDENTIAL_CLIENT_ID = '7b2f5d90-1c3e-4a8b-9f6d-2e4c6a8b0d1f'

export interface AppRegistration {
  readonly appId: string
  readonly displayName: string
  /** Public clients hold no secret and must use PKCE; confidential ones must authenticate. */
  readonly isPublicClient: boolean
  /** Multi-tenant apps need consent in a tenant before they get tokens there. */
  readonly isMultiTenant: boolean
  /** Exact redirect URIs. */
  readonly redirectUris: readonly string[]
  /** `http://localhost` registered under "Mobile and desktop": any loopback port matches (RFC 8252 §7.3). */
  readonly acceptsLoopbackRedirect: boolean
  readonly clientSecrets: readonly string[]
  /** The static delegated permissions (`/.default` and tenant-wide admin consent grant these). */
  readonly requiredDelegatedPermissions: readonly string[]
  /** Application permissions (app roles) the app asks for. */
  readonly requiredApplicationPermissions: readonly string[]
}

/** Headcount's own app registration in the organisation: the first whose name starts "Headcount". */
export function findHeadcountApplication(organisation: DemoOrganisation): GraphApplication | null {
  return organisation.applications.find((application) => application.displayName.startsWith('Headcount')) ?? null
}

/** The two registrations every emulated tenant has. */
export function createDemoAppRegistrations(organisation: DemoOrganisation): AppRegistration[] {
  const headcountApplication = findHeadcountApplication(organisation)
  return [
    {
      appId: DEMO_PUBLIC_CLIENT_ID,
      displayName: 'Headcount',
      isPublicClient: true,
      isMultiTenant: true,
      redirectUris: [],
      acceptsLoopbackRedirect: true,
      clientSecrets: [],
      requiredDelegatedPermissions: ['User.Read', 'User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'],
      requiredApplicationPermissions: [],
    },
    {
      appId: headcountApplication?.appId ?? FALLBACK_CONFIDENTIAL_CLIENT_ID,
      displayName: headcountApplication?.displayName ?? 'Headcount (unattended)',
      isPublicClient: false,
      isMultiTenant: false,
      redirectUris: [],
      acceptsLoopbackRedirect: true,
      clientSecrets: [DEMO_CLIENT_SECRET],
      requiredDelegatedPermissions: ['User.Read'],
      requiredApplicationPermissions: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'],
    },
  ]
}

/**
 * Whether `redirectUri` is registered for the app. Loopback URIs match on scheme and host whatever the
 * port, as Entra does for `http://localhost` under "Mobile and desktop applications".
 */
export function isRedirectUriRegistered(application: AppRegistration, redirectUri: string): boolean {
  if (application.redirectUris.includes(redirectUri)) return true
  if (!application.acceptsLoopbackRedirect) return false
  let url: URL
  try {
    url = new URL(redirectUri)
  } catch {
    return false
  }
  const isLoopbackHost = url.hostname === 'localhost' || url.hostname === '127.0.0.1'
  return url.protocol === 'http:' && isLoopbackHost && (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === ''
}
