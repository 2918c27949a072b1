/**
 * The slice of Microsoft Graph's permission catalogue the emulator knows: enough for Headcount and
 * for tests that ask for something it does not have. Texts follow the consent-prompt wording of
 * https://learn.microsoft.com/graph/permissions-reference.
 */

/** The resource URI apps put in front of a Graph scope. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com'
/** Microsoft Graph's well-known application id: the other accepted `aud` of a Graph token. */
export const GRAPH_APPLICATION_ID = '00000003-0000-0000-c000-000000000000'

export interface DelegatedPermission {
  readonly value: string
  /** The line shown on the consent page. */
  readonly consentText: string
  /** True when only an administrator may consent (the permission reference's "Admin consent required"). */
  readonly isAdminConsentRequired: boolean
}

export interface ApplicationPermission {
  readonly value: string
  readonly consentText: string
}

const DELEGATED: readonly DelegatedPermission[] = [
  { value: 'User.Read', consentText: 'Sign you in and read your profile', isAdminConsentRequired: false },
  { value: 'User.ReadBasic.All', consentText: "Read all users' basic profiles", isAdminConsentRequired: false },
  { value: 'User.Read.All', consentText: "Read all users' full profiles", isAdminConsentRequired: true },
  { value: 'User.ReadWrite.All', consentText: "Read and write all users' full profiles", isAdminConsentRequired: true },
  { value: 'GroupMember.Read.All', consentText: 'Read group memberships', isAdminConsentRequired: true },
  { value: 'Group.Read.All', consentText: 'Read all groups', isAdminConsentRequired: true },
  { value: 'Directory.Read.All', consentText: 'Read directory data', isAdminConsentRequired: true },
  { value: 'Application.Read.All', consentText: 'Read applications', isAdminConsentRequired: true },
  { value: 'AuditLog.Read.All', consentText: 'Read audit log data', isAdminConsentRequired: true },
]

const APPLICATION: readonly ApplicationPermission[] = [
  { value: 'User.Read.All', consentText: "Read all users' full profiles" },
  { value: 'User.ReadWrite.All', consentText: "Read and write all users' full profiles" },
  { value: 'GroupMember.Read.All', consentText: 'Read all group memberships' },
  { value: 'Group.Read.All', consentText: 'Read all groups' },
  { value: 'Directory.Read.All', consentText: 'Read directory data' },
  { value: 'Application.Read.All', consentText: 'Read all applications' },
  { value: 'AuditLog.Read.All', consentText: 'Read all audit log data' },
]

/** The OpenID Connect scopes: they ask for sign-in and a refresh token, not for Graph data. */
export const OPENID_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'email', 'offline_access'])

const OPENID_CONSENT_TEXT: Readonly<Record<string, string>> = {
  openid: 'Sign you in',
  profile: 'View your basic profile',
  email: 'View your email address',
  offline_access: 'Maintain access to data you have given it access to',
}

/** Looks a delegated permission up by value, case-insensitively as Entra does; null when unknown. */
export function findDelegatedPermission(value: string): DelegatedPermission | null {
  const lower = value.toLowerCase()
  return DELEGATED.find((permission) => permission.value.toLowerCase() === lower) ?? null
}

/** Looks an application permission (app role) up by value; null when unknown. */
export function findApplicationPermission(value: string): ApplicationPermission | null {
  const lower = value.toLowerCase()
  return APPLICATION.find((permission) => permission.value.toLowerCase() === lower) ?? null
}

/** The consent-page line for an OpenID scope. */
export function describeOpenIdScope(scope: string): string {
  return OPENID_CONSENT_TEXT[scope] ?? scope
}
