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

describe('ProfileRegistry', () => {
  it('starts empty when the data folder is new', () => {
    expect(new ProfileRegistry(join(freshFolder(), 'not-yet')).list()).toEqual([])
  })

  it('saves, replaces by id and survives a new instance', () => {
    const folder = freshFolder()
    new ProfileRegistry(folder).save(demo)
    new ProfileRegistry(folder).save({ ...demo, name: 'Renamed' })
    const again = new ProfileRegistry(folder)
    expect(again.list()).toEqual([{ ...demo, name: 'Renamed' }])
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
})
