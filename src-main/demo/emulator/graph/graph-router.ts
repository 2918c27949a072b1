/**
 * The Microsoft Graph v1.0 emulator as an express router, mounted by the emulator server at `/v1.0`.
 * It checks the bearer token (401/403 like Graph), applies the fault switches, answers from the
 * in-memory {@link DirectoryState}, and stamps every answer with `request-id` and
 * `client-request-id` (the client's, echoed). Errors carry Graph's error body.
 */
import { randomUUID } from 'node:crypto'
import express, { type NextFunction, type Request, type Response } from 'express'
import { batchResponse } from './graph-batch'
import { DEFAULT_DELTA_SETTINGS, type DeltaSettings, type GraphContext } from './graph-context'
import { dispatchGraphRequest, type GrantedAccess } from './graph-dispatcher'
import {
  failureResponse,
  renderResponse,
  type GraphFailure,
  type GraphRequest,
  type GraphResponse,
  type RequestIdentity,
} from './graph-exchange'
import { accessTokenInvalid, accessTokenMissing, badRequest, methodNotAllowed } from './graph-errors'
import type { DirectoryState } from './directory-state'
import type { FaultControl } from './fault-control'
import { createPageTokenCodec } from './page-token-codec'

export { createDirectoryState } from './directory-state'
export type { DirectoryState } from './directory-state'
export { createFaultControl } from './fault-control'
export type { FaultControl, FaultSettings } from './fault-control'

/** The outcome of checking a bearer token (the identity emulator supplies the real check). */
export type AccessTokenCheck =
  | {
      readonly ok: true
      readonly roles: readonly string[]
      readonly scopes: readonly string[]
      readonly tenantId: string
      readonly appId: string
    }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' }

export interface GraphRouterOptions {
  readonly state: DirectoryState
  /** e.g. `https://127.0.0.1:53211`; used in `@odata.nextLink` and `@odata.deltaLink`. */
  readonly publicOrigin: () => string
  readonly verifyAccessToken: (token: string) => Promise<AccessTokenCheck>
  readonly faults: FaultControl
  /** Delta page sizes and token lifetime; defaults follow Graph (7-day tokens). */
  readonly delta?: Partial<DeltaSettings>
  /** Key for signing page and delta tokens; random per router unless given. */
  readonly tokenKey?: Buffer
}

// Graph's answer to a 401 names the authority and the Graph resource id.
const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"'

function headerRecord(request: Request): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

function identityOf(request: Request, state: DirectoryState): RequestIdentity {
  const requestId = randomUUID()
  const clientRequestId = request.header('client-request-id') ?? requestId
  return { requestId, clientRequestId, date: state.now() }
}

function send(response: Response, answer: GraphResponse, identity: RequestIdentity): void {
  const rendered = renderResponse(answer, identity)
  response.status(rendered.status)
  response.setHeader('request-id', identity.requestId)
  response.setHeader('client-request-id', identity.clientRequestId)
  for (const [name, value] of Object.entries(rendered.headers)) response.setHeader(name, value)
  response.send(rendered.isText ? String(rendered.body) : JSON.stringify(rendered.body))
}

async function authenticate(
  request: Request,
  verify: GraphRouterOptions['verifyAccessToken'],
): Promise<{ ok: true; access: GrantedAccess } | { ok: false; failure: GraphFailure }> {
  const match = /^Bearer\s+(\S.*)$/i.exec(request.header('authorization') ?? '')
  const token = match?.[1]?.trim()
  const missing = { ...accessTokenMissing(), headers: { 'WWW-Authenticate': WWW_AUTHENTICATE } }
  if (!token) return { ok: false, failure: missing }
  const check = await verify(token)
  if (check.ok) return { ok: true, access: { roles: check.roles, scopes: check.scopes } }
  if (check.reason === 'missing') return { ok: false, failure: missing }
  return { ok: false, failure: { ...accessTokenInvalid(check.reason), headers: { 'WWW-Authenticate': WWW_AUTHENTICATE } } }
}

/** Creates the `/v1.0` router. */
export function createGraphRouter(options: GraphRouterOptions): express.Router {
  const tokens = createPageTokenCodec(options.tokenKey)
  const delta: DeltaSettings = { ...DEFAULT_DELTA_SETTINGS, ...options.delta }
  const router = express.Router()
  router.use(express.json({ limit: '4mb' }))

  router.use(async (request: Request, response: Response) => {
    const identity = identityOf(request, options.state)
    const delayMs = options.faults.delayMs()
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
    const authentication = await authenticate(request, options.verifyAccessToken)
    if (!authentication.ok) return send(response, failureResponse(authentication.failure), identity)

    const context: GraphContext = {
      reader: options.state,
      origin: options.publicOrigin().replace(/\/+$/, ''),
      tokens,
      faults: options.faults,
      delta,
    }
    if (request.path.toLowerCase() === '/$batch') {
      if (request.method !== 'POST') return send(response, failureResponse(methodNotAllowed()), identity)
      return send(response, batchResponse(context, request.body, authentication.access, identity), identity)
    }
    const graphRequest: GraphRequest = {
      method: request.method,
      path: request.path,
      query: new URL(request.originalUrl, 'http://emulator.invalid').searchParams,
      headers: headerRecord(request),
      body: request.body,
    }
    send(response, dispatchGraphRequest(context, graphRequest, authentication.access), identity)
  })

  // Malformed JSON from the body parser, and bugs: still answered with Graph's error shape.
  router.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const identity = identityOf(request, options.state)
    const isClientError = typeof error === 'object' && error !== null && (error as { status?: number }).status === 400
    const failure: GraphFailure = isClientError
      ? badRequest('Invalid batch payload format.')
      : { status: 500, code: 'InternalServerError', message: error instanceof Error ? error.message : String(error) }
    send(response, failureResponse(failure), identity)
  })
  return router
}
