/**
 * The Microsoft Graph permissions Headcount asks for, why, and which broader permissions also do
 * (least privileged first, reference/entra-and-graph.md §6.2). Delegated for interactive sign-in,
 * application (app roles) for unattended credentials; the same names in both.
 */
import type { ConnectionMode, PermissionRequest } from '../../common/connection'

export interface RequiredPermission {
  readonly name: string
  readonly reason: string
  /** Permissions that grant at least as much; any one of them satisfies this requirement. */
  readonly satisfiedBy: readonly string[]
  /** False for permissions asked only later, by incremental consent. */
  readonly isRequestedNow: boolean
}

export const HEADCOUNT_PERMISSIONS: readonly RequiredPermission[] = [
  {
    name: 'User.Read.All',
    reason: 'To read every user and their manager, the people Headcount keeps in step with your application.',
    satisfiedBy: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
    isRequestedNow: true,
  },
  {
    name: 'GroupMember.Read.All',
    reason: 'To read groups and who is in them, which decide scope, grouping and roles.',
    satisfiedBy: ['GroupMember.Read.All', 'Group.Read.All', 'GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
    isRequestedNow: true,
  },
  {
    name: 'Application.Read.All',
    reason: 'For health checks: to warn you before the certificates and client secrets of your enterprise app expire.',
    satisfiedBy: ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
    isRequestedNow: true,
  },
  {
    name: 'User.ReadWrite.All',
    reason: 'Only if you choose to create users in Entra for application users who have none; asked for at that moment, not now.',
    satisfiedBy: ['User.ReadWrite.All', 'Directory.ReadWrite.All'],
    isRequestedNow: false,
  },
]

/** What the Connect screen shows before the browser opens. */
export function describePermissions(mode: ConnectionMode): readonly PermissionRequest[] {
  const kind = mode === 'interactive' ? 'delegated' : 'application'
  return HEADCOUNT_PERMISSIONS.map((permission) => ({ name: permission.name, kind, reason: permission.reason, isRequestedNow: permission.isRequestedNow }))
}

/** Names of the permissions asked for now. */
export function permissionsRequestedNow(): readonly string[] {
  return HEADCOUNT_PERMISSIONS.filter((permission) => permission.isRequestedNow).map((permission) => permission.name)
}

/** The required-now permissions none of whose alternatives is among `granted` (case-insensitive, as Entra compares). */
export function findMissingPermissions(granted: readonly string[]): readonly string[] {
  const have = new Set(granted.map((permission) => permission.toLowerCase()))
  return HEADCOUNT_PERMISSIONS.filter((permission) => permission.isRequestedNow && !permission.satisfiedBy.some((name) => have.has(name.toLowerCase()))).map(
    (permission) => permission.name,
  )
}

/**
 * The `roles` (application permissions) and `scp` (delegated) claims of an access token. The token
 * is not verified: it is our own, just received from Entra over TLS, and only read to explain what
 * was granted — Graph verifies it for real on every call.
 */
export function readGrantedPermissions(accessToken: string): { readonly roles: readonly string[]; readonly scopes: readonly string[] } {
  const payload = accessToken.split('.')[1]
  if (!payload) return { roles: [], scopes: [] }
  let claims: { roles?: unknown; scp?: unknown }
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: unknown; scp?: unknown }
  } catch {
    return { roles: [], scopes: [] }
  }
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string') : []
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter((scope) => scope.length > 0) : []
  return { roles, scopes }
}
