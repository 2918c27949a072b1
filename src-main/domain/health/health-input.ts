/**
 * What the health check reads from Graph, in the shape Graph sends it (v1.0 keyCredential,
 * passwordCredential, servicePrincipal, application), limited to the properties it uses.
 * Declared here so the functional core does not depend on the Graph reader (services/).
 */

/** microsoft.graph.keyCredential (entra-and-graph.md §6.3). */
export interface KeyCredentialInput {
  readonly customKeyIdentifier: string | null
  readonly displayName: string | null
  readonly endDateTime: string
  readonly keyId: string
  readonly startDateTime: string
  /** `AsymmetricX509Cert` or `Symmetric`. */
  readonly type: string
  /** `Verify` (public key) or `Sign` (private key). */
  readonly usage: string
}

/** microsoft.graph.passwordCredential. */
export interface PasswordCredentialInput {
  /** Set on the PFX password Entra keeps beside a SAML signing certificate; absent on plain secrets. */
  readonly customKeyIdentifier?: string | null
  readonly displayName: string | null
  readonly endDateTime: string
  readonly keyId: string
  readonly startDateTime: string
}

/** The enterprise app: microsoft.graph.servicePrincipal. */
export interface ServicePrincipalInput {
  readonly id: string
  readonly appId: string
  readonly displayName: string
  readonly appRoleAssignmentRequired: boolean
  readonly preferredSingleSignOnMode: string | null
  /** Hex SHA-1 of the SAML certificate that signs today. */
  readonly preferredTokenSigningKeyThumbprint: string | null
  readonly keyCredentials: readonly KeyCredentialInput[]
  readonly passwordCredentials: readonly PasswordCredentialInput[]
}

/** The app registration: microsoft.graph.application. */
export interface ApplicationInput {
  readonly id: string
  readonly appId: string
  readonly displayName: string
  readonly keyCredentials: readonly KeyCredentialInput[]
  readonly passwordCredentials: readonly PasswordCredentialInput[]
}

/** Who is assigned to the enterprise app, by `principalType` of its appRoleAssignedTo. */
export interface AssignmentCounts {
  readonly users: number
  readonly groups: number
}

/** Everything one health report is built from. */
export interface HealthInput {
  /** The application's enterprise app and its assignments; null when none is chosen. */
  readonly enterpriseApp: { readonly servicePrincipal: ServicePrincipalInput; readonly assignments: AssignmentCounts } | null
  /** The app registration Headcount signs in with unattended; null for interactive profiles or when not found. */
  readonly appRegistration: ApplicationInput | null
}
