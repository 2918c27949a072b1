/**
 * The Graph errors the emulator produces, with the codes and texts Microsoft Graph uses. Clients code
 * against `code` (https://learn.microsoft.com/graph/errors); the messages follow what Graph sends so
 * logs and screenshots look familiar.
 */
import type { GraphFailure } from './graph-exchange'

/** A value that is either the parsed thing or the Graph error explaining why not. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: GraphFailure }

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

export function rejected<T = never>(failure: GraphFailure): Parsed<T> {
  return { ok: false, failure }
}

/** 400 for an unknown path segment, e.g. `/v1.0/foo` or a batch url that repeats `/v1.0`. */
export function segmentNotFound(segment: string): GraphFailure {
  return { status: 400, code: 'BadRequest', message: `Resource not found for the segment '${segment}'.` }
}

/** 404 for an object that does not exist (Graph's directory wording). */
export function resourceNotFound(id: string): GraphFailure {
  return {
    status: 404,
    code: 'Request_ResourceNotFound',
    message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  }
}

export function badRequest(message: string): GraphFailure {
  return { status: 400, code: 'BadRequest', message }
}

export function requestBadRequest(message: string): GraphFailure {
  return { status: 400, code: 'Request_BadRequest', message }
}

export function unsupportedQuery(message: string): GraphFailure {
  return { status: 400, code: 'Request_UnsupportedQuery', message }
}

/** `$select`/`$filter`/`$expand` naming a property the type does not have. */
export function unknownProperty(property: string, typeName: string): GraphFailure {
  return badRequest(`Could not find a property named '${property}' on type 'microsoft.graph.${typeName}'.`)
}

export function methodNotAllowed(): GraphFailure {
  return {
    status: 405,
    code: 'Request_BadRequest',
    message: 'Specified HTTP method is not allowed for the request target.',
  }
}

export function accessTokenMissing(): GraphFailure {
  return { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token is empty.' }
}

export function accessTokenInvalid(reason: 'invalid' | 'expired'): GraphFailure {
  return {
    status: 401,
    code: 'InvalidAuthenticationToken',
    message:
      reason === 'expired'
        ? 'Lifetime validation failed, the token is expired.'
        : 'Access token validation failure. Invalid audience.',
  }
}

export function insufficientPrivileges(): GraphFailure {
  return {
    status: 403,
    code: 'Authorization_RequestDenied',
    message: 'Insufficient privileges to complete the operation.',
  }
}

/** The throttling answer of https://learn.microsoft.com/graph/throttling, verbatim body shape. */
export function tooManyRequests(retryAfterSeconds: number): GraphFailure {
  return {
    status: 429,
    code: 'TooManyRequests',
    message: 'Please retry again later.',
    headers: { 'Retry-After': String(retryAfterSeconds) },
    innerError: { code: '429', message: 'Please retry after', status: '429' },
  }
}

export function serviceUnavailable(retryAfterSeconds: number | null): GraphFailure {
  return {
    status: 503,
    code: 'serviceNotAvailable',
    message: 'The service is temporarily unavailable. Please retry after some time.',
    ...(retryAfterSeconds === null ? {} : { headers: { 'Retry-After': String(retryAfterSeconds) } }),
  }
}

/** Expired, unknown or garbled delta token (delta-query-overview: "syncStateNotFound"). */
export function syncStateNotFound(): GraphFailure {
  return {
    status: 400,
    code: 'syncStateNotFound',
    message: 'The sync state generation is not found. The delta token is expired or not valid; restart the sync without a token.',
  }
}

/** The reset answer of the delta docs: 410 Gone with a `Location` to restart from. */
export function resyncRequired(location: string): GraphFailure {
  return {
    status: 410,
    code: 'resyncRequired',
    message: 'The delta token is no longer valid. A full resynchronisation is required.',
    headers: { Location: location },
  }
}

/** An unreadable `$skiptoken` on a list (Graph: "Directory_ExpiredPageToken" for stale ones). */
export function invalidPageToken(): GraphFailure {
  return {
    status: 400,
    code: 'Directory_ExpiredPageToken',
    message: 'The specified page token value has expired and can no longer be included in your request.',
  }
}
