/**
 * The Connection area's rules that need no network: states, configure (what is stored, what is
 * forgotten when the identity changes), refusals, the consent link. The flows against a tenant
 * (sign-in in Chromium, credentials test, consent check) are in test/integration/connection/.
 */
import { describe, expect, it } from 'vitest'
import { createConnectionArea } from '../../../src-main/api/connection-area'
import type { ConnectionInput, ConnectionStatus } from '../../../src-main/common/connection'
import type { ProfileRecord } from '../../../src-main/services/profiles/profile-registry'
import { MemorySecretStore } from '../../../src-main/services/secrets/memory-secret-store'

const TENANT = '6b1f0c2a-3d4e-4f50-8a61-7b8c9d0e1f2a'
const PUBLIC_CLIENT = '3c0d1f7e-4b8a-4f7e-9d53-1a2b3c4d5e6f'
const APP = '7b2f5d90-1c3e-4a8b-9f6d-2e4c6a8b0d1f'

/** The profile list in memory (implements the ProfileStore role). */
class MemoryProfiles {
  readonly records = new Map<string, ProfileRecord>()
  list(): readonly ProfileRecord[] {
    return [...this.records.values()]
  }
  get(id: string): ProfileRecord | null {
    return this.records.get(id) ?? null
  }
  save(profile: ProfileRecord): void {
    this.records.set(profile.id, profile)
  }
}

function setUp() {
  const profiles = new MemoryProfiles()
  profiles.save({ id: 'contoso', name: 'Contoso', kind: 'tenant', tenantName: null, createdAt: '2026-11-01T00:00:00Z' })
  const secrets = new MemorySecretStore()
  const changedProfiles: string[] = []
  const area = createConnectionArea({ profiles, secrets, now: () => new Date('2026-11-23T10:00:00Z'), onDidChangeProfile: (id) => changedProfiles.push(id) })
  const statuses: ConnectionStatus[] = []
  area.onDidChange((status) => statuses.push(status))
  return { profiles, secrets, area, statuses, changedProfiles }
}

const interactive: ConnectionInput = { cloud: 'global', tenant: TENANT, clientId: PUBLIC_CLIENT, mode: 'interactive' }
const withSecret: ConnectionInput = { cloud: 'global', tenant: TENANT, clientId: APP, mode: 'clientSecret', clientSecret: 'hcD8Q~secret-value' }

describe('connection area', () => {
  it('starts not configured, and refuses what needs settings', async () => {
    const { area } = setUp()
    expect(await area.status({ profileId: 'contoso' })).toEqual({ profileId: 'contoso', state: 'notConfigured', settings: null, account: null, tenantName: null, lastError: null })
    await expect(area.signIn({ profileId: 'contoso' })).rejects.toMatchObject({ code: 'InvalidArgument' })
    await expect(area.consentLink({ profileId: 'contoso' })).rejects.toMatchObject({ code: 'InvalidArgument' })
    await expect(area.status({ profileId: 'nobody' })).rejects.toMatchObject({ code: 'NotFound' })
    await area.cancelSignIn({ profileId: 'contoso' }) // nothing running: nothing to do
  })

  it('lists delegated permissions for interactive profiles and application permissions for app registrations', async () => {
    const { area } = setUp()
    expect((await area.permissions({ profileId: 'contoso' }))[0]?.kind).toBe('delegated')
    await area.configure({ profileId: 'contoso', connection: withSecret })
    const permissions = await area.permissions({ profileId: 'contoso' })
    expect(permissions.map((permission) => `${permission.name}:${permission.kind}:${permission.isRequestedNow}`)).toEqual([
      'User.Read.All:application:true',
      'GroupMember.Read.All:application:true',
      'Application.Read.All:application:true',
      'User.ReadWrite.All:application:false',
    ])
  })

  it('configure stores settings in the profile and the secret in the SecretStore, never in the status', async () => {
    const { area, profiles, secrets, statuses } = setUp()
    const status = await area.configure({ profileId: 'contoso', connection: withSecret })
    expect(status.state).toBe('notConnected')
    expect(status.settings).toEqual({
      cloud: 'global',
      authorityHost: 'login.microsoftonline.com',
      graphEndpoint: 'https://graph.microsoft.com',
      tenant: TENANT,
      clientId: APP,
      mode: 'clientSecret',
      proxyUrl: null,
      hasCustomCa: false,
      hasCredential: true,
    })
    expect(profiles.get('contoso')?.connection).toEqual(status.settings)
    expect(await secrets.get('profile/contoso/client-secret')).toBe('hcD8Q~secret-value')
    expect(JSON.stringify(statuses)).not.toContain('hcD8Q~secret-value')
    expect(statuses.at(-1)).toEqual(status)

    // Switching to interactive sign-in forgets the credential.
    const switched = await area.configure({ profileId: 'contoso', connection: interactive })
    expect(switched.settings?.hasCredential).toBe(false)
    expect(await secrets.get('profile/contoso/client-secret')).toBeNull()
    await expect(area.test({ profileId: 'contoso' })).rejects.toMatchObject({ code: 'InvalidArgument' })
  })

  it('keeps the signed-in account when only the network settings change, and forgets it with another tenant', async () => {
    const { area, profiles, secrets, changedProfiles } = setUp()
    await area.configure({ profileId: 'contoso', connection: interactive })
    const account = { username: 'admin@contoso.com', tenantId: TENANT, homeAccountId: `u.${TENANT}` }
    profiles.save({ ...(profiles.get('contoso') as ProfileRecord), account, connectedAt: '2026-11-20T00:00:00Z', tenantName: 'Contoso' })
    await secrets.set('profile/contoso/msal-cache', '{"Account":{}}')
    expect((await area.status({ profileId: 'contoso' })).state).toBe('connected')

    const proxied = await area.configure({ profileId: 'contoso', connection: { ...interactive, proxyUrl: 'http://proxy.corp:3128' } })
    expect(proxied).toMatchObject({ state: 'connected', account, tenantName: 'Contoso' })
    expect(await secrets.get('profile/contoso/msal-cache')).not.toBeNull()

    const elsewhere = await area.configure({ profileId: 'contoso', connection: { ...interactive, tenant: 'fabrikam.onmicrosoft.com' } })
    expect(elsewhere).toMatchObject({ state: 'notConnected', account: null, tenantName: null })
    expect(await secrets.get('profile/contoso/msal-cache')).toBeNull()
    expect(changedProfiles).toEqual(['contoso'])
  })

  it('refuses a sign-in for an app registration, and invalid settings before storing anything', async () => {
    const { area, profiles } = setUp()
    await area.configure({ profileId: 'contoso', connection: withSecret })
    await expect(area.signIn({ profileId: 'contoso' })).rejects.toMatchObject({ code: 'InvalidArgument', hint: expect.stringContaining('Test') as unknown })
    await expect(area.configure({ profileId: 'contoso', connection: { ...withSecret, tenant: 'organizations' } })).rejects.toMatchObject({ code: 'InvalidArgument' })
    await expect(area.configure({ profileId: 'contoso', connection: { ...interactive, cloud: 'custom' } })).rejects.toMatchObject({ code: 'InvalidArgument' })
    expect(profiles.get('contoso')?.connection?.mode).toBe('clientSecret')
  })

  it('builds the v2 admin-consent link on the profile’s cloud, stable until the settings change', async () => {
    const { area } = setUp()
    await area.configure({ profileId: 'contoso', connection: { ...withSecret, cloud: 'usgov' } })
    const link = await area.consentLink({ profileId: 'contoso' })
    const url = new URL(link.url)
    expect(url.origin + url.pathname).toBe(`https://login.microsoftonline.us/${TENANT}/v2.0/adminconsent`)
    expect(Object.fromEntries([...url.searchParams].filter(([name]) => name !== 'state'))).toEqual({
      client_id: APP,
      scope: 'https://graph.microsoft.us/.default',
      redirect_uri: 'http://localhost',
    })
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{16}$/)
    expect(link).toMatchObject({ state: 'pending', checkedAt: null })
    expect((await area.consentLink({ profileId: 'contoso' })).url).toBe(link.url)
    await area.configure({ profileId: 'contoso', connection: withSecret })
    expect((await area.consentLink({ profileId: 'contoso' })).url).toContain('login.microsoftonline.com')
  })

  it('checkConsent stays pending for an interactive profile nobody has signed in to', async () => {
    const { area } = setUp()
    await area.configure({ profileId: 'contoso', connection: interactive })
    const check = await area.checkConsent({ profileId: 'contoso' })
    expect(check).toMatchObject({ state: 'pending', checkedAt: '2026-11-23T10:00:00.000Z' })
    expect(check.detail).toMatch(/Connect/)
  })
})
