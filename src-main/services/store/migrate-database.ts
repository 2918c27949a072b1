/**
 * Brings a cache database up to the newest schema this build knows. Each migration runs in its
 * own transaction together with its `schema_migrations` row, so a crash leaves the database at
 * the last fully applied version. A database written by a newer build is refused, never touched.
 */
import type { Database } from 'better-sqlite3'
import { AppError } from '../../common/errors'
import type { Migration } from './migrations/migration'

export interface MigrationResult {
  readonly fromVersion: number
  readonly toVersion: number
}

/** Applies the pending migrations; throws a `StoreError` AppError for a newer database. */
export function migrateDatabase(connection: Database, migrations: readonly Migration[]): MigrationResult {
  assertOrdered(migrations)
  connection.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )
  `)
  const fromVersion = currentSchemaVersion(connection)
  const newestKnown = migrations.at(-1)?.version ?? 0
  if (fromVersion > newestKnown) {
    throw new AppError({
      code: 'StoreError',
      message: `This profile's cache was written by a newer version of Headcount (schema ${fromVersion}; this version understands up to ${newestKnown}).`,
      hint: 'Update Headcount, or remove the profile cache so the next pull rebuilds it.',
    })
  }
  const record = connection.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue
    connection.transaction(() => {
      migration.up(connection)
      record.run(migration.version, migration.name, new Date().toISOString())
    })()
  }
  return { fromVersion, toVersion: Math.max(fromVersion, newestKnown) }
}

/** The highest applied migration, 0 for a new database. */
export function currentSchemaVersion(connection: Database): number {
  const row = connection.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as
    | { version: number | null }
    | undefined
  return row?.version ?? 0
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      // A programming error in the migration list, not a user-facing failure.
      throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`)
    }
  })
}
