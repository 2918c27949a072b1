/** DTOs of the Settings area. */

export type SecretBackend = 'safeStorage' | 'plaintextFallback' | 'memory'

export interface SecretStorageInfo {
  readonly backend: SecretBackend
  /** False when secrets are kept with no OS protection (Linux basic_text fallback) or only in memory. */
  readonly isProtected: boolean
  /** What the admin should know, in plain words, or null when all is well. */
  readonly warning: string | null
}

export interface AppSettings {
  readonly dataDir: string
  readonly secretStorage: SecretStorageInfo
}
