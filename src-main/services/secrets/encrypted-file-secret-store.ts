/**
 * Secrets in one JSON file of ciphertexts (`<folder>/secrets.json`, base64 per key), encrypted by an
 * injected cipher — Electron's safeStorage in the app. Only key names are readable in the file. It is
 * written to a temporary file and renamed over the old one (a crash never leaves half a file), with
 * mode 0600 in a 0700 folder. Writes are queued, so two quick `set`s cannot lose one another.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../common/errors'
import type { SecretStorageInfo } from '../../common/settings'
import { describeSecretStorage } from './describe-secret-storage'
import type { SecretCipher, SecretStore } from './secret-store'

interface SecretFile {
  readonly version: 1
  readonly entries: Readonly<Record<string, string>>
}

export const SECRET_FILE_NAME = 'secrets.json'

export class EncryptedFileSecretStore implements SecretStore {
  private readonly file: string
  private entries: Map<string, string> | null = null
  /** The tail of the write queue: every change runs after the previous one finished. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly folder: string,
    private readonly cipher: SecretCipher,
  ) {
    this.file = join(folder, SECRET_FILE_NAME)
  }

  async get(key: string): Promise<string | null> {
    await this.queue
    const ciphertext = (await this.load()).get(key)
    if (ciphertext === undefined) return null
    try {
      return await this.cipher.decrypt(Buffer.from(ciphertext, 'base64'))
    } catch (error) {
      throw new AppError(
        {
          code: 'StoreError',
          message: 'A saved secret could not be decrypted.',
          hint: 'The system keyring may have been reset. Enter the client secret or certificate again, or sign in again.',
        },
        { cause: error },
      )
    }
  }

  set(key: string, value: string): Promise<void> {
    return this.change(async (entries) => {
      entries.set(key, (await this.cipher.encrypt(value)).toString('base64'))
    })
  }

  delete(key: string): Promise<void> {
    return this.change((entries) => {
      entries.delete(key)
      return Promise.resolve()
    })
  }

  deletePrefix(prefix: string): Promise<void> {
    return this.change((entries) => {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key)
      return Promise.resolve()
    })
  }

  info(): SecretStorageInfo {
    return describeSecretStorage(this.cipher.backend)
  }

  private change(apply: (entries: Map<string, string>) => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      const entries = new Map(await this.load())
      await apply(entries)
      await this.write(entries)
      this.entries = entries
    })
    // A failed write must not block the ones after it; the caller still sees the failure.
    this.queue = run.catch(() => undefined)
    return run
  }

  private async load(): Promise<Map<string, string>> {
    if (this.entries) return this.entries
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      this.entries = new Map()
      return this.entries
    }
    let parsed: SecretFile
    try {
      parsed = JSON.parse(text) as SecretFile
    } catch (error) {
      throw new AppError(
        { code: 'StoreError', message: `The secret store (${this.file}) is damaged.`, hint: 'Move it aside and enter client secrets and certificates again.' },
        { cause: error },
      )
    }
    if (parsed.version !== 1) {
      throw new AppError({ code: 'StoreError', message: 'The secret store was written by a newer version of Headcount.', hint: 'Update Headcount to open it.' })
    }
    this.entries = new Map(Object.entries(parsed.entries))
    return this.entries
  }

  private async write(entries: ReadonlyMap<string, string>): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 })
    const content: SecretFile = { version: 1, entries: Object.fromEntries(entries) }
    const temporary = `${this.file}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 })
    await rename(temporary, this.file)
  }
}
