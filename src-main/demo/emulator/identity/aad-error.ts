/**
 * Error answers in the shape Microsoft Entra's token endpoint uses, so MSAL parses them exactly as it
 * would parse the real thing (ServerError, InteractionRequiredAuthError for `suberror`).
 */
import { randomUUID } from 'node:crypto'

/** OAuth 2.0 `error` values Entra returns (RFC 6749 §5.2 plus Entra's additions). */
export type AadErrorName =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'invalid_resource'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'interaction_required'
  | 'consent_required'
  | 'access_denied'
  | 'login_required'
  | 'temporarily_unavailable'

/** An expected failure of an identity request, before it is rendered as JSON or as an error page. */
export interface AadFailure {
  readonly status: 400 | 401
  readonly error: AadErrorName
  /** The AADSTS number without the prefix, e.g. 7000215. */
  readonly code: number
  /** The sentence after "AADSTSnnn: ". */
  readonly message: string
  /** Entra's `suberror`, e.g. `consent_required` on an `invalid_grant`. */
  readonly suberror?: string
}

/** The JSON body Entra sends with a failed token request. */
export interface AadErrorBody {
  readonly error: AadErrorName
  readonly error_description: string
  readonly error_codes: readonly number[]
  readonly timestamp: string
  readonly trace_id: string
  readonly correlation_id: string
  readonly error_uri: string
  readonly suberror?: string
}

/** Builds a failure; the helper keeps call sites to one line each. */
export function aadFailure(
  status: 400 | 401,
  error: AadErrorName,
  code: number,
  message: string,
  suberror?: string,
): AadFailure {
  return suberror === undefined ? { status, error, code, message } : { status, error, code, message, suberror }
}

/**
 * Renders a failure as Entra does: the description starts with the AADSTS code and ends with the trace
 * and correlation ids and a timestamp ("2026-11-01 09:00:00Z"), all repeated as separate fields.
 */
export function toAadErrorBody(failure: AadFailure, origin: string, now: Date, correlationId?: string): AadErrorBody {
  const traceId = randomUUID()
  const correlation = correlationId && /^[0-9a-f-]{36}$/i.test(correlationId) ? correlationId : randomUUID()
  const timestamp = formatAadTimestamp(now)
  const body: AadErrorBody = {
    error: failure.error,
    error_description: `${describeFailure(failure)} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
    error_codes: [failure.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlation,
    error_uri: `${origin}/error?code=${failure.code}`,
  }
  return failure.suberror === undefined ? body : { ...body, suberror: failure.suberror }
}

/** "AADSTS7000215: Invalid client secret provided. …" */
export function describeFailure(failure: AadFailure): string {
  return `AADSTS${failure.code}: ${failure.message}`
}

function formatAadTimestamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`
}
