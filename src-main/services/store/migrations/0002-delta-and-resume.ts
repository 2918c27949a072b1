/**
 * Delta pulls and resumable rounds.
 *
 * - `pull_state` (one row per delta resource, `users` and `groups`) gains the round in progress
 *   (`round`: 'full' or 'delta', null when none), the pages it has committed, the deltaLink a
 *   finished round hands over once the pull completes (`pending_delta_link`), and the user `$select`
 *   the stored links were made with (a different attribute list needs a full round).
 *   `next_link` (from 0001) is the page checkpoint, written in the same transaction as its page.
 * - `pull_runs.notes`: a JSON array of what the run had to do besides reading: resumed from a
 *   checkpoint, a rejected checkpoint, an expired delta token that forced a full resync.
 */
import type { Migration } from './migration'

export const deltaAndResume: Migration = {
  version: 2,
  name: 'delta-and-resume',
  up(connection) {
    connection.exec(`
      ALTER TABLE pull_state ADD COLUMN round TEXT CHECK (round IN ('full', 'delta'));
      ALTER TABLE pull_state ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE pull_state ADD COLUMN pending_delta_link TEXT;
      ALTER TABLE pull_state ADD COLUMN select_json TEXT;
      ALTER TABLE pull_runs ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
      -- Per-group member checkpoints of the list-based pull: groups delta carries members now.
      DELETE FROM pull_state WHERE resource LIKE 'members:%';
    `)
  },
}
