/**
 * The Health area end to end against the Graph + sign-in emulator over real HTTPS on 127.0.0.1: a
 * real msal-node client-credentials token, the trusted fetch, Graph's paging and error bodies.
 * The demo tenant's dates are relative to the generator's "now", so the checks run at that same now.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError, type HealthApi } from '../../../src-main/common'
import { createHealthArea, type HealthProfile } from '../../../src-main/api/health-area'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { ORGANISATION_FACTS } from '../../../src-main/demo/organisation/organisation-facts'
import {
  createClientCredentialsTokenProvider,
  type ClientCredentialsTokenProvider,
} from '../../../src-main/services/auth/client-credentials-token-provider'
import { createFetchGraphGetter } from '../../../src-main/services/health/fetch-graph-getter'
import type { GraphGetter } from '../../../src-main/services/health/graph-getter'
import { createTrustedFetch, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'

const NOW = new Date(ORGANISATION_FACTS.defaultNow)
const CARDWISE = ORGANISATION_FACTS.cardwiseApplication
const PROFILE_ID = 'nordlys'

let emulator: RunningEmulator
let trusted: TrustedFetch
const tokenProviders: ClientCredentialsTokenProvider[] = []

beforeAll(async () => {
  emulator = await startEmulator({ users: 200 })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
})

afterAll(async () => {
  await Promise.all(tokenProviders.map((provider) => provider.close()))
  await trusted?.close()
  await emulator?.close()
})

beforeEach(() => emulator.faults.clear())

/** A getter signed in as the demo's unattended app registration, with a fresh MSAL token cache. */
function graphGetter(fetch = trusted.fetch): GraphGetter {
  const tokenProvider = createClientCredentialsTokenProvider({
    tenantId: emulator.tenantId,
    clientId: emulator.confidentialClient.clientId,
    credential: { kind: 'secret', clientSecret: emulator.confidentialClient.clientSecret },
    authorityHost: emulator.authorityHost,
    fetch: trusted.fetch,
  })
  tokenProviders.push(tokenProvider)
  return createFetchGraphGetter({ graphBaseUrl: emulator.graphBaseUrl, tokenProvider, fetch, retry: { delaySeconds: 0.05, maxRetries: 2 } })
}

function healthArea(enterpriseAppId: string | null, saved: string[] = [], graph = graphGetter()): HealthApi {
  const profile: HealthProfile = {
    id: PROFILE_ID,
    kind: 'tenant',
    enterpriseAppId,
    connection: { clientId: emulator.confidentialClient.clientId, graphEndpoint: emulator.graphBaseUrl, mode: 'clientSecret' },
  }
  return createHealthArea({
    getProfile: (id) => (id === PROFILE_ID ? profile : null),
    graphFor: async () => graph,
    saveEnterpriseAppId: (_id, appId) => void saved.push(appId),
    now: () => NOW,
  })
}

describe('the Cardwise health report', () => {
  it('shows the active SAML certificate, the Headcount secret near expiry and who is assigned', async () => {
    const report = await healthArea(CARDWISE.appId).report({ profileId: PROFILE_ID })

    const cardwise = emulator.organisation.servicePrincipals.find((sp) => sp.appId === CARDWISE.appId)
    // The emulator assigns the first three security groups to every app that requires assignment.
    expect(report.enterpriseApp).toEqual({
      appId: CARDWISE.appId,
      displayName: 'Cardwise',
      servicePrincipalId: cardwise?.id,
      isAssignmentRequired: true,
      assignedUsers: 0,
      assignedGroups: 3,
      preferredSingleSignOnMode: 'saml',
    })
    expect(report.credentials.map((c) => [c.kind, c.owner, c.displayName, c.daysLeft, c.isActive, c.level])).toEqual([
      ['clientSecret', 'appRegistration', 'Nightly sync', 10, false, 'warning14'],
      ['samlSigningCertificate', 'enterpriseApp', 'CN=Microsoft Azure Federated SSO Certificate', 25, true, 'notice30'],
      ['clientSecret', 'appRegistration', 'Admin console', 400, false, 'ok'],
      ['clientCertificate', 'appRegistration', 'CN=Headcount unattended sync', 700, false, 'ok'],
      ['samlSigningCertificate', 'enterpriseApp', 'CN=Microsoft Azure Federated SSO Certificate', 3 * 365 - 5, false, 'ok'],
    ])
    expect(report.worstLevel).toBe('warning14')
    expect(report.credentials[1]?.advice).toBe(
      'The SAML signing certificate that signs today expires in 25 days. Create a new one in Entra ' +
        '(Enterprise applications › Cardwise › Single sign-on), make it active, and upload it to the application.',
    )
  })

  it('counts users assigned directly beside the groups', async () => {
    const cardwise = emulator.organisation.servicePrincipals.find((sp) => sp.appId === CARDWISE.appId)
    const [first, second] = emulator.organisation.users
    if (!cardwise || !first || !second) throw new Error('the demo tenant lacks Cardwise or users')
    expect(emulator.state.assignAppRole(cardwise.id, first.user.id).ok).toBe(true)
    expect(emulator.state.assignAppRole(cardwise.id, second.user.id).ok).toBe(true)

    const report = await healthArea(CARDWISE.appId).report({ profileId: PROFILE_ID })
    expect(report.enterpriseApp).toMatchObject({ assignedUsers: 2, assignedGroups: 3 })
  })

  it('rides out throttling: a 429 with Retry-After is waited out and retried', async () => {
    emulator.faults.configure({ throttle: { firstN: 1, pathPrefix: '/servicePrincipals', retryAfterSeconds: 0 } })
    const report = await healthArea(CARDWISE.appId).report({ profileId: PROFILE_ID })
    expect(report.enterpriseApp?.displayName).toBe('Cardwise')
    expect(emulator.faults.counters().throttled).toBe(1)
  })

  it('gives up with TooManyRequests when Graph keeps throttling', async () => {
    emulator.faults.configure({ throttle: { everyNth: 1, pathPrefix: '/servicePrincipals', retryAfterSeconds: 0 } })
    const failure = await healthArea(CARDWISE.appId).report({ profileId: PROFILE_ID }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AppError)
    expect(failure).toMatchObject({ code: 'TooManyRequests', status: 429 })
    expect(emulator.faults.counters().throttled).toBe(3)
  })
})

describe('choosing the enterprise app', () => {
  it('offers the SAML and assignment-required apps of the tenant', async () => {
    const apps = await healthArea(null).enterpriseApps({ profileId: PROFILE_ID })
    expect(apps.map((app) => app.displayName)).toEqual(['Cardwise', 'Nordlys Expenses'])
  })

  it('saves a chosen app and reports on it; the app registration is checked without one', async () => {
    const saved: string[] = []
    const withoutChoice = await healthArea(null, saved).report({ profileId: PROFILE_ID })
    expect(withoutChoice.enterpriseApp).toBeNull()
    expect(withoutChoice.credentials.map((c) => c.displayName)).toEqual(['Nightly sync', 'Admin console', 'CN=Headcount unattended sync'])

    const expenses = emulator.organisation.applications.find((application) => application.displayName === 'Nordlys Expenses')
    if (!expenses) throw new Error('the demo tenant lacks Nordlys Expenses')
    const report = await healthArea(null, saved).chooseEnterpriseApp({ profileId: PROFILE_ID, appId: expenses.appId })
    expect(saved).toEqual([expenses.appId])
    expect(report.enterpriseApp).toMatchObject({ displayName: 'Nordlys Expenses', preferredSingleSignOnMode: 'oidc', isAssignmentRequired: true, assignedGroups: 3 })
    // Its secrets live on its own app registration, not on the one Headcount signs in with.
    expect(report.credentials.every((c) => c.owner === 'appRegistration' && c.displayName !== 'Integration')).toBe(true)
  })

  it('refuses an app id the tenant does not have, and saves nothing', async () => {
    const saved: string[] = []
    await expect(
      healthArea(null, saved).chooseEnterpriseApp({ profileId: PROFILE_ID, appId: '0f0f0f0f-0000-4000-8000-000000000001' }),
    ).rejects.toMatchObject({ code: 'NotFound' })
    expect(saved).toEqual([])
  })
})

describe('the Graph getter', () => {
  it('follows a next link on the Graph endpoint, and never sends the token to another host', async () => {
    const requested: string[] = []
    const recordingFetch: typeof trusted.fetch = (input, init) => {
      requested.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
      return trusted.fetch(input, init)
    }
    const graph = graphGetter(recordingFetch)
    const firstPage = await graph.getJson<{ '@odata.nextLink'?: string }>('/servicePrincipals?$select=id&$top=2')
    const nextLink = firstPage['@odata.nextLink']
    expect(nextLink).toMatch(new RegExp(`^${emulator.graphBaseUrl.replace(/[.]/g, '\\.')}/servicePrincipals\\?`))
    await expect(graph.getJson(nextLink ?? '')).resolves.toMatchObject({ value: expect.any(Array) as unknown })

    const elsewhere = `https://graph.example.org/v1.0/servicePrincipals?$skiptoken=x`
    await expect(graph.getJson(elsewhere)).rejects.toMatchObject({ code: 'RemoteError' })
    await expect(graph.getJson(nextLink?.replace('/v1.0/', '/beta/') ?? '')).rejects.toMatchObject({ code: 'RemoteError' })
    // Only the two good requests went out; the refused links were never fetched.
    expect(requested).toEqual([`${emulator.graphBaseUrl}/servicePrincipals?$select=id&$top=2`, nextLink])
  })

  it('reports a cancelled read as Cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(graphGetter().getJson('/servicePrincipals', controller.signal)).rejects.toMatchObject({ code: 'Cancelled' })
  })
})

// Last: it takes Application.Read.All away from the demo app registration.
describe('without Application.Read.All', () => {
  it('fails with Forbidden naming the permission', async () => {
    const clientId = emulator.confidentialClient.clientId
    emulator.identity.revokeConsent(clientId)
    emulator.identity.grantApplicationPermissions(clientId, ['User.Read.All', 'GroupMember.Read.All'])

    const failure = await healthArea(CARDWISE.appId).report({ profileId: PROFILE_ID }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AppError)
    expect(failure).toMatchObject({ code: 'Forbidden', status: 403 })
    expect((failure as AppError).message).toContain('Application.Read.All')
    expect((failure as AppError).hint).toBe('Grant the Application.Read.All application permission with admin consent, then check again.')
  })
})
