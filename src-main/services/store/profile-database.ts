/**
 * One SQLite file per profile: `<dataDir>/profiles/<profileId>/cache.sqlite`. Opening it sets the
 * connection up (WAL, foreign keys, synchronous=NORMAL) and runs the migrations.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { AppError } from '../../common/errors'
import { migrateDatabase } from './migrate-database'
import { ALL_MIGRATIONS } from './migrations/all-migrations'
import type { Migration } from './migrations/migration'

/** Same rule as the contract's profile id schema: no path separators can reach the file system. */
const PROFILE_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/

/** An open profile cache. Close it when the profile is closed; statements are prepared per use site. */
export class ProfileDatabase {
  constructor(
    readonly profileId: string,
    readonly path: string,
    readonly connection: Database,
    readonly schemaVersion: number,
  ) {}

  get isOpen(): boolean {
    return this.connection.open
  }

  close(): void {
    if (this.connection.open) this.connection.close()
  }
}

/** The cache file of a profile, without opening it. */
export function profileDatabasePath(dataDir: string, profileId: string): string {
  assertProfileId(profileId)
  return join(dataDir, 'profiles', profileId, 'cache.sqlite')
}

/**
 * Opens (creating if needed) and migrates a profile's cache. Failures to open — a file that is not
 * a database, a locked or unreadable file, a newer schema — become `StoreError` AppErrors.
 */
export function openProfileDatabase(
  dataDir: string,
  profileId: string,
  migrations: readonly Migration[] = ALL_MIGRATIONS,
): ProfileDatabase {
  const path = profileDatabasePath(dataDir, profileId)
  let connection: Database | undefined
  try {
    mkdirSync(join(dataDir, 'profiles', profileId), { recursive: true })
    connection = new BetterSqlite3(path)
    // Before WAL is switched on (the page size of a WAL database is fixed): pages of 16 kB hold
    // ten user documents each and made staging a 100,000-user pull measurably faster.
    connection.pragma('page_size = 16384')
    connection.pragma('journal_mode = WAL')
    // After a pull's checkpoint the WAL file is cut back instead of staying hundreds of MB.
    connection.pragma('journal_size_limit = 67108864')
    connection.pragma('synchronous = NORMAL')
    connection.pragma('foreign_keys = ON')
    // Reads of a 100k-user cache sort and scan; a larger page cache keeps them in memory.
    connection.pragma('cache_size = -65536')
    connection.pragma('temp_store = MEMORY')
    const { toVersion } = migrateDatabase(connection, migrations)
    return new ProfileDatabase(profileId, path, connection, toVersion)
  } catch (error) {
    connection?.close()
    if (error instanceof AppError) throw error
    throw new AppError(
      {
        code: 'StoreError',
        message: `The cache of profile "${profileId}" could not be opened: ${describe(error)}.`,
        hint: 'Check that the folder is writable and not used by another Headcount window; removing the cache file makes the next pull rebuild it.',
      },
      { cause: error },
    )
  }
}

function assertProfileId(profileId: string): void {
  if (!PROFILE_ID_PATTERN.test(profileId)) {
    throw new AppError({
      code: 'InvalidArgument',
      message: 'A profile id is 1 to 100 letters, digits, - and _.',
    })
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\.$/, '')
  return String(error)
}
