/** A data folder with a profile list and an encrypted secret store, and a connection area over them. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConnectionArea, type ConnectionArea, type ConnectionAreaDependencies } from '../../../src-main/api/connection-area'
import { ProfileRegistry } from '../../../src-main/services/profiles/profile-registry'
import { AesGcmSecretCipher } from '../../../src-main/services/secrets/aes-gcm-secret-cipher'
import { EncryptedFileSecretStore } from '../../../src-main/services/secrets/encrypted-file-secret-store'

export interface ConnectionFixture {
  readonly dataDir: string
  readonly registry: ProfileRegistry
  readonly cipher: AesGcmSecretCipher
  /** A connection area over the folder; a second call is "the app restarted". */
  area(overrides?: Partial<ConnectionAreaDependencies>): ConnectionArea
  addProfile(id: string, name?: string): void
  /** Every file under the data folder with its text. */
  files(): { path: string; text: string }[]
  dispose(): Promise<void>
}

export function createConnectionFixture(): ConnectionFixture {
  const dataDir = mkdtempSync(join(tmpdir(), 'headcount-connection-'))
  const registry = new ProfileRegistry(dataDir)
  const cipher = new AesGcmSecretCipher(undefined, 'safeStorage')
  const areas: ConnectionArea[] = []
  return {
    dataDir,
    registry,
    cipher,
    area(overrides = {}) {
      const area = createConnectionArea({
        profiles: new ProfileRegistry(dataDir),
        secrets: new EncryptedFileSecretStore(join(dataDir, 'secrets'), cipher),
        now: () => new Date(),
        ...overrides,
      })
      areas.push(area)
      return area
    },
    addProfile(id, name = id) {
      registry.save({ id, name, kind: 'tenant', tenantName: null, createdAt: new Date().toISOString() })
    },
    files() {
      const found: { path: string; text: string }[] = []
      const walk = (folder: string): void => {
        for (const entry of readdirSync(folder)) {
          const path = join(folder, entry)
          if (statSync(path).isDirectory()) walk(path)
          else found.push({ path, text: readFileSync(path, 'latin1') })
        }
      }
      walk(dataDir)
      return found
    },
    async dispose() {
      await Promise.all(areas.map((area) => area.dispose()))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
