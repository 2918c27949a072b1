import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { ALL_MIGRATIONS } from '../../../../src-main/services/store/migrations/all-migrations'
import type { Migration } from '../../../../src-main/services/store/migrations/migration'
import { openProfileDatabase, profileDatabasePath } from '../../../../src-main/services/store/profile-database'
import { temporaryDataDir } from './directory-fixtures'

let dataDir: { path: string; remove: () => void }
beforeEach(() => {
  dataDir = temporaryDataDir()
})
afterEach(() => dataDir.remove())

const addNickname: Migration = {
  version: 2,
  name: 'add-nickname',
  up: (connection) => connection.exec('ALTER TABLE users ADD COLUMN nickname TEXT'),
}

function appliedVersions(path: string): number[] {
  const connection = new BetterSqlite3(path, { readonly: true })
  try {
    return (connection.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
      (row) => row.version,
    )
  } finally {
    connection.close()
  }
}

function caught(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected the action to throw')
}

describe('openProfileDatabase', () => {
  it('creates <dataDir>/profiles/<profileId>/cache.sqlite', () => {
    const database = openProfileDatabase(dataDir.path, 'contoso')
    database.close()
    expect(database.path).toBe(join(dataDir.path, 'profiles', 'contoso', 'cache.sqlite'))
    expect(existsSync(database.path)).toBe(true)
  })

  it('opens in WAL mode with foreign keys on and synchronous NORMAL', () => {
    const database = openProfileDatabase(dataDir.path, 'contoso')
    try {
      expect(database.connection.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(database.connection.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(database.connection.pragma('synchronous', { simple: true })).toBe(1) // NORMAL
    } finally {
      database.close()
    }
  })

  it('records every applied migration and does not re-run them on reopen', () => {
    openProfileDatabase(dataDir.path, 'contoso').close()
    const reopened = openProfileDatabase(dataDir.path, 'contoso')
    reopened.close()
    expect(reopened.schemaVersion).toBe(ALL_MIGRATIONS.length)
    expect(appliedVersions(reopened.path)).toEqual(ALL_MIGRATIONS.map((migration) => migration.version))
  })

  it('upgrades a database written by an older version', () => {
    openProfileDatabase(dataDir.path, 'contoso', [ALL_MIGRATIONS[0]!]).close()
    const upgraded = openProfileDatabase(dataDir.path, 'contoso', [ALL_MIGRATIONS[0]!, addNickname])
    try {
      expect(upgraded.schemaVersion).toBe(2)
      const columns = upgraded.connection.pragma('table_info(users)') as { name: string }[]
      expect(columns.map((column) => column.name)).toContain('nickname')
    } finally {
      upgraded.close()
    }
  })

  it('rolls a failing migration back whole and leaves the older version in place', () => {
    openProfileDatabase(dataDir.path, 'contoso', [ALL_MIGRATIONS[0]!]).close()
    const halfDone: Migration = {
      version: 2,
      name: 'fails-halfway',
      up: (connection) => {
        connection.exec('CREATE TABLE scratch (id TEXT)')
        connection.exec('THIS IS NOT SQL')
      },
    }
    const error = caught(() => openProfileDatabase(dataDir.path, 'contoso', [ALL_MIGRATIONS[0]!, halfDone]))
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('StoreError')
    expect(appliedVersions(profileDatabasePath(dataDir.path, 'contoso'))).toEqual([1])
    const reopened = openProfileDatabase(dataDir.path, 'contoso', [ALL_MIGRATIONS[0]!])
    try {
      const tables = reopened.connection.prepare("SELECT name FROM sqlite_master WHERE name = 'scratch'").all()
      expect(tables).toEqual([])
    } finally {
      reopened.close()
    }
  })

  it('refuses a database from a newer version with a StoreError that says so', () => {
    openProfileDatabase(dataDir.path, 'contoso', [ALL_MIGRATIONS[0]!, addNickname]).close()
    const error = caught(() => openProfileDatabase(dataDir.path, 'contoso', [ALL_MIGRATIONS[0]!]))
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('StoreError')
    expect((error as AppError).message).toMatch(/newer version of Headcount/)
    expect((error as AppError).message).toMatch(/schema 2/)
    expect(appliedVersions(profileDatabasePath(dataDir.path, 'contoso'))).toEqual([1, 2])
  })

  it('turns a file that is not a database into a StoreError', () => {
    const folder = join(dataDir.path, 'profiles', 'broken')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'cache.sqlite'), 'this is not a SQLite file, just some text that is long enough '.repeat(20))
    const error = caught(() => openProfileDatabase(dataDir.path, 'broken'))
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('StoreError')
  })

  it.each(['../escape', 'a/b', '', 'x'.repeat(101)])('rejects the profile id %j before touching the disk', (profileId) => {
    const error = caught(() => openProfileDatabase(dataDir.path, profileId))
    expect((error as AppError).code).toBe('InvalidArgument')
    expect(existsSync(join(dataDir.path, 'profiles'))).toBe(false)
  })
})
