/** DTOs of the Health area: credentials and certificates that expire, and app assignment. */

export type ExpiryLevel = 'ok' | 'notice30' | 'warning14' | 'critical7' | 'expired'

export type CredentialKind = 'samlSigningCertificate' | 'clientSecret' | 'clientCertificate'

export interface CredentialHealth {
  readonly kind: CredentialKind
  /** Where it lives: the enterprise app (service principal) or the app registration used for unattended runs. */
  readonly owner: 'enterpriseApp' | 'appRegistration'
  readonly displayName: string | null
  readonly keyId: string
  readonly startDateTime: string
  readonly endDateTime: string
  /** Whole days from the check to the end (negative once expired). */
  readonly daysLeft: number
  /** SAML only: the certificate that signs today (preferredTokenSigningKeyThumbprint). */
  readonly isActive: boolean
  readonly level: ExpiryLevel
  /** Plain words: what it means and what to do. */
  readonly advice: string
}

export interface EnterpriseAppHealth {
  readonly appId: string
  readonly displayName: string
  readonly servicePrincipalId: string
  readonly isAssignmentRequired: boolean
  readonly assignedUsers: number
  readonly assignedGroups: number
  readonly preferredSingleSignOnMode: string | null
}

export interface EnterpriseAppChoice {
  readonly appId: string
  readonly displayName: string
}

export interface HealthReport {
  readonly profileId: string
  /** ISO-8601 time the report was read from Graph. */
  readonly checkedAt: string
  readonly enterpriseApp: EnterpriseAppHealth | null
  readonly credentials: readonly CredentialHealth[]
  /** The most urgent level across all credentials. */
  readonly worstLevel: ExpiryLevel
}
