/**
 * Headcount's own HTTP client for Microsoft Graph: bearer token, retries, error mapping and a
 * checked JSON body, over the profile's `fetch` (extra CAs, proxy).
 *
 * It replaces the Graph SDK's middleware for reads because the pull needs what the SDK's
 * RetryHandler does not do (electron-msal-graph.md §3.2): retry network failures, stop waiting the
 * moment a pull is cancelled, re-queue 429s inside a `$batch` answer, and tell a malformed page
 * from a good one. Throttling follows https://learn.microsoft.com/graph/throttling: honour
 * `Retry-After` (seconds or HTTP date), else exponential back-off with jitter; bounded.
 *
 * Every failure leaves as an AppError carrying Graph's request-id (graph-failure.ts).
 */
import { Client, GraphClientError, ResponseType, type Context, type Middleware } from '@microsoft/microsoft-graph-client'
import { AppError } from '../../common/errors'
import { retryWithBackoff, type RetryPolicy, type RetryVerdict } from '../../base/retry-with-backoff'
import type { AccessTokenProvider } from '../auth/access-token-provider'
import type { FetchFunction } from '../net/trusted-fetch'
import { malformedGraphResponse, toGraphAppError, type GraphOperation } from './graph-failure'
import { parseRetryAfter } from './retry-after'

/** Statuses Graph asks clients to retry (throttling doc, and gateway timeouts). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504])

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 6, baseDelayMs: 1_000, maxDelayMs: 60_000 }

export interface GraphHttpClientOptions {
  /** The profile's Graph endpoint, https, with or without the version: `https://graph.microsoft.com/v1.0`. */
  readonly graphBaseUrl: string
  readonly tokenProvider: AccessTokenProvider
  readonly fetch: FetchFunction
  readonly retry?: Partial<RetryPolicy>
  /** [0, 1) for the back-off jitter; injectable for tests. */
  readonly random?: () => number
  /** Wall-clock milliseconds, to turn an HTTP-date `Retry-After` into a wait. */
  readonly now?: () => number
}

/** Where Graph lives: `https://host[:port][/prefix]` and the version segment. */
export interface GraphEndpoint {
  /** `https://host[:port][/prefix]/` */
  readonly baseUrl: string
  readonly version: string
  readonly hostname: string
  /** `https://host[:port][/prefix]/version`: relative paths are appended to this. */
  readonly versionedUrl: string
}

/** A Graph answer that was not 2xx, in the shape graph-failure.ts reads. */
export class GraphHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string | null,
    message: string,
    readonly requestId: string | null,
    readonly headers: { get(name: string): string | null },
  ) {
    super(message)
    this.name = 'GraphHttpError'
  }
}

export interface GraphJsonAnswer {
  readonly body: Readonly<Record<string, unknown>>
  readonly requestId: string | undefined
}

export interface GraphRequestOptions {
  readonly operation: GraphOperation
  readonly headers?: Readonly<Record<string, string>>
  readonly method?: 'GET' | 'POST'
  readonly body?: unknown
}

/** Counters for tests and benchmarks: what the client did on the wire. */
export interface GraphHttpCounters {
  requests: number
  retries: number
}

/**
 * The last (terminal) middleware of the Graph SDK's chain: sends through the profile's fetch, so
 * extra CAs and the proxy apply (graph-client 3 calls the global fetch otherwise).
 */
class ProfileFetchMiddleware implements Middleware {
  constructor(private readonly fetch: FetchFunction) {}

  async execute(context: Context): Promise<void> {
    try {
      context.response = await this.fetch(context.request, context.options)
    } catch (error) {
      // The SDK rewraps any other error as a GraphError and drops its cause (ECONNREFUSED, the TLS
      // reason); a GraphClientError passes through untouched, so the cause reaches the admin's message.
      const failure = new GraphClientError(error instanceof Error ? error.message : 'The request failed.')
      failure.customError = error
      Object.defineProperty(failure, 'cause', { value: error })
      if (error instanceof Error && error.name === 'AbortError') failure.name = 'AbortError'
      throw failure
    }
  }
}

export class GraphHttpClient {
  readonly endpoint: GraphEndpoint
  readonly policy: RetryPolicy
  readonly counters: GraphHttpCounters = { requests: 0, retries: 0 }
  private readonly random: () => number
  private readonly now: () => number

  /**
   * @microsoft/microsoft-graph-client 3.0.7 builds and sends every request, with a chain of one
   * middleware: retries, cancellation and `Retry-After` inside `$batch` are handled here instead of by
   * its RetryHandler, which cannot retry network failures, cannot stop waiting when a pull is
   * cancelled, and never sees a 429 inside a `$batch` answer (electron-msal-graph.md §3.2). Its
   * AuthenticationHandler is left out too: it drops the token for hosts it does not know, such as a
   * custom cloud's, so the bearer token is set on the request (only for this profile's endpoint).
   */
  private readonly client: Client

  constructor(private readonly options: GraphHttpClientOptions) {
    this.client = Client.initWithMiddleware({ middleware: new ProfileFetchMiddleware(options.fetch) })
    this.endpoint = parseGraphEndpoint(options.graphBaseUrl)
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
    this.random = options.random ?? Math.random
    this.now = options.now ?? (() => Date.now())
  }

  /** The absolute URL of a relative path, or the link itself when it points at this endpoint. */
  resolve(pathOrLink: string): string {
    if (/^https?:\/\//i.test(pathOrLink)) {
      // The bearer token goes only to the profile's own Graph endpoint, whatever a page links to.
      if (!pathOrLink.startsWith(`${this.endpoint.versionedUrl}/`) && !pathOrLink.startsWith(`${this.endpoint.versionedUrl}?`)) {
        throw new AppError({
          code: 'RemoteError',
          message: `Microsoft Graph sent a link outside the profile's Graph endpoint (${new URL(pathOrLink).host}); Headcount did not follow it.`,
        })
      }
      return pathOrLink
    }
    return `${this.endpoint.versionedUrl}${pathOrLink.startsWith('/') ? '' : '/'}${pathOrLink}`
  }

  /** The path below the version of a link on this endpoint, as `$batch` items want it. */
  relativePath(link: string): string {
    const absolute = this.resolve(link)
    return absolute.slice(this.endpoint.versionedUrl.length)
  }

  /** GET (or POST) and parse a JSON object, retrying what Graph says may be retried. */
  async json(pathOrLink: string, request: GraphRequestOptions, signal?: AbortSignal): Promise<GraphJsonAnswer> {
    const { text, requestId } = await this.send(pathOrLink, request, signal)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw malformedGraphResponse(request.operation, 'the answer is not valid JSON', requestId)
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw malformedGraphResponse(request.operation, 'the answer is not a JSON object', requestId)
    }
    return { body: body as Record<string, unknown>, requestId }
  }

  /** GET a plain-text answer (e.g. `/users/$count`). */
  async text(pathOrLink: string, request: GraphRequestOptions, signal?: AbortSignal): Promise<string> {
    return (await this.send(pathOrLink, request, signal)).text
  }

  /** The retry verdict for one failure of a Graph call (exported for `$batch` items too). */
  verdictFor(error: unknown): RetryVerdict {
    if (error instanceof GraphHttpError) {
      if (!RETRYABLE_STATUSES.has(error.statusCode)) return { isRetryable: false }
      return { isRetryable: true, afterMs: parseRetryAfter(error.headers.get('retry-after'), this.now()) }
    }
    if (error instanceof AppError) return error.code === 'NetworkError' ? { isRetryable: true, afterMs: null } : { isRetryable: false }
    // fetch rejected: DNS, refused, reset, TLS. A dropped connection is worth another try.
    return { isRetryable: true, afterMs: null }
  }

  private async send(
    pathOrLink: string,
    request: GraphRequestOptions,
    signal: AbortSignal | undefined,
  ): Promise<{ text: string; requestId: string | undefined }> {
    const url = this.resolve(pathOrLink)
    try {
      return await retryWithBackoff(
        {
          policy: this.policy,
          random: this.random,
          classify: (error) => this.verdictFor(error),
          onRetry: () => {
            this.counters.retries += 1
          },
          run: () => this.attempt(url, request, signal),
        },
        signal,
      )
    } catch (error) {
      throw toGraphAppError(error, request.operation, signal)
    }
  }

  private async attempt(
    url: string,
    request: GraphRequestOptions,
    signal: AbortSignal | undefined,
  ): Promise<{ text: string; requestId: string | undefined }> {
    const token = await this.options.tokenProvider.getAccessToken(signal)
    this.counters.requests += 1
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json', ...request.headers }
    if (request.body !== undefined) headers['Content-Type'] = 'application/json'
    // The Graph SDK builds and sends the request; its middleware chain ends in the profile's fetch.
    let call = this.client.api(url).headers(headers).responseType(ResponseType.RAW)
    if (signal !== undefined) call = call.option('signal', signal)
    const response = (await (request.method === 'POST' ? call.post(JSON.stringify(request.body)) : call.get())) as Response
    const requestId = response.headers.get('request-id') ?? undefined
    // A body cut off mid-way rejects here, as a network failure, and is retried.
    const text = await response.text()
    if (!response.ok) throw graphHttpError(response.status, response.headers, text, requestId)
    return { text, requestId }
  }
}

/** Reads Graph's error body (`{error: {code, message, innerError: {request-id}}}`) if there is one. */
export function graphHttpError(
  status: number,
  headers: { get(name: string): string | null },
  text: string,
  requestId: string | undefined,
): GraphHttpError {
  let code: string | null = null
  let message = ''
  let bodyRequestId: string | undefined
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } }
    if (typeof parsed.error?.code === 'string') code = parsed.error.code
    if (typeof parsed.error?.message === 'string') message = parsed.error.message
    const inner = parsed.error?.innerError?.['request-id']
    if (typeof inner === 'string') bodyRequestId = inner
  } catch {
    // Not Graph's JSON (a proxy's HTML page): the status says enough.
  }
  return new GraphHttpError(status, code, message, requestId ?? bodyRequestId ?? null, headers)
}

/** Splits `https://host[:port][/path]/v1.0` into base URL, version and host. */
export function parseGraphEndpoint(graphBaseUrl: string): GraphEndpoint {
  const url = new URL(graphBaseUrl)
  if (url.protocol !== 'https:') {
    // A bearer token never travels in clear text.
    throw new TypeError(`The Graph endpoint must use https: ${graphBaseUrl}`)
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '')
  const last = segments.at(-1)
  const hasVersion = last !== undefined && /^(v\d+(\.\d+)?|beta)$/.test(last)
  const version = hasVersion ? last : 'v1.0'
  const prefix = (hasVersion ? segments.slice(0, -1) : segments).map((segment) => `/${segment}`).join('')
  return {
    baseUrl: `${url.origin}${prefix}/`,
    version,
    hostname: url.hostname,
    versionedUrl: `${url.origin}${prefix}/${version}`,
  }
}
