/**
 * Which Graph permissions let a caller read each resource, least privileged first, from the v1.0
 * API pages (user-list, group-list-members, serviceprincipal-list, organization-get). Application
 * permissions arrive as `roles`, delegated ones as `scp`; either grants access.
 */

const USER_PERMISSIONS = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']
const GROUP_PERMISSIONS = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'GroupMember.ReadWrite.All',
  'Group.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
]
const APPLICATION_PERMISSIONS = [
  'Application.Read.All',
  'Application.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
]

const PERMISSIONS_BY_RESOURCE: Readonly<Record<string, readonly string[]>> = {
  users: USER_PERMISSIONS,
  groups: GROUP_PERMISSIONS,
  applications: APPLICATION_PERMISSIONS,
  serviceprincipals: APPLICATION_PERMISSIONS,
  organization: [...new Set([...USER_PERMISSIONS, ...GROUP_PERMISSIONS, ...APPLICATION_PERMISSIONS])],
}

/** Permissions accepted for a top-level resource segment, or null when the segment needs none. */
export function permissionsFor(resource: string): readonly string[] | null {
  return PERMISSIONS_BY_RESOURCE[resource.toLowerCase()] ?? null
}

/** True when any of the granted roles or scopes is one of `accepted` (case-insensitive). */
export function isPermitted(
  accepted: readonly string[],
  roles: readonly string[],
  scopes: readonly string[],
): boolean {
  const wanted = new Set(accepted.map((permission) => permission.toLowerCase()))
  return [...roles, ...scopes].some((permission) => wanted.has(permission.toLowerCase()))
}
