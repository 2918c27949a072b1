/**
 * The first cache schema: the pulled directory (users, groups, direct and materialised transitive
 * memberships) and the bookkeeping of pulls (per-resource state and one row per run).
 *
 * Design notes:
 * - The full Graph JSON lives in `user_documents`, apart from `users`: the users table is scanned
 *   for search and sorting, and keeping ~1.5 kB of JSON per row out of it keeps those scans in the
 *   page cache at 100,000 users. Documents are keyed by an integer the pull assigns in arrival
 *   order, so they are appended once and never copied; `users.document_id` points at the current one.
 * - A full pull appends each page to the `staged_*` tables (no indexes: an append costs the same
 *   at page 1 and page 100) and merges them into the indexed tables in one transaction when it
 *   completes. Committing pages straight into tables keyed by random GUIDs rewrote most index
 *   pages on every commit and made a 100,000-user pull several times slower. Readers see the
 *   previous directory until the merge, and a cancelled pull leaves it untouched.
 * - `pulled_run_id` marks which run last saw a row, so the merge can drop what the run did not see.
 * - `pull_state` is per resource (`users`, `groups`, `members:<groupId>`) with a delta link and a
 *   page checkpoint, so delta pulls and resuming from a checkpoint fit without a schema change.
 */
import type { Migration } from './migration'

export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up(connection) {
    connection.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        display_name TEXT,
        user_principal_name TEXT NOT NULL,
        mail TEXT,
        given_name TEXT,
        surname TEXT,
        job_title TEXT,
        department TEXT,
        company_name TEXT,
        office_location TEXT,
        city TEXT,
        country TEXT,
        mobile_phone TEXT,
        employee_id TEXT,
        employee_type TEXT,
        user_type TEXT,
        account_enabled INTEGER,
        manager_id TEXT,
        manager_display_name TEXT,
        is_soft_deleted INTEGER NOT NULL DEFAULT 0,
        search_text TEXT NOT NULL,
        document_id INTEGER NOT NULL,
        pulled_run_id TEXT
      );
      CREATE INDEX users_by_manager ON users (manager_id);
      -- The table opens sorted by display name: this index answers that first page without a
      -- sort. Other sorts use a top-N sort over the compact users table (about 20 ms at 100,000
      -- users, measured by the directory-query-100k benchmark); an index per column would cost
      -- more on every pull than it saves on a click.
      CREATE INDEX users_by_display_name ON users (display_name IS NULL, display_name COLLATE NOCASE, id);

      CREATE TABLE user_documents (
        id INTEGER PRIMARY KEY,
        graph_json TEXT NOT NULL
      );

      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('security', 'microsoft365', 'distribution', 'mailSecurity')),
        graph_json TEXT NOT NULL,
        pulled_run_id TEXT
      );
      CREATE INDEX groups_by_display_name ON groups (display_name COLLATE NOCASE);

      CREATE TABLE memberships (
        group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        member_type TEXT NOT NULL CHECK (member_type IN ('user', 'group', 'other')),
        direct INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (group_id, member_id)
      ) WITHOUT ROWID;
      CREATE INDEX memberships_by_member ON memberships (member_id, group_id);

      -- Every group a user is in only through nested groups (direct ones are in memberships),
      -- with the chain of group ids from the user's direct group (depth 1) to this one (depth n).
      -- Rebuilt when a pull completes.
      CREATE TABLE transitive_memberships (
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        depth INTEGER NOT NULL,
        path_json TEXT NOT NULL,
        PRIMARY KEY (user_id, group_id)
      ) WITHOUT ROWID;
      CREATE INDEX transitive_memberships_by_group ON transitive_memberships (group_id, user_id);

      -- Pages of the running (or last unfinished) full pull, appended as they arrive.
      CREATE TABLE staged_users (
        id TEXT NOT NULL,
        display_name TEXT,
        user_principal_name TEXT NOT NULL,
        mail TEXT,
        given_name TEXT,
        surname TEXT,
        job_title TEXT,
        department TEXT,
        company_name TEXT,
        office_location TEXT,
        city TEXT,
        country TEXT,
        mobile_phone TEXT,
        employee_id TEXT,
        employee_type TEXT,
        user_type TEXT,
        account_enabled INTEGER,
        manager_id TEXT,
        manager_display_name TEXT,
        search_text TEXT NOT NULL,
        document_id INTEGER NOT NULL
      );
      CREATE TABLE staged_groups (
        id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        graph_json TEXT NOT NULL
      );
      CREATE TABLE staged_memberships (
        group_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        member_type TEXT NOT NULL
      );

      CREATE TABLE pull_state (
        resource TEXT PRIMARY KEY,
        delta_link TEXT,
        next_link TEXT,
        run_id TEXT,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE pull_runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL DEFAULT 'full',
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('running', 'succeeded', 'cancelled', 'failed')),
        users INTEGER NOT NULL DEFAULT 0,
        groups INTEGER NOT NULL DEFAULT 0,
        memberships INTEGER NOT NULL DEFAULT 0,
        error_json TEXT
      );
      CREATE INDEX pull_runs_by_finished ON pull_runs (outcome, finished_at);
    `)
  },
}
