/**
 * api/profile-management.ts over real folders: the profile list file, a profile's cache folder and an
 * encrypted secret store in a temporary data folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createProfileActions } from '../../../../src-main/api/profile-management'
import { AppError } from '../../../../src-main/common/errors'
import { ProfileRegistry } from '../../../../src-main/services/profiles/profile-registry'
import { AesGcmSecretCipher } from '../../../../src-main/services/secrets/aes-gcm-secret-cipher'
import { EncryptedFileSecretStore } from '../../../../src-main/services/secrets/encrypted-file-secret-store'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function setUp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'headcount-profiles-'))
  folders.push(dataDir)
  const registry = new ProfileRegistry(dataDir)
  const secrets = new EncryptedFileSecretStore(join(dataDir, 'secrets'), new AesGcmSecretCipher())
  const closed: string[] = []
  let suffix = 0
  const actions = createProfileActions({
    dataDir,
    profiles: registry,
    secrets,
    beforeDelete: (profileId) => {
      closed.push(profileId)
      return Promise.resolve()
    },
    now: () => new Date('2026-11-23T10:00:00Z'),
    newIdSuffix: () => `a${++suffix}`,
  })
  return { dataDir, registry, secrets, actions, closed }
}

const connection = {
  cloud: 'global',
  authorityHost: 'login.microsoftonline.com',
  graphEndpoint: 'https://graph.microsoft.com',
  tenant: 'contoso.onmicrosoft.com',
  clientId: '3c0d1f7e-4b8a-4f7e-9d53-1a2b3c4d5e6f',
  mode: 'clientSecret',
  proxyUrl: null,
  hasCustomCa: true,
  hasCredential: true,
} as const

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (reason: unknown) => reason)
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

describe('profile management', () => {
  it('creates a tenant profile named by the admin, with a readable id and no connection', () => {
    const { actions, registry } = setUp()
    const created = actions.create('  Contoso Sales ')
    expect(created).toEqual({
      id: 'contoso-sales-a1',
      name: 'Contoso Sales',
      kind: 'tenant',
      tenantName: null,
      createdAt: '2026-11-23T10:00:00.000Z',
      connection: null,
      account: null,
      connectedAt: null,
      enterpriseAppId: null,
    })
    expect(registry.get('contoso-sales-a1')).toEqual(created)
  })

  it('refuses a second profile with the same name (ignoring case), so deleting by name is unambiguous', () => {
    const { actions } = setUp()
    actions.create('Contoso')
    expect(() => actions.create('contoso')).toThrow(/already exists/)
  })

  it('renames in place, keeping the id and the connection', () => {
    const { actions, registry } = setUp()
    const created = actions.create('Contoso')
    registry.save({ ...created, connection })
    const renamed = actions.rename(created.id, 'Contoso EMEA')
    expect(renamed).toMatchObject({ id: created.id, name: 'Contoso EMEA', connection })
    expect(() => actions.rename('missing', 'x')).toThrow(AppError)
  })

  it('duplicates the connection settings only: no credential, CA, account or enterprise app sign-in', async () => {
    const { actions, registry, secrets } = setUp()
    const source = actions.create('Contoso')
    registry.save({ ...source, connection, account: { username: 'a@contoso.com', tenantId: 't', homeAccountId: 'u.t' }, connectedAt: '2026-11-01T00:00:00Z', tenantName: 'Contoso' })
    await secrets.set(`profile/${source.id}/client-secret`, 'secret')
    const copy = actions.duplicate(source.id, 'Contoso copy')
    expect(copy).toMatchObject({ id: 'contoso-copy-a2', kind: 'tenant', tenantName: null, account: null, connectedAt: null })
    expect(copy.connection).toEqual({ ...connection, hasCredential: false, hasCustomCa: false })
    expect(await secrets.get(`profile/${copy.id}/client-secret`)).toBeNull()
  })

  it('deletes only when the name is repeated exactly, then removes the cache folder, the secrets and the entry', async () => {
    const { actions, registry, secrets, dataDir, closed } = setUp()
    const keep = actions.create('Keep')
    const doomed = actions.create('Contoso Sales')
    const cacheFolder = join(dataDir, 'profiles', doomed.id)
    mkdirSync(cacheFolder, { recursive: true })
    writeFileSync(join(cacheFolder, 'cache.sqlite'), 'data')
    mkdirSync(join(dataDir, 'profiles', keep.id), { recursive: true })
    await secrets.set(`profile/${doomed.id}/client-secret`, 'one')
    await secrets.set(`profile/${doomed.id}/msal-cache`, 'two')
    await secrets.set(`profile/${keep.id}/client-secret`, 'three')

    const refused = await rejection(actions.delete(doomed.id, 'contoso sales'))
    expect(refused.code).toBe('InvalidArgument')
    expect(refused.message).toContain('“Contoso Sales” exactly')
    expect(existsSync(cacheFolder)).toBe(true)
    expect(closed).toEqual([])

    await actions.delete(doomed.id, 'Contoso Sales')
    expect(closed).toEqual([doomed.id])
    expect(existsSync(cacheFolder)).toBe(false)
    expect(registry.get(doomed.id)).toBeNull()
    expect(await secrets.get(`profile/${doomed.id}/client-secret`)).toBeNull()
    expect(await secrets.get(`profile/${doomed.id}/msal-cache`)).toBeNull()
    expect(await secrets.get(`profile/${keep.id}/client-secret`)).toBe('three')
    expect(existsSync(join(dataDir, 'profiles', keep.id))).toBe(true)
  })

  it('allows renaming and deleting the demo profile (Explore the demo recreates it)', async () => {
    const { actions, registry } = setUp()
    registry.save({ id: 'demo', name: 'Demo organisation', kind: 'demo', tenantName: 'Nordlys', createdAt: '2026-11-01T00:00:00Z' })
    expect(actions.rename('demo', 'Playground').name).toBe('Playground')
    await actions.delete('demo', 'Playground')
    expect(registry.get('demo')).toBeNull()
  })
})
