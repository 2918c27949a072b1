/**
 * Unattended connections through the Connection area (api/connection-area.ts): configure with a
 * client secret or a certificate (PEM, PFX), test, consent link and consent check — real msal-node,
 * real HTTPS to the emulator, real files for the profile list and the encrypted secret store.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectionInput, ConnectionStatus } from '../../../src-main/common/connection'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { readGrantedPermissions } from '../../../src-main/services/auth/headcount-permissions'
import { createTrustedFetch, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { signInThroughPages } from '../demo-emulator/sign-in-browser'
import { makeTestCertificate, type TestCertificate } from '../../unit/services/auth/test-certificates'
import { createConnectionFixture, type ConnectionFixture } from './connection-fixture'

const ALL_ROLES = ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All']

let emulator: RunningEmulator
let trusted: TrustedFetch
let fixture: ConnectionFixture
let certificate: TestCertificate
let administratorUpn: string

beforeAll(async () => {
  emulator = await startEmulator({ users: 40 })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
  certificate = makeTestCertificate()
  emulator.identity.registerCertificate(emulator.confidentialClient.clientId, certificate.certificatePem)
  administratorUpn = emulator.organisation.users.find(({ user }) => user.jobTitle === 'Head of IT' || user.jobTitle === 'IT Manager')?.user.userPrincipalName ?? ''
})

afterAll(async () => {
  await trusted.close()
  await emulator.close()
})

beforeEach(async () => {
  await fixture?.dispose()
  fixture = createConnectionFixture()
  // Every test starts from the tenant admin's consent for the app's roles.
  emulator.identity.grantApplicationPermissions(emulator.confidentialClient.clientId, ALL_ROLES)
})

afterAll(async () => {
  await fixture.dispose()
})

function input(overrides: Partial<ConnectionInput>): ConnectionInput {
  return {
    cloud: 'custom',
    authorityHost: emulator.authorityHost,
    graphEndpoint: emulator.origin,
    tenant: emulator.tenantId,
    clientId: emulator.confidentialClient.clientId,
    mode: 'clientSecret',
    clientSecret: emulator.confidentialClient.clientSecret,
    caCertificatePem: emulator.caCertificatePem,
    ...overrides,
  }
}

describe('unattended credentials', () => {
  it('a client secret: configure stores it out of sight, test passes every step, the profile is connected', async () => {
    fixture.addProfile('contoso')
    const area = fixture.area()
    const seen: ConnectionStatus[] = []
    area.onDidChange((status) => seen.push(status))

    const configured = await area.configure({ profileId: 'contoso', connection: input({}) })
    expect(configured.state).toBe('notConnected')
    expect(configured.settings).toMatchObject({ cloud: 'custom', mode: 'clientSecret', hasCredential: true, hasCustomCa: true, graphEndpoint: emulator.origin })
    expect(JSON.stringify(configured)).not.toContain(emulator.confidentialClient.clientSecret)

    const result = await area.test({ profileId: 'contoso' })
    expect(result.steps.map((step) => [step.name, step.isOk])).toEqual([
      ['Get a token', true],
      ['Check permissions', true],
      ['Read one user', true],
      ['Read the organisation', true],
    ])
    expect(result).toMatchObject({ isOk: true, missingPermissions: [], tenantName: emulator.organisation.organization.displayName, error: null })
    const status = await area.status({ profileId: 'contoso' })
    expect(status).toMatchObject({ state: 'connected', tenantName: emulator.organisation.organization.displayName, lastError: null })
    expect(seen.at(-1)?.state).toBe('connected')
    expect(fixture.registry.get('contoso')?.tenantName).toBe(emulator.organisation.organization.displayName)

    // The pull's token provider: client credentials on the profile's cloud, through its CA.
    const token = await area.tokenProviderFor('contoso').getAccessToken()
    expect(await emulator.tokens.verifyAccessToken(token)).toMatchObject({ ok: true, roles: ALL_ROLES })
    const access = await area.graphAccessFor('contoso')
    expect(access.graphBaseUrl).toBe(`${emulator.origin}/v1.0`)
    const users = await access.fetch(`${access.graphBaseUrl}/users?$top=2`, { headers: { authorization: `Bearer ${await access.tokenProvider.getAccessToken()}` } })
    expect(users.status).toBe(200)
  })

  it.each(['pem', 'pfx'] as const)('a certificate (%s): test passes with the registered certificate', async (form) => {
    fixture.addProfile('cert')
    const area = fixture.area()
    const connection =
      form === 'pem'
        ? input({ mode: 'certificate', clientSecret: undefined, certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem })
        : input({ mode: 'certificate', clientSecret: undefined, pfxBase64: certificate.pfxBase64('pfx-pass'), pfxPassword: 'pfx-pass' })
    await area.configure({ profileId: 'cert', connection })
    const result = await area.test({ profileId: 'cert' })
    expect(result.isOk).toBe(true)
    expect(result.steps[0]?.detail).toMatch(/certificate/)
  })

  it('a wrong secret: the token step fails with AADSTS7000215, the rest is not tried, the state is failed', async () => {
    fixture.addProfile('wrong')
    const area = fixture.area()
    await area.configure({ profileId: 'wrong', connection: input({ clientSecret: 'not-the-secret-value-42' }) })
    const result = await area.test({ profileId: 'wrong' })
    expect(result.isOk).toBe(false)
    expect(result.steps).toHaveLength(1)
    expect(result.error).toMatchObject({ code: 'Unauthorized' })
    expect(result.error?.message).toContain('AADSTS7000215')
    expect(JSON.stringify(result)).not.toContain('not-the-secret-value-42')
    expect(await area.status({ profileId: 'wrong' })).toMatchObject({ state: 'failed', lastError: { code: 'Unauthorized' } })
  })

  it('names each missing application permission; the admin-consent link then grants them', async () => {
    const appId = emulator.confidentialClient.clientId
    emulator.identity.revokeConsent(appId)
    emulator.identity.grantApplicationPermissions(appId, ['User.Read.All'])
    fixture.addProfile('partial')
    const area = fixture.area({ consentRedirectUri: 'http://localhost' })
    await area.configure({ profileId: 'partial', connection: input({}) })

    const result = await area.test({ profileId: 'partial' })
    expect(result.isOk).toBe(false)
    expect(result.missingPermissions).toEqual(['GroupMember.Read.All', 'Application.Read.All'])
    expect(result.steps.find((step) => step.name === 'Check permissions')).toMatchObject({ isOk: false })
    expect(result.steps.find((step) => step.name === 'Read one user')).toMatchObject({ isOk: true })
    expect(result.error).toMatchObject({ code: 'Forbidden' })
    expect(result.error?.message).toContain('GroupMember.Read.All, Application.Read.All')

    const link = await area.consentLink({ profileId: 'partial' })
    const url = new URL(link.url)
    expect(`${url.host}${url.pathname}`).toBe(`${emulator.authorityHost}/${emulator.tenantId}/v2.0/adminconsent`)
    expect(url.searchParams.get('client_id')).toBe(appId)
    expect(url.searchParams.get('scope')).toBe('https://graph.microsoft.com/.default')
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost')
    expect(link.state).toBe('pending')
    const before = await area.checkConsent({ profileId: 'partial' })
    expect(before).toMatchObject({ state: 'pending', url: link.url })
    expect(before.detail).toContain('GroupMember.Read.All')

    // A Global Admin opens the link elsewhere and accepts.
    const outcome = await signInThroughPages(trusted.fetch, link.url, { username: administratorUpn })
    expect(outcome.kind).toBe('redirect')

    const after = await area.checkConsent({ profileId: 'partial' })
    expect(after).toMatchObject({ state: 'connected', url: link.url })
    expect(after.checkedAt).not.toBeNull()
    expect(await area.status({ profileId: 'partial' })).toMatchObject({ state: 'connected' })
    expect(readGrantedPermissions(await area.tokenProviderFor('partial').getAccessToken()).roles).toEqual(expect.arrayContaining(ALL_ROLES))
  })

  it('refuses the consent link for “organizations”, and a test for an interactive profile', async () => {
    fixture.addProfile('multi')
    const area = fixture.area()
    await area.configure({ profileId: 'multi', connection: input({ mode: 'interactive', clientSecret: undefined, tenant: 'organizations', clientId: emulator.publicClientId }) })
    await expect(area.consentLink({ profileId: 'multi' })).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringContaining('organizations') as unknown })
    await expect(area.test({ profileId: 'multi' })).rejects.toMatchObject({ code: 'InvalidArgument' })
    expect(await area.permissions({ profileId: 'multi' })).toHaveLength(4)
  })

  it('no secret is ever written in clear: not in the profile list, not in the secret store, not in any file', async () => {
    const proxyPassword = 'Proxy-Pa55word-7731'
    fixture.addProfile('secret-secret')
    fixture.addProfile('secret-certificate')
    const area = fixture.area()
    await area.configure({ profileId: 'secret-secret', connection: input({}) })
    await area.test({ profileId: 'secret-secret' })
    await area.configure({
      profileId: 'secret-certificate',
      connection: input({ mode: 'certificate', clientSecret: undefined, pfxBase64: certificate.pfxBase64('pfx-Password-991'), pfxPassword: 'pfx-Password-991' }),
    })
    await area.test({ profileId: 'secret-certificate' })
    // A proxy with credentials (never contacted: configure only stores it).
    fixture.addProfile('secret-proxy')
    const proxied = await area.configure({ profileId: 'secret-proxy', connection: input({ proxyUrl: `http://admin:${proxyPassword}@127.0.0.1:9` }) })
    expect(proxied.settings?.proxyUrl).toBe('http://127.0.0.1:9')

    const privateKeyBody = certificate.privateKeyPem.split('\n')[5] ?? ''
    expect(privateKeyBody.length).toBeGreaterThan(40)
    const secrets = [emulator.confidentialClient.clientSecret, privateKeyBody, 'pfx-Password-991', proxyPassword]
    const files = fixture.files()
    expect(files.map((file) => file.path.slice(fixture.dataDir.length)).sort()).toEqual(['/profiles.json', '/secrets/secrets.json'])
    for (const file of files) for (const secret of secrets) expect(file.text.includes(secret), `${secret.slice(0, 6)}… in ${file.path}`).toBe(false)
  })
})
