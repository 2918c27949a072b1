/**
 * The authority settings shared by every MSAL application Headcount builds: the tenant's authority
 * URL on a cloud's login host, and `knownAuthorities` so MSAL trusts that host without calling
 * login.microsoftonline.com's instance discovery (reference/electron-msal-graph.md §1.6) — needed
 * for sovereign or custom clouds such as the demo emulator.
 */

/** Microsoft's public-cloud login host. */
export const PUBLIC_CLOUD_AUTHORITY_HOST = 'login.microsoftonline.com'
/** Microsoft Graph in the public cloud. */
export const PUBLIC_CLOUD_GRAPH_RESOURCE = 'https://graph.microsoft.com'

export interface MsalAuthoritySettings {
  readonly authority: string
  readonly knownAuthorities: string[]
}

/**
 * `https://<authorityHost>/<tenant>`. `tenant` is a tenant id, a domain or `organizations`;
 * `authorityHost` is a host with an optional port (`127.0.0.1:53211`).
 */
export function buildAuthoritySettings(authorityHost: string, tenant: string): MsalAuthoritySettings {
  const host = authorityHost.replace(/^https:\/\//, '').replace(/\/+$/, '')
  return { authority: `https://${host}/${tenant}`, knownAuthorities: [host] }
}
