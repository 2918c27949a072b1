/**
 * `/organization`, `/applications`, `/servicePrincipals` and
 * `/servicePrincipals/{id}/appRoleAssignedTo`: what Headcount reads for tenant details,
 * credential expiry (keyCredentials, passwordCredentials, preferredTokenSigningKeyThumbprint) and
 * who is assigned to the application.
 */
import { collectionResponse } from './collection-response'
import {
  APPLICATION_CATALOG,
  APP_ROLE_ASSIGNMENT_CATALOG,
  ORGANIZATION_CATALOG,
  SERVICE_PRINCIPAL_CATALOG,
  type EntityCatalog,
} from './entity-catalog'
import { contextUrl, projectorFor, selectedProperties } from './entity-projection'
import { failureResponse, jsonResponse, type GraphRequest, type GraphResponse } from './graph-exchange'
import { resourceNotFound } from './graph-errors'
import type { GraphContext } from './graph-context'
import type { DirectoryRecord } from './odata-filter'
import { parseQueryOptions } from './odata-query'
import { compareIds } from './sorted-page'

const LIST_OPTIONS = new Set(['$select', '$filter', '$top', '$count', '$skiptoken'] as const)

function entityResponse(
  context: GraphContext,
  request: GraphRequest,
  catalog: EntityCatalog,
  entitySet: string,
  record: DirectoryRecord | undefined,
  id: string,
): GraphResponse {
  if (!record) return failureResponse(resourceNotFound(id))
  const query = parseQueryOptions(request.query, request.headers, { catalog, allowed: new Set(['$select']) })
  if (!query.ok) return failureResponse(query.failure)
  return jsonResponse({
    '@odata.context': contextUrl(context.origin, entitySet, query.value.select, '/$entity'),
    ...projectorFor(selectedProperties(catalog, query.value.select))(record),
  })
}

function listOf(
  context: GraphContext,
  request: GraphRequest,
  catalog: EntityCatalog,
  entitySet: string,
  items: readonly DirectoryRecord[],
  linkPath: string,
  contextOverride?: string,
): GraphResponse {
  return collectionResponse(context, request, {
    items: items as readonly (DirectoryRecord & { id: string })[],
    spec: { catalog, allowed: LIST_OPTIONS },
    linkPath,
    context: (query) => contextOverride ?? contextUrl(context.origin, entitySet, query.select),
    record: (item) => item,
    projector: (query) => projectorFor(selectedProperties(catalog, query.select)),
  })
}

/** GET /organization (a one-item collection) */
export function listOrganization(context: GraphContext, request: GraphRequest): GraphResponse {
  const organization = context.reader.organization as unknown as DirectoryRecord
  return listOf(context, request, ORGANIZATION_CATALOG, 'organization', [organization], '/organization')
}

/** GET /organization/{id} */
export function getOrganization(context: GraphContext, request: GraphRequest, id: string): GraphResponse {
  const organization = context.reader.organization
  const record = organization.id === id ? (organization as unknown as DirectoryRecord) : undefined
  return entityResponse(context, request, ORGANIZATION_CATALOG, 'organization', record, id)
}

/** GET /applications */
export function listApplications(context: GraphContext, request: GraphRequest): GraphResponse {
  const items = context.reader.applications() as unknown as readonly DirectoryRecord[]
  return listOf(context, request, APPLICATION_CATALOG, 'applications', items, '/applications')
}

/** GET /applications/{id} */
export function getApplication(context: GraphContext, request: GraphRequest, id: string): GraphResponse {
  const application = context.reader.applications().find((candidate) => candidate.id === id)
  return entityResponse(context, request, APPLICATION_CATALOG, 'applications', application as DirectoryRecord | undefined, id)
}

/** GET /servicePrincipals */
export function listServicePrincipals(context: GraphContext, request: GraphRequest): GraphResponse {
  return listOf(context, request, SERVICE_PRINCIPAL_CATALOG, 'servicePrincipals', context.reader.servicePrincipals(), '/servicePrincipals')
}

/** GET /servicePrincipals/{id} */
export function getServicePrincipal(context: GraphContext, request: GraphRequest, id: string): GraphResponse {
  const record = context.reader.findServicePrincipal(id)
  return entityResponse(context, request, SERVICE_PRINCIPAL_CATALOG, 'servicePrincipals', record, id)
}

/** GET /servicePrincipals/{id}/appRoleAssignedTo */
export function listAppRoleAssignedTo(context: GraphContext, request: GraphRequest, id: string): GraphResponse {
  if (!context.reader.findServicePrincipal(id)) return failureResponse(resourceNotFound(id))
  const items = [...context.reader.appRoleAssignedTo(id)].sort((a, b) => compareIds(a.id, b.id))
  return listOf(
    context,
    request,
    APP_ROLE_ASSIGNMENT_CATALOG,
    'appRoleAssignments',
    items as unknown as readonly DirectoryRecord[],
    `/servicePrincipals/${encodeURIComponent(id)}/appRoleAssignedTo`,
    `${context.origin}/v1.0/$metadata#servicePrincipals('${id}')/appRoleAssignedTo`,
  )
}
