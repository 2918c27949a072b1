/**
 * A profile's saved rules in its cache file (table `profile_rules`, migration 0003): one row with the
 * rules JSON, when they were saved, and the rules they replaced (for one undo).
 */
import { createHash } from 'node:crypto'
import type { ProfileRules } from '../../common/rules'
import type { ProfileDatabase } from '../store/profile-database'

/**
 * `rules_json` is NOT NULL; after a reset it holds this text, meaning "the default rules", so the
 * replaced rules can stay in `previous_json` and `get` can still say nothing was saved.
 */
const DEFAULT_MARKER = 'null'

export interface SavedRules {
  /** Null when the profile runs on the default rules (never saved, or reset). */
  readonly rules: ProfileRules | null
  readonly savedAt: string | null
}

interface RulesRecord {
  readonly rules_json: string
  readonly saved_at: string
  readonly previous_json: string | null
}

export class RulesStore {
  constructor(
    private readonly database: ProfileDatabase,
    private readonly now: () => Date,
  ) {}

  read(): SavedRules {
    const record = this.record()
    if (record === undefined || record.rules_json === DEFAULT_MARKER) return { rules: null, savedAt: null }
    return { rules: JSON.parse(record.rules_json) as ProfileRules, savedAt: record.saved_at }
  }

  /** The rules the last save or reset replaced; null when there were none (or they were the defaults). */
  previous(): ProfileRules | null {
    const text = this.record()?.previous_json ?? null
    return text === null || text === DEFAULT_MARKER ? null : (JSON.parse(text) as ProfileRules)
  }

  /** Saves the rules (already validated by the caller); returns when. */
  save(rules: ProfileRules): string {
    return this.write(JSON.stringify(rules))
  }

  /** Back to the default rules; the replaced ones stay in `previous`. */
  reset(): void {
    this.write(DEFAULT_MARKER)
  }

  private write(rulesJson: string): string {
    const savedAt = this.now().toISOString()
    this.database.connection
      .prepare(
        `INSERT INTO profile_rules (id, rules_json, saved_at, previous_json) VALUES (1, ?, ?, NULL)
         ON CONFLICT (id) DO UPDATE SET previous_json = profile_rules.rules_json, rules_json = excluded.rules_json, saved_at = excluded.saved_at`,
      )
      .run(rulesJson, savedAt)
    return savedAt
  }

  private record(): RulesRecord | undefined {
    return this.database.connection.prepare('SELECT rules_json, saved_at, previous_json FROM profile_rules WHERE id = 1').get() as RulesRecord | undefined
  }
}

/**
 * A short, stable hash of rules (recorded with plans and runs): sha256 of the JSON with keys sorted
 * at every level, first 12 hex digits. The same rules give the same fingerprint whatever the key order.
 */
export function rulesFingerprint(rules: ProfileRules): string {
  return createHash('sha256').update(canonicalJson(rules)).digest('hex').slice(0, 12)
}

/** JSON with object keys sorted; `undefined` members are left out as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}
