/**
 * The role every holder of a secret depends on: client secrets, certificate keys, proxy passwords and
 * MSAL token caches go in, and only their owner reads them back. Implementations are by technology:
 * an encrypted file over an injected cipher (Electron safeStorage), or memory (browser host, CLI).
 * Keys are paths such as `profile/<id>/client-secret`, so a profile's secrets go with one prefix.
 */
import type { SecretBackend, SecretStorageInfo } from '../../common/settings'

export interface SecretStore {
  /** The stored value, or null when there is none. */
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
  /** Deletes every key starting with `prefix` (e.g. `profile/<id>/`). */
  deletePrefix(prefix: string): Promise<void>
  /** How the secrets are protected, for Settings. */
  info(): SecretStorageInfo
}

/**
 * Turns text into ciphertext and back. Electron's safeStorage in the app (src-main/app/
 * safe-storage-cipher.ts); AES-256-GCM with a key held in memory elsewhere.
 */
export interface SecretCipher {
  encrypt(text: string): Promise<Buffer>
  /** Rejects when the data was not produced by this cipher's key. */
  decrypt(data: Buffer): Promise<string>
  readonly backend: SecretBackend
}
