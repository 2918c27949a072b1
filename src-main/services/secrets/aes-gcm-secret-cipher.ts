/**
 * A SecretCipher with node:crypto AES-256-GCM and a key that lives only in this process. Used where
 * no OS key store exists (tests, a CLI session): the ciphertext is authenticated, so a changed byte
 * or another key is refused rather than decrypted into garbage. Format: IV (12) ‖ tag (16) ‖ data.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SecretBackend } from '../../common/settings'
import type { SecretCipher } from './secret-store'

const IV_BYTES = 12
const TAG_BYTES = 16

export class AesGcmSecretCipher implements SecretCipher {
  private readonly key: Buffer

  /** `key`: 32 bytes; a fresh random key when absent. */
  constructor(
    key?: Buffer,
    readonly backend: SecretBackend = 'memory',
  ) {
    this.key = key ?? randomBytes(32)
    if (this.key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key.')
  }

  encrypt(text: string): Promise<Buffer> {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), data]))
  }

  decrypt(data: Buffer): Promise<string> {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, IV_BYTES))
      decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      const text = Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
      return Promise.resolve(text)
    } catch (error) {
      return Promise.reject(new Error('The secret could not be decrypted with this key.', { cause: error }))
    }
  }
}
