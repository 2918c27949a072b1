/**
 * How a failed SCIM request is described: Headcount's closed `ErrorCode` for the renderer to switch
 * on, plus the name Entra's provisioning logs give the same failure (reference §3.7), the HTTP
 * status, the SCIM `scimType` (RFC 7644 §3.12) and a request summary without the token.
 */
import { AppError, type AppErrorData, type ErrorCode } from '../../common/errors'

/** Entra provisioning-log error names Headcount reports for SCIM failures (reference §3.7). */
export type EntraErrorCode =
  | 'EntryConflict'
  | 'Unauthorized'
  | 'NotPermitted'
  | 'InvalidAnchor'
  | 'MethodNotAllowed'
  | 'TooManyRequests'
  | 'InternalServerError'
  | 'NotImplemented'
  | 'Timeout'
  | 'SchemaAttributeNotFound'
  | 'UnprocessableEntity'
  | 'WebExceptionProtocolError'
  | 'SystemForCrossDomainIdentityManagementServiceIncompatible'
  | 'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse'
  | 'ManagerNotProvisioned'
  | 'DependencyFailed'

/** A failed SCIM request: an AppError that also names Entra's code and what was sent. */
export class ScimFailure extends AppError {
  readonly entraCode: EntraErrorCode
  /** `METHOD /path` and the body with secrets redacted; never the token. */
  readonly requestSummary: string
  readonly scimType: string | null
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | null

  constructor(
    data: AppErrorData & { readonly entraCode: EntraErrorCode; readonly requestSummary: string; readonly scimType?: string | null; readonly retryAfterMs?: number | null },
    options?: { cause?: unknown },
  ) {
    super(data, options)
    this.name = 'ScimFailure'
    this.entraCode = data.entraCode
    this.requestSummary = data.requestSummary
    this.scimType = data.scimType ?? null
    this.retryAfterMs = data.retryAfterMs ?? null
  }
}

/** What a request was about, so a 404 on a known id can be told from a 404 on a search. */
export interface ScimRequestContext {
  readonly summary: string
  /** True when the path names a resource Headcount knows exists (by id): a 404 there is InvalidAnchor. */
  readonly isKnownId: boolean
}

interface StatusMeaning {
  readonly code: ErrorCode
  readonly entraCode: EntraErrorCode
  readonly message: string
  readonly hint?: string
}

function meaningOfStatus(status: number, scimType: string | null, context: ScimRequestContext): StatusMeaning {
  if (status === 400 && (scimType === 'invalidPath' || scimType === 'noTarget')) {
    return { code: 'RemoteError', entraCode: 'SchemaAttributeNotFound', message: 'The target does not know an attribute Headcount sent.', hint: 'Check the mapping\'s target paths against the target\'s /Schemas.' }
  }
  if (status === 400 || status === 422) return { code: 'RemoteError', entraCode: 'UnprocessableEntity', message: 'The target refused the values Headcount sent.' }
  if (status === 401) return { code: 'Unauthorized', entraCode: 'Unauthorized', message: 'The target answered 401: the token was refused.', hint: 'Paste a new token.' }
  if (status === 403) return { code: 'Forbidden', entraCode: 'NotPermitted', message: 'The target answered 403: the token may not do this.', hint: 'Ask the application\'s administrator for a token with provisioning rights.' }
  if (status === 404) {
    return context.isKnownId
      ? { code: 'InvalidAnchor', entraCode: 'InvalidAnchor', message: 'The target no longer has this resource (it was deleted or its id changed).', hint: 'Refresh the target snapshot and plan again.' }
      : { code: 'NotFound', entraCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible', message: 'The target answered 404 for a SCIM endpoint.', hint: 'Check the SCIM base URL (it usually ends in /scim/v2).' }
  }
  if (status === 405) return { code: 'RemoteError', entraCode: 'MethodNotAllowed', message: 'The target does not allow this request method.' }
  if (status === 409) return { code: 'Conflict', entraCode: 'EntryConflict', message: 'The target already has a resource with this unique value.' }
  if (status === 429) return { code: 'TooManyRequests', entraCode: 'TooManyRequests', message: 'The target kept answering 429 (too many requests).', hint: 'Lower the request rate of the target connection.' }
  if (status === 501) return { code: 'RemoteError', entraCode: 'NotImplemented', message: 'The target does not implement this request.' }
  if (status === 503) return { code: 'ServiceUnavailable', entraCode: 'InternalServerError', message: 'The target is unavailable (503).', hint: 'Try again later.' }
  if (status >= 500) return { code: 'RemoteError', entraCode: 'InternalServerError', message: `The target failed with ${status}.`, hint: 'Try again later; if it keeps happening, ask the application\'s administrator.' }
  return { code: 'RemoteError', entraCode: 'WebExceptionProtocolError', message: `The target answered an unexpected ${status}.` }
}

/** The failure for a non-2xx answer; `detail` is the SCIM error's own text when it sent one. */
export function scimStatusFailure(status: number, body: unknown, context: ScimRequestContext, retryAfterMs: number | null = null): ScimFailure {
  const error = typeof body === 'object' && body !== null ? (body as { scimType?: unknown; detail?: unknown }) : {}
  const scimType = typeof error.scimType === 'string' ? error.scimType : null
  const detail = typeof error.detail === 'string' ? error.detail.slice(0, 500) : null
  const meaning = meaningOfStatus(status, scimType, context)
  return new ScimFailure({
    code: meaning.code,
    entraCode: meaning.entraCode,
    message: detail ? `${meaning.message} The target said: ${detail}` : meaning.message,
    ...(meaning.hint === undefined ? {} : { hint: meaning.hint }),
    status,
    scimType,
    retryAfterMs,
    requestSummary: context.summary,
  })
}

/** The failure for a request that got no answer in time. */
export function scimTimeoutFailure(timeoutMs: number, context: ScimRequestContext, cause: unknown): ScimFailure {
  return new ScimFailure({
    code: 'Timeout',
    entraCode: 'Timeout',
    message: `The target did not answer within ${Math.round(timeoutMs / 1000)} s.`,
    hint: 'Check that the application is up; a slow target may need a lower request rate.',
    requestSummary: context.summary,
  }, { cause })
}

/** The failure for a request that never reached the target (refused connection, DNS, TLS). */
export function scimNetworkFailure(context: ScimRequestContext, cause: unknown): ScimFailure {
  const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : 'unknown reason'
  return new ScimFailure({
    code: 'NetworkError',
    entraCode: 'WebExceptionProtocolError',
    message: `The target could not be reached: ${reason}.`,
    hint: 'Check the SCIM base URL, the network and the proxy settings.',
    requestSummary: context.summary,
  }, { cause })
}

/** The failure for a 2xx answer whose body is not what SCIM promises. */
export function scimMalformedFailure(what: string, context: ScimRequestContext): ScimFailure {
  return new ScimFailure({
    code: 'RemoteError',
    entraCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
    message: `The target's answer is not valid SCIM: ${what}.`,
    requestSummary: context.summary,
  })
}

const SECRET_KEY = /password|secret|token|credential|apikey|api_key/i

/** The body with secret-looking attributes replaced, for the journal and error messages. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(inner)]))
}

/** `METHOD /path?query {body}` with secrets redacted and the body cut at 2,000 characters. */
export function summariseRequest(method: string, pathAndQuery: string, body?: unknown): string {
  const text = body === undefined ? '' : ` ${JSON.stringify(redactSecrets(body))}`
  const summary = `${method} ${pathAndQuery}${text}`
  return summary.length > 2_000 ? `${summary.slice(0, 2_000)}…` : summary
}
