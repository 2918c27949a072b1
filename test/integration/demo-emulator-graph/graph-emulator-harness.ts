/**
 * Runs the Graph router and the mutation router on a real express server on 127.0.0.1:0 over plain
 * HTTP (TLS belongs to the emulator server), with access tokens signed here with jose so the tests
 * do not depend on the identity emulator.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import express from 'express'
import { SignJWT, errors, jwtVerify } from 'jose'
import { generateOrganisation } from '../../../src-main/demo/organisation/generate-organisation'
import type { DemoOrganisation } from '../../../src-main/demo/organisation/organisation-types'
import {
  createDirectoryState,
  createFaultControl,
  createGraphRouter,
  type AccessTokenCheck,
  type DirectoryState,
  type FaultControl,
} from '../../../src-main/demo/emulator/graph/graph-router'
import { createMutationRouter } from '../../../src-main/demo/emulator/graph/mutation-router'
import type { DeltaSettings } from '../../../src-main/demo/emulator/graph/graph-context'

const SECRET = new TextEncoder().encode('graph-emulator-test-secret-0123456789')

export const READ_ALL_ROLES = ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All']

export interface HarnessOptions {
  readonly users?: number
  readonly organisation?: DemoOrganisation
  readonly clock?: () => Date
  readonly delta?: Partial<DeltaSettings>
  /** What links point at; defaults to the server's own origin. */
  readonly publicOrigin?: string
}

export interface TokenOptions {
  readonly roles?: readonly string[]
  readonly scopes?: readonly string[]
  readonly expiresInSeconds?: number
}

export interface GraphHarness {
  readonly origin: string
  readonly organisation: DemoOrganisation
  readonly state: DirectoryState
  readonly faults: FaultControl
  /** A signed access token; application roles for all reads by default. */
  token(options?: TokenOptions): Promise<string>
  /** GET `${origin}/v1.0${path}` (or an absolute url) with a read-all token unless headers say otherwise. */
  get(pathOrUrl: string, headers?: Record<string, string>): Promise<Response>
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>
  /** Calls the mutation router. */
  emulator(method: string, path: string, body?: unknown): Promise<Response>
  close(): Promise<void>
}

async function verify(token: string): Promise<AccessTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, SECRET)
    const roles = Array.isArray(payload['roles']) ? (payload['roles'] as string[]) : []
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ').filter(Boolean) : []
    return { ok: true, roles, scopes, tenantId: String(payload['tid']), appId: String(payload['appid']) }
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' }
  }
}

/** Starts a harness; `close()` stops the server. */
export async function startGraphHarness(options: HarnessOptions = {}): Promise<GraphHarness> {
  const organisation = options.organisation ?? generateOrganisation({ users: options.users ?? 300 })
  const state = createDirectoryState(organisation, options.clock)
  const faults = createFaultControl()
  let origin = ''
  const app = express()
  app.use(
    '/v1.0',
    createGraphRouter({
      state,
      faults,
      publicOrigin: () => options.publicOrigin ?? origin,
      verifyAccessToken: verify,
      ...(options.delta ? { delta: options.delta } : {}),
    }),
  )
  app.use('/_emulator', createMutationRouter(state, faults))
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const token = async (tokenOptions: TokenOptions = {}): Promise<string> => {
    const claims: Record<string, unknown> = { tid: organisation.tenantId, appid: 'test-app' }
    if (tokenOptions.scopes) claims['scp'] = tokenOptions.scopes.join(' ')
    else claims['roles'] = tokenOptions.roles ?? READ_ALL_ROLES
    const now = Math.floor(Date.now() / 1000)
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (tokenOptions.expiresInSeconds ?? 3600))
      .sign(SECRET)
  }
  const defaultToken = await token()
  const url = (pathOrUrl: string): string => (/^https?:/.test(pathOrUrl) ? pathOrUrl : `${origin}/v1.0${pathOrUrl}`)
  const withAuth = (headers: Record<string, string>): Record<string, string> =>
    'authorization' in headers || 'Authorization' in headers ? headers : { authorization: `Bearer ${defaultToken}`, ...headers }

  return {
    origin,
    organisation,
    state,
    faults,
    token,
    get: (pathOrUrl, headers = {}) => fetch(url(pathOrUrl), { headers: withAuth(headers) }),
    post: (path, body, headers = {}) =>
      fetch(url(path), {
        method: 'POST',
        headers: withAuth({ 'content-type': 'application/json', ...headers }),
        body: JSON.stringify(body),
      }),
    emulator: (method, path, body) =>
      fetch(`${origin}/_emulator${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/** Graph JSON, loosely typed: tests index it freely and let `expect` judge the shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary Graph JSON
export type JsonBody = Record<string, any>

/** Reads a JSON body with a loose type for assertions. */
export async function json(response: Response): Promise<JsonBody> {
  return (await response.json()) as JsonBody
}

/** Follows `@odata.nextLink` from `first`, returning every page body. */
export async function walkPages(
  harness: GraphHarness,
  first: string,
  headers: Record<string, string> = {},
): Promise<JsonBody[]> {
  const pages: JsonBody[] = []
  let next: string | undefined = first
  while (next) {
    const response = await harness.get(next, headers)
    if (response.status !== 200) throw new Error(`page ${next} answered ${response.status}: ${await response.text()}`)
    const body = await json(response)
    pages.push(body)
    next = body['@odata.nextLink'] as string | undefined
  }
  return pages
}
