/**
 * Which links may leave the app for the system browser. Pure (no Electron import): `shell.openExternal`
 * hands a URL to the operating system, so anything not on this list is dropped (Electron security
 * checklist, "do not use shell.openExternal with untrusted content").
 */

/**
 * Microsoft sign-in (public, US government and China clouds), the Entra and Azure portals, and the
 * documentation the hints link to. Exact host names: no wildcards, no sub-domains.
 */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'entra.microsoft.com',
  'portal.azure.com',
  'learn.microsoft.com',
]

/**
 * True when `url` is an `https:` URL on the default port, without credentials, whose host is exactly
 * one of {@link ALLOWED_EXTERNAL_HOSTS}. The host is taken from the WHATWG URL parser, so tricks such
 * as `https://login.microsoftonline.com@evil.example` resolve to the real host and are refused.
 */
export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[] = ALLOWED_EXTERNAL_HOSTS): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:') return false
  if (parsed.username !== '' || parsed.password !== '') return false
  if (parsed.port !== '') return false
  return allowedHosts.includes(parsed.hostname)
}

/**
 * A sign-in page may also be on the profile's own login host (a custom cloud, which may name a
 * port): https only, no credentials, host and port exactly as configured.
 */
export function isAllowedSignInUrl(url: string, authorityHost: string): boolean {
  if (isAllowedExternalUrl(url)) return true
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false
  return parsed.host === authorityHost.toLowerCase().replace(/^https:\/\//, '').replace(/\/+$/, '')
}
