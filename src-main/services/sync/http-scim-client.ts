/**
 * {@link ScimClient} over HTTP: bearer token, the profile's fetch (extra CAs, proxy —
 * services/net/trusted-fetch.ts), one request rate and one concurrency for every call, per-request
 * timeouts, and retries with back-off and jitter on 429 (after its `Retry-After`), 5xx, network
 * failures and timeouts. Every failure leaves as a {@link ScimFailure} whose request summary never
 * holds the token.
 *
 * Retrying a POST is safe here because the executor turns the 409 a duplicate would get into a
 * lookup (issue 5: "a 409 uniqueness answer on create becomes a lookup and update").
 */
import { abortReason } from '../../base/abortable-delay'
import { Limiter } from '../../base/limiter'
import { retryWithBackoff, type RetryPolicy, type RetryVerdict } from '../../base/retry-with-backoff'
import type { ScimPatchOperation } from '../../domain/planner/sync-plan'
import { parseRetryAfter } from '../graph/retry-after'
import type { FetchFunction } from '../net/trusted-fetch'
import { AdaptiveRateLimiter } from './adaptive-rate-limiter'
import {
  patchMessage,
  scimStringLiteral,
  type ScimClient,
  type ScimClientCounters,
  type ScimCompatibility,
  type ScimListPage,
  type ScimPageRequest,
  type ScimResource,
} from './scim-client'
import { ScimFailure, scimMalformedFailure, scimNetworkFailure, scimStatusFailure, scimTimeoutFailure, summariseRequest, type ScimRequestContext } from './scim-failure'

export const DEFAULT_SCIM_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 30_000 }

export interface HttpScimClientOptions {
  /** The SCIM base URL, e.g. `https://app.example.com/scim/v2`. */
  readonly baseUrl: string
  readonly bearerToken: string
  readonly fetch: FetchFunction
  readonly compatibility?: ScimCompatibility
  /** Requests per second (default 25, Entra's gallery minimum). */
  readonly requestsPerSecond?: number
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number
  /** Per-request timeout in milliseconds (default 30,000). */
  readonly timeoutMs?: number
  readonly retry?: Partial<RetryPolicy>
  /** [0, 1) for the back-off jitter. */
  readonly random?: () => number
  /** Wall-clock milliseconds, to read an HTTP-date `Retry-After`. */
  readonly now?: () => number
}

interface RequestOptions {
  readonly body?: unknown
  /** The path names a resource by an id Headcount knows: a 404 is InvalidAnchor. */
  readonly isKnownId?: boolean
}

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504])

export class HttpScimClient implements ScimClient {
  readonly compatibility: ScimCompatibility
  readonly concurrency: number
  readonly counters: ScimClientCounters = { requests: 0, retries: 0, throttled: 0 }
  readonly rateLimiter: AdaptiveRateLimiter
  private readonly baseUrl: string
  private readonly limiter: Limiter
  private readonly policy: RetryPolicy
  private readonly timeoutMs: number
  private readonly now: () => number

  constructor(private readonly options: HttpScimClientOptions) {
    if (options.bearerToken.length === 0) throw new RangeError('bearerToken must not be empty')
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.compatibility = options.compatibility ?? 'strict'
    this.concurrency = options.concurrency ?? 4
    this.limiter = new Limiter(this.concurrency)
    // A burst as large as the concurrency lets requests delayed by a busy event loop catch up,
    // so the long-run rate stays at the configured one.
    this.rateLimiter = new AdaptiveRateLimiter({ perSecond: options.requestsPerSecond ?? 25, burst: this.concurrency })
    this.policy = { ...DEFAULT_SCIM_RETRY_POLICY, ...options.retry }
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.now = options.now ?? (() => Date.now())
  }

  listUsers(page: ScimPageRequest, signal?: AbortSignal): Promise<ScimListPage> {
    return this.list(`/Users?startIndex=${page.startIndex}&count=${page.count}`, signal)
  }

  listGroups(page: ScimPageRequest, signal?: AbortSignal): Promise<ScimListPage> {
    return this.list(`/Groups?startIndex=${page.startIndex}&count=${page.count}`, signal)
  }

  async getUser(id: string, signal?: AbortSignal): Promise<ScimResource> {
    return this.resource(await this.request('GET', `/Users/${encodeURIComponent(id)}`, { isKnownId: true }, signal), 'GET /Users/{id}')
  }

  async getGroup(id: string, signal?: AbortSignal): Promise<ScimResource> {
    return this.resource(await this.request('GET', `/Groups/${encodeURIComponent(id)}`, { isKnownId: true }, signal), 'GET /Groups/{id}')
  }

  async findUsers(filterAttribute: string, value: string, signal?: AbortSignal): Promise<readonly ScimResource[]> {
    if (!/^[A-Za-z][\w.:$-]*$/.test(filterAttribute)) throw new RangeError(`Not a SCIM attribute path: ${filterAttribute}`)
    const filter = `${filterAttribute} eq ${scimStringLiteral(value)}`
    return (await this.list(`/Users?filter=${encodeURIComponent(filter)}`, signal)).resources
  }

  async findGroups(displayName: string, signal?: AbortSignal): Promise<readonly ScimResource[]> {
    const filter = `displayName eq ${scimStringLiteral(displayName)}`
    return (await this.list(`/Groups?excludedAttributes=members&filter=${encodeURIComponent(filter)}`, signal)).resources
  }

  async createUser(resource: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<ScimResource> {
    return this.resource(await this.request('POST', '/Users', { body: resource }, signal), 'POST /Users')
  }

  async patchUser(id: string, operations: readonly ScimPatchOperation[], signal?: AbortSignal): Promise<void> {
    await this.request('PATCH', `/Users/${encodeURIComponent(id)}`, { body: patchMessage(operations, this.compatibility), isKnownId: true }, signal)
  }

  async deleteUser(id: string, signal?: AbortSignal): Promise<void> {
    await this.request('DELETE', `/Users/${encodeURIComponent(id)}`, { isKnownId: true }, signal)
  }

  async createGroup(resource: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<ScimResource> {
    return this.resource(await this.request('POST', '/Groups', { body: resource }, signal), 'POST /Groups')
  }

  async patchGroup(id: string, operations: readonly ScimPatchOperation[], signal?: AbortSignal): Promise<void> {
    await this.request('PATCH', `/Groups/${encodeURIComponent(id)}`, { body: patchMessage(operations, this.compatibility), isKnownId: true }, signal)
  }

  async serviceProviderConfig(signal?: AbortSignal): Promise<Readonly<Record<string, unknown>>> {
    const body = await this.request('GET', '/ServiceProviderConfig', {}, signal)
    if (body === null || typeof body !== 'object') throw scimMalformedFailure('/ServiceProviderConfig is not a JSON object', { summary: 'GET /ServiceProviderConfig', isKnownId: false })
    return body as Record<string, unknown>
  }

  async schemas(signal?: AbortSignal): Promise<readonly Readonly<Record<string, unknown>>[]> {
    return this.definitions('/Schemas', signal)
  }

  async resourceTypes(signal?: AbortSignal): Promise<readonly Readonly<Record<string, unknown>>[]> {
    return this.definitions('/ResourceTypes', signal)
  }

  /** /Schemas and /ResourceTypes: a ListResponse (RFC 7644 §4), or a bare array from older servers. */
  private async definitions(path: string, signal?: AbortSignal): Promise<readonly Readonly<Record<string, unknown>>[]> {
    const body = await this.request('GET', path, {}, signal)
    const list = Array.isArray(body) ? body : (body as { Resources?: unknown } | null)?.Resources
    if (!Array.isArray(list)) throw scimMalformedFailure(`${path} is not a list`, { summary: `GET ${path}`, isKnownId: false })
    return list.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object')
  }

  private async list(pathAndQuery: string, signal?: AbortSignal): Promise<ScimListPage> {
    const body = await this.request('GET', pathAndQuery, {}, signal)
    const context = { summary: summariseRequest('GET', pathAndQuery), isKnownId: false }
    if (body === null || typeof body !== 'object') throw scimMalformedFailure('the list answer is not a JSON object', context)
    const message = body as { totalResults?: unknown; Resources?: unknown; startIndex?: unknown; itemsPerPage?: unknown }
    const resources = message.Resources === undefined ? [] : message.Resources
    if (!Array.isArray(resources)) throw scimMalformedFailure('Resources is not a list', context)
    for (const resource of resources) {
      if (resource === null || typeof resource !== 'object' || typeof (resource as { id?: unknown }).id !== 'string') throw scimMalformedFailure('a listed resource has no id', context)
    }
    const totalResults = Number(message.totalResults ?? resources.length)
    if (!Number.isFinite(totalResults)) throw scimMalformedFailure('totalResults is not a number', context)
    return {
      resources: resources as ScimResource[],
      totalResults,
      startIndex: Number(message.startIndex ?? 1) || 1,
      itemsPerPage: Number(message.itemsPerPage ?? resources.length) || resources.length,
    }
  }

  private resource(body: unknown, what: string): ScimResource {
    if (body === null || typeof body !== 'object' || typeof (body as { id?: unknown }).id !== 'string') {
      throw scimMalformedFailure(`${what} answered without a resource id`, { summary: what, isKnownId: false })
    }
    return body as ScimResource
  }

  /** One logical request: paced, limited, retried; resolves with the parsed body (null when empty). */
  private request(method: string, pathAndQuery: string, options: RequestOptions, signal?: AbortSignal): Promise<unknown> {
    const context: ScimRequestContext = { summary: summariseRequest(method, pathAndQuery, options.body), isKnownId: options.isKnownId === true }
    return retryWithBackoff<unknown>(
      {
        policy: this.policy,
        ...(this.options.random ? { random: this.options.random } : {}),
        classify: (error) => this.classify(error),
        onRetry: () => {
          this.counters.retries += 1
        },
        run: () => this.limiter.run(() => this.attempt(method, pathAndQuery, options, context, signal)),
      },
      signal,
    )
  }

  private classify(error: unknown): RetryVerdict {
    if (!(error instanceof ScimFailure)) return { isRetryable: false }
    if (error.code === 'Timeout' || error.code === 'NetworkError') return { isRetryable: true, afterMs: null }
    if (error.status !== undefined && RETRYABLE_STATUSES.has(error.status)) {
      return { isRetryable: true, afterMs: error.retryAfterMs }
    }
    return { isRetryable: false }
  }

  private async attempt(method: string, pathAndQuery: string, options: RequestOptions, context: ScimRequestContext, signal?: AbortSignal): Promise<unknown> {
    await this.rateLimiter.acquire(signal)
    const timeout = AbortSignal.timeout(this.timeoutMs)
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.bearerToken}`, accept: 'application/scim+json, application/json' }
    if (options.body !== undefined) headers['content-type'] = 'application/scim+json'
    this.counters.requests += 1
    let status: number
    let text: string
    let retryAfter: string | null
    try {
      const response = await this.options.fetch(`${this.baseUrl}${pathAndQuery}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: combined,
      })
      status = response.status
      retryAfter = response.headers.get('retry-after')
      text = await response.text()
    } catch (error) {
      if (signal?.aborted === true) throw abortReason(signal)
      if (timeout.aborted) throw scimTimeoutFailure(this.timeoutMs, context, error)
      throw scimNetworkFailure(context, error)
    }
    let body: unknown = null
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text) as unknown
      } catch {
        if (status >= 200 && status < 300) throw scimMalformedFailure(`the answer to ${method} is not JSON`, context)
      }
    }
    if (status >= 200 && status < 300) {
      this.rateLimiter.succeeded()
      return body
    }
    const failure = scimStatusFailure(status, body, context, parseRetryAfter(retryAfter, this.now()))
    if (status === 429) {
      this.counters.throttled += 1
      this.rateLimiter.throttled(failure.retryAfterMs)
    }
    throw failure
  }
}
