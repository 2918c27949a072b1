/**
 * Preview-first sync (issue 5): the target snapshot the planner reads offline, the links between
 * Entra users and the target users they became, and the run journal — each operation recorded
 * before it is sent and its outcome after, so a killed push can be resumed without losing or
 * repeating an operation.
 */
import type { Migration } from './migration'

export const syncJournal: Migration = {
  version: 4,
  name: 'sync',
  up(connection) {
    connection.exec(`
      CREATE TABLE sync_links (
        entra_id TEXT PRIMARY KEY,
        target_id TEXT NOT NULL UNIQUE,
        linked_at TEXT NOT NULL,
        disabled_at TEXT
      );

      -- The last complete read of the target's /Users and /Groups (replaced as a whole).
      CREATE TABLE target_users (
        id TEXT PRIMARY KEY,
        user_name TEXT NOT NULL,
        external_id TEXT,
        active INTEGER NOT NULL,
        resource_json TEXT NOT NULL
      );
      CREATE INDEX target_users_user_name ON target_users (user_name COLLATE NOCASE);
      CREATE TABLE target_groups (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        members_json TEXT NOT NULL
      );
      CREATE INDEX target_groups_display_name ON target_groups (display_name COLLATE NOCASE);
      CREATE TABLE target_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        taken_at TEXT NOT NULL,
        user_count INTEGER NOT NULL,
        group_count INTEGER NOT NULL
      );

      CREATE TABLE sync_runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('push', 'provision')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'partial')),
        started_by TEXT NOT NULL,
        rules_fingerprint TEXT NOT NULL,
        plan_fingerprint TEXT NOT NULL,
        counts_json TEXT NOT NULL,
        -- The process executing the run ("cli:12345:ab12@host"), NULL when none is: the desktop app
        -- and the command line share the cache, and a run must never be executed by two at once.
        owner TEXT,
        -- Refreshed by the owner while it executes; an old one means the owner died (kill -9).
        heartbeat_at TEXT
      );
      CREATE INDEX sync_runs_started_at ON sync_runs (started_at);

      CREATE TABLE sync_operations (
        run_id TEXT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        op_id TEXT NOT NULL,
        action TEXT NOT NULL,
        entra_id TEXT,
        target_id TEXT,
        user_name TEXT,
        -- The plan operation itself, so a resumed run sends exactly what was previewed.
        operation_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'succeeded', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        -- Entra's provisioning-log name (EntryConflict, InvalidAnchor …) and Headcount's ErrorCode.
        error_code TEXT,
        app_error_code TEXT,
        error_message TEXT,
        note TEXT,
        request_summary TEXT,
        duration_ms INTEGER,
        sent_at TEXT,
        finished_at TEXT,
        PRIMARY KEY (run_id, seq)
      );
      CREATE INDEX sync_operations_status ON sync_operations (run_id, status);
    `)
  },
}
