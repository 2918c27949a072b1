/**
 * `/users`, `/users/$count`, `/users/{id | userPrincipalName}`, `/users/{id}/manager` and
 * `/users/{id}/memberOf`, following the v1.0 user-list, user-get and user-list-manager pages.
 */
import type { GraphGroup, GraphUser } from '../../../services/graph/graph-types'
import { collectionResponse, countResponse } from './collection-response'
import { GROUP_CATALOG, USER_CATALOG } from './entity-catalog'
import { contextUrl, projectorFor, selectedProperties, userProjector } from './entity-projection'
import { failureResponse, jsonResponse, type GraphRequest, type GraphResponse } from './graph-exchange'
import { resourceNotFound } from './graph-errors'
import type { GraphContext } from './graph-context'
import type { DirectoryRecord } from './odata-filter'
import { parseQueryOptions, type QuerySpec } from './odata-query'

const asRecord = (object: GraphUser | GraphGroup): DirectoryRecord => object as unknown as DirectoryRecord

export const USER_LIST_SPEC: QuerySpec = {
  catalog: USER_CATALOG,
  managerCatalog: USER_CATALOG,
  allowed: new Set(['$select', '$filter', '$top', '$count', '$expand', '$skiptoken']),
}

const USER_ENTITY_SPEC: QuerySpec = {
  catalog: USER_CATALOG,
  managerCatalog: USER_CATALOG,
  allowed: new Set(['$select', '$expand']),
}

/** GET /users */
export function listUsers(context: GraphContext, request: GraphRequest): GraphResponse {
  return collectionResponse(context, request, {
    items: context.reader.users(),
    spec: USER_LIST_SPEC,
    linkPath: '/users',
    context: (query) => contextUrl(context.origin, 'users', query.select),
    record: asRecord,
    projector: (query) => {
      const project = userProjector(context.reader, query.select, query.expandManager)
      return (user) => project(asRecord(user))
    },
  })
}

/** GET /users/$count */
export function countUsers(context: GraphContext, request: GraphRequest): GraphResponse {
  return countResponse(request, context.reader.users(), USER_LIST_SPEC, asRecord)
}

/** GET /users/{id | userPrincipalName} */
export function getUser(context: GraphContext, request: GraphRequest, key: string): GraphResponse {
  const user = context.reader.findUser(key)
  if (!user) return failureResponse(resourceNotFound(key))
  const query = parseQueryOptions(request.query, request.headers, USER_ENTITY_SPEC)
  if (!query.ok) return failureResponse(query.failure)
  const project = userProjector(context.reader, query.value.select, query.value.expandManager)
  return jsonResponse({
    '@odata.context': contextUrl(context.origin, 'users', query.value.select, '/$entity'),
    ...project(asRecord(user)),
  })
}

/** GET /users/{id}/manager: 404 when the user has none, like Graph. */
export function getManager(context: GraphContext, request: GraphRequest, key: string): GraphResponse {
  const user = context.reader.findUser(key)
  if (!user) return failureResponse(resourceNotFound(key))
  const query = parseQueryOptions(request.query, request.headers, { catalog: USER_CATALOG, allowed: new Set(['$select']) })
  if (!query.ok) return failureResponse(query.failure)
  const manager = context.reader.managerOf(user.id)
  if (!manager) return failureResponse(resourceNotFound('manager'))
  const properties =
    query.value.select === null ? [...USER_CATALOG.properties.values()] : selectedProperties(USER_CATALOG, query.value.select)
  return jsonResponse({
    '@odata.context': `${context.origin}/v1.0/$metadata#directoryObjects/$entity`,
    ...projectorFor(properties, '#microsoft.graph.user')(asRecord(manager)),
  })
}

/** GET /users/{id}/memberOf: direct group memberships. */
export function listMemberOf(context: GraphContext, request: GraphRequest, key: string): GraphResponse {
  const user = context.reader.findUser(key)
  if (!user) return failureResponse(resourceNotFound(key))
  return collectionResponse(context, request, {
    items: context.reader.memberOf(user.id),
    spec: { catalog: GROUP_CATALOG, allowed: new Set(['$select', '$filter', '$top', '$count', '$skiptoken']) },
    linkPath: `/users/${encodeURIComponent(user.id)}/memberOf`,
    context: () => `${context.origin}/v1.0/$metadata#directoryObjects`,
    record: asRecord,
    projector: (query) => {
      const project = projectorFor(selectedProperties(GROUP_CATALOG, query.select), '#microsoft.graph.group')
      return (group) => project(asRecord(group))
    },
  })
}
