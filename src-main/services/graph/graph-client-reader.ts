/**
 * {@link GraphReader} over Microsoft Graph v1.0 with {@link GraphHttpClient}.
 *
 * - Delta rounds (https://learn.microsoft.com/graph/delta-query-users, -groups): the first request
 *   names `$select` (with `manager` / `members` to track those relations); nextLinks and the
 *   deltaLink carry the query in their tokens. Paging reads one page ahead: while the caller stores
 *   page n, page n+1 is on the wire.
 * - Member pages of many groups go through hand-built `$batch` bodies (json-batching: ≤ 20
 *   requests; graph-client 3.0.7's BatchRequestContent is broken, electron-msal-graph.md §3.2), a
 *   few batches in flight; an item answered 429/503/504 is re-queued after its own `Retry-After`.
 */
import { AppError } from '../../common/errors'
import { abortableDelay } from '../../base/abortable-delay'
import { backoffDelayMs } from '../../base/retry-with-backoff'
import { Limiter } from '../../base/limiter'
import type { AccessTokenProvider } from '../auth/access-token-provider'
import type { FetchFunction } from '../net/trusted-fetch'
import { toGraphAppError, malformedGraphResponse, type GraphOperation } from './graph-failure'
import { GraphHttpClient, graphHttpError, RETRYABLE_STATUSES, type GraphHttpCounters } from './graph-http-client'
import type { DeltaReadPage, GraphReader, GroupDeltaItem, UserDeltaItem } from './graph-reader'
import type { GraphMemberRef } from './graph-types'
import { parseRetryAfter } from './retry-after'

export { parseGraphEndpoint } from './graph-http-client'

/** Every property of `GraphUser`: the default attribute list when the caller names none. */
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

/**
 * Properties every pull selects whatever the attribute list says: the key, and what the cache's
 * users table cannot do without (the UPN is its NOT NULL name column).
 */
export const REQUIRED_USER_SELECT = ['id', 'userPrincipalName'] as const

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

/** json-batching: "JSON batch requests are currently limited to 20 individual requests". */
export const MAX_BATCH_REQUESTS = 20

/** The `$select` of a users delta round: the required ids, the caller's attributes, the manager. */
export function userDeltaSelect(attributes: readonly string[] = USER_SELECT): string[] {
  const names = new Set<string>([...REQUIRED_USER_SELECT, ...attributes])
  names.delete('manager')
  return [...names, 'manager']
}

/** First request of a users delta round. */
export function userDeltaPath(attributes: readonly string[] = USER_SELECT): string {
  return `/users/delta?$select=${userDeltaSelect(attributes).join(',')}`
}

/** First request of a groups delta round, tracking direct members. */
export function groupDeltaPath(): string {
  return `/groups/delta?$select=${GROUP_SELECT.join(',')},members`
}

/** Relative `/users` list request with the manager expanded (kept for list reads and benchmarks). */
export function usersRequestPath(pageSize = GRAPH_PAGE_SIZE): string {
  return `/users?$select=${USER_SELECT.join(',')}&$expand=manager($select=id,displayName)&$top=${pageSize}&$count=true`
}

export interface GraphClientReaderOptions {
  /** The profile's Graph endpoint, https, with or without the version: `https://graph.microsoft.com/v1.0`. */
  readonly graphBaseUrl: string
  readonly tokenProvider: AccessTokenProvider
  /** Usually `createTrustedFetch(...).fetch`. */
  readonly fetch: FetchFunction
  /**
   * First back-off in seconds (used when Graph sends no Retry-After) and retries per request.
   * Default 1 s and 6 retries; no single wait exceeds `maxDelaySeconds` (default 60).
   */
  readonly retry?: { readonly delaySeconds: number; readonly maxRetries: number; readonly maxDelaySeconds?: number }
  readonly pageSize?: number
  /** `$batch` requests in flight at once for member reads. Default 4. */
  readonly batchConcurrency?: number
  /** [0, 1) for the back-off jitter; injectable for tests. */
  readonly random?: () => number
}

const USERS: GraphOperation = { description: 'read users', permission: 'User.Read.All' }
const GROUPS: GraphOperation = { description: 'read groups', permission: 'GroupMember.Read.All' }
const MEMBERS: GraphOperation = { description: 'read group members', permission: 'GroupMember.Read.All' }

interface PendingMemberRead {
  readonly groupId: string
  /** Path below the version, e.g. `/groups/{id}/members?...` or a nextLink's path. */
  path: string
  readonly members: GraphMemberRef[]
  /** Retries of the current page. */
  retries: number
  /** Earliest time (performance.now) it may be sent again, after a per-item Retry-After. */
  notBefore: number
}

export class GraphClientReader implements GraphReader {
  private readonly http: GraphHttpClient
  private readonly pageSize: number
  private readonly batchConcurrency: number
  private readonly random: () => number

  constructor(options: GraphClientReaderOptions) {
    this.random = options.random ?? Math.random
    this.http = new GraphHttpClient({
      graphBaseUrl: options.graphBaseUrl,
      tokenProvider: options.tokenProvider,
      fetch: options.fetch,
      random: this.random,
      ...(options.retry === undefined
        ? {}
        : {
            retry: {
              baseDelayMs: options.retry.delaySeconds * 1000,
              maxRetries: options.retry.maxRetries,
              ...(options.retry.maxDelaySeconds === undefined ? {} : { maxDelayMs: options.retry.maxDelaySeconds * 1000 }),
            },
          }),
    })
    this.pageSize = options.pageSize ?? GRAPH_PAGE_SIZE
    this.batchConcurrency = options.batchConcurrency ?? 4
  }

  /** Requests sent and retried so far (tests, benchmarks). */
  get counters(): Readonly<GraphHttpCounters> {
    return this.http.counters
  }

  readUserDelta(from: string | null, select: readonly string[], signal?: AbortSignal): AsyncIterable<DeltaReadPage<UserDeltaItem>> {
    return this.readDeltaPages<UserDeltaItem>(from ?? userDeltaPath(select), from, USERS, signal)
  }

  readGroupDelta(from: string | null, signal?: AbortSignal): AsyncIterable<DeltaReadPage<GroupDeltaItem>> {
    return this.readDeltaPages<GroupDeltaItem>(from ?? groupDeltaPath(), from, GROUPS, signal)
  }

  async countUsers(signal?: AbortSignal): Promise<number | null> {
    try {
      const text = await this.http.text('/users/$count', { operation: USERS, headers: { ConsistencyLevel: 'eventual' } }, signal)
      const count = Number(text.trim())
      return Number.isSafeInteger(count) && count >= 0 ? count : null
    } catch (error) {
      // Only the estimate is lost; the pull itself reports real failures.
      if (signal?.aborted === true) throw error
      return null
    }
  }

  async readMembersOfGroups(
    groupIds: readonly string[],
    onGroup: (groupId: string, members: readonly GraphMemberRef[]) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const queue: PendingMemberRead[] = groupIds.map((groupId) => ({
      groupId,
      path: `/groups/${encodeURIComponent(groupId)}/members?$select=id&$top=${this.pageSize}`,
      members: [],
      retries: 0,
      notBefore: 0,
    }))
    const limiter = new Limiter(this.batchConcurrency)
    const inFlight = new Set<Promise<void>>()
    let failure: { error: unknown } | undefined
    const sendBatch = async (batch: PendingMemberRead[]) => {
      try {
        const requeued = await this.runMemberBatch(batch, onGroup, signal)
        queue.push(...requeued)
      } catch (error) {
        failure ??= { error }
      }
    }
    while ((queue.length > 0 || inFlight.size > 0) && failure === undefined) {
      signal?.throwIfAborted()
      const now = performance.now()
      const ready = queue.filter((item) => item.notBefore <= now).slice(0, MAX_BATCH_REQUESTS)
      if (ready.length > 0 && limiter.running < limiter.concurrency) {
        for (const item of ready) queue.splice(queue.indexOf(item), 1)
        const sending: Promise<void> = limiter.run(() => sendBatch(ready)).finally(() => inFlight.delete(sending))
        inFlight.add(sending)
        continue
      }
      if (inFlight.size > 0) await Promise.race(inFlight)
      else {
        // Everything left waits out a Retry-After.
        const soonest = Math.min(...queue.map((item) => item.notBefore))
        await abortableDelay(soonest - now, signal)
      }
    }
    await Promise.allSettled(inFlight)
    if (failure !== undefined) throw failure.error
    signal?.throwIfAborted()
  }

  /**
   * Posts one `$batch` of member reads; completes finished groups and returns the items to send
   * again (a further page, or a throttled item). Responses may come back in any order (json-batching).
   */
  private async runMemberBatch(
    batch: readonly PendingMemberRead[],
    onGroup: (groupId: string, members: readonly GraphMemberRef[]) => void,
    signal: AbortSignal | undefined,
  ): Promise<PendingMemberRead[]> {
    const body = { requests: batch.map((item, index) => ({ id: String(index), method: 'GET', url: item.path })) }
    const { body: answer, requestId } = await this.http.json('/$batch', { operation: MEMBERS, method: 'POST', body }, signal)
    const responses = answer['responses']
    if (!Array.isArray(responses)) throw malformedGraphResponse(MEMBERS, 'the $batch answer has no responses', requestId)
    const byId = new Map<string, Record<string, unknown>>()
    for (const response of responses as unknown[]) {
      if (typeof response === 'object' && response !== null) {
        const id = (response as Record<string, unknown>)['id']
        if (typeof id === 'string') byId.set(id, response as Record<string, unknown>)
      }
    }
    const again: PendingMemberRead[] = []
    batch.forEach((item, index) => {
      const response = byId.get(String(index))
      if (response === undefined) throw malformedGraphResponse(MEMBERS, `the $batch answer lacks item ${index}`, requestId)
      const status = typeof response['status'] === 'number' ? response['status'] : 0
      const headers = itemHeaders(response['headers'])
      const itemRequestId = headers.get('request-id') ?? requestId
      if (status >= 200 && status < 300) {
        const page = response['body']
        if (typeof page !== 'object' || page === null || !Array.isArray((page as Record<string, unknown>)['value'])) {
          throw malformedGraphResponse(MEMBERS, `the members of group ${item.groupId} came without a value array`, itemRequestId ?? undefined)
        }
        const value = (page as { value: unknown[] }).value
        for (const member of value) if (isMemberRef(member)) item.members.push(member)
        const nextLink = (page as Record<string, unknown>)['@odata.nextLink']
        if (typeof nextLink === 'string') {
          item.path = this.http.relativePath(nextLink)
          item.retries = 0
          again.push(item)
        } else onGroup(item.groupId, item.members)
        return
      }
      const error = graphHttpError(status, headers, JSON.stringify(response['body'] ?? null), itemRequestId ?? undefined)
      if (RETRYABLE_STATUSES.has(status) && item.retries < this.http.policy.maxRetries) {
        const afterMs = parseRetryAfter(headers.get('retry-after'), Date.now()) ?? backoffDelayMs(item.retries, this.http.policy, this.random)
        item.retries += 1
        item.notBefore = performance.now() + Math.min(afterMs, this.http.policy.maxDelayMs)
        this.http.counters.retries += 1
        again.push(item)
        return
      }
      throw toGraphAppError(error, MEMBERS, signal)
    })
    return again
  }

  private async *readDeltaPages<T extends { readonly id: string }>(
    firstPathOrLink: string,
    firstPageLink: string | null,
    operation: GraphOperation,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<DeltaReadPage<T>> {
    // Stops the page read ahead when the caller leaves early (break, cancel, failure).
    const reading = new AbortController()
    const onAbort = () => reading.abort(signal?.reason)
    if (signal?.aborted === true) onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    let pageLink = firstPageLink
    let pending = this.readDeltaPage<T>(firstPathOrLink, operation, reading.signal)
    try {
      for (;;) {
        const page = await pending
        if (page.nextLink !== null) pending = this.readDeltaPage<T>(page.nextLink, operation, reading.signal)
        yield { ...page, pageLink }
        if (page.nextLink === null) return
        pageLink = page.nextLink
      }
    } finally {
      signal?.removeEventListener('abort', onAbort)
      reading.abort()
      // A page read ahead and never awaited must not surface as an unhandled rejection.
      pending.catch(() => undefined)
    }
  }

  private async readDeltaPage<T extends { readonly id: string }>(
    pathOrLink: string,
    operation: GraphOperation,
    signal: AbortSignal,
  ): Promise<Omit<DeltaReadPage<T>, 'pageLink'>> {
    const { body, requestId } = await this.http.json(pathOrLink, { operation }, signal)
    const value = body['value']
    if (!Array.isArray(value)) throw malformedGraphResponse(operation, 'the page has no value array', requestId)
    for (const item of value as unknown[]) {
      if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') {
        throw malformedGraphResponse(operation, 'an object on the page has no id', requestId)
      }
    }
    const nextLink = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : null
    const deltaLink = typeof body['@odata.deltaLink'] === 'string' ? body['@odata.deltaLink'] : null
    if ((nextLink === null) === (deltaLink === null)) {
      // delta-query-overview: every page has exactly one of them; without either the round cannot end.
      throw malformedGraphResponse(operation, 'the page has neither a next link nor a delta link', requestId)
    }
    if (nextLink !== null) this.http.resolve(nextLink)
    if (deltaLink !== null) this.http.resolve(deltaLink)
    return { items: value as T[], nextLink, deltaLink }
  }
}

function itemHeaders(headers: unknown): { get(name: string): string | null } {
  const map = new Map<string, string>()
  if (typeof headers === 'object' && headers !== null) {
    for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') map.set(name.toLowerCase(), value)
  }
  return { get: (name) => map.get(name.toLowerCase()) ?? null }
}

function isMemberRef(value: unknown): value is GraphMemberRef {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
}

/** For callers that need to say a link was refused rather than failed (kept here with the reader). */
export function isSyncStateLost(error: unknown): boolean {
  return error instanceof AppError && error.code === 'SyncStateNotFound'
}
