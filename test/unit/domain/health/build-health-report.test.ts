import { describe, expect, it } from 'vitest'
import { buildHealthReport } from '../../../../src-main/domain/health/build-health-report'
import type {
  ApplicationInput,
  KeyCredentialInput,
  PasswordCredentialInput,
  ServicePrincipalInput,
} from '../../../../src-main/domain/health/health-input'

const NOW = new Date('2026-11-01T09:00:00Z')
const DAY = 86_400_000
const at = (days: number): string => new Date(NOW.getTime() + days * DAY).toISOString().replace('.000Z', 'Z')

const ACTIVE = 'A1'.repeat(20)
const NEWER = 'B2'.repeat(20)
const SSO_NAME = 'CN=Microsoft Azure Federated SSO Certificate'

/** A SAML signing certificate as addTokenSigningCertificate stores it: Sign + Verify + PFX password. */
function signingCertificate(thumbprint: string, endDays: number, keyPrefix: string) {
  const pair = (['Sign', 'Verify'] as const).map<KeyCredentialInput>((usage) => ({
    customKeyIdentifier: thumbprint,
    displayName: SSO_NAME,
    endDateTime: at(endDays),
    keyId: `${keyPrefix}-${usage.toLowerCase()}`,
    startDateTime: at(endDays - 3 * 365),
    type: 'AsymmetricX509Cert',
    usage,
  }))
  const password: PasswordCredentialInput = { displayName: SSO_NAME, endDateTime: at(endDays), keyId: `${keyPrefix}-pfx`, startDateTime: at(endDays - 3 * 365) }
  return { keys: pair, password }
}

function cardwise(overrides: Partial<ServicePrincipalInput> = {}): ServicePrincipalInput {
  const active = signingCertificate(ACTIVE, 25, 'active')
  const newer = signingCertificate(NEWER, 3 * 365 - 5, 'newer')
  return {
    id: 'sp-cardwise',
    appId: '9e2d4a71-0c5b-4e8f-a6d3-71f0b8c25e19',
    displayName: 'Cardwise',
    appRoleAssignmentRequired: true,
    preferredSingleSignOnMode: 'saml',
    // Entra shows the thumbprint upper case; the comparison ignores case.
    preferredTokenSigningKeyThumbprint: ACTIVE.toLowerCase(),
    keyCredentials: [...active.keys, ...newer.keys],
    passwordCredentials: [active.password, newer.password],
    ...overrides,
  }
}

function headcount(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    id: 'app-headcount',
    appId: '3c1f6b0e-8a4d-4f52-9d7e-5b2a61c0e7d4',
    displayName: 'Headcount',
    keyCredentials: [
      { customKeyIdentifier: 'C3'.repeat(20), displayName: 'CN=Headcount unattended sync', endDateTime: at(700), keyId: 'hc-cert', startDateTime: at(-30), type: 'AsymmetricX509Cert', usage: 'Verify' },
    ],
    passwordCredentials: [
      { displayName: 'Nightly sync', endDateTime: at(10), keyId: 'hc-nightly', startDateTime: at(-355) },
      { displayName: 'Admin console', endDateTime: at(400), keyId: 'hc-console', startDateTime: at(-330) },
    ],
    ...overrides,
  }
}

describe('buildHealthReport', () => {
  it('reports the Cardwise SAML certificates and the Headcount credentials, most urgent first', () => {
    const report = buildHealthReport(
      { profileId: 'nordlys', enterpriseApp: { servicePrincipal: cardwise(), assignments: { users: 4, groups: 3 } }, appRegistration: headcount() },
      NOW,
    )
    expect(report.profileId).toBe('nordlys')
    expect(report.checkedAt).toBe('2026-11-01T09:00:00.000Z')
    expect(report.enterpriseApp).toEqual({
      appId: '9e2d4a71-0c5b-4e8f-a6d3-71f0b8c25e19',
      displayName: 'Cardwise',
      servicePrincipalId: 'sp-cardwise',
      isAssignmentRequired: true,
      assignedUsers: 4,
      assignedGroups: 3,
      preferredSingleSignOnMode: 'saml',
    })
    // Golden table: kind, owner, key, days left, active, level, in report order.
    expect(report.credentials.map((c) => [c.kind, c.owner, c.keyId, c.daysLeft, c.isActive, c.level])).toEqual([
      ['clientSecret', 'appRegistration', 'hc-nightly', 10, false, 'warning14'],
      ['samlSigningCertificate', 'enterpriseApp', 'active-sign', 25, true, 'notice30'],
      ['clientSecret', 'appRegistration', 'hc-console', 400, false, 'ok'],
      ['clientCertificate', 'appRegistration', 'hc-cert', 700, false, 'ok'],
      ['samlSigningCertificate', 'enterpriseApp', 'newer-sign', 3 * 365 - 5, false, 'ok'],
    ])
    expect(report.worstLevel).toBe('warning14')
    expect(report.credentials[1]).toMatchObject({
      displayName: SSO_NAME,
      startDateTime: at(25 - 3 * 365),
      endDateTime: at(25),
      advice:
        'The SAML signing certificate that signs today expires in 25 days. Create a new one in Entra ' +
        '(Enterprise applications › Cardwise › Single sign-on), make it active, and upload it to the application.',
    })
    expect(report.credentials[0]?.advice).toBe(
      'The client secret “Nightly sync” of the app registration Headcount expires in 10 days. Add a new secret in Entra ' +
        "(App registrations › Headcount › Certificates & secrets), put it into Headcount's connection and anything else " +
        'that uses it, then delete the old one.',
    )
  })

  it('lists one entry per SAML certificate (the Verify twin merged) and no PFX password as a secret', () => {
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: { servicePrincipal: cardwise(), assignments: { users: 0, groups: 0 } }, appRegistration: null }, NOW)
    expect(report.credentials.map((c) => c.keyId)).toEqual(['active-sign', 'newer-sign'])
    expect(report.credentials.every((c) => c.kind === 'samlSigningCertificate')).toBe(true)
  })

  it('recognises the PFX password by customKeyIdentifier too, whatever its name', () => {
    const servicePrincipal = cardwise({
      passwordCredentials: [{ customKeyIdentifier: ACTIVE, displayName: 'renamed', endDateTime: at(25), keyId: 'pfx', startDateTime: at(-1000) }],
    })
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: { servicePrincipal, assignments: { users: 0, groups: 0 } }, appRegistration: null }, NOW)
    expect(report.credentials.some((c) => c.kind === 'clientSecret')).toBe(false)
  })

  it("reports the enterprise app's own client secrets and certificates", () => {
    const servicePrincipal = cardwise({
      keyCredentials: [
        ...cardwise().keyCredentials,
        { customKeyIdentifier: null, displayName: 'CN=provisioning', endDateTime: at(5), keyId: 'sp-cert', startDateTime: at(-360), type: 'AsymmetricX509Cert', usage: 'Verify' },
      ],
      passwordCredentials: [...cardwise().passwordCredentials, { displayName: 'SCIM token', endDateTime: at(-3), keyId: 'sp-secret', startDateTime: at(-368) }],
    })
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: { servicePrincipal, assignments: { users: 0, groups: 0 } }, appRegistration: null }, NOW)
    expect(report.credentials.map((c) => [c.kind, c.keyId, c.level])).toEqual([
      ['clientSecret', 'sp-secret', 'expired'],
      ['clientCertificate', 'sp-cert', 'critical7'],
      ['samlSigningCertificate', 'active-sign', 'notice30'],
      ['samlSigningCertificate', 'newer-sign', 'ok'],
    ])
    expect(report.worstLevel).toBe('expired')
    expect(report.credentials[0]?.advice).toMatch(/^The client secret “SCIM token” of the enterprise app Cardwise has expired: anything that signs in with it fails/)
  })

  it('says an expired active SAML certificate breaks sign-in', () => {
    const servicePrincipal = cardwise({ keyCredentials: signingCertificate(ACTIVE, -2, 'old').keys, passwordCredentials: [] })
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: { servicePrincipal, assignments: { users: 0, groups: 0 } }, appRegistration: null }, NOW)
    expect(report.credentials).toHaveLength(1)
    expect(report.credentials[0]).toMatchObject({ daysLeft: -2, level: 'expired', isActive: true })
    expect(report.credentials[0]?.advice).toBe(
      'The SAML signing certificate that signs today has expired: sign-in to Cardwise fails until a new one is active. ' +
        'Create a new one in Entra (Enterprise applications › Cardwise › Single sign-on), make it active, and upload it to the application.',
    )
    expect(report.worstLevel).toBe('expired')
  })

  it('does not let an expired inactive SAML certificate turn the report red, and lists it last', () => {
    const old = signingCertificate('D4'.repeat(20), -40, 'retired')
    const servicePrincipal = cardwise({ keyCredentials: [...old.keys, ...cardwise().keyCredentials] })
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: { servicePrincipal, assignments: { users: 0, groups: 0 } }, appRegistration: null }, NOW)
    expect(report.credentials.map((c) => [c.keyId, c.level])).toEqual([
      ['active-sign', 'notice30'],
      ['retired-sign', 'expired'],
      ['newer-sign', 'ok'],
    ])
    expect(report.worstLevel).toBe('notice30')
    expect(report.credentials[1]?.advice).toMatch(/^An inactive SAML signing certificate has expired\. It signs nothing, so sign-in is not affected/)
  })

  it('treats every SAML certificate as possibly signing when Entra names no active one', () => {
    const servicePrincipal = cardwise({ preferredTokenSigningKeyThumbprint: null })
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: { servicePrincipal, assignments: { users: 0, groups: 0 } }, appRegistration: null }, NOW)
    expect(report.credentials.map((c) => [c.keyId, c.isActive])).toEqual([
      ['active-sign', false],
      ['newer-sign', false],
    ])
    expect(report.worstLevel).toBe('notice30')
    expect(report.credentials[0]?.advice).toMatch(/^A SAML signing certificate \(Entra names no active one, so it may be the one that signs\) expires in 25 days\./)
  })

  it('matches the active certificate when Graph sends customKeyIdentifier as base64 bytes', () => {
    const thumbprint = '0123456789ABCDEF0123456789ABCDEF01234567'
    const base64 = Buffer.from(thumbprint, 'hex').toString('base64')
    const servicePrincipal = cardwise({ preferredTokenSigningKeyThumbprint: thumbprint, keyCredentials: signingCertificate(base64, 100, 'cert').keys, passwordCredentials: [] })
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: { servicePrincipal, assignments: { users: 0, groups: 0 } }, appRegistration: null }, NOW)
    expect(report.credentials.map((c) => [c.keyId, c.isActive])).toEqual([['cert-sign', true]])
  })

  it('ignores Symmetric keys: they do not sign an application in', () => {
    const application = headcount({
      keyCredentials: [{ customKeyIdentifier: null, displayName: 'legacy', endDateTime: at(3), keyId: 'sym', startDateTime: at(-100), type: 'Symmetric', usage: 'Verify' }],
      passwordCredentials: [],
    })
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: null, appRegistration: application }, NOW)
    expect(report.credentials).toEqual([])
    expect(report.worstLevel).toBe('ok')
  })

  it('reports only the app registration when no enterprise app is chosen', () => {
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: null, appRegistration: headcount() }, NOW)
    expect(report.enterpriseApp).toBeNull()
    expect(report.credentials.map((c) => c.keyId)).toEqual(['hc-nightly', 'hc-console', 'hc-cert'])
    expect(report.credentials.every((c) => c.owner === 'appRegistration')).toBe(true)
  })

  it('is empty and ok with nothing to check', () => {
    expect(buildHealthReport({ profileId: 'p', enterpriseApp: null, appRegistration: null }, NOW)).toEqual({
      profileId: 'p',
      checkedAt: '2026-11-01T09:00:00.000Z',
      enterpriseApp: null,
      credentials: [],
      worstLevel: 'ok',
    })
  })

  it.each([
    [1, 'expires within a day'],
    [2, 'expires in 2 days'],
  ])('words %i day(s) left plainly', (days, words) => {
    const application = headcount({ keyCredentials: [], passwordCredentials: [{ displayName: null, endDateTime: at(days - 0.5), keyId: 'k', startDateTime: at(-1) }] })
    const report = buildHealthReport({ profileId: 'p', enterpriseApp: null, appRegistration: application }, NOW)
    expect(report.credentials[0]?.advice).toMatch(new RegExp(`^A client secret of the app registration Headcount ${words}\\.`))
  })

  it('breaks ties by end date, then kind, then key id, so the order never depends on input order', () => {
    const secret = (keyId: string, days: number): PasswordCredentialInput => ({ displayName: keyId, endDateTime: at(days), keyId, startDateTime: at(-1) })
    const forward = headcount({ keyCredentials: [], passwordCredentials: [secret('b', 9), secret('a', 9), secret('c', 8)] })
    const backward = headcount({ keyCredentials: [], passwordCredentials: [secret('c', 8), secret('a', 9), secret('b', 9)] })
    const order = (application: ApplicationInput) =>
      buildHealthReport({ profileId: 'p', enterpriseApp: null, appRegistration: application }, NOW).credentials.map((c) => c.keyId)
    expect(order(forward)).toEqual(['c', 'a', 'b'])
    expect(order(backward)).toEqual(['c', 'a', 'b'])
  })
})
