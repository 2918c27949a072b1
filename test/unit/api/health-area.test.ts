/**
 * The Health area over a fake Graph (a GraphGetter answering from an in-memory tenant, paging like
 * Graph does): which app is checked, what is saved, how assignments and enterprise apps are read.
 */
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/common'
import { createHealthArea, type HealthAreaDependencies, type HealthProfile } from '../../../src-main/api/health-area'
import type { ApplicationInput, ServicePrincipalInput } from '../../../src-main/domain/health/health-input'
import type { GraphGetter } from '../../../src-main/services/health/graph-getter'

const NOW = new Date('2026-11-01T09:00:00Z')
const DAY = 86_400_000
const at = (days: number): string => new Date(NOW.getTime() + days * DAY).toISOString()

const CARDWISE_APP_ID = '9e2d4a71-0c5b-4e8f-a6d3-71f0b8c25e19'
const HEADCOUNT_APP_ID = '3c1f6b0e-8a4d-4f52-9d7e-5b2a61c0e7d4'
const THUMBPRINT = 'AB'.repeat(20)

function servicePrincipal(appId: string, displayName: string, overrides: Partial<ServicePrincipalInput> = {}): ServicePrincipalInput {
  return {
    id: `sp-${displayName.toLowerCase().replace(/\W+/g, '-')}`,
    appId,
    displayName,
    appRoleAssignmentRequired: false,
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    keyCredentials: [],
    passwordCredentials: [],
    ...overrides,
  }
}

const cardwise = servicePrincipal(CARDWISE_APP_ID, 'Cardwise', {
  appRoleAssignmentRequired: true,
  preferredSingleSignOnMode: 'saml',
  preferredTokenSigningKeyThumbprint: THUMBPRINT,
  keyCredentials: (['Sign', 'Verify'] as const).map((usage) => ({
    customKeyIdentifier: THUMBPRINT,
    displayName: 'CN=Microsoft Azure Federated SSO Certificate',
    endDateTime: at(25),
    keyId: `saml-${usage}`,
    startDateTime: at(-1000),
    type: 'AsymmetricX509Cert',
    usage,
  })),
})

const headcountRegistration: ApplicationInput = {
  id: 'app-headcount',
  appId: HEADCOUNT_APP_ID,
  displayName: 'Headcount',
  keyCredentials: [],
  passwordCredentials: [{ displayName: 'Nightly sync', endDateTime: at(10), keyId: 'nightly', startDateTime: at(-355) }],
}

/** An in-memory tenant behind the GraphGetter role; pages of `pageSize` with absolute nextLinks. */
class FakeGraph implements GraphGetter {
  readonly requests: string[] = []
  failure: AppError | null = null

  constructor(
    readonly servicePrincipals: ServicePrincipalInput[],
    readonly applications: ApplicationInput[],
    readonly assignments: Map<string, { principalType: string }[]>,
    readonly pageSize = 2,
  ) {}

  async getJson<T>(path: string): Promise<T> {
    this.requests.push(path)
    await Promise.resolve()
    if (this.failure) throw this.failure
    const url = new URL(path, 'https://graph.test/v1.0/')
    const segments = url.pathname.replace(/^\/(v1\.0\/)?/, '').split('/')
    const appId = /^appId eq '(.+)'$/.exec(url.searchParams.get('$filter') ?? '')?.[1]
    const skip = Number(url.searchParams.get('skip') ?? '0')
    if (segments[0] === 'applications') return { value: this.applications.filter((a) => a.appId === appId) } as T
    if (segments[0] === 'servicePrincipals' && segments[2] === 'appRoleAssignedTo') {
      return this.page(this.assignments.get(segments[1] ?? '') ?? [], url, skip) as T
    }
    if (segments[0] === 'servicePrincipals') {
      if (appId !== undefined) return { value: this.servicePrincipals.filter((sp) => sp.appId === appId) } as T
      return this.page(this.servicePrincipals, url, skip) as T
    }
    throw new Error(`unexpected request ${path}`)
  }

  private page<I>(items: readonly I[], url: URL, skip: number) {
    const next = new URL(url)
    next.searchParams.set('skip', String(skip + this.pageSize))
    return {
      value: items.slice(skip, skip + this.pageSize),
      ...(skip + this.pageSize < items.length ? { '@odata.nextLink': next.href } : {}),
    }
  }
}

function setup(profile: HealthProfile, graph = new FakeGraph([cardwise, servicePrincipal(HEADCOUNT_APP_ID, 'Headcount')], [headcountRegistration], new Map())) {
  const saved: [string, string][] = []
  const profiles = new Map([[profile.id, profile]])
  const dependencies: HealthAreaDependencies = {
    getProfile: (id) => profiles.get(id) ?? null,
    graphFor: async () => graph,
    saveEnterpriseAppId: (id, appId) => void saved.push([id, appId]),
    now: () => NOW,
    demo: { enterpriseAppId: CARDWISE_APP_ID, unattendedClientId: HEADCOUNT_APP_ID },
  }
  return { health: createHealthArea(dependencies), graph, saved }
}

const tenantProfile: HealthProfile = {
  id: 'nordlys',
  kind: 'tenant',
  enterpriseAppId: null,
  connection: { clientId: HEADCOUNT_APP_ID, graphEndpoint: 'https://graph.microsoft.com', mode: 'clientSecret' },
}
const demoProfile: HealthProfile = { id: 'demo', kind: 'demo', enterpriseAppId: null, connection: null }

describe('health.report', () => {
  it('checks Cardwise and the demo app registration for the demo profile when nothing is chosen', async () => {
    const { health } = setup(demoProfile)
    const report = await health.report({ profileId: 'demo' })
    expect(report.enterpriseApp).toMatchObject({ appId: CARDWISE_APP_ID, displayName: 'Cardwise', isAssignmentRequired: true })
    expect(report.credentials.map((c) => [c.kind, c.owner, c.daysLeft, c.level, c.isActive])).toEqual([
      ['clientSecret', 'appRegistration', 10, 'warning14', false],
      ['samlSigningCertificate', 'enterpriseApp', 25, 'notice30', true],
    ])
    expect(report.worstLevel).toBe('warning14')
    expect(report.checkedAt).toBe(NOW.toISOString())
  })

  it('reports only the app registration for a tenant profile with no enterprise app chosen', async () => {
    const { health, graph } = setup(tenantProfile)
    const report = await health.report({ profileId: 'nordlys' })
    expect(report.enterpriseApp).toBeNull()
    expect(report.credentials.map((c) => c.keyId)).toEqual(['nightly'])
    expect(graph.requests.some((path) => path.startsWith('/servicePrincipals'))).toBe(false)
  })

  it('skips the app registration of an interactive profile (its client lives in another tenant)', async () => {
    const { health, graph } = setup({ ...tenantProfile, enterpriseAppId: CARDWISE_APP_ID, connection: { clientId: 'public-client', graphEndpoint: 'https://graph.microsoft.com', mode: 'interactive' } })
    const report = await health.report({ profileId: 'nordlys' })
    expect(report.credentials.map((c) => c.owner)).toEqual(['enterpriseApp'])
    expect(graph.requests.some((path) => path.startsWith('/applications'))).toBe(false)
  })

  it('asks Graph for exactly one enterprise app and one app registration, by appId', async () => {
    const { health, graph } = setup({ ...tenantProfile, enterpriseAppId: CARDWISE_APP_ID })
    await health.report({ profileId: 'nordlys' })
    const decoded = graph.requests.map((path) => decodeURIComponent(path))
    expect(decoded).toContain(
      `/servicePrincipals?$filter=appId eq '${CARDWISE_APP_ID}'&$select=id,appId,displayName,preferredSingleSignOnMode,preferredTokenSigningKeyThumbprint,keyCredentials,passwordCredentials,appRoleAssignmentRequired`,
    )
    expect(decoded).toContain(`/applications?$filter=appId eq '${HEADCOUNT_APP_ID}'&$select=id,appId,displayName,keyCredentials,passwordCredentials`)
  })

  it('counts assigned users and groups over every page, leaving out assigned service principals', async () => {
    const assignments = new Map([
      [cardwise.id, ['User', 'Group', 'User', 'ServicePrincipal', 'User', 'Group', 'User'].map((principalType) => ({ principalType }))],
    ])
    const graph = new FakeGraph([cardwise], [headcountRegistration], assignments, 2)
    const { health } = setup({ ...tenantProfile, enterpriseAppId: CARDWISE_APP_ID }, graph)
    const report = await health.report({ profileId: 'nordlys' })
    expect(report.enterpriseApp).toMatchObject({ assignedUsers: 4, assignedGroups: 2 })
    expect(graph.requests.filter((path) => path.includes('appRoleAssignedTo'))).toHaveLength(4)
  })

  it('says when the chosen enterprise app is gone from the tenant', async () => {
    const { health } = setup({ ...tenantProfile, enterpriseAppId: '00000000-0000-0000-0000-0000000000aa' })
    const failure = await health.report({ profileId: 'nordlys' }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AppError)
    expect(failure).toMatchObject({ code: 'NotFound', hint: expect.stringContaining("Choose the application's enterprise app") as unknown })
  })

  it('passes Graph failures on as they are', async () => {
    const { health, graph } = setup(demoProfile)
    graph.failure = new AppError({ code: 'Forbidden', message: 'no Application.Read.All' })
    await expect(health.report({ profileId: 'demo' })).rejects.toMatchObject({ code: 'Forbidden' })
  })

  it('refuses an unknown profile and a tenant profile that is not connected', async () => {
    const { health } = setup({ ...tenantProfile, connection: null })
    await expect(health.report({ profileId: 'nobody' })).rejects.toMatchObject({ code: 'NotFound', message: 'There is no profile called “nobody”.' })
    await expect(health.report({ profileId: 'nordlys' })).rejects.toMatchObject({ code: 'NotFound', hint: 'Connect the profile first, then open Health again.' })
  })
})

describe('health.chooseEnterpriseApp', () => {
  it('saves the choice after reading it, and answers with its report', async () => {
    const { health, saved } = setup(tenantProfile)
    const report = await health.chooseEnterpriseApp({ profileId: 'nordlys', appId: CARDWISE_APP_ID })
    expect(report.enterpriseApp?.displayName).toBe('Cardwise')
    expect(saved).toEqual([['nordlys', CARDWISE_APP_ID]])
  })

  it('keeps the previous choice when the app id is not an enterprise app of the tenant', async () => {
    const { health, saved } = setup(tenantProfile)
    await expect(health.chooseEnterpriseApp({ profileId: 'nordlys', appId: '11111111-2222-3333-4444-555555555555' })).rejects.toMatchObject({ code: 'NotFound' })
    expect(saved).toEqual([])
  })
})

describe('health.enterpriseApps', () => {
  it('lists SAML and assignment-required apps from every page, by name', async () => {
    const graph = new FakeGraph(
      [
        servicePrincipal('a1', 'Zendesk', { preferredSingleSignOnMode: 'saml' }),
        servicePrincipal('a2', 'Microsoft Graph'),
        cardwise,
        servicePrincipal('a3', 'expenses', { preferredSingleSignOnMode: 'oidc', appRoleAssignmentRequired: true }),
        servicePrincipal('a4', 'Field Portal', { preferredSingleSignOnMode: 'password' }),
      ],
      [],
      new Map(),
      2,
    )
    const { health } = setup(tenantProfile, graph)
    expect(await health.enterpriseApps({ profileId: 'nordlys' })).toEqual([
      { appId: CARDWISE_APP_ID, displayName: 'Cardwise' },
      { appId: 'a3', displayName: 'expenses' },
      { appId: 'a1', displayName: 'Zendesk' },
    ])
    expect(graph.requests).toHaveLength(3)
  })
})
