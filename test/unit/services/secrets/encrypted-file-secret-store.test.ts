import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { AesGcmSecretCipher } from '../../../../src-main/services/secrets/aes-gcm-secret-cipher'
import { EncryptedFileSecretStore, SECRET_FILE_NAME } from '../../../../src-main/services/secrets/encrypted-file-secret-store'
import { MemorySecretStore } from '../../../../src-main/services/secrets/memory-secret-store'

const folders: string[] = []
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'headcount-secrets-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const SECRET = 'hcD8Q~very.secret-Value_0123456789'

describe('EncryptedFileSecretStore', () => {
  it('keeps values across instances with the same key, and only ciphertext on disk', async () => {
    const folder = freshFolder()
    const key = Buffer.alloc(32, 7)
    const store = new EncryptedFileSecretStore(folder, new AesGcmSecretCipher(key, 'safeStorage'))
    expect(await store.get('profile/a/client-secret')).toBeNull()
    await store.set('profile/a/client-secret', SECRET)
    expect(await store.get('profile/a/client-secret')).toBe(SECRET)

    const again = new EncryptedFileSecretStore(folder, new AesGcmSecretCipher(key, 'safeStorage'))
    expect(await again.get('profile/a/client-secret')).toBe(SECRET)
    const text = readFileSync(join(folder, SECRET_FILE_NAME), 'utf8')
    expect(text).not.toContain(SECRET)
    expect(text).toContain('profile/a/client-secret')
    expect(readdirSync(folder)).toEqual([SECRET_FILE_NAME])
  })

  it.skipIf(process.platform === 'win32')('writes the file readable by its owner only', async () => {
    const folder = freshFolder()
    await new EncryptedFileSecretStore(folder, new AesGcmSecretCipher()).set('k', 'v')
    expect(statSync(join(folder, SECRET_FILE_NAME)).mode & 0o777).toBe(0o600)
  })

  it('deletes one key or every key of a profile', async () => {
    const store = new EncryptedFileSecretStore(freshFolder(), new AesGcmSecretCipher())
    await store.set('profile/a/client-secret', '1')
    await store.set('profile/a/msal-cache', '2')
    await store.set('profile/ab/client-secret', '3')
    await store.delete('profile/a/client-secret')
    expect(await store.get('profile/a/client-secret')).toBeNull()
    await store.deletePrefix('profile/a/')
    expect(await store.get('profile/a/msal-cache')).toBeNull()
    expect(await store.get('profile/ab/client-secret')).toBe('3')
  })

  it('loses no write when several are started at once', async () => {
    const folder = freshFolder()
    const cipher = new AesGcmSecretCipher()
    const store = new EncryptedFileSecretStore(folder, cipher)
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.set(`key-${index}`, `value-${index}`)))
    const reread = new EncryptedFileSecretStore(folder, cipher)
    for (let index = 0; index < 20; index++) expect(await reread.get(`key-${index}`)).toBe(`value-${index}`)
  })

  it('reports a secret it cannot decrypt (another key) as a StoreError, never as garbage', async () => {
    const folder = freshFolder()
    await new EncryptedFileSecretStore(folder, new AesGcmSecretCipher()).set('k', SECRET)
    const error = await new EncryptedFileSecretStore(folder, new AesGcmSecretCipher()).get('k').catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('StoreError')
    expect((error as AppError).message).not.toContain(SECRET)
  })

  it('refuses a damaged file instead of overwriting it', async () => {
    const folder = freshFolder()
    writeFileSync(join(folder, SECRET_FILE_NAME), '{ damaged')
    const error = await new EncryptedFileSecretStore(folder, new AesGcmSecretCipher()).set('k', 'v').catch((reason: unknown) => reason)
    expect((error as AppError).code).toBe('StoreError')
    expect(readFileSync(join(folder, SECRET_FILE_NAME), 'utf8')).toBe('{ damaged')
  })

  it('tells Settings how well each backend protects secrets', () => {
    const folder = freshFolder()
    expect(new EncryptedFileSecretStore(folder, new AesGcmSecretCipher(undefined, 'safeStorage')).info()).toEqual({ backend: 'safeStorage', isProtected: true, warning: null })
    const fallback = new EncryptedFileSecretStore(folder, new AesGcmSecretCipher(undefined, 'plaintextFallback')).info()
    expect(fallback).toMatchObject({ backend: 'plaintextFallback', isProtected: false })
    expect(fallback.warning).toMatch(/keyring/)
  })
})

describe('MemorySecretStore', () => {
  it('keeps secrets in memory only and says so', async () => {
    const store = new MemorySecretStore()
    await store.set('profile/a/x', '1')
    await store.set('profile/b/x', '2')
    await store.deletePrefix('profile/a/')
    expect(await store.get('profile/a/x')).toBeNull()
    expect(await store.get('profile/b/x')).toBe('2')
    await store.delete('profile/b/x')
    expect(await store.get('profile/b/x')).toBeNull()
    expect(store.info()).toMatchObject({ backend: 'memory', isProtected: false })
    expect(store.info().warning).toMatch(/memory only/)
  })
})

describe('AesGcmSecretCipher', () => {
  it('refuses a tampered ciphertext', async () => {
    const cipher = new AesGcmSecretCipher()
    const data = await cipher.encrypt('hello')
    expect(await cipher.decrypt(data)).toBe('hello')
    data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 1
    await expect(cipher.decrypt(data)).rejects.toThrow(/could not be decrypted/)
    expect(() => new AesGcmSecretCipher(Buffer.alloc(16))).toThrow(/32-byte/)
  })
})
