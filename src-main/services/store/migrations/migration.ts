import type { Database } from 'better-sqlite3'

/** One numbered schema step. `up` runs inside a transaction opened by the migration runner. */
export interface Migration {
  /** 1, 2, 3 …: strictly increasing, never reused, never edited once released. */
  readonly version: number
  readonly name: string
  up(connection: Database): void
}
