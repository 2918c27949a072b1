/**
 * A profile's rules (issue 4), one row: the saved ProfileRules JSON, when it was saved, and the
 * rules it replaced (so a reset or an import can be undone once).
 */
import type { Migration } from './migration'

export const profileRules: Migration = {
  version: 3,
  name: 'profile-rules',
  up(connection) {
    connection.exec(`
      CREATE TABLE profile_rules (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        rules_json TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        previous_json TEXT
      );
    `)
  },
}
