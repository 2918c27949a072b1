/**
 * App registrations and enterprise apps of the demo tenant, with credentials dated relative to
 * `now` so the expiry warnings always have something to say: Headcount's own client secret lapses
 * in ~10 days, Cardwise's active SAML signing certificate in ~25 days (a newer one waits inactive),
 * and one other app already has an expired secret.
 */
import type {
  GraphApplication,
  GraphKeyCredential,
  GraphPasswordCredential,
  GraphServicePrincipal,
} from '../../services/graph/graph-types'
import { ORGANISATION_FACTS } from './organisation-facts'
import { SeededRandom, guidFromKey, hashSeed } from './seeded-random'

export interface BuiltApplications {
  readonly applications: GraphApplication[]
  readonly servicePrincipals: GraphServicePrincipal[]
}

const DAY_MS = 86_400_000

function isoDateTime(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Builds applications and service principals for the tenant. */
export function buildApplications(seed: number, now: string): BuiltApplications {
  const nowMs = Date.parse(now)
  const random = new SeededRandom(hashSeed(seed, 'applications'))
  const at = (days: number): string => isoDateTime(nowMs + days * DAY_MS)
  const thumbprint = (): string => random.hex(20).toUpperCase()
  const secretHint = (): string => random.pick(['Qx7', 'm2K', '8~v', 'Zt4', 'p9R', 'hD3'])
  const applicationObjectId = (name: string): string => guidFromKey(seed, `application:${name}`)
  const servicePrincipalId = (name: string): string => guidFromKey(seed, `servicePrincipal:${name}`)

  // Headcount: a client secret near expiry, one far away, and a certificate for unattended runs.
  const headcount = ORGANISATION_FACTS.headcountApplication
  const headcountCertificate: GraphKeyCredential = {
    customKeyIdentifier: thumbprint(),
    displayName: 'CN=Headcount unattended sync',
    endDateTime: at(700),
    keyId: random.guid(),
    startDateTime: at(-30),
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
  }
  const headcountSecrets: GraphPasswordCredential[] = [
    { displayName: 'Nightly sync', endDateTime: at(10), hint: secretHint(), keyId: random.guid(), startDateTime: at(-355) },
    { displayName: 'Admin console', endDateTime: at(400), hint: secretHint(), keyId: random.guid(), startDateTime: at(-330) },
  ]

  // Cardwise (SAML): each signing certificate is a Sign + Verify pair sharing a customKeyIdentifier
  // (here the certificate thumbprint), plus the PFX password credential, as addTokenSigningCertificate
  // creates them. The older one is active via preferredTokenSigningKeyThumbprint.
  const cardwise = ORGANISATION_FACTS.cardwiseApplication
  const activeThumbprint = thumbprint()
  const newerThumbprint = thumbprint()
  const samlCertificateName = 'CN=Microsoft Azure Federated SSO Certificate'
  const signingPair = (customKeyIdentifier: string, startDays: number, endDays: number): GraphKeyCredential[] =>
    (['Sign', 'Verify'] as const).map((usage) => ({
      customKeyIdentifier,
      displayName: samlCertificateName,
      endDateTime: at(endDays),
      keyId: random.guid(),
      startDateTime: at(startDays),
      type: 'AsymmetricX509Cert',
      usage,
    }))
  const cardwiseKeys = [...signingPair(activeThumbprint, 25 - 3 * 365, 25), ...signingPair(newerThumbprint, -5, 3 * 365 - 5)]
  const cardwisePasswords: GraphPasswordCredential[] = [
    { displayName: samlCertificateName, endDateTime: at(25), hint: null, keyId: random.guid(), startDateTime: at(25 - 3 * 365) },
    { displayName: samlCertificateName, endDateTime: at(3 * 365 - 5), hint: null, keyId: random.guid(), startDateTime: at(-5) },
  ]

  const expensesAppId = random.guid()
  const fieldServiceAppId = random.guid()

  const applications: GraphApplication[] = [
    {
      id: applicationObjectId(headcount.displayName),
      appId: headcount.appId,
      displayName: headcount.displayName,
      signInAudience: 'AzureADMyOrg',
      keyCredentials: [headcountCertificate],
      passwordCredentials: headcountSecrets,
    },
    {
      id: applicationObjectId(cardwise.displayName),
      appId: cardwise.appId,
      displayName: cardwise.displayName,
      signInAudience: 'AzureADMyOrg',
      keyCredentials: [],
      passwordCredentials: [],
    },
    {
      id: applicationObjectId('Nordlys Expenses'),
      appId: expensesAppId,
      displayName: 'Nordlys Expenses',
      signInAudience: 'AzureADMyOrg',
      keyCredentials: [],
      passwordCredentials: [
        { displayName: 'Integration (old)', endDateTime: at(-20), hint: secretHint(), keyId: random.guid(), startDateTime: at(-385) },
        { displayName: 'Integration', endDateTime: at(160), hint: secretHint(), keyId: random.guid(), startDateTime: at(-205) },
      ],
    },
    {
      id: applicationObjectId('Fjord Field Service Portal'),
      appId: fieldServiceAppId,
      displayName: 'Fjord Field Service Portal',
      signInAudience: 'AzureADMultipleOrgs',
      keyCredentials: [],
      passwordCredentials: [],
    },
  ]

  const servicePrincipals: GraphServicePrincipal[] = [
    {
      id: servicePrincipalId(headcount.displayName),
      appId: headcount.appId,
      displayName: headcount.displayName,
      appRoleAssignmentRequired: false,
      preferredSingleSignOnMode: null,
      preferredTokenSigningKeyThumbprint: null,
      servicePrincipalType: 'Application',
      keyCredentials: [],
      passwordCredentials: [],
    },
    {
      id: servicePrincipalId(cardwise.displayName),
      appId: cardwise.appId,
      displayName: cardwise.displayName,
      appRoleAssignmentRequired: true,
      preferredSingleSignOnMode: 'saml',
      preferredTokenSigningKeyThumbprint: activeThumbprint,
      servicePrincipalType: 'Application',
      keyCredentials: cardwiseKeys,
      passwordCredentials: cardwisePasswords,
    },
    {
      id: servicePrincipalId('Nordlys Expenses'),
      appId: expensesAppId,
      displayName: 'Nordlys Expenses',
      appRoleAssignmentRequired: true,
      preferredSingleSignOnMode: 'oidc',
      preferredTokenSigningKeyThumbprint: null,
      servicePrincipalType: 'Application',
      keyCredentials: [],
      passwordCredentials: [],
    },
    {
      id: servicePrincipalId('Fjord Field Service Portal'),
      appId: fieldServiceAppId,
      displayName: 'Fjord Field Service Portal',
      appRoleAssignmentRequired: false,
      preferredSingleSignOnMode: 'password',
      preferredTokenSigningKeyThumbprint: null,
      servicePrincipalType: 'Application',
      keyCredentials: [],
      passwordCredentials: [],
    },
    {
      id: servicePrincipalId('Microsoft Graph'),
      appId: ORGANISATION_FACTS.microsoftGraphAppId,
      displayName: 'Microsoft Graph',
      appRoleAssignmentRequired: false,
      preferredSingleSignOnMode: null,
      preferredTokenSigningKeyThumbprint: null,
      servicePrincipalType: 'Application',
      keyCredentials: [],
      passwordCredentials: [],
    },
  ]
  return { applications, servicePrincipals }
}
