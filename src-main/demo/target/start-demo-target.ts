/**
 * The demo target: the built-in "business application" Headcount syncs into in demo mode. A real
 * SCIM 2.0 service (RFC 7644) on 127.0.0.1, built on SCIMMY's schemas and express routers, with its
 * own SQLite file, a single bearer token (as Entra's "Secret Token"), and — on first start — the
 * application's existing users, partly matching the demo organisation.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import express from 'express'
import SCIMMY from 'scimmy'
import SCIMMYRouters from 'scimmy-routers'
import type { DemoOrganisation } from '../organisation/organisation-types'
import { declareScimResources, type DemoTargetContext } from './declare-scim-resources'
import { SqliteDemoTargetStore } from './demo-target-store'
import { demoTargetTraffic, type DemoTargetFaults, type DemoTargetRequestLog } from './demo-target-traffic'
import { normaliseEntraPatch } from './normalise-entra-patch'
import { seedExistingApplicationUsers } from './seed-existing-application-users'

export interface DemoTargetOptions {
  /** SQLite file of the target; created (and seeded) when it does not exist yet. */
  readonly databaseFile: string
  /** The token clients must send as `Authorization: Bearer <token>`. */
  readonly bearerToken: string
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  readonly port?: number
  /** Organisation to derive the existing application users from, used only for a new database. */
  readonly seedFrom?: DemoOrganisation
  /** Requests per second accepted; beyond it the target answers 429 with `Retry-After` (tests, benchmarks). */
  readonly rateLimit?: { readonly perSecond: number }
  /** Injected failures for the next requests: 429, 503 or a request that never answers. */
  readonly faults?: DemoTargetFaults
  /** Records every request (method, path, the userName of a create, the status). */
  readonly requestLog?: DemoTargetRequestLog
}

export interface RunningDemoTarget {
  /** `http://127.0.0.1:PORT/scim/v2` */
  readonly baseUrl: string
  close(): Promise<void>
}

const SCIM_PATH = '/scim/v2'
const SCIM_MEDIA_TYPES = ['application/scim+json', 'application/json']

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** Starts the demo SCIM target; resolves once it is listening. */
export async function startDemoTarget(options: DemoTargetOptions): Promise<RunningDemoTarget> {
  if (options.bearerToken.length === 0) throw new RangeError('bearerToken must not be empty')
  declareScimResources()
  const store = new SqliteDemoTargetStore(options.databaseFile)
  try {
    if (store.isNew && options.seedFrom) store.insertUsers(seedExistingApplicationUsers(options.seedFrom))
  } catch (error) {
    store.close()
    throw error
  }

  const context: DemoTargetContext = { store, newId: () => randomUUID(), now: () => new Date().toISOString() }
  const expectedToken = digest(`Bearer ${options.bearerToken}`)
  let origin = ''

  const app = express()
  app.disable('x-powered-by')
  // Parsed here (rather than only inside SCIMMY's router) so Entra's string booleans can be fixed first.
  app.use(SCIM_PATH, express.json({ type: SCIM_MEDIA_TYPES, limit: '1mb' }), (request, _response, next) => {
    // Express 5 re-parses `req.query` on every read, so SCIMMY's router casting startIndex and
    // count to numbers in place would be lost (and paging would ignore `count`). Pin it once.
    Object.defineProperty(request, 'query', { value: request.query, writable: true, configurable: true, enumerable: true })
    if (request.method === 'PATCH') request.body = normaliseEntraPatch(request.body)
    next()
  })
  if (options.rateLimit || options.faults || options.requestLog) {
    app.use(SCIM_PATH, demoTargetTraffic({
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.requestLog ? { requestLog: options.requestLog } : {}),
    }))
  }
  // SCIMMY's configuration is process-global and each router appends its authentication scheme;
  // reset it so a second target (or a restart) does not advertise the bearer scheme twice.
  SCIMMY.Config.set('authenticationSchemes', [])
  app.use(
    SCIM_PATH,
    new SCIMMYRouters({
      type: 'bearer',
      handler: (request) => {
        // Hashing first makes the comparison constant-time whatever the header's length.
        const presented = digest(request.header('authorization') ?? '')
        if (!timingSafeEqual(presented, expectedToken)) {
          request.res?.setHeader('WWW-Authenticate', 'Bearer realm="Headcount demo target"')
          throw new Error('A valid bearer token is required')
        }
        return 'demo-admin'
      },
      context: () => context,
      baseUri: () => origin,
    }),
  )

  const server = app.listen(options.port ?? 0, '127.0.0.1')
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve)
      server.once('error', reject)
    })
  } catch (error) {
    store.close()
    throw error
  }
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  let closing: Promise<void> | undefined
  return {
    baseUrl: `${origin}${SCIM_PATH}`,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => {
          store.close()
          if (error) reject(error)
          else resolve()
        })
        server.closeAllConnections()
      })
      return closing
    },
  }
}
