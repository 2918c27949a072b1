import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common'
import { ProfileRegistry } from '../../../../src-main/services/profiles/profile-registry'

const folders: string[] = []
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'headcount-registry-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const demo = { id: 'demo', name: 'Demo organisation', kind: 'demo', tenantName: 'Nordlys Group', createdAt: '2026-11-01T00:00:00Z' } as const
/** What a record without connection fields reads back as. */
const noConnection = { connection: null, account: null, connectedAt: null, enterpriseAppId: null } as const

describe('ProfileRegistry', () => {
  it('starts empty when the data folder is new', () => {
    expect(new ProfileRegistry(join(freshFolder(), 'not-yet')).list()).toEqual([])
  })

  it('saves, replaces by id and survives a new instance', () => {
    const folder = freshFolder()
    new ProfileRegistry(folder).save(demo)
    new ProfileRegistry(folder).save({ ...demo, name: 'Renamed' })
    const again = new ProfileRegistry(folder)
    expect(again.list()).toEqual([{ ...demo, ...noConnection, name: 'Renamed' }])
    expect(again.get('demo')?.name).toBe('Renamed')
    expect(again.get('other')).toBeNull()
    expect(readdirSync(folder)).toEqual(['profiles.json'])
  })

  it('refuses a damaged file with a StoreError instead of losing it', () => {
    const folder = freshFolder()
    writeFileSync(join(folder, 'profiles.json'), '{ not json')
    expect(() => new ProfileRegistry(folder).list()).toThrow(AppError)
    try {
      new ProfileRegistry(folder).list()
    } catch (error) {
      expect((error as AppError).code).toBe('StoreError')
    }
  })

  it('refuses a file from a newer version', () => {
    const folder = freshFolder()
    writeFileSync(join(folder, 'profiles.json'), JSON.stringify({ version: 2, profiles: [] }))
    expect(() => new ProfileRegistry(folder).list()).toThrow(/newer version/)
  })

  it('reads a version 1 file written before connections existed: the missing fields are null', () => {
    const folder = freshFolder()
    writeFileSync(join(folder, 'profiles.json'), JSON.stringify({ version: 1, profiles: [demo] }))
    expect(new ProfileRegistry(folder).get('demo')).toEqual({ ...demo, ...noConnection })
  })

  it('keeps the connection, the signed-in account and the enterprise app', () => {
    const folder = freshFolder()
    const connected = {
      ...demo,
      id: 'contoso-1a2b3c',
      kind: 'tenant',
      connection: {
        cloud: 'global',
        authorityHost: 'login.microsoftonline.com',
        graphEndpoint: 'https://graph.microsoft.com',
        tenant: 'contoso.onmicrosoft.com',
        clientId: '3c0d1f7e-4b8a-4f7e-9d53-1a2b3c4d5e6f',
        mode: 'interactive',
        proxyUrl: null,
        hasCustomCa: false,
        hasCredential: false,
      },
      account: { username: 'admin@contoso.com', tenantId: 't', homeAccountId: 'u.t' },
      connectedAt: '2026-11-02T00:00:00Z',
      enterpriseAppId: '11111111-2222-3333-4444-555555555555',
    } as const
    new ProfileRegistry(folder).save(connected)
    expect(new ProfileRegistry(folder).get(connected.id)).toEqual(connected)
  })

  it('replaces a profile in its place and removes one by id', () => {
    const folder = freshFolder()
    const registry = new ProfileRegistry(folder)
    for (const id of ['a', 'b', 'c']) registry.save({ ...demo, id, name: id })
    registry.save({ ...demo, id: 'b', name: 'B renamed' })
    expect(registry.list().map((profile) => profile.name)).toEqual(['a', 'B renamed', 'c'])
    registry.remove('b')
    registry.remove('not-there')
    expect(registry.list().map((profile) => profile.id)).toEqual(['a', 'c'])
  })
})
