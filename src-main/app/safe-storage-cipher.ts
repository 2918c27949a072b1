/**
 * The SecretCipher of the desktop app: Electron's safeStorage (Keychain on macOS, DPAPI on Windows,
 * libsecret/KWallet on Linux), through the async API — Electron 45 deprecates the synchronous one
 * (reference/electron-msal-graph.md §0 item 12). On Linux without a keyring Chromium falls back to a
 * hard-coded key ('basic_text'): still encrypted on disk, but not protected, and Settings says so.
 * Call after `app.whenReady()`: safeStorage is not usable before.
 */
import { safeStorage } from 'electron'
import type { SecretCipher } from '../services/secrets/secret-store'

export function createSafeStorageCipher(): SecretCipher {
  const isPlaintextFallback = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
  return {
    backend: isPlaintextFallback ? 'plaintextFallback' : 'safeStorage',
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    decrypt: async (data) => (await safeStorage.decryptStringAsync(data)).result,
  }
}
