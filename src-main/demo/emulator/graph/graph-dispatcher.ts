/**
 * Routes one authenticated Graph request (a direct call or a `$batch` item) to its endpoint:
 * resolve the path, check the caller's permissions, let the fault switches have their say, then
 * answer. Path segments are matched case-insensitively like Graph; an unknown one is answered with
 * Graph's "Resource not found for the segment" error.
 */
import { deltaResponse } from './delta-endpoints'
import {
  getApplication,
  getOrganization,
  getServicePrincipal,
  listAppRoleAssignedTo,
  listApplications,
  listOrganization,
  listServicePrincipals,
} from './directory-endpoints'
import { failureResponse, jsonResponse, type GraphRequest, type GraphResponse } from './graph-exchange'
import {
  insufficientPrivileges,
  methodNotAllowed,
  segmentNotFound,
  serviceUnavailable,
  tooManyRequests,
} from './graph-errors'
import type { GraphContext } from './graph-context'
import { isPermitted, permissionsFor } from './graph-permissions'
import { countGroups, getGroup, listGroupMembers, listGroups } from './groups-endpoints'
import { countUsers, getManager, getUser, listMemberOf, listUsers } from './users-endpoints'

/** The roles and scopes of a verified access token. */
export interface GrantedAccess {
  readonly roles: readonly string[]
  readonly scopes: readonly string[]
}

const DELTA_SEGMENTS = new Set(['delta', 'delta()', 'microsoft.graph.delta', 'microsoft.graph.delta()'])

/** Splits and decodes a path; null when a segment is not valid percent-encoding. */
export function pathSegments(path: string): string[] | null {
  const segments: string[] = []
  for (const raw of path.split('/')) {
    if (raw === '') continue
    try {
      segments.push(decodeURIComponent(raw))
    } catch {
      return null
    }
  }
  return segments
}

/** Answers one request on behalf of a caller holding `access`. */
export function dispatchGraphRequest(context: GraphContext, request: GraphRequest, access: GrantedAccess): GraphResponse {
  const segments = pathSegments(request.path)
  if (segments === null) return failureResponse(segmentNotFound(request.path))
  const [resource, ...rest] = segments
  if (resource === undefined) return serviceRoot(context)
  const accepted = permissionsFor(resource)
  if (accepted === null) return failureResponse(segmentNotFound(resource))
  if (request.method.toUpperCase() !== 'GET') return failureResponse(methodNotAllowed())
  if (!isPermitted(accepted, access.roles, access.scopes)) return failureResponse(insufficientPrivileges())

  const fault = context.faults.decide(`/${segments.join('/')}`)
  if (fault.kind === 'throttle') return failureResponse(tooManyRequests(fault.retryAfterSeconds))
  if (fault.kind === 'unavailable') return failureResponse(serviceUnavailable(fault.retryAfterSeconds))

  switch (resource.toLowerCase()) {
    case 'users':
      return routeUsers(context, request, rest)
    case 'groups':
      return routeGroups(context, request, rest)
    case 'organization':
      if (rest.length === 0) return listOrganization(context, request)
      if (rest.length === 1) return getOrganization(context, request, rest[0] as string)
      return failureResponse(segmentNotFound(rest[1] as string))
    case 'applications':
      if (rest.length === 0) return listApplications(context, request)
      if (rest.length === 1) return getApplication(context, request, rest[0] as string)
      return failureResponse(segmentNotFound(rest[1] as string))
    default:
      return routeServicePrincipals(context, request, rest)
  }
}

function routeUsers(context: GraphContext, request: GraphRequest, rest: readonly string[]): GraphResponse {
  const [key, relation, ...beyond] = rest
  if (key === undefined) return listUsers(context, request)
  if (key === '$count' && relation === undefined) return countUsers(context, request)
  if (DELTA_SEGMENTS.has(key.toLowerCase()) && relation === undefined) return deltaResponse(context, request, 'users')
  if (relation === undefined) return getUser(context, request, key)
  if (beyond.length > 0) return failureResponse(segmentNotFound(beyond[0] as string))
  switch (relation.toLowerCase()) {
    case 'manager':
      return getManager(context, request, key)
    case 'memberof':
      return listMemberOf(context, request, key)
    default:
      return failureResponse(segmentNotFound(relation))
  }
}

function routeGroups(context: GraphContext, request: GraphRequest, rest: readonly string[]): GraphResponse {
  const [key, relation, ...beyond] = rest
  if (key === undefined) return listGroups(context, request)
  if (key === '$count' && relation === undefined) return countGroups(context, request)
  if (DELTA_SEGMENTS.has(key.toLowerCase()) && relation === undefined) return deltaResponse(context, request, 'groups')
  if (relation === undefined) return getGroup(context, request, key)
  switch (relation.toLowerCase()) {
    case 'members':
      return listGroupMembers(context, request, key, 'members', beyond)
    case 'transitivemembers':
      return listGroupMembers(context, request, key, 'transitiveMembers', beyond)
    default:
      return failureResponse(segmentNotFound(relation))
  }
}

function routeServicePrincipals(context: GraphContext, request: GraphRequest, rest: readonly string[]): GraphResponse {
  const [key, relation, ...beyond] = rest
  if (key === undefined) return listServicePrincipals(context, request)
  if (relation === undefined) return getServicePrincipal(context, request, key)
  if (beyond.length > 0) return failureResponse(segmentNotFound(beyond[0] as string))
  if (relation.toLowerCase() === 'approleassignedto') return listAppRoleAssignedTo(context, request, key)
  return failureResponse(segmentNotFound(relation))
}

/** The service document: the entity sets the emulator serves. */
function serviceRoot(context: GraphContext): GraphResponse {
  const sets = ['users', 'groups', 'organization', 'applications', 'servicePrincipals']
  return jsonResponse({
    '@odata.context': `${context.origin}/v1.0/$metadata`,
    value: sets.map((name) => ({ name, kind: 'EntitySet', url: name })),
  })
}
