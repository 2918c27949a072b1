/**
 * What the demo generator produces and the Graph emulator serves: a whole Entra tenant, as data.
 */
import type {
  GraphApplication,
  GraphGroup,
  GraphMemberType,
  GraphOrganization,
  GraphServicePrincipal,
  GraphUser,
} from '../../services/graph/graph-types'

export interface DemoUser {
  readonly user: GraphUser
  /** Id of the user's manager, or null (the CEO, and a few others on purpose). */
  readonly managerId: string | null
}

export interface DemoMembership {
  readonly groupId: string
  readonly memberId: string
  readonly memberType: GraphMemberType
}

export interface DemoOrganisation {
  readonly seed: number
  readonly tenantId: string
  /** e.g. `nordlys.onmicrosoft.com`; verified custom domains are in `organization.verifiedDomains`. */
  readonly initialDomain: string
  readonly organization: GraphOrganization
  readonly users: readonly DemoUser[]
  readonly groups: readonly GraphGroup[]
  /** Direct memberships only; nesting is a membership whose member is a group. */
  readonly memberships: readonly DemoMembership[]
  readonly applications: readonly GraphApplication[]
  readonly servicePrincipals: readonly GraphServicePrincipal[]
}

export interface GenerateOrganisationOptions {
  /** Same seed + same size → byte-identical organisation. Default 2026. */
  readonly seed?: number
  /** Number of users, 1 … 200,000. Default 2,500. */
  readonly users?: number
  /** Fixed "now" for createdDateTime and credential expiry dates (ISO-8601). */
  readonly now?: string
}
