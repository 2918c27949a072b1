/**
 * Composition root shared by both hosts: wires the real services (SQLite caches, msal-node, the
 * Graph client, the profile list) and the built-in demo organisation into the Headcount API.
 * The Electron host and the browser host differ only in how they carry the API to the renderer.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, type HostKind } from '../common'
import { startEmulator, type RunningEmulator } from '../demo/emulator/start-emulator'
import { createClientCredentialsTokenProvider } from '../services/auth/client-credentials-token-provider'
import { GraphClientReader } from '../services/graph/graph-client-reader'
import { createTrustedFetch, type TrustedFetch } from '../services/net/trusted-fetch'
import { ProfileRegistry } from '../services/profiles/profile-registry'
import { pullDirectory } from '../services/pull/pull-directory'
import { DirectoryStore } from '../services/store/directory-store'
import { openProfileDatabase, type ProfileDatabase } from '../services/store/profile-database'
import type { DemoEnvironment, ProfileCaches, PullRunner } from './api-dependencies'
import { createHeadcountApi, type HeadcountApiHandle } from './headcount-api'

export interface ComposeOptions {
  /** Where profiles and caches live (HEADCOUNT_DATA_DIR or the host's user-data folder). */
  readonly dataDir: string
  readonly host: HostKind
  /** Size of the demo organisation; default HEADCOUNT_DEMO_USERS or 2,500. */
  readonly demoUsers?: number
}

const DEFAULT_DEMO_USERS = 2_500

function packageVersion(): string {
  try {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

/** Keeps one open cache per profile, shared by reads and pulls. */
class OpenProfileCaches implements ProfileCaches {
  private readonly databases = new Map<string, { database: ProfileDatabase; store: DirectoryStore }>()

  constructor(private readonly dataDir: string) {}

  database(profileId: string): ProfileDatabase {
    return this.open(profileId).database
  }

  directory(profileId: string): DirectoryStore {
    return this.open(profileId).store
  }

  closeAll(): void {
    for (const { database } of this.databases.values()) database.close()
    this.databases.clear()
  }

  private open(profileId: string): { database: ProfileDatabase; store: DirectoryStore } {
    let entry = this.databases.get(profileId)
    if (!entry) {
      const database = openProfileDatabase(this.dataDir, profileId)
      entry = { database, store: new DirectoryStore(database) }
      this.databases.set(profileId, entry)
    }
    return entry
  }
}

/** The built-in demo: the Graph + sign-in emulator, started on first use, with its own connection. */
class EmbeddedDemo implements DemoEnvironment {
  private starting: Promise<RunningEmulator> | null = null
  private connection: { reader: GraphClientReader; trusted: TrustedFetch; close(): Promise<void> } | null = null

  constructor(
    private readonly dataDir: string,
    private readonly users: number,
  ) {}

  async ensureStarted(): Promise<{ tenantName: string }> {
    const emulator = await this.emulator()
    return { tenantName: emulator.organisation.organization.displayName }
  }

  /** A Graph reader signed in as the demo's unattended app registration (client credentials). */
  async reader(): Promise<GraphClientReader> {
    const emulator = await this.emulator()
    if (!this.connection) {
      const trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
      const tokenProvider = createClientCredentialsTokenProvider({
        tenantId: emulator.tenantId,
        clientId: emulator.confidentialClient.clientId,
        credential: { kind: 'secret', clientSecret: emulator.confidentialClient.clientSecret },
        authorityHost: emulator.authorityHost,
        fetch: trusted.fetch,
      })
      const reader = new GraphClientReader({ graphBaseUrl: emulator.graphBaseUrl, tokenProvider, fetch: trusted.fetch })
      this.connection = {
        reader,
        trusted,
        close: async () => {
          await tokenProvider.close()
          await trusted.close()
        },
      }
    }
    return this.connection.reader
  }

  async close(): Promise<void> {
    await this.connection?.close()
    this.connection = null
    const starting = this.starting
    this.starting = null
    if (starting) await (await starting.catch(() => null))?.close()
  }

  private emulator(): Promise<RunningEmulator> {
    this.starting ??= startEmulator({
      users: this.users,
      certificateFolder: join(this.dataDir, 'demo', 'emulator-tls'),
    }).catch((error: unknown) => {
      this.starting = null
      throw error
    })
    return this.starting
  }
}

/** Builds the API with every real service behind it. Call `dispose()` on shutdown. */
export function composeHeadcountApi(options: ComposeOptions): Promise<HeadcountApiHandle> {
  const demoUsers = options.demoUsers ?? (Number(process.env.HEADCOUNT_DEMO_USERS) || DEFAULT_DEMO_USERS)
  const caches = new OpenProfileCaches(options.dataDir)
  const demo = new EmbeddedDemo(options.dataDir, demoUsers)

  const pulls: PullRunner = {
    async run(profile, runId, onProgress, signal) {
      if (profile.kind !== 'demo') {
        throw new AppError({
          code: 'InvalidArgument',
          message: 'This profile has no connection to a tenant yet.',
          hint: 'Connect it to your tenant first.',
        })
      }
      const reader = await demo.reader()
      return pullDirectory({ profileId: profile.id, runId, reader, database: caches.database(profile.id), onProgress }, signal)
    },
  }

  const handle = createHeadcountApi({
    host: options.host,
    version: packageVersion(),
    profiles: new ProfileRegistry(options.dataDir),
    caches,
    pulls,
    demo,
    now: () => new Date(),
    newId: () => randomUUID(),
  })

  // Asynchronous by contract: a later version opens remote connections here.
  return Promise.resolve({
    api: handle.api,
    async dispose() {
      await handle.dispose()
      await demo.close()
    },
  })
}
