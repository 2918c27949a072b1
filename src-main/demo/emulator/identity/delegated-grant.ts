/**
 * Which Graph permissions a delegated token carries, and which of them still need consent. Shared by
 * the authorize flow (to decide whether to show the consent page) and the refresh grant (to answer
 * AADSTS65001 when consent was never given or was revoked).
 */
import type { AppRegistration } from './app-registrations'
import { findDelegatedPermission, GRAPH_RESOURCE } from './graph-permissions'
import type { RequestedScopes } from './requested-scopes'

export interface DelegatedGrantPlan {
  /** Permission values the token will carry in `scp`. */
  readonly permissions: readonly string[]
  /** The token response's `scope`: requested spellings, or full URIs for `.default`. */
  readonly responseScope: string
  /** Permissions nobody has consented to yet for this user and app. */
  readonly missing: readonly string[]
}

/**
 * Plans the grant for `scopes` given what is already `granted`. `.default` means "what has been
 * granted", or the app's static permissions when nothing has; a request with only OpenID scopes gets
 * `User.Read`, as Entra gives Graph by default.
 */
export function planDelegatedGrant(application: AppRegistration, scopes: RequestedScopes, granted: readonly string[]): DelegatedGrantPlan {
  const grantedSet = new Set(granted)
  if (scopes.isDefault) {
    const permissions = granted.length > 0 ? [...granted] : [...application.requiredDelegatedPermissions]
    return {
      permissions,
      responseScope: permissions.map((permission) => `${GRAPH_RESOURCE}/${permission}`).join(' '),
      missing: permissions.filter((permission) => !grantedSet.has(permission)),
    }
  }
  const requested = scopes.permissions.length > 0 ? scopes.permissions : [{ value: 'User.Read', asRequested: `${GRAPH_RESOURCE}/User.Read` }]
  return {
    permissions: requested.map((permission) => permission.value),
    responseScope: requested.map((permission) => permission.asRequested).join(' '),
    missing: requested.map((permission) => permission.value).filter((permission) => !grantedSet.has(permission)),
  }
}

/** True when some of `permissions` need an administrator's consent. */
export function needsAdministrator(permissions: readonly string[]): boolean {
  return permissions.some((permission) => findDelegatedPermission(permission)?.isAdminConsentRequired ?? true)
}
