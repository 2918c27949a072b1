/**
 * Microsoft Graph v1.0 wire shapes for what Headcount reads. Property names and nullability follow
 * the Graph `user`, `group`, `organization`, `application` and `servicePrincipal` resources; the demo
 * generator, the emulator and the reader all use these so they cannot drift apart.
 */

export interface GraphAssignedLicense {
  readonly skuId: string
  readonly disabledPlans: readonly string[]
}

/** `onPremisesExtensionAttributes`: extensionAttribute1 … extensionAttribute15. */
export type GraphExtensionAttributes = Readonly<Record<`extensionAttribute${number}`, string | null>>

export interface GraphUser {
  readonly id: string
  readonly userPrincipalName: string
  readonly mail: string | null
  readonly mailNickname: string | null
  readonly proxyAddresses: readonly string[]
  readonly displayName: string | null
  readonly givenName: string | null
  readonly surname: string | null
  readonly jobTitle: string | null
  readonly department: string | null
  readonly companyName: string | null
  readonly officeLocation: string | null
  readonly streetAddress: string | null
  readonly postalCode: string | null
  readonly city: string | null
  readonly state: string | null
  readonly country: string | null
  readonly usageLocation: string | null
  readonly preferredLanguage: string | null
  readonly mobilePhone: string | null
  readonly businessPhones: readonly string[]
  readonly employeeId: string | null
  readonly employeeType: string | null
  readonly employeeHireDate: string | null
  readonly accountEnabled: boolean
  readonly userType: 'Member' | 'Guest'
  readonly createdDateTime: string
  readonly assignedLicenses: readonly GraphAssignedLicense[]
  readonly onPremisesExtensionAttributes: GraphExtensionAttributes
  readonly onPremisesSyncEnabled: boolean | null
  readonly onPremisesImmutableId: string | null
  readonly onPremisesSamAccountName: string | null
}

/** Attributes of a user that are relationships, not properties: kept beside the user. */
export interface GraphUserRelations {
  readonly managerId: string | null
}

export interface GraphGroup {
  readonly id: string
  readonly displayName: string
  readonly description: string | null
  readonly mail: string | null
  readonly mailNickname: string
  readonly mailEnabled: boolean
  readonly securityEnabled: boolean
  /** `["Unified"]` for Microsoft 365 groups, `[]` for security groups. */
  readonly groupTypes: readonly string[]
  readonly createdDateTime: string
  readonly visibility: 'Public' | 'Private' | null
}

export type GraphMemberType = '#microsoft.graph.user' | '#microsoft.graph.group'

export interface GraphMemberRef {
  readonly '@odata.type': GraphMemberType
  readonly id: string
}

export interface GraphOrganization {
  readonly id: string
  readonly displayName: string
  readonly verifiedDomains: readonly {
    readonly name: string
    readonly isDefault: boolean
    readonly isInitial: boolean
    readonly type: 'Managed' | 'Federated'
  }[]
  readonly countryLetterCode: string
  readonly tenantType: 'AAD'
  readonly createdDateTime: string
}

export interface GraphKeyCredential {
  readonly customKeyIdentifier: string | null
  readonly displayName: string | null
  readonly endDateTime: string
  readonly keyId: string
  readonly startDateTime: string
  readonly type: 'AsymmetricX509Cert' | 'Symmetric'
  readonly usage: 'Verify' | 'Sign'
}

export interface GraphPasswordCredential {
  readonly displayName: string | null
  readonly endDateTime: string
  readonly hint: string | null
  readonly keyId: string
  readonly startDateTime: string
}

export interface GraphApplication {
  readonly id: string
  readonly appId: string
  readonly displayName: string
  readonly signInAudience: string
  readonly keyCredentials: readonly GraphKeyCredential[]
  readonly passwordCredentials: readonly GraphPasswordCredential[]
}

export interface GraphServicePrincipal {
  readonly id: string
  readonly appId: string
  readonly displayName: string
  readonly appRoleAssignmentRequired: boolean
  readonly preferredSingleSignOnMode: 'saml' | 'oidc' | 'password' | null
  readonly preferredTokenSigningKeyThumbprint: string | null
  readonly servicePrincipalType: 'Application'
  readonly keyCredentials: readonly GraphKeyCredential[]
  readonly passwordCredentials: readonly GraphPasswordCredential[]
}

/** Graph error body (https://learn.microsoft.com/graph/errors). */
export interface GraphErrorBody {
  readonly error: {
    readonly code: string
    readonly message: string
    readonly innerError?: {
      readonly date?: string
      readonly 'request-id'?: string
      readonly 'client-request-id'?: string
      readonly [key: string]: unknown
    }
  }
}

/** A page of a Graph collection. */
export interface GraphPage<T> {
  readonly '@odata.context'?: string
  readonly '@odata.nextLink'?: string
  readonly '@odata.deltaLink'?: string
  readonly '@odata.count'?: number
  readonly value: readonly T[]
}
