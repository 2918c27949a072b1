/**
 * The demo emulator server: Microsoft's sign-in service and Microsoft Graph v1.0 on one HTTPS origin
 * bound to 127.0.0.1 — identity at '/', Graph at '/v1.0', test/demo mutations at '/_emulator'. The
 * app, the CLI and the integration tests all talk to it with real msal-node and real HTTP.
 */
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import express, { type NextFunction, type Request, type Response } from 'express'
import { generateOrganisation } from '../organisation/generate-organisation'
import type { DemoOrganisation } from '../organisation/organisation-types'
import { createDirectoryState, createFaultControl, createGraphRouter, type DirectoryState, type FaultControl } from './graph/graph-router'
import { createMutationRouter } from './graph/mutation-router'
import { DEMO_PUBLIC_CLIENT_ID, findHeadcountApplication, FALLBACK_CONFIDENTIAL_CLIENT_ID, DEMO_CLIENT_SECRET } from './identity/app-registrations'
import { chooseAdministrators, createLiveDirectory } from './identity/identity-directory'
import { createIdentityRouter } from './identity/identity-router'
import { createIdentityState, type IdentityState } from './identity/identity-state'
import { createTokenService, type TokenService } from './identity/token-service'
import { ensureEmulatorCertificates } from './tls'

export interface EmulatorOptions {
  /** The tenant to serve; generated from `users`/`seed` when absent. */
  readonly organisation?: DemoOrganisation
  readonly users?: number
  readonly seed?: number
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  readonly port?: number
  /**
   * Where the CA, server certificate and token-signing key are kept between runs (e.g.
   * `<dataDir>/emulator-tls`). Defaults to a per-user folder in the system temp directory, which
   * tests share so they generate keys once.
   */
  readonly certificateFolder?: string
  /** The emulator's clock (tokens, codes, delta tokens); tests move it forward. */
  readonly clock?: () => Date
}

export interface RunningEmulator {
  /** `https://127.0.0.1:PORT` */
  readonly origin: string
  /** `${origin}/v1.0` */
  readonly graphBaseUrl: string
  /** `127.0.0.1:PORT`: the authority host for MSAL (`https://${authorityHost}/${tenantId}`). */
  readonly authorityHost: string
  readonly tenantId: string
  /** The CA certificate (PEM) clients must trust. */
  readonly caCertificatePem: string
  /** Path of the CA certificate file (for NODE_EXTRA_CA_CERTS or a browser's trust store). */
  readonly caCertificateFile: string
  readonly publicClientId: string
  readonly confidentialClient: { readonly clientId: string; readonly clientSecret: string }
  readonly organisation: DemoOrganisation
  readonly state: DirectoryState
  readonly faults: FaultControl
  /** Sign-in state: register certificates, inspect or revoke consent. */
  readonly identity: IdentityState
  readonly tokens: TokenService
  close(): Promise<void>
}

const SIGNING_KEY_FILE = 'token-signing-key.pem'

/** Starts the emulator and resolves once it accepts connections. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? (() => new Date())
  const organisation =
    options.organisation ?? generateOrganisation({ ...(options.users !== undefined ? { users: options.users } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) })
  const folder = options.certificateFolder ?? defaultCertificateFolder()
  const certificates = await ensureEmulatorCertificates(folder)
  const tokens = createTokenService({ tenantId: organisation.tenantId, clock, signingKeyPem: await loadOrCreateSigningKey(folder) })

  const state = createDirectoryState(organisation, clock)
  const faults = createFaultControl()
  const identity = createIdentityState(organisation, { clock })
  const directory = createLiveDirectory(state, chooseAdministrators(organisation, 4))
  let origin = ''
  const publicOrigin = (): string => origin

  const app = express()
  app.disable('x-powered-by')
  app.use('/v1.0', createGraphRouter({ state, faults, publicOrigin, verifyAccessToken: (token) => tokens.verifyAccessToken(token) }))
  app.use('/_emulator', createMutationRouter(state, faults))
  app.use(createIdentityRouter({ organisation, state: identity, directory, tokens, publicOrigin, clock }))
  app.use((request: Request, response: Response) => {
    response.status(404).json({ error: 'not_found', error_description: `The emulator has no endpoint at ${request.method} ${request.path}.` })
  })
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    response.status(500).json({ error: 'server_error', error_description: error instanceof Error ? error.message : String(error) })
  })

  const server: Server = createServer({ key: certificates.keyPem, cert: certificates.certPem }, app)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  origin = `https://127.0.0.1:${port}`
  const headcountApplication = findHeadcountApplication(organisation)

  return {
    origin,
    graphBaseUrl: `${origin}/v1.0`,
    authorityHost: `127.0.0.1:${port}`,
    tenantId: organisation.tenantId,
    caCertificatePem: certificates.caPem,
    caCertificateFile: certificates.caFile,
    publicClientId: DEMO_PUBLIC_CLIENT_ID,
    confidentialClient: { clientId: headcountApplication?.appId ?? FALLBACK_CONFIDENTIAL_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET },
    organisation,
    state,
    faults,
    identity,
    tokens,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

function defaultCertificateFolder(): string {
  let user = 'user'
  try {
    user = userInfo().username
  } catch {
    // Some containers have no passwd entry; one shared folder is fine there.
  }
  return join(tmpdir(), `headcount-emulator-tls-${user}`)
}

/** Keeps the token-signing key beside the certificates, so tokens stay valid across restarts. */
async function loadOrCreateSigningKey(folder: string): Promise<string> {
  const file = join(folder, SIGNING_KEY_FILE)
  const existing = await readFile(file, 'utf8').catch(() => null)
  if (existing?.includes('PRIVATE KEY')) return existing
  await mkdir(folder, { recursive: true })
  const pem = createTokenService({ tenantId: 'key-generation' }).exportSigningKeyPem()
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temporary, pem, { mode: 0o600 })
  await rename(temporary, file)
  // Parallel starts may race; whichever rename landed last is the key everyone reads from now on.
  return readFile(file, 'utf8')
}
