/**
 * Parsing of the OAuth `scope` parameter the way the v2.0 endpoint reads it: OpenID scopes, Graph
 * permissions written as `https://graph.microsoft.com/User.Read.All`, `00000003-…/User.Read.All` or
 * bare `User.Read.All` (Graph is the default resource), and `/.default`.
 */
import { aadFailure, type AadFailure } from './aad-error'
import { findDelegatedPermission, GRAPH_APPLICATION_ID, GRAPH_RESOURCE, OPENID_SCOPES } from './graph-permissions'

export interface RequestedPermission {
  /** Canonical permission value from the catalogue, e.g. `User.Read.All`. */
  readonly value: string
  /** The scope string exactly as the client wrote it; echoed in the token response `scope`. */
  readonly asRequested: string
}

export interface RequestedScopes {
  /** OpenID scopes present, lower case (`openid`, `profile`, `email`, `offline_access`). */
  readonly openId: readonly string[]
  /** Explicitly requested Graph permissions; empty with `.default`. */
  readonly permissions: readonly RequestedPermission[]
  /** `https://graph.microsoft.com/.default`: "everything this app has been granted". */
  readonly isDefault: boolean
}

export type ScopeParseResult = { readonly ok: true; readonly scopes: RequestedScopes } | { readonly ok: false; readonly failure: AadFailure }

const RESOURCE_PREFIXES = [`${GRAPH_RESOURCE}/`, `${GRAPH_APPLICATION_ID}/`]

/** Reads a space-separated `scope` parameter; an unknown permission or resource is a failure value. */
export function parseRequestedScopes(parameter: string | undefined): ScopeParseResult {
  const parts = (parameter ?? '').split(' ').filter((part) => part.length > 0)
  if (parts.length === 0) {
    return { ok: false, failure: aadFailure(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.") }
  }
  const openId: string[] = []
  const permissions: RequestedPermission[] = []
  let isDefault = false
  for (const part of parts) {
    const lower = part.toLowerCase()
    if (OPENID_SCOPES.has(lower)) {
      if (!openId.includes(lower)) openId.push(lower)
      continue
    }
    const permissionName = stripGraphResource(part)
    if (permissionName === null) {
      const resource = part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : part
      return {
        ok: false,
        failure: aadFailure(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`),
      }
    }
    if (permissionName.toLowerCase() === '.default') {
      isDefault = true
      continue
    }
    const permission = findDelegatedPermission(permissionName)
    if (!permission) {
      return { ok: false, failure: aadFailure(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope '${part}' does not exist.`) }
    }
    if (!permissions.some((existing) => existing.value === permission.value)) {
      permissions.push({ value: permission.value, asRequested: part })
    }
  }
  if (isDefault && permissions.length > 0) {
    return { ok: false, failure: aadFailure(400, 'invalid_scope', 70011, "The provided value for the input parameter 'scope' is not valid. The scope '.default' cannot be combined with resource-specific scopes.") }
  }
  return { ok: true, scopes: { openId, permissions, isDefault } }
}

/**
 * For client credentials only `<resource>/.default` is allowed (AADSTS1002012); returns null when the
 * scope is acceptable, the failure otherwise.
 */
export function checkClientCredentialsScope(parameter: string | undefined): AadFailure | null {
  const parts = (parameter ?? '').split(' ').filter((part) => part.length > 0)
  if (parts.length === 0) {
    return aadFailure(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.")
  }
  for (const part of parts) {
    const permissionName = stripGraphResource(part)
    if (permissionName === null && part.toLowerCase().endsWith('/.default')) {
      const resource = part.slice(0, -'/.default'.length)
      return aadFailure(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant.`)
    }
    if (permissionName === null || permissionName.toLowerCase() !== '.default' || !part.includes('/')) {
      return aadFailure(400, 'invalid_scope', 1002012, `The provided value for scope ${part} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`)
    }
  }
  return null
}

/** The permission part of a Graph scope, or null when the scope names another resource. */
function stripGraphResource(scope: string): string | null {
  const lower = scope.toLowerCase()
  for (const prefix of RESOURCE_PREFIXES) {
    if (lower.startsWith(prefix)) return scope.slice(prefix.length)
  }
  return scope.includes('/') || scope.includes(':') ? null : scope
}
