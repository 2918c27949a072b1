/**
 * The SecretStore keys of a profile, all under `profile/<id>/` so that deleting a profile removes its
 * secrets with one `deletePrefix`. The MSAL token cache key lives beside its plugin
 * (services/auth/secret-store-cache-plugin.ts) and follows the same rule.
 */

/** Everything a profile keeps secret starts with this. */
export function profileSecretPrefix(profileId: string): string {
  return `profile/${profileId}/`
}

/** The client secret of an unattended connection. */
export function clientSecretKey(profileId: string): string {
  return `${profileSecretPrefix(profileId)}client-secret`
}

/** JSON of the certificate credential (PEM key, PEM certificate, thumbprint) of an unattended connection. */
export function certificateKey(profileId: string): string {
  return `${profileSecretPrefix(profileId)}certificate`
}

/** The extra CA certificate (PEM) the profile trusts. Public material, kept with the rest for one lifetime. */
export function caSecretKey(profileId: string): string {
  return `${profileSecretPrefix(profileId)}ca-certificate`
}

/** The proxy URL when it carries a user name or password. */
export function proxySecretKey(profileId: string): string {
  return `${profileSecretPrefix(profileId)}proxy-url`
}

/** The bearer token of the profile's SCIM target (the application's "Secret Token"). */
export function targetTokenKey(profileId: string): string {
  return `${profileSecretPrefix(profileId)}scim-token`
}
