/** What Settings says about each way of keeping secrets, in plain words. */
import type { SecretBackend, SecretStorageInfo } from '../../common/settings'

/** The storage info for a backend; `warning` adds to the default wording (e.g. the Linux backend name). */
export function describeSecretStorage(backend: SecretBackend): SecretStorageInfo {
  switch (backend) {
    case 'safeStorage':
      return { backend, isProtected: true, warning: null }
    case 'plaintextFallback':
      return {
        backend,
        isProtected: false,
        warning:
          'No system keyring was found, so client secrets and sign-in tokens are saved with a fixed key that anyone who can read your files can undo. Install and unlock a keyring (GNOME Keyring or KWallet) and restart Headcount, or use interactive sign-in without a stored secret.',
      }
    case 'memory':
      return {
        backend,
        isProtected: false,
        warning: 'Secrets and sign-in tokens are kept in memory only: nothing is written to disk, and you will need to enter them again after a restart.',
      }
  }
}
