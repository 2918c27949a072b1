/**
 * The cached assignments of the profile's enterprise app (migration 0005): who `assignedOnly` scope
 * starts from. Written as a whole by the pull, read by the rules and sync areas.
 */
import type { ProfileDatabase } from './profile-database'

/** One principal assigned to the enterprise app (Graph `appRoleAssignment.principalId` / `principalType`). */
export interface AppAssignment {
  readonly principalId: string
  readonly principalType: 'User' | 'Group'
  readonly displayName?: string | null
}

/** Where a set of assignments came from. */
export interface AppAssignmentsSource {
  /** Application (client) id of the enterprise app, as the profile stores its choice. */
  readonly appId: string
  readonly servicePrincipalId: string
  /** ISO time of the read. */
  readonly readAt: string
  readonly runId?: string | null
}

/** The cached set: users and groups assigned directly, and when and for which app it was read. */
export interface AppAssignments {
  readonly userIds: ReadonlySet<string>
  readonly groupIds: ReadonlySet<string>
  /** Null when assignments were never read into this cache (then both sets are empty). */
  readonly readAt: string | null
  /** The enterprise app the set belongs to; null when never read. */
  readonly appId: string | null
}

/** Replaces the cached set, in one transaction (a principal listed twice — several app roles — is kept once). */
export function replaceAppAssignments(database: ProfileDatabase, assignments: readonly AppAssignment[], source: AppAssignmentsSource): void {
  const connection = database.connection
  const insert = connection.prepare('INSERT OR IGNORE INTO app_assignments (principal_id, principal_type, display_name) VALUES (?, ?, ?)')
  connection.transaction(() => {
    connection.prepare('DELETE FROM app_assignments').run()
    for (const assignment of assignments) insert.run(assignment.principalId, assignment.principalType, assignment.displayName ?? null)
    connection
      .prepare(
        `INSERT INTO app_assignments_read (id, app_id, service_principal_id, read_at, run_id) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET app_id = excluded.app_id, service_principal_id = excluded.service_principal_id,
                                        read_at = excluded.read_at, run_id = excluded.run_id`,
      )
      .run(source.appId, source.servicePrincipalId, source.readAt, source.runId ?? null)
  })()
}

/** The cached set; empty sets and `readAt: null` when no pull has read it yet. */
export function readAppAssignments(database: ProfileDatabase): AppAssignments {
  const connection = database.connection
  const read = connection.prepare('SELECT app_id, read_at FROM app_assignments_read WHERE id = 1').get() as { app_id: string; read_at: string } | undefined
  const userIds = new Set<string>()
  const groupIds = new Set<string>()
  const rows = connection.prepare('SELECT principal_id, principal_type FROM app_assignments').all() as { principal_id: string; principal_type: 'User' | 'Group' }[]
  for (const row of rows) (row.principal_type === 'User' ? userIds : groupIds).add(row.principal_id)
  return { userIds, groupIds, readAt: read?.read_at ?? null, appId: read?.app_id ?? null }
}
