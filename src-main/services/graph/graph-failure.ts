/**
 * Turns whatever a Graph call threw into an `AppError` the admin can act on. Graph's own code and
 * request-id are kept (https://learn.microsoft.com/graph/errors: code against `code`, never
 * `message`), and the request-id travels so support can trace the call.
 */
import { AppError } from '../../common/errors'

/** What the caller was doing, to say so in the message and name the permission it needs. */
export interface GraphOperation {
  /** e.g. "read users": completes "Microsoft Graph refused to …". */
  readonly description: string
  /** The least-privileged application permission for the call, e.g. `User.Read.All`. */
  readonly permission: string
}

/** The parts of the SDK's `GraphError` this module reads (kept structural: no SDK import). */
interface GraphErrorLike {
  readonly statusCode: number
  readonly code: string | null
  readonly message: string
  readonly requestId: string | null
  readonly headers?: { get(name: string): string | null }
}

/**
 * Maps a failure to an AppError:
 * - aborted by the caller → `Cancelled`;
 * - an AppError (e.g. from the token provider) → unchanged;
 * - 401 → `Unauthorized`; 403 → `Forbidden` naming the permission; 429 after the retries →
 *   `TooManyRequests`; 503/504 → `ServiceUnavailable`; 404 → `NotFound`; an expired or reset delta
 *   token (`syncStateNotFound`, `resyncRequired`, 410 Gone) → `SyncStateNotFound`; other statuses →
 *   `RemoteError`;
 * - no HTTP answer at all (DNS, TLS, refused, reset) → `NetworkError`.
 */
export function toGraphAppError(error: unknown, operation: GraphOperation, signal?: AbortSignal): AppError {
  if (signal?.aborted === true || isAbortError(error)) {
    return new AppError({ code: 'Cancelled', message: `Stopped before Headcount could ${operation.description}.` })
  }
  if (error instanceof AppError) return error
  if (isGraphErrorLike(error) && error.statusCode > 0) return fromHttpFailure(error, operation)
  return new AppError(
    {
      code: 'NetworkError',
      message: `Headcount could not reach Microsoft Graph to ${operation.description}: ${networkReason(error)}.`,
      hint: 'Check the network connection, proxy and certificate settings, then pull again.',
    },
    { cause: error },
  )
}

function fromHttpFailure(error: GraphErrorLike, operation: GraphOperation): AppError {
  const status = error.statusCode
  const requestId = error.requestId ?? error.headers?.get('request-id') ?? undefined
  const graphSays = error.message !== '' ? ` Graph said: ${error.code ?? status}: ${error.message}` : ''
  const base = { status, ...(requestId === undefined ? {} : { requestId }) }
  switch (true) {
    // delta-query-overview: an expired token is a 4xx with syncStateNotFound; a reset is 410 Gone.
    case status === 410 || error.code === 'syncStateNotFound' || error.code === 'resyncRequired':
      return new AppError({
        ...base,
        code: 'SyncStateNotFound',
        message: `Microsoft Graph no longer knows the point the last pull stopped at, so Headcount could not ${operation.description} as changes only.${graphSays}`,
        hint: 'Pull again: Headcount reads the whole directory once and continues with changes after that.',
      })
    case status === 401:
      return new AppError({
        ...base,
        code: 'Unauthorized',
        message: `Microsoft Graph did not accept Headcount's sign-in when trying to ${operation.description}.${graphSays}`,
        hint: 'Connect again; if the app uses a client secret or certificate, check that it has not expired.',
      })
    case status === 403:
      return new AppError({
        ...base,
        code: 'Forbidden',
        message: `Microsoft Graph refused to ${operation.description}: the app lacks the ${operation.permission} permission.${graphSays}`,
        hint: `Grant the ${operation.permission} application permission with admin consent, then pull again.`,
      })
    case status === 429: {
      const retryAfter = error.headers?.get('retry-after')
      return new AppError({
        ...base,
        code: 'TooManyRequests',
        message: `Microsoft Graph is throttling requests to ${operation.description}, even after waiting and retrying.${graphSays}`,
        hint: retryAfter ? `Try again in ${retryAfter} seconds or later.` : 'Try again in a few minutes.',
      })
    }
    case status === 503 || status === 504:
      return new AppError({
        ...base,
        code: 'ServiceUnavailable',
        message: `Microsoft Graph was unavailable while trying to ${operation.description}.${graphSays}`,
        hint: 'This is usually temporary; pull again in a few minutes.',
      })
    case status === 404:
      return new AppError({ ...base, code: 'NotFound', message: `Microsoft Graph could not find what Headcount asked for to ${operation.description}.${graphSays}` })
    default:
      return new AppError({
        ...base,
        code: 'RemoteError',
        message: `Microsoft Graph answered ${status} when trying to ${operation.description}.${graphSays}`,
      })
  }
}

/**
 * A 2xx answer Headcount cannot use: not JSON, or JSON without the collection shape. Not retried
 * (the same request would most likely get the same answer) and never written to the cache.
 */
export function malformedGraphResponse(operation: GraphOperation, reason: string, requestId: string | undefined): AppError {
  return new AppError({
    code: 'RemoteError',
    message: `Microsoft Graph sent an answer Headcount could not read while trying to ${operation.description}: ${reason}. The cache was left as it was.`,
    hint: 'This is usually temporary; pull again. If it keeps happening, send the request id to support.',
    ...(requestId === undefined ? {} : { requestId }),
  })
}

function isGraphErrorLike(error: unknown): error is GraphErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as GraphErrorLike).statusCode === 'number'
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (isGraphErrorLike(error) && error.code === 'AbortError'))
}

/** undici reports "fetch failed" with the real reason (ECONNREFUSED, certificate …) as its cause. */
/** Plain words for the socket and TLS failures an admin actually meets; the raw code stays in brackets. */
const NETWORK_CODE_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was cut off',
  ENOTFOUND: 'the server name could not be found',
  EAI_AGAIN: 'the server name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection was cut off',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server’s certificate is not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server’s certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server’s certificate is not trusted',
  CERT_HAS_EXPIRED: 'the server’s certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server’s certificate is for another name',
}

function networkReason(error: unknown): string {
  let current: unknown = error
  let reason = 'the connection failed'
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as NodeJS.ErrnoException).code
    if (typeof code === 'string' && code !== '') reason = NETWORK_CODE_WORDS[code] ? `${NETWORK_CODE_WORDS[code]} (${code})` : code
    else if (current.message !== '' && current.message !== 'fetch failed') reason = current.message
    current = current.cause
  }
  return reason
}
