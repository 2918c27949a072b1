/**
 * Complete Graph objects from partial input: what a new user or group looks like in Entra when only
 * the required fields are given, and the app role assignments the emulator serves for its service
 * principals.
 */
import { blankGraphUser } from '../../../services/graph/blank-graph-user'
import type {
  GraphGroup,
  GraphServicePrincipal,
  GraphUser,
} from '../../../services/graph/graph-types'

/** A new user: UPN and display name are required, like `POST /users`; `id` may be chosen. */
export type UserInput = Partial<Omit<GraphUser, 'id'>> & {
  readonly userPrincipalName: string
  readonly displayName: string
  readonly id?: string
}

/** Properties that can change on an existing user. */
export type UserPatch = Partial<Omit<GraphUser, 'id' | 'createdDateTime'>>

export type GroupInput = Partial<Omit<GraphGroup, 'id'>> & { readonly displayName: string; readonly id?: string }

/** microsoft.graph.appRoleAssignment as served by `/servicePrincipals/{id}/appRoleAssignedTo`. */
export interface AppRoleAssignment {
  readonly id: string
  /** The default-access role when the application defines no roles. */
  readonly appRoleId: string
  readonly createdDateTime: string
  readonly deletedDateTime: null
  readonly principalDisplayName: string | null
  readonly principalId: string
  readonly principalType: 'User' | 'Group'
  readonly resourceDisplayName: string
  readonly resourceId: string
}

export const DEFAULT_ACCESS_APP_ROLE_ID = '00000000-0000-0000-0000-000000000000'

/** A full user from input, with Entra's defaults for everything not given. */
export function buildUser(input: UserInput, id: string, now: Date): GraphUser {
  const { id: _ignored, ...given } = input
  return {
    ...blankGraphUser({
      id,
      userPrincipalName: input.userPrincipalName,
      createdDateTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
    ...given,
  }
}

/** A full group from input; a security group unless told otherwise. */
export function buildGroup(input: GroupInput, id: string, now: Date): GraphGroup {
  const { id: _ignored, ...given } = input
  return {
    id,
    description: null,
    mail: null,
    mailNickname: input.displayName.replace(/[^A-Za-z0-9]/g, '') || id.slice(0, 8),
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [],
    createdDateTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    visibility: null,
    ...given,
  }
}

/** Graph assignment ids are opaque base64url strings; derive one stably from the pair. */
export function appRoleAssignmentId(servicePrincipalId: string, principalId: string): string {
  const hex = `${principalId}${servicePrincipalId}`.replace(/-/g, '').slice(0, 48)
  return Buffer.from(hex.padEnd(48, '0'), 'hex').toString('base64url')
}

/** Service principal with the properties Graph returns that the organisation does not carry. */
export function servicePrincipalRecord(
  servicePrincipal: GraphServicePrincipal,
  tenantId: string,
): Readonly<Record<string, unknown>> {
  return {
    accountEnabled: true,
    appDisplayName: servicePrincipal.displayName,
    appOwnerOrganizationId: tenantId,
    servicePrincipalNames: [servicePrincipal.appId],
    tags: [],
    replyUrls: [],
    appRoles: [],
    signInAudience: 'AzureADMyOrg',
    ...servicePrincipal,
  }
}
