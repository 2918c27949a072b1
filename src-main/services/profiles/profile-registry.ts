/**
 * The list of profiles, kept as one small JSON file in the data folder. Each profile's cache lives in
 * its own folder (`profiles/<id>/`); this file only names them. Writes go to a temporary file that is
 * renamed over the old one, so a crash never leaves half a list.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, type ProfileKind } from '../../common'
import type { ConnectionSettings, SignedInAccount } from '../../common/connection'

/**
 * One profile. The connection fields came later: files written before them lack the fields, which
 * read as null (the registry fills them in on read, so records from `list` and `get` always carry them).
 */
export interface ProfileRecord {
  readonly id: string
  readonly name: string
  readonly kind: ProfileKind
  readonly tenantName: string | null
  readonly createdAt: string
  /** How the profile reaches its tenant (no secrets: those live in the SecretStore). */
  readonly connection?: ConnectionSettings | null
  /** The admin signed in interactively; MSAL's cache holds the tokens, keyed by `homeAccountId`. */
  readonly account?: SignedInAccount | null
  /** When the connection last proved itself (sign-in, credentials test or consent check); null until then. */
  readonly connectedAt?: string | null
  /** The enterprise app (appId) whose credentials Health watches. */
  readonly enterpriseAppId?: string | null
}

interface RegistryFile {
  readonly version: 1
  readonly profiles: readonly ProfileRecord[]
}

const FILE_NAME = 'profiles.json'

export class ProfileRegistry {
  private readonly file: string

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, FILE_NAME)
  }

  list(): readonly ProfileRecord[] {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    let parsed: RegistryFile
    try {
      parsed = JSON.parse(text) as RegistryFile
    } catch {
      throw new AppError({
        code: 'StoreError',
        message: `The profile list (${this.file}) is damaged and cannot be read.`,
        hint: 'Restore it from a backup, or move it aside to start with no profiles; profile caches are kept.',
      })
    }
    if (parsed.version !== 1) {
      throw new AppError({
        code: 'StoreError',
        message: 'The profile list was written by a newer version of Headcount.',
        hint: 'Update Headcount to open it.',
      })
    }
    return parsed.profiles.map(withConnectionFields)
  }

  get(id: string): ProfileRecord | null {
    return this.list().find((profile) => profile.id === id) ?? null
  }

  /** Adds the profile, or replaces the one with the same id in its place. */
  save(profile: ProfileRecord): void {
    const profiles = [...this.list()]
    const index = profiles.findIndex((existing) => existing.id === profile.id)
    if (index === -1) profiles.push(profile)
    else profiles[index] = profile
    this.write({ version: 1, profiles })
  }

  /** Removes the profile from the list; its cache folder and secrets are the caller's to remove. */
  remove(id: string): void {
    const profiles = this.list()
    if (!profiles.some((profile) => profile.id === id)) return
    this.write({ version: 1, profiles: profiles.filter((profile) => profile.id !== id) })
  }

  private write(content: RegistryFile): void {
    mkdirSync(this.dataDir, { recursive: true })
    const temporary = `${this.file}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 })
    renameSync(temporary, this.file)
  }
}

function withConnectionFields(profile: ProfileRecord): ProfileRecord {
  return {
    ...profile,
    connection: profile.connection ?? null,
    account: profile.account ?? null,
    connectedAt: profile.connectedAt ?? null,
    enterpriseAppId: profile.enterpriseAppId ?? null,
  }
}
