/**
 * `/groups`, `/groups/$count`, `/groups/{id}`, and a group's `members` / `transitiveMembers`
 * (optionally cast to `microsoft.graph.user` or `microsoft.graph.group`, optionally `/$count`).
 * `members` are direct only; `transitiveMembers` is the flattened, de-duplicated set with nested
 * groups listed too (group-list-transitivemembers).
 */
import type { GraphGroup, GraphMemberRef, GraphMemberType } from '../../../services/graph/graph-types'
import { collectionResponse, countResponse } from './collection-response'
import { DIRECTORY_OBJECT_CATALOG, GROUP_CATALOG, USER_CATALOG } from './entity-catalog'
import { contextUrl, memberProjector, projectorFor, selectedProperties } from './entity-projection'
import { failureResponse, jsonResponse, type GraphRequest, type GraphResponse } from './graph-exchange'
import { resourceNotFound, segmentNotFound } from './graph-errors'
import type { GraphContext } from './graph-context'
import type { DirectoryReader } from './directory-state'
import type { DirectoryRecord } from './odata-filter'
import { parseQueryOptions, type QuerySpec } from './odata-query'

const asRecord = (group: GraphGroup): DirectoryRecord => group as unknown as DirectoryRecord
const EMPTY_RECORD: DirectoryRecord = {}

const GROUP_LIST_SPEC: QuerySpec = {
  catalog: GROUP_CATALOG,
  allowed: new Set(['$select', '$filter', '$top', '$count', '$skiptoken']),
}

/** GET /groups */
export function listGroups(context: GraphContext, request: GraphRequest): GraphResponse {
  return collectionResponse(context, request, {
    items: context.reader.groups(),
    spec: GROUP_LIST_SPEC,
    linkPath: '/groups',
    context: (query) => contextUrl(context.origin, 'groups', query.select),
    record: asRecord,
    projector: (query) => {
      const project = projectorFor(selectedProperties(GROUP_CATALOG, query.select))
      return (group) => project(asRecord(group))
    },
  })
}

/** GET /groups/$count */
export function countGroups(context: GraphContext, request: GraphRequest): GraphResponse {
  return countResponse(request, context.reader.groups(), GROUP_LIST_SPEC, asRecord)
}

/** GET /groups/{id} */
export function getGroup(context: GraphContext, request: GraphRequest, id: string): GraphResponse {
  const group = context.reader.findGroup(id)
  if (!group) return failureResponse(resourceNotFound(id))
  const query = parseQueryOptions(request.query, request.headers, { catalog: GROUP_CATALOG, allowed: new Set(['$select']) })
  if (!query.ok) return failureResponse(query.failure)
  return jsonResponse({
    '@odata.context': contextUrl(context.origin, 'groups', query.value.select, '/$entity'),
    ...projectorFor(selectedProperties(GROUP_CATALOG, query.value.select))(asRecord(group)),
  })
}

const CASTS: Readonly<Record<string, { type: GraphMemberType; entitySet: string }>> = {
  'microsoft.graph.user': { type: '#microsoft.graph.user', entitySet: 'users' },
  'microsoft.graph.group': { type: '#microsoft.graph.group', entitySet: 'groups' },
}

function memberRecord(reader: DirectoryReader): (member: GraphMemberRef) => DirectoryRecord {
  return (member) => {
    const object = member['@odata.type'] === '#microsoft.graph.user' ? reader.findUser(member.id) : reader.findGroup(member.id)
    return (object as unknown as DirectoryRecord | undefined) ?? EMPTY_RECORD
  }
}

/**
 * GET /groups/{id}/members and /transitiveMembers, with the optional cast and `/$count` segments in
 * `rest` (already decoded).
 */
export function listGroupMembers(
  context: GraphContext,
  request: GraphRequest,
  id: string,
  relation: 'members' | 'transitiveMembers',
  rest: readonly string[],
): GraphResponse {
  const group = context.reader.findGroup(id)
  if (!group) return failureResponse(resourceNotFound(id))
  let remaining = [...rest]
  const castName = remaining[0]?.toLowerCase()
  const cast = castName === undefined ? undefined : CASTS[castName]
  if (cast) remaining = remaining.slice(1)
  const isCount = remaining[0] === '$count'
  if (isCount) remaining = remaining.slice(1)
  if (remaining.length > 0) return failureResponse(segmentNotFound(remaining[0] as string))

  const all = relation === 'members' ? context.reader.members(id) : context.reader.transitiveMembers(id)
  const items = cast ? all.filter((member) => member['@odata.type'] === cast.type) : all
  const catalog = cast?.type === '#microsoft.graph.user' ? USER_CATALOG : cast ? GROUP_CATALOG : DIRECTORY_OBJECT_CATALOG
  const spec: QuerySpec = { catalog, allowed: new Set(['$select', '$filter', '$top', '$count', '$skiptoken']) }
  const record = memberRecord(context.reader)
  if (isCount) return countResponse(request, items, spec, record)
  const castPath = cast ? `/${castName === 'microsoft.graph.user' ? 'microsoft.graph.user' : 'microsoft.graph.group'}` : ''
  return collectionResponse(context, request, {
    items,
    spec,
    linkPath: `/groups/${encodeURIComponent(id)}/${relation}${castPath}`,
    context: (query) =>
      cast ? contextUrl(context.origin, cast.entitySet, query.select) : `${context.origin}/v1.0/$metadata#directoryObjects`,
    record,
    projector: (query) => memberProjector(context.reader, query.select),
  })
}
