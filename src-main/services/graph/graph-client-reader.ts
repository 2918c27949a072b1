/**
 * {@link GraphReader} over the Microsoft Graph JavaScript SDK 3.0.7.
 *
 * The client is built with an explicit middleware chain (electron-msal-graph.md §3.2):
 * AuthenticationHandler → RetryHandler (429/503/504, honouring Retry-After) → TelemetryHandler →
 * {@link TrustedFetchHandler}. The SDK attaches the bearer token only to https URLs on Graph hosts
 * or `customHosts`, so the profile's Graph endpoint must be https and its host is added there;
 * `@odata.nextLink`s on that host then keep working too.
 *
 * Paging reads one page ahead: while the caller stores page n, page n+1 is already on the wire.
 */
import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client'
import type { AccessTokenProvider } from '../auth/access-token-provider'
import type { FetchFunction } from '../net/trusted-fetch'
import { toGraphAppError, type GraphOperation } from './graph-failure'
import type { GraphReader, PulledUser, ReadPage } from './graph-reader'
import type { GraphGroup, GraphMemberRef, GraphPage } from './graph-types'
import { RequestFailureCapture, TrustedFetchHandler } from './trusted-fetch-handler'

/** Every property of `GraphUser`: Graph returns only a default set unless `$select` names them. */
export const USER_SELECT = [
  'id',
  'userPrincipalName',
  'mail',
  'mailNickname',
  'proxyAddresses',
  'displayName',
  'givenName',
  'surname',
  'jobTitle',
  'department',
  'companyName',
  'officeLocation',
  'streetAddress',
  'postalCode',
  'city',
  'state',
  'country',
  'usageLocation',
  'preferredLanguage',
  'mobilePhone',
  'businessPhones',
  'employeeId',
  'employeeType',
  'employeeHireDate',
  'accountEnabled',
  'userType',
  'createdDateTime',
  'assignedLicenses',
  'onPremisesExtensionAttributes',
  'onPremisesSyncEnabled',
  'onPremisesImmutableId',
  'onPremisesSamAccountName',
] as const

export const GROUP_SELECT = [
  'id',
  'displayName',
  'description',
  'mail',
  'mailNickname',
  'mailEnabled',
  'securityEnabled',
  'groupTypes',
  'createdDateTime',
  'visibility',
] as const

/** The largest page Graph serves for users, groups and members (user-list: "maximum … 999"). */
export const GRAPH_PAGE_SIZE = 999

/** Relative `/users` request with the manager expanded; shared with the pull benchmark's baseline. */
export function usersRequestPath(pageSize = GRAPH_PAGE_SIZE): string {
  return `/users?$select=${USER_SELECT.join(',')}&$expand=manager($select=id,displayName)&$top=${pageSize}&$count=true`
}

export interface GraphClientReaderOptions {
  /** The profile's Graph endpoint, https, with or without the version: `https://graph.microsoft.com/v1.0`. */
  readonly graphBaseUrl: string
  readonly tokenProvider: AccessTokenProvider
  /** Usually `createTrustedFetch(...).fetch`. */
  readonly fetch: FetchFunction
  /** RetryHandler settings: first delay in seconds (when Graph sends no Retry-After) and attempts. */
  readonly retry?: { readonly delaySeconds: number; readonly maxRetries: number }
  readonly pageSize?: number
}

const USERS: GraphOperation = { description: 'read users', permission: 'User.Read.All' }
const GROUPS: GraphOperation = { description: 'read groups', permission: 'GroupMember.Read.All' }
const MEMBERS: GraphOperation = { description: 'read group members', permission: 'GroupMember.Read.All' }

export class GraphClientReader implements GraphReader {
  private readonly client: Client
  private readonly pageSize: number
  private readonly retry: { readonly delaySeconds: number; readonly maxRetries: number }

  constructor(private readonly options: GraphClientReaderOptions) {
    const endpoint = parseGraphEndpoint(options.graphBaseUrl)
    this.pageSize = options.pageSize ?? GRAPH_PAGE_SIZE
    this.retry = options.retry ?? { delaySeconds: 3, maxRetries: 3 }
    // Each request passes its own provider (carrying its AbortSignal) in AuthenticationHandlerOptions;
    // this one only serves a request that would not.
    const fallbackProvider: AuthenticationProvider = {
      getAccessToken: () => options.tokenProvider.getAccessToken(),
    }
    this.client = Client.initWithMiddleware({
      baseUrl: endpoint.baseUrl,
      defaultVersion: endpoint.version,
      customHosts: new Set([endpoint.hostname]),
      middleware: [
        new AuthenticationHandler(fallbackProvider),
        new RetryHandler(new RetryHandlerOptions(this.retry.delaySeconds, this.retry.maxRetries)),
        new TelemetryHandler(),
        new TrustedFetchHandler(options.fetch),
      ],
    })
  }

  readUsers(signal?: AbortSignal): AsyncIterable<ReadPage<PulledUser>> {
    // `$count=true` needs ConsistencyLevel: eventual, and the header is not carried over to
    // nextLinks by Graph, so every page sends it (graph paging docs).
    return this.readPages<PulledUser>(usersRequestPath(this.pageSize), { ConsistencyLevel: 'eventual' }, USERS, signal)
  }

  readGroups(signal?: AbortSignal): AsyncIterable<ReadPage<GraphGroup>> {
    return this.readPages<GraphGroup>(`/groups?$select=${GROUP_SELECT.join(',')}&$top=${this.pageSize}`, {}, GROUPS, signal)
  }

  readGroupMembers(groupId: string, signal?: AbortSignal): AsyncIterable<ReadPage<GraphMemberRef>> {
    return this.readPages<GraphMemberRef>(
      `/groups/${encodeURIComponent(groupId)}/members?$select=id&$top=${this.pageSize}`,
      {},
      MEMBERS,
      signal,
    )
  }

  private async *readPages<T>(
    firstPath: string,
    headers: Record<string, string>,
    operation: GraphOperation,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ReadPage<T>> {
    // Stops the page read ahead when the caller leaves early (break, cancel, failure).
    const reading = new AbortController()
    const onAbort = () => reading.abort(signal?.reason)
    signal?.addEventListener('abort', onAbort, { once: true })
    let pageLink: string | null = null
    let pending = this.getPage<T>(firstPath, headers, operation, reading.signal)
    try {
      for (;;) {
        const page = await pending
        const nextLink = page['@odata.nextLink'] ?? null
        if (nextLink !== null) pending = this.getPage<T>(nextLink, headers, operation, reading.signal)
        yield {
          items: page.value,
          totalCount: page['@odata.count'] ?? null,
          pageLink,
          nextLink,
        }
        if (nextLink === null) return
        pageLink = nextLink
      }
    } finally {
      signal?.removeEventListener('abort', onAbort)
      reading.abort()
      // A page read ahead and never awaited must not surface as an unhandled rejection.
      pending.catch(() => undefined)
    }
  }

  private async getPage<T>(
    pathOrLink: string,
    headers: Record<string, string>,
    operation: GraphOperation,
    requestSignal: AbortSignal,
  ): Promise<GraphPage<T>> {
    const capture = new RequestFailureCapture()
    const tokenProvider: AuthenticationProvider = {
      getAccessToken: async () => {
        try {
          return await this.options.tokenProvider.getAccessToken(requestSignal)
        } catch (error) {
          capture.error = error
          throw error
        }
      },
    }
    const request = this.client
      .api(pathOrLink)
      .headers(headers)
      .option('signal', requestSignal)
      .middlewareOptions([
        capture,
        new AuthenticationHandlerOptions(tokenProvider),
        new RetryHandlerOptions(this.retry.delaySeconds, this.retry.maxRetries, () => !requestSignal.aborted),
      ])
    try {
      // The RetryHandler's wait (up to Retry-After) cannot be interrupted; racing it with the
      // signal lets a cancel end the pull at once instead of after the wait.
      return await untilAborted<GraphPage<T>>(request.get() as Promise<GraphPage<T>>, requestSignal)
    } catch (error) {
      throw toGraphAppError(capture.error ?? error, operation, requestSignal)
    }
  }
}

interface GraphEndpoint {
  readonly baseUrl: string
  readonly version: string
  readonly hostname: string
}

/** Splits `https://host[:port][/path]/v1.0` into the SDK's baseUrl, version and custom host. */
export function parseGraphEndpoint(graphBaseUrl: string): GraphEndpoint {
  const url = new URL(graphBaseUrl)
  if (url.protocol !== 'https:') {
    // The SDK silently drops the bearer token on anything but https (see the file comment).
    throw new TypeError(`The Graph endpoint must use https: ${graphBaseUrl}`)
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '')
  const last = segments.at(-1)
  const hasVersion = last !== undefined && /^(v\d+(\.\d+)?|beta)$/.test(last)
  const version = hasVersion ? last : 'v1.0'
  const prefix = (hasVersion ? segments.slice(0, -1) : segments).map((segment) => `/${segment}`).join('')
  return { baseUrl: `${url.origin}${prefix}/`, version, hostname: url.hostname }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined)
    return Promise.reject(abortError())
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined)
      reject(abortError())
    }
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        // Passed on as thrown: the caller maps it (a GraphError, an AppError …) to an AppError.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error)
      },
    )
  })
}

function abortError(): Error {
  const error = new Error('The Graph request was cancelled.')
  error.name = 'AbortError'
  return error
}
