/**
 * Who is assigned to the profile's enterprise app (`GET /servicePrincipals/{id}/appRoleAssignedTo`),
 * for the scope "Sync only assigned users and groups" (reference/entra-and-graph.md §3.1). Replaced as
 * a whole by each pull that could read it; a pull that could not keeps the previous set.
 */
import type { Migration } from './migration'

export const appAssignments: Migration = {
  version: 5,
  name: 'app-assignments',
  up(connection) {
    connection.exec(`
      -- One row per assigned principal: a principal holding several app roles is assigned once.
      CREATE TABLE app_assignments (
        principal_id TEXT PRIMARY KEY,
        principal_type TEXT NOT NULL CHECK (principal_type IN ('User', 'Group')),
        display_name TEXT
      );
      -- Which enterprise app the set belongs to, and when it was read (one row, absent until the first read).
      CREATE TABLE app_assignments_read (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        app_id TEXT NOT NULL,
        service_principal_id TEXT NOT NULL,
        read_at TEXT NOT NULL,
        run_id TEXT
      );
    `)
  },
}
