/**
 * Composition root shared by both hosts: wires the real services (SQLite caches, msal-node, the
 * Graph client, the profile list) and the built-in demo organisation into the Headcount API.
 * The Electron host and the browser host differ only in how they carry the API to the renderer.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import type { ConnectionInput, HostKind } from '../common'
import { startEmulator, type RunningEmulator } from '../demo/emulator/start-emulator'
import { startDemoTarget, type RunningDemoTarget } from '../demo/target/start-demo-target'
import { generateOrganisation } from '../demo/organisation/generate-organisation'
import { ORGANISATION_FACTS } from '../demo/organisation/organisation-facts'
import { GraphClientReader } from '../services/graph/graph-client-reader'
import { createFetchGraphGetter } from '../services/health/fetch-graph-getter'
import { ProfileRegistry } from '../services/profiles/profile-registry'
import { MemorySecretStore } from '../services/secrets/memory-secret-store'
import type { SecretStore } from '../services/secrets/secret-store'
import { SyncSettingsStore } from '../services/sync-settings/sync-settings-store'
import { pullDirectory } from '../services/pull/pull-directory'
import { readAppAssignments, type AppAssignments } from '../services/store/app-assignments-store'
import { DirectoryStore } from '../services/store/directory-store'
import { openProfileDatabase, type ProfileDatabase } from '../services/store/profile-database'
import type { DemoEnvironment, DemoTarget, ProfileCaches, PullRunner } from './api-dependencies'
import { createConnectionArea, type ConnectionAreaDependencies } from './connection-area'
import { createHeadcountApi, type HeadcountApiHandle } from './headcount-api'
import { createHealthArea } from './health-area'
import { createProfileActions } from './profile-management'
import { createSyncArea } from './sync-area'
import { createSyncServices } from './sync-services'
import { createRunOwner } from '../services/sync/run-lock'
import { createTargetArea } from './target-area'
import { createRulesArea } from './rules-area'

export interface ComposeOptions {
  /** Where profiles and caches live (HEADCOUNT_DATA_DIR or the host's user-data folder). */
  readonly dataDir: string
  readonly host: HostKind
  /** Size of the demo organisation; default HEADCOUNT_DEMO_USERS or 2,500. */
  readonly demoUsers?: number
  /**
   * Where secrets live: Electron passes an EncryptedFileSecretStore over safeStorage; the browser
   * host and the CLI keep them in memory only (and Settings says so). One store per process.
   */
  readonly secrets?: SecretStore
  /** Opens a sign-in page in the system browser (Electron); absent, the renderer is asked to. */
  readonly openBrowser?: ConnectionAreaDependencies['openBrowser']
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

  close(profileId: string): void {
    this.databases.get(profileId)?.database.close()
    this.databases.delete(profileId)
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

/**
 * The built-in demo: the Graph + sign-in emulator, started on first use. To Headcount it is just a
 * Custom cloud reached with an app registration and a client secret, so the demo runs the same code
 * path as a real tenant. Its organisation is dated from today, so expiry warnings are realistic.
 */
class EmbeddedDemo implements DemoEnvironment {
  private starting: Promise<RunningEmulator> | null = null
  private targetStarting: Promise<RunningDemoTarget & { readonly token: string }> | null = null

  constructor(
    private readonly dataDir: string,
    private readonly users: number,
  ) {}

  async ensureStarted(): Promise<{ tenantName: string; connection: ConnectionInput; target: DemoTarget }> {
    const emulator = await this.emulator()
    const target = await this.target(emulator)
    return {
      tenantName: emulator.organisation.organization.displayName,
      target: { scimUrl: target.baseUrl, token: target.token },
      connection: {
        cloud: 'custom',
        authorityHost: emulator.authorityHost,
        graphEndpoint: emulator.origin,
        tenant: emulator.tenantId,
        clientId: emulator.confidentialClient.clientId,
        mode: 'clientSecret',
        clientSecret: emulator.confidentialClient.clientSecret,
        caCertificatePem: emulator.caCertificatePem,
      },
    }
  }

  async close(): Promise<void> {
    const starting = this.starting
    const targetStarting = this.targetStarting
    this.starting = null
    this.targetStarting = null
    if (targetStarting) await (await targetStarting.catch(() => null))?.close()
    if (starting) await (await starting.catch(() => null))?.close()
  }

  /**
   * The demo "business application": a SCIM target with its own SQLite file in the data folder,
   * seeded (once, when the file is new) with existing users derived from the same organisation, and
   * a random bearer token for this launch only.
   */
  private target(emulator: RunningEmulator): Promise<RunningDemoTarget & { readonly token: string }> {
    this.targetStarting ??= (async () => {
      const token = randomBytes(32).toString('base64url')
      mkdirSync(join(this.dataDir, 'demo'), { recursive: true })
      const running = await startDemoTarget({ databaseFile: join(this.dataDir, 'demo', 'target.sqlite'), bearerToken: token, seedFrom: emulator.organisation })
      return Object.assign(running, { token })
    })().catch((error: unknown) => {
      this.targetStarting = null
      throw error
    })
    return this.targetStarting
  }

  private emulator(): Promise<RunningEmulator> {
    this.starting ??= startEmulator({
      organisation: generateOrganisation({ users: this.users, now: new Date().toISOString() }),
      certificateFolder: join(this.dataDir, 'demo', 'emulator-tls'),
    }).catch((error: unknown) => {
      this.starting = null
      throw error
    })
    return this.starting
  }
}

/** Who starts runs from this process, for the run history: the host and the OS user. */
function startedBy(host: HostKind): string {
  try {
    return `${host} (${userInfo().username})`
  } catch {
    return host
  }
}

/** Builds the API with every real service behind it. Call `dispose()` on shutdown. */
export function composeHeadcountApi(options: ComposeOptions): Promise<HeadcountApiHandle> {
  const demoUsers = options.demoUsers ?? (Number(process.env.HEADCOUNT_DEMO_USERS) || DEFAULT_DEMO_USERS)
  const now = (): Date => new Date()
  const registry = new ProfileRegistry(options.dataDir)
  const secrets = options.secrets ?? new MemorySecretStore()
  const caches = new OpenProfileCaches(options.dataDir)
  const demo = new EmbeddedDemo(options.dataDir, demoUsers)
  let announceProfiles = (): void => undefined

  const connection = createConnectionArea({
    profiles: registry,
    secrets,
    now,
    onDidChangeProfile: () => announceProfiles(),
    ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
  })

  /**
   * The enterprise app whose assignments scope `assignedOnly` reads: the admin's choice, or for the
   * demo its SAML app Cardwise (as Health does). Null: none chosen, so no assignments are read.
   */
  const enterpriseAppIdOf = (profileId: string): string | null => {
    const record = registry.get(profileId)
    if (!record) return null
    return record.enterpriseAppId ?? (record.kind === 'demo' ? ORGANISATION_FACTS.cardwiseApplication.appId : null)
  }
  // A small table read per call (no memo: a CLI pull in another process may rewrite it). A set read
  // for an app the admin has since replaced counts as nothing until the next pull reads the new one.
  const assignmentsOf = (profileId: string): AppAssignments => {
    const cached = readAppAssignments(caches.database(profileId))
    return cached.appId !== null && cached.appId === enterpriseAppIdOf(profileId) ? cached : { userIds: new Set(), groupIds: new Set(), readAt: null, appId: null }
  }

  const syncSettings = new SyncSettingsStore(options.dataDir)
  const rules = createRulesArea({
    getProfile: (profileId) => registry.get(profileId),
    database: (profileId) => caches.database(profileId),
    assignedGroupIds: (profileId) => assignmentsOf(profileId).groupIds,
    assignedUserIds: (profileId) => assignmentsOf(profileId).userIds,
    targetAttributePaths: (profileId) => syncSettings.get(profileId).lastTest?.customAttributes ?? [],
    now,
  })

  const syncServices = createSyncServices({
    database: (profileId) => caches.database(profileId),
    profile: (profileId) => registry.get(profileId),
    assignedGroupIds: (profileId) => assignmentsOf(profileId).groupIds,
    assignedUserIds: (profileId) => assignmentsOf(profileId).userIds,
    now,
    runOwner: createRunOwner(options.host),
  })
  const target = createTargetArea({
    profiles: registry,
    settings: syncSettings,
    secrets,
    gateway: syncServices.targetGateway,
    // The application is reached the way Graph is: through the profile's proxy, trusting its CA.
    fetchFor: async (profileId) => (registry.get(profileId)?.connection ? (await connection.graphAccessFor(profileId)).fetch : null),
  })
  const sync = createSyncArea({
    profiles: registry,
    settings: syncSettings,
    target,
    gateway: syncServices.syncGateway,
    isPushExplicit: options.host === 'cli',
    startedBy: startedBy(options.host),
    now,
    newId: () => randomUUID(),
    random: Math.random,
  })

  const pulls: PullRunner = {
    async run(profile, runId, onProgress, signal, pullOptions) {
      const access = await connection.graphAccessFor(profile.id)
      const reader = new GraphClientReader({ graphBaseUrl: access.graphBaseUrl, tokenProvider: access.tokenProvider, fetch: access.fetch })
      const enterpriseAppId = enterpriseAppIdOf(profile.id)
      return pullDirectory(
        {
          profileId: profile.id,
          runId,
          reader,
          database: caches.database(profile.id),
          onProgress,
          // The Graph properties the saved rules read (an extension attribute, employeeOrgData …).
          userAttributes: rules.pullAttributes(profile.id),
          ...(pullOptions?.full ? { full: true } : {}),
          // Who is assigned to the enterprise app, through the same GraphHttpClient settings as Health.
          ...(enterpriseAppId === null
            ? {}
            : {
                assignments: {
                  enterpriseAppId,
                  graph: createFetchGraphGetter({ graphBaseUrl: access.graphBaseUrl, tokenProvider: access.tokenProvider, fetch: access.fetch }),
                },
              }),
        },
        signal,
      )
    },
  }

  const health = createHealthArea({
    getProfile: (profileId) => {
      const record = registry.get(profileId)
      return record
        ? { id: record.id, kind: record.kind, enterpriseAppId: record.enterpriseAppId ?? null, connection: record.connection ?? null }
        : null
    },
    graphFor: async (profileId) => {
      const access = await connection.graphAccessFor(profileId)
      return createFetchGraphGetter({ graphBaseUrl: access.graphBaseUrl, tokenProvider: access.tokenProvider, fetch: access.fetch })
    },
    saveEnterpriseAppId: (profileId, appId) => {
      const record = registry.get(profileId)
      if (record) registry.save({ ...record, enterpriseAppId: appId })
    },
    now,
    demo: {
      enterpriseAppId: ORGANISATION_FACTS.cardwiseApplication.appId,
      unattendedClientId: ORGANISATION_FACTS.headcountApplication.appId,
    },
  })

  const handle = createHeadcountApi({
    host: options.host,
    version: packageVersion(),
    profiles: registry,
    caches,
    pulls,
    demo,
    profileActions: createProfileActions({
      dataDir: options.dataDir,
      profiles: registry,
      secrets,
      beforeDelete: (profileId) => {
        rules.forget(profileId)
        return connection.forgetProfile(profileId)
      },
      now,
      newIdSuffix: () => randomBytes(3).toString('hex'),
    }),
    areas: {
      connection,
      health,
      settings: { get: () => Promise.resolve({ dataDir: options.dataDir, secretStorage: secrets.info() }) },
      rules,
      target,
      sync,
    },
    now,
    newId: () => randomUUID(),
  })
  announceProfiles = () => handle.announceProfiles()

  // Asynchronous by contract: a later version opens remote connections here.
  return Promise.resolve({
    api: handle.api,
    async dispose() {
      // Pushes first: they write their journal into the caches the handle closes.
      await sync.dispose()
      await handle.dispose()
      await syncServices.close()
      await connection.dispose()
      await demo.close()
    },
  })
}
