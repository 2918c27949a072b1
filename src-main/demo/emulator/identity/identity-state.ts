/**
 * The sign-in service's memory: app registrations and their certificates, granted permissions
 * (admin consent, user consent, app roles), authorization codes, refresh tokens and sign-in pages in
 * progress. One instance per emulator; everything is lost on restart, as a revoked session would be.
 */
import { createHash, randomBytes, X509Certificate, type KeyObject } from 'node:crypto'
import { createDemoAppRegistrations, type AppRegistration } from './app-registrations'
import type { DemoOrganisation } from '../../organisation/organisation-types'

export interface RegisteredCertificate {
  readonly appId: string
  /** base64url SHA-1 of the DER certificate: the `x5t` a client assertion names. */
  readonly thumbprintSha1: string
  /** base64url SHA-256 of the DER certificate: `x5t#S256`. */
  readonly thumbprintSha256: string
  readonly publicKey: KeyObject
  readonly notAfter: Date
}

/** What an authorization code stands for (RFC 6749 §4.1.2: short-lived, single use, bound to client). */
export interface AuthorizationCodeGrant {
  readonly clientId: string
  readonly redirectUri: string
  readonly codeChallenge: string | null
  readonly userId: string
  /** Granted Graph permission values. */
  readonly permissions: readonly string[]
  /** The `scope` string echoed in the token response. */
  readonly responseScope: string
  readonly openId: readonly string[]
  readonly nonce: string | null
  readonly expiresAt: number
}

export interface RefreshTokenGrant {
  readonly clientId: string
  readonly userId: string
  readonly openId: readonly string[]
  readonly expiresAt: number
}

export type CodeRedemption =
  | { readonly outcome: 'redeemed'; readonly grant: AuthorizationCodeGrant }
  | { readonly outcome: 'unknown' | 'already-redeemed' | 'expired' }

/** Who a delegated grant is for: the whole organisation (admin consent) or one user. */
export type ConsentPrincipal = { readonly kind: 'organisation' } | { readonly kind: 'user'; readonly userId: string }

export interface IdentityStateOptions {
  readonly clock?: () => Date
  /** Extra registrations beside the two demo apps (tests register third-party apps). */
  readonly applications?: readonly AppRegistration[]
}

export interface IdentityState {
  findApplication(appId: string): AppRegistration | null
  /** Adds a certificate credential to an app ("Certificates & secrets" → upload). */
  registerCertificate(appId: string, certificatePem: string): RegisteredCertificate
  findCertificate(appId: string, thumbprint: { readonly sha1?: string; readonly sha256?: string }): RegisteredCertificate | null
  grantApplicationPermissions(appId: string, permissions: readonly string[]): void
  applicationPermissions(appId: string): readonly string[]
  grantDelegatedPermissions(appId: string, permissions: readonly string[], principal: ConsentPrincipal): void
  /** Permissions the user may use through the app: the organisation's grant plus the user's own. */
  delegatedPermissions(appId: string, userId: string): readonly string[]
  hasOrganisationConsent(appId: string): boolean
  /** Removes every delegated and application grant of the app (tests: "admin revoked consent"). */
  revokeConsent(appId: string): void
  saveAuthorizationCode(grant: AuthorizationCodeGrant): string
  redeemAuthorizationCode(code: string): CodeRedemption
  saveRefreshToken(grant: RefreshTokenGrant): string
  findRefreshToken(token: string): RefreshTokenGrant | null
  revokeRefreshToken(token: string): void
  now(): Date
}

/** Builds the state for an organisation, with the demo registrations and their pre-granted app roles. */
export function createIdentityState(organisation: DemoOrganisation, options: IdentityStateOptions = {}): IdentityState {
  const clock = options.clock ?? (() => new Date())
  const applications = new Map<string, AppRegistration>()
  for (const registration of [...createDemoAppRegistrations(organisation), ...(options.applications ?? [])]) {
    applications.set(registration.appId.toLowerCase(), registration)
  }
  const certificates = new Map<string, RegisteredCertificate[]>()
  const applicationGrants = new Map<string, Set<string>>()
  const organisationGrants = new Map<string, Set<string>>()
  const userGrants = new Map<string, Set<string>>()
  const codes = new Map<string, { grant: AuthorizationCodeGrant; isRedeemed: boolean }>()
  const refreshTokens = new Map<string, RefreshTokenGrant>()

  const key = (appId: string): string => appId.toLowerCase()
  const addAll = (map: Map<string, Set<string>>, mapKey: string, values: readonly string[]): void => {
    const set = map.get(mapKey) ?? new Set<string>()
    for (const value of values) set.add(value)
    map.set(mapKey, set)
  }

  // A single-tenant app is registered by the tenant's own admin, who grants its app roles at once
  // ("Grant admin consent for <tenant>"); a multi-tenant vendor app starts without any consent.
  for (const registration of applications.values()) {
    if (!registration.isMultiTenant) {
      addAll(applicationGrants, key(registration.appId), registration.requiredApplicationPermissions)
      addAll(organisationGrants, key(registration.appId), registration.requiredDelegatedPermissions)
    }
  }

  function sweepExpired(): void {
    const now = clock().getTime()
    // Redeemed codes stay until they expire, so a replay is told "already redeemed" (AADSTS54005).
    for (const [code, entry] of codes) if (entry.grant.expiresAt < now) codes.delete(code)
    for (const [token, grant] of refreshTokens) if (grant.expiresAt < now) refreshTokens.delete(token)
  }

  return {
    findApplication: (appId) => applications.get(key(appId)) ?? null,

    registerCertificate(appId, certificatePem) {
      if (!applications.has(key(appId))) throw new Error(`No application ${appId} is registered in the emulator.`)
      const certificate = new X509Certificate(certificatePem)
      const registered: RegisteredCertificate = {
        appId,
        thumbprintSha1: createHash('sha1').update(certificate.raw).digest('base64url'),
        thumbprintSha256: createHash('sha256').update(certificate.raw).digest('base64url'),
        publicKey: certificate.publicKey,
        notAfter: new Date(certificate.validTo),
      }
      const list = certificates.get(key(appId)) ?? []
      list.push(registered)
      certificates.set(key(appId), list)
      return registered
    },

    findCertificate(appId, thumbprint) {
      const list = certificates.get(key(appId)) ?? []
      return (
        list.find(
          (certificate) =>
            (thumbprint.sha256 !== undefined && certificate.thumbprintSha256 === thumbprint.sha256) ||
            (thumbprint.sha1 !== undefined && certificate.thumbprintSha1 === thumbprint.sha1),
        ) ?? null
      )
    },

    grantApplicationPermissions: (appId, permissions) => addAll(applicationGrants, key(appId), permissions),
    applicationPermissions: (appId) => [...(applicationGrants.get(key(appId)) ?? [])],

    grantDelegatedPermissions(appId, permissions, principal) {
      if (principal.kind === 'organisation') addAll(organisationGrants, key(appId), permissions)
      else addAll(userGrants, `${key(appId)}|${principal.userId.toLowerCase()}`, permissions)
    },
    delegatedPermissions(appId, userId) {
      const granted = new Set(organisationGrants.get(key(appId)) ?? [])
      for (const permission of userGrants.get(`${key(appId)}|${userId.toLowerCase()}`) ?? []) granted.add(permission)
      return [...granted]
    },
    hasOrganisationConsent: (appId) => (organisationGrants.get(key(appId))?.size ?? 0) > 0,
    revokeConsent(appId) {
      applicationGrants.delete(key(appId))
      organisationGrants.delete(key(appId))
      for (const grantKey of [...userGrants.keys()]) if (grantKey.startsWith(`${key(appId)}|`)) userGrants.delete(grantKey)
    },

    saveAuthorizationCode(grant) {
      sweepExpired()
      const code = `1.${randomBytes(48).toString('base64url')}`
      codes.set(code, { grant, isRedeemed: false })
      return code
    },
    redeemAuthorizationCode(code) {
      const entry = codes.get(code)
      if (entry === undefined) return { outcome: 'unknown' }
      if (entry.isRedeemed) return { outcome: 'already-redeemed' }
      entry.isRedeemed = true
      if (entry.grant.expiresAt < clock().getTime()) return { outcome: 'expired' }
      return { outcome: 'redeemed', grant: entry.grant }
    },

    saveRefreshToken(grant) {
      sweepExpired()
      const token = `1.${randomBytes(64).toString('base64url')}`
      refreshTokens.set(token, grant)
      return token
    },
    findRefreshToken(token) {
      const grant = refreshTokens.get(token)
      if (!grant || grant.expiresAt < clock().getTime()) return null
      return grant
    },
    revokeRefreshToken: (token) => void refreshTokens.delete(token),

    now: clock,
  }
}
