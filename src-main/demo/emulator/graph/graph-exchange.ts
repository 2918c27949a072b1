/**
 * One Graph request and its answer, independent of HTTP framework. The express router and the
 * `$batch` endpoint both turn their input into a {@link GraphRequest} and write out a
 * {@link GraphResponse}, so a batch item is answered by exactly the code that answers a direct call.
 */

/** Graph's own JSON content type (what graph.microsoft.com sends for OData payloads). */
export const ODATA_JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8'

export interface GraphRequest {
  readonly method: string
  /** Path below the version segment, e.g. `/users/abc`; not yet decoded. */
  readonly path: string
  readonly query: URLSearchParams
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body?: unknown
}

/** The `error` object of a Graph error body, before the per-request `innerError` is added. */
export interface GraphFailure {
  readonly status: number
  readonly code: string
  readonly message: string
  /** Extra headers such as `Retry-After` or `Location`. */
  readonly headers?: Readonly<Record<string, string>>
  /** Extra `innerError` members (the throttling body carries `code`, `status`, `message`). */
  readonly innerError?: Readonly<Record<string, string>>
}

export type GraphResponse =
  | {
      readonly kind: 'json'
      readonly status: number
      readonly headers?: Readonly<Record<string, string>>
      readonly body: unknown
    }
  | { readonly kind: 'text'; readonly status: number; readonly body: string }
  | { readonly kind: 'failure'; readonly failure: GraphFailure }

/** A successful JSON answer. */
export function jsonResponse(body: unknown, status = 200): GraphResponse {
  return { kind: 'json', status, body }
}

/** A `text/plain` answer (`/users/$count`). */
export function textResponse(body: string): GraphResponse {
  return { kind: 'text', status: 200, body }
}

/** An error answer. */
export function failureResponse(failure: GraphFailure): GraphResponse {
  return { kind: 'failure', failure }
}

/** Identifiers stamped on every answer and every error body. */
export interface RequestIdentity {
  readonly requestId: string
  readonly clientRequestId: string
  /** Emulator time of the request, for `innerError.date`. */
  readonly date: Date
}

/** Graph's error body for a failure (https://learn.microsoft.com/graph/errors). */
export function errorBody(failure: GraphFailure, identity: RequestIdentity): Record<string, unknown> {
  return {
    error: {
      code: failure.code,
      message: failure.message,
      innerError: {
        ...failure.innerError,
        // Graph writes the date without fractional seconds or zone: "2025-02-13T10:17:06".
        date: identity.date.toISOString().slice(0, 19),
        'request-id': identity.requestId,
        'client-request-id': identity.clientRequestId,
      },
    },
  }
}

/** Status, headers and serialised body of an answer, as both HTTP and batch items need them. */
export interface RenderedResponse {
  readonly status: number
  readonly headers: Record<string, string>
  /** JSON value for JSON answers, string for text answers. */
  readonly body: unknown
  readonly isText: boolean
}

/** Turns an answer into status, headers and body, adding the error envelope to failures. */
export function renderResponse(response: GraphResponse, identity: RequestIdentity): RenderedResponse {
  switch (response.kind) {
    case 'json':
      return {
        status: response.status,
        headers: { 'Content-Type': ODATA_JSON_CONTENT_TYPE, ...response.headers },
        body: response.body,
        isText: false,
      }
    case 'text':
      return {
        status: response.status,
        headers: { 'Content-Type': 'text/plain' },
        body: response.body,
        isText: true,
      }
    case 'failure':
      return {
        status: response.failure.status,
        headers: { 'Content-Type': 'application/json', ...response.failure.headers },
        body: errorBody(response.failure, identity),
        isText: false,
      }
  }
}
