/**
 * The Target area over the real sync services: a demo SCIM target on 127.0.0.1, a real profile
 * cache for the snapshot, settings in the profile folder and the token in the SecretStore only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError, type TargetSettingsInput, type TargetSnapshotProgress } from '../../../src-main/common'
import { createSyncServices, type SyncServices } from '../../../src-main/api/sync-services'
import { createTargetArea, type TargetArea } from '../../../src-main/api/target-area'
import { generateOrganisation } from '../../../src-main/demo/organisation/generate-organisation'
import { startDemoTarget, type RunningDemoTarget } from '../../../src-main/demo/target/start-demo-target'
import type { ProfileRecord } from '../../../src-main/services/profiles/profile-registry'
import { MemorySecretStore } from '../../../src-main/services/secrets/memory-secret-store'
import { targetTokenKey } from '../../../src-main/services/secrets/profile-secret-keys'
import { openProfileDatabase, type ProfileDatabase } from '../../../src-main/services/store/profile-database'
import { SyncSettingsStore } from '../../../src-main/services/sync-settings/sync-settings-store'

const TOKEN = 'target-area-token-5f1c'
let folder: string
let target: RunningDemoTarget
let database: ProfileDatabase
let services: SyncServices
let secrets: MemorySecretStore
let area: TargetArea

const profile: ProfileRecord = { id: 'p1', name: 'Contoso', kind: 'tenant', tenantName: null, createdAt: '2026-11-23T09:00:00.000Z' }
const profiles = { list: () => [profile], get: (id: string) => (id === 'p1' ? profile : null), save: () => undefined }

function settings(overrides: Partial<TargetSettingsInput> = {}): TargetSettingsInput {
  return { scimUrl: target.baseUrl, ratePerSecond: 200, concurrency: 4, compatibility: 'strict', isSoftDeleteSupported: true, hardDeleteAfterDays: 30, ...overrides }
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'headcount-target-area-'))
  target = await startDemoTarget({ databaseFile: join(folder, 'target.db'), bearerToken: TOKEN, seedFrom: generateOrganisation({ users: 150 }) })
  database = openProfileDatabase(folder, 'p1')
  services = createSyncServices({ database: () => database, profile: (id) => profiles.get(id), now: () => new Date(), runOwner: 'test:1:0000@here' })
  secrets = new MemorySecretStore()
  area = createTargetArea({ profiles, settings: new SyncSettingsStore(folder), secrets, gateway: services.targetGateway })
})
afterAll(async () => {
  await services?.close()
  database?.close()
  await target?.close()
  rmSync(folder, { recursive: true, force: true })
})

describe('target area', () => {
  it('starts unconfigured with Entra’s defaults', async () => {
    expect(await area.status({ profileId: 'p1' })).toEqual({
      isConfigured: false,
      scimUrl: null,
      hasToken: false,
      settings: { ratePerSecond: 25, concurrency: 4, compatibility: 'strict', isSoftDeleteSupported: true, hardDeleteAfterDays: 30 },
      lastTest: null,
      snapshot: null,
    })
  })

  it('needs a token the first time', async () => {
    const error = await area.configure({ profileId: 'p1', settings: settings() }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('InvalidArgument')
  })

  it('keeps the token in the SecretStore only: never returned, never in the settings file', async () => {
    const status = await area.configure({ profileId: 'p1', settings: settings({ token: TOKEN }) })
    expect(status).toMatchObject({ isConfigured: true, scimUrl: target.baseUrl, hasToken: true, settings: { ratePerSecond: 200 } })
    expect(JSON.stringify(status)).not.toContain(TOKEN)
    expect(readFileSync(join(folder, 'profiles', 'p1', 'sync-settings.json'), 'utf8')).not.toContain(TOKEN)
    expect(await secrets.get(targetTokenKey('p1'))).toBe(TOKEN)
    // Saving again without a token keeps the stored one.
    expect((await area.configure({ profileId: 'p1', settings: settings({ concurrency: 2 }) })).hasToken).toBe(true)
    expect((await area.connectionFor('p1')).token).toBe(TOKEN)
  })

  it('tests the connection as Entra does and keeps the result', async () => {
    const result = await area.test({ profileId: 'p1' })
    expect(result.isOk).toBe(true)
    expect(result.problems).toEqual([])
    expect(result.checks.map((check) => [check.name, check.isOk])).toEqual([
      ['Filter query on a random userName', true],
      ['/ServiceProviderConfig', true],
      ['/Schemas', true],
      ['/ResourceTypes', true],
    ])
    expect(result.features).toMatchObject({ patch: true, filter: true })
    expect(result.resourceTypes).toEqual(expect.arrayContaining(['User', 'Group']))
    expect((await area.status({ profileId: 'p1' })).lastTest).toEqual(result)
  })

  it('forgets the last test when the settings change, and reports a refused token in plain words', async () => {
    const status = await area.configure({ profileId: 'p1', settings: settings({ token: 'wrong-token' }) })
    expect(status.lastTest).toBeNull()
    const result = await area.test({ profileId: 'p1' })
    expect(result.isOk).toBe(false)
    expect(result.problems.join(' ')).toMatch(/401|token/i)
    await area.configure({ profileId: 'p1', settings: settings({ token: TOKEN }) })
  })

  it('reads the snapshot with progress events and says what it holds', async () => {
    const events: TargetSnapshotProgress[] = []
    const stop = area.onDidProgress((event) => events.push(event))
    const status = await area.refresh({ profileId: 'p1' })
    stop()
    const listed = (await (await fetch(`${target.baseUrl}/Users?count=1`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { totalResults: number }
    expect(status.snapshot?.users).toBe(listed.totalResults)
    expect(listed.totalResults).toBeGreaterThan(0)
    expect(events.some((event) => event.profileId === 'p1' && event.phase === 'users' && event.read === listed.totalResults)).toBe(true)
    expect(events.some((event) => event.phase === 'groups')).toBe(true)
  })

  it('answers NotFound for an unknown profile', async () => {
    const error = await area.status({ profileId: 'nobody' }).catch((caught: unknown) => caught)
    expect((error as AppError).code).toBe('NotFound')
  })
})
