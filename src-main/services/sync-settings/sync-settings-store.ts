/**
 * Per-profile target and sync settings, kept as one small JSON file in the profile's folder
 * (`profiles/<id>/sync-settings.json`).
 *
 * Why a file here rather than fields in profiles.json: the settings belong to one profile and go
 * with its folder when the profile is deleted (no extra clean-up step), the profile list stays the
 * small index every screen reads, and the journal's migration stays the executor's. No secret is
 * written here: the bearer token lives in the SecretStore (profile-secret-keys.ts `targetTokenKey`).
 * Writes go to a temporary file renamed over the old one, so a crash never leaves half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError, type SyncSettings, type TargetSettingsInput, type TargetTestResult } from '../../common'

/** The target settings without the token (which never leaves the SecretStore). */
export type TargetSettings = Omit<TargetSettingsInput, 'token'>

export interface ProfileSyncSettings {
  readonly target: TargetSettings | null
  readonly lastTest: TargetTestResult | null
  readonly sync: SyncSettings
}

interface SettingsFile extends ProfileSyncSettings {
  readonly version: 1
}

/** Safe default (issue 5): a new profile is preview-only until the admin enables pushing. */
export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  mode: 'full',
  isPushEnabled: false,
  deletionThreshold: { count: 500, percent: 20 },
}

/** Entra's gallery minimum rate, four requests in flight, strict RFC 7644, soft delete, 30 days. */
export const DEFAULT_TARGET_OPTIONS: Omit<TargetSettings, 'scimUrl'> = {
  ratePerSecond: 25,
  concurrency: 4,
  compatibility: 'strict',
  isSoftDeleteSupported: true,
  hardDeleteAfterDays: 30,
}

const EMPTY: ProfileSyncSettings = { target: null, lastTest: null, sync: DEFAULT_SYNC_SETTINGS }

/** Reads and writes each profile's `sync-settings.json` under `<dataDir>/profiles/<id>/`. */
export class SyncSettingsStore {
  constructor(private readonly dataDir: string) {}

  get(profileId: string): ProfileSyncSettings {
    let text: string
    try {
      text = readFileSync(this.file(profileId), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY
      throw error
    }
    let parsed: Partial<SettingsFile>
    try {
      parsed = JSON.parse(text) as Partial<SettingsFile>
    } catch {
      throw new AppError({
        code: 'StoreError',
        message: 'The sync settings of this profile are damaged and cannot be read.',
        hint: 'Set the target and the sync settings again.',
      })
    }
    if (parsed.version !== 1) {
      throw new AppError({ code: 'StoreError', message: 'The sync settings were written by a newer version of Headcount.', hint: 'Update Headcount.' })
    }
    // Fields missing from older files read as their defaults.
    return {
      target: parsed.target ?? null,
      lastTest: parsed.lastTest ?? null,
      sync: { ...DEFAULT_SYNC_SETTINGS, ...parsed.sync },
    }
  }

  /** Applies `change` to the current settings and saves the result. */
  update(profileId: string, change: (current: ProfileSyncSettings) => ProfileSyncSettings): ProfileSyncSettings {
    const next = change(this.get(profileId))
    const file = this.file(profileId)
    mkdirSync(dirname(file), { recursive: true })
    const content: SettingsFile = { version: 1, target: next.target, lastTest: next.lastTest, sync: next.sync }
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 })
    renameSync(temporary, file)
    return next
  }

  private file(profileId: string): string {
    return join(this.dataDir, 'profiles', profileId, 'sync-settings.json')
  }
}
