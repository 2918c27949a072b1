/**
 * The demo target's own database: a SQLite file (WAL) holding SCIM Users and Groups as JSON, with
 * the attributes clients query by — userName, externalId, displayName — in indexed columns.
 * userName and group displayName are unique ignoring case (RFC 7643 §4.1.1: userName is
 * caseExact false and unique), so the uniqueness keys are stored lower-cased.
 */
import Database from 'better-sqlite3'
import type { ScimGroupRecord, ScimUserRecord } from './scim-user-record'

/** An expected failure of a write: another resource already holds the unique name. */
export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'uniquenessConflict'; readonly message: string }

/** What the SCIM handlers need from storage. */
export interface DemoTargetStore {
  /** True when the file had no schema before it was opened (the caller may seed it). */
  readonly isNew: boolean
  getUser(id: string): ScimUserRecord | undefined
  /** Users whose userName equals `userName` ignoring case. */
  findUsersByUserName(userName: string): ScimUserRecord[]
  findUsersByExternalId(externalId: string): ScimUserRecord[]
  listUsers(): ScimUserRecord[]
  saveUser(user: ScimUserRecord): SaveResult
  /** Deletes the user and removes them from every group; false when there was no such user. */
  deleteUser(id: string): boolean
  countUsers(): number
  getGroup(id: string): ScimGroupRecord | undefined
  findGroupsByDisplayName(displayName: string): ScimGroupRecord[]
  listGroups(): ScimGroupRecord[]
  saveGroup(group: ScimGroupRecord): SaveResult
  deleteGroup(id: string): boolean
  /** Writes many users in one transaction (seeding). */
  insertUsers(users: readonly ScimUserRecord[]): void
  close(): void
}

const SCHEMA_VERSION = 1

interface JsonRow {
  readonly resource: string
}

/** {@link DemoTargetStore} over better-sqlite3. */
export class SqliteDemoTargetStore implements DemoTargetStore {
  readonly isNew: boolean
  private readonly database: Database.Database
  private readonly statements

  constructor(databaseFile: string) {
    this.database = new Database(databaseFile)
    this.database.pragma('journal_mode = WAL')
    this.database.pragma('foreign_keys = ON')
    const version = this.database.pragma('user_version', { simple: true }) as number
    this.isNew = version === 0
    if (this.isNew) {
      this.database.exec(`
        CREATE TABLE users (
          id TEXT PRIMARY KEY,
          user_name_key TEXT NOT NULL UNIQUE,
          external_id TEXT,
          resource TEXT NOT NULL
        );
        CREATE INDEX users_external_id ON users (external_id);
        CREATE TABLE groups (
          id TEXT PRIMARY KEY,
          display_name_key TEXT NOT NULL UNIQUE,
          external_id TEXT,
          resource TEXT NOT NULL
        );
        PRAGMA user_version = ${SCHEMA_VERSION};
      `)
    }
    const database = this.database
    this.statements = {
      getUser: database.prepare<[string], JsonRow>('SELECT resource FROM users WHERE id = ?'),
      findUsersByUserName: database.prepare<[string], JsonRow>('SELECT resource FROM users WHERE user_name_key = ?'),
      findUsersByExternalId: database.prepare<[string], JsonRow>('SELECT resource FROM users WHERE external_id = ?'),
      listUsers: database.prepare<[], JsonRow>('SELECT resource FROM users ORDER BY rowid'),
      countUsers: database.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM users'),
      upsertUser: database.prepare<[string, string, string | null, string]>(
        `INSERT INTO users (id, user_name_key, external_id, resource) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET user_name_key = excluded.user_name_key, external_id = excluded.external_id, resource = excluded.resource`,
      ),
      deleteUser: database.prepare<[string]>('DELETE FROM users WHERE id = ?'),
      groupsWithMember: database.prepare<[string], { id: string; resource: string }>(
        `SELECT id, resource FROM groups WHERE EXISTS (
           SELECT 1 FROM json_each(groups.resource, '$.members') AS member WHERE json_extract(member.value, '$.value') = ?)`,
      ),
      getGroup: database.prepare<[string], JsonRow>('SELECT resource FROM groups WHERE id = ?'),
      findGroupsByDisplayName: database.prepare<[string], JsonRow>('SELECT resource FROM groups WHERE display_name_key = ?'),
      listGroups: database.prepare<[], JsonRow>('SELECT resource FROM groups ORDER BY rowid'),
      upsertGroup: database.prepare<[string, string, string | null, string]>(
        `INSERT INTO groups (id, display_name_key, external_id, resource) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET display_name_key = excluded.display_name_key, external_id = excluded.external_id, resource = excluded.resource`,
      ),
      updateGroupResource: database.prepare<[string, string]>('UPDATE groups SET resource = ? WHERE id = ?'),
      deleteGroup: database.prepare<[string]>('DELETE FROM groups WHERE id = ?'),
    }
  }

  getUser(id: string): ScimUserRecord | undefined {
    const row = this.statements.getUser.get(id)
    return row ? (JSON.parse(row.resource) as ScimUserRecord) : undefined
  }

  findUsersByUserName(userName: string): ScimUserRecord[] {
    return this.statements.findUsersByUserName.all(userName.toLowerCase()).map((row) => JSON.parse(row.resource) as ScimUserRecord)
  }

  findUsersByExternalId(externalId: string): ScimUserRecord[] {
    return this.statements.findUsersByExternalId.all(externalId).map((row) => JSON.parse(row.resource) as ScimUserRecord)
  }

  listUsers(): ScimUserRecord[] {
    return this.statements.listUsers.all().map((row) => JSON.parse(row.resource) as ScimUserRecord)
  }

  countUsers(): number {
    return this.statements.countUsers.get()?.count ?? 0
  }

  saveUser(user: ScimUserRecord): SaveResult {
    return this.uniquely(`userName "${user.userName}"`, () => {
      this.statements.upsertUser.run(user.id, user.userName.toLowerCase(), user.externalId ?? null, JSON.stringify(user))
    })
  }

  insertUsers(users: readonly ScimUserRecord[]): void {
    this.database.transaction(() => {
      for (const user of users) this.statements.upsertUser.run(user.id, user.userName.toLowerCase(), user.externalId ?? null, JSON.stringify(user))
    })()
  }

  deleteUser(id: string): boolean {
    return this.database.transaction(() => {
      const deleted = this.statements.deleteUser.run(id).changes > 0
      if (deleted) {
        // Group membership is a reference; a deleted user must not linger as a dangling member.
        for (const row of this.statements.groupsWithMember.all(id)) {
          const group = JSON.parse(row.resource) as ScimGroupRecord
          const members = (group.members ?? []).filter((member) => member.value !== id)
          this.statements.updateGroupResource.run(JSON.stringify({ ...group, members }), row.id)
        }
      }
      return deleted
    })()
  }

  getGroup(id: string): ScimGroupRecord | undefined {
    const row = this.statements.getGroup.get(id)
    return row ? (JSON.parse(row.resource) as ScimGroupRecord) : undefined
  }

  findGroupsByDisplayName(displayName: string): ScimGroupRecord[] {
    return this.statements.findGroupsByDisplayName.all(displayName.toLowerCase()).map((row) => JSON.parse(row.resource) as ScimGroupRecord)
  }

  listGroups(): ScimGroupRecord[] {
    return this.statements.listGroups.all().map((row) => JSON.parse(row.resource) as ScimGroupRecord)
  }

  saveGroup(group: ScimGroupRecord): SaveResult {
    return this.uniquely(`displayName "${group.displayName}"`, () => {
      this.statements.upsertGroup.run(group.id, group.displayName.toLowerCase(), group.externalId ?? null, JSON.stringify(group))
    })
  }

  deleteGroup(id: string): boolean {
    return this.statements.deleteGroup.run(id).changes > 0
  }

  close(): void {
    if (this.database.open) this.database.close()
  }

  private uniquely(what: string, write: () => void): SaveResult {
    try {
      write()
      return { ok: true }
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        return { ok: false, reason: 'uniquenessConflict', message: `Another resource already has ${what}` }
      }
      throw error
    }
  }
}
