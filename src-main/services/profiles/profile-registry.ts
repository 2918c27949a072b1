/**
 * The list of profiles, kept as one small JSON file in the data folder. Each profile's cache lives in
 * its own folder (`profiles/<id>/`); this file only names them. Writes go to a temporary file that is
 * renamed over the old one, so a crash never leaves half a list.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, type ProfileKind } from '../../common'

export interface ProfileRecord {
  readonly id: string
  readonly name: string
  readonly kind: ProfileKind
  readonly tenantName: string | null
  readonly createdAt: string
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
    return parsed.profiles
  }

  get(id: string): ProfileRecord | null {
    return this.list().find((profile) => profile.id === id) ?? null
  }

  /** Adds the profile, or replaces the one with the same id. */
  save(profile: ProfileRecord): void {
    const others = this.list().filter((existing) => existing.id !== profile.id)
    this.write({ version: 1, profiles: [...others, profile] })
  }

  private write(content: RegistryFile): void {
    mkdirSync(this.dataDir, { recursive: true })
    const temporary = `${this.file}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 })
    renameSync(temporary, this.file)
  }
}
