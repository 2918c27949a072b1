/**
 * Secrets held in memory only: for the browser host and the CLI, which have no OS keyring to protect
 * a file. Nothing touches the disk; everything is gone when the process ends, and Settings says so.
 */
import type { SecretStorageInfo } from '../../common/settings'
import { describeSecretStorage } from './describe-secret-storage'
import type { SecretStore } from './secret-store'

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>()

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.values.get(key) ?? null)
  }

  set(key: string, value: string): Promise<void> {
    this.values.set(key, value)
    return Promise.resolve()
  }

  delete(key: string): Promise<void> {
    this.values.delete(key)
    return Promise.resolve()
  }

  deletePrefix(prefix: string): Promise<void> {
    for (const key of [...this.values.keys()]) if (key.startsWith(prefix)) this.values.delete(key)
    return Promise.resolve()
  }

  info(): SecretStorageInfo {
    return describeSecretStorage('memory')
  }
}
