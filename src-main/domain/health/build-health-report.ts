/**
 * The Health report: every credential that can expire on the application's enterprise app and on the
 * app registration Headcount signs in with, each with days left, level and advice, most urgent first;
 * plus whether the enterprise app requires assignment and who is assigned.
 */
import type { CredentialHealth, CredentialKind, EnterpriseAppHealth, HealthReport } from '../../common/health'
import { adviseOnCredential } from './advise-on-credential'
import { compareExpiryLevels, evaluateCredentialExpiry, mostUrgentLevel } from './evaluate-credential-expiry'
import type { ApplicationInput, HealthInput, KeyCredentialInput, PasswordCredentialInput, ServicePrincipalInput } from './health-input'
import { isSameThumbprint, thumbprintHex } from './signing-thumbprint'

const KIND_ORDER: Readonly<Record<CredentialKind, number>> = { samlSigningCertificate: 0, clientSecret: 1, clientCertificate: 2 }

/**
 * Builds the report at `now`.
 *
 * Ordering and `worstLevel`: a credential "matters" unless it is an inactive SAML signing certificate
 * while another one is known to be active — that one signs nothing, so its expiry cannot break sign-in
 * and must not turn the whole report red. Credentials that matter come first, most urgent level first,
 * then the earliest end; `worstLevel` is taken over them only.
 */
export function buildHealthReport(input: HealthInput & { readonly profileId: string }, now: Date): HealthReport {
  const credentials: RankedCredential[] = []
  let enterpriseApp: EnterpriseAppHealth | null = null
  if (input.enterpriseApp) {
    const { servicePrincipal, assignments } = input.enterpriseApp
    enterpriseApp = {
      appId: servicePrincipal.appId,
      displayName: servicePrincipal.displayName,
      servicePrincipalId: servicePrincipal.id,
      isAssignmentRequired: servicePrincipal.appRoleAssignmentRequired,
      assignedUsers: assignments.users,
      assignedGroups: assignments.groups,
      preferredSingleSignOnMode: servicePrincipal.preferredSingleSignOnMode,
    }
    credentials.push(...servicePrincipalCredentials(servicePrincipal, now))
  }
  if (input.appRegistration) credentials.push(...applicationCredentials(input.appRegistration, now))

  credentials.sort(compareUrgency)
  return {
    profileId: input.profileId,
    checkedAt: now.toISOString(),
    enterpriseApp,
    credentials: credentials.map(({ credential }) => credential),
    worstLevel: mostUrgentLevel(credentials.filter(({ matters }) => matters).map(({ credential }) => credential.level)),
  }
}

interface RankedCredential {
  readonly credential: CredentialHealth
  /** False for an inactive SAML certificate while another one signs (see {@link buildHealthReport}). */
  readonly matters: boolean
}

function compareUrgency(a: RankedCredential, b: RankedCredential): number {
  return (
    Number(b.matters) - Number(a.matters) ||
    (a.matters ? compareExpiryLevels(a.credential.level, b.credential.level) : 0) ||
    Date.parse(a.credential.endDateTime) - Date.parse(b.credential.endDateTime) ||
    KIND_ORDER[a.credential.kind] - KIND_ORDER[b.credential.kind] ||
    compareText(a.credential.keyId, b.credential.keyId)
  )
}

function servicePrincipalCredentials(servicePrincipal: ServicePrincipalInput, now: Date): RankedCredential[] {
  const ownerName = servicePrincipal.displayName
  const signingKeys = servicePrincipal.keyCredentials.filter((key) => key.usage === 'Sign')
  const signingIdentifiers = new Set(signingKeys.map((key) => identifierOf(key.customKeyIdentifier)).filter((id) => id !== null))
  const isActiveKnown = signingKeys.some((key) => isSameThumbprint(key.customKeyIdentifier, servicePrincipal.preferredTokenSigningKeyThumbprint))
  const ranked: RankedCredential[] = []

  // One entry per SAML certificate: the Sign key stands for it; its Verify twin (same
  // customKeyIdentifier, the public half Entra publishes in the federation metadata) is the same
  // certificate and is not listed again.
  for (const key of signingKeys) {
    const isActive = isSameThumbprint(key.customKeyIdentifier, servicePrincipal.preferredTokenSigningKeyThumbprint)
    ranked.push({
      credential: describe({ kind: 'samlSigningCertificate', owner: 'enterpriseApp', ownerName, isActive, isActiveKnown }, key, now),
      matters: isActive || !isActiveKnown,
    })
  }
  for (const key of servicePrincipal.keyCredentials) {
    if (key.usage !== 'Verify' || key.type !== 'AsymmetricX509Cert') continue
    const identifier = identifierOf(key.customKeyIdentifier)
    if (identifier !== null && signingIdentifiers.has(identifier)) continue
    ranked.push({ credential: describe({ kind: 'clientCertificate', owner: 'enterpriseApp', ownerName, isActive: false }, key, now), matters: true })
  }
  for (const password of servicePrincipal.passwordCredentials) {
    if (isSigningCertificatePassword(password, signingKeys, signingIdentifiers)) continue
    ranked.push({ credential: describe({ kind: 'clientSecret', owner: 'enterpriseApp', ownerName, isActive: false }, password, now), matters: true })
  }
  return ranked
}

/**
 * Entra's addTokenSigningCertificate stores, beside the Sign and Verify keys, a passwordCredential:
 * the password of the certificate's PFX, sharing the certificate's customKeyIdentifier and named like
 * it ("CN=Microsoft Azure Federated SSO Certificate"). Nothing signs in with it, and it ends with the
 * certificate, so reporting it as a client secret would raise a second, misleading alarm.
 * Graph does not always return customKeyIdentifier on passwords, hence the name-and-date match.
 */
function isSigningCertificatePassword(
  password: PasswordCredentialInput,
  signingKeys: readonly KeyCredentialInput[],
  signingIdentifiers: ReadonlySet<string>,
): boolean {
  const identifier = identifierOf(password.customKeyIdentifier ?? null)
  if (identifier !== null && signingIdentifiers.has(identifier)) return true
  const name = password.displayName ?? ''
  return (
    name.startsWith('CN=') &&
    signingKeys.some((key) => key.displayName === name && Date.parse(key.endDateTime) === Date.parse(password.endDateTime))
  )
}

function applicationCredentials(application: ApplicationInput, now: Date): RankedCredential[] {
  const ownerName = application.displayName
  const ranked: RankedCredential[] = []
  // Only certificates (Verify, X.509) sign an app in; Symmetric keys are a legacy kind not used for that.
  for (const key of application.keyCredentials) {
    if (key.usage !== 'Verify' || key.type !== 'AsymmetricX509Cert') continue
    ranked.push({ credential: describe({ kind: 'clientCertificate', owner: 'appRegistration', ownerName, isActive: false }, key, now), matters: true })
  }
  for (const password of application.passwordCredentials) {
    ranked.push({ credential: describe({ kind: 'clientSecret', owner: 'appRegistration', ownerName, isActive: false }, password, now), matters: true })
  }
  return ranked
}

interface Described {
  readonly kind: CredentialKind
  readonly owner: CredentialHealth['owner']
  readonly ownerName: string
  readonly isActive: boolean
  readonly isActiveKnown?: boolean
}

function describe(what: Described, credential: KeyCredentialInput | PasswordCredentialInput, now: Date): CredentialHealth {
  const { daysLeft, level } = evaluateCredentialExpiry(credential.endDateTime, now)
  const displayName = credential.displayName
  return {
    kind: what.kind,
    owner: what.owner,
    displayName,
    keyId: credential.keyId,
    startDateTime: credential.startDateTime,
    endDateTime: credential.endDateTime,
    daysLeft,
    isActive: what.isActive,
    level,
    advice: adviseOnCredential({ ...what, displayName, daysLeft, level }),
  }
}

/** Key for matching twins: the thumbprint when it is one, else the identifier as sent. */
function identifierOf(customKeyIdentifier: string | null): string | null {
  if (customKeyIdentifier === null || customKeyIdentifier === '') return null
  return thumbprintHex(customKeyIdentifier) ?? customKeyIdentifier
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
