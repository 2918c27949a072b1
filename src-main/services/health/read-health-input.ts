/**
 * Reads from Microsoft Graph what the Health report is built from: the application's enterprise app
 * (service principal) with its credentials, who is assigned to it, and the app registration Headcount
 * signs in with for unattended runs (entra-and-graph.md §6.3). Four small GETs at most, plus one per
 * further page of assignments.
 */
import { AppError } from '../../common/errors'
import type { ApplicationInput, AssignmentCounts, HealthInput, ServicePrincipalInput } from '../../domain/health/health-input'
import type { GraphPage } from '../graph/graph-types'
import type { GraphGetter } from './graph-getter'
import { readGraphPages } from './read-graph-pages'

/** The largest page appRoleAssignedTo serves. */
const PAGE_SIZE = 999

const SERVICE_PRINCIPAL_SELECT = [
  'id',
  'appId',
  'displayName',
  'preferredSingleSignOnMode',
  'preferredTokenSigningKeyThumbprint',
  'keyCredentials',
  'passwordCredentials',
  'appRoleAssignmentRequired',
].join(',')
const APPLICATION_SELECT = ['id', 'appId', 'displayName', 'keyCredentials', 'passwordCredentials'].join(',')

/**
 * Reads the health input.
 * @param appId application (client) id of the enterprise app to check; null when none is chosen.
 * @param clientId client id of the app registration used for unattended runs; null to skip it (an
 *   interactive profile signs in with Headcount's multi-tenant client, which has no app registration
 *   in the tenant). Not found → `appRegistration` is null.
 * Rejects with `NotFound` when no enterprise app has `appId`, and with the getter's AppErrors.
 */
export async function readHealthInput(graph: GraphGetter, appId: string | null, clientId: string | null, signal?: AbortSignal): Promise<HealthInput> {
  const [enterpriseApp, appRegistration] = await Promise.all([
    appId === null ? null : readEnterpriseApp(graph, appId, signal),
    clientId === null ? null : findApplication(graph, clientId, signal),
  ])
  return { enterpriseApp, appRegistration }
}

/** The service principal whose appId is `appId`, or null. */
export async function findServicePrincipal(graph: GraphGetter, appId: string, signal?: AbortSignal): Promise<ServicePrincipalInput | null> {
  const page = await graph.getJson<GraphPage<ServicePrincipalInput>>(`/servicePrincipals?${byAppId(appId)}&$select=${SERVICE_PRINCIPAL_SELECT}`, signal)
  return page.value[0] ?? null
}

/** The app registration whose appId is `clientId`, or null. */
export async function findApplication(graph: GraphGetter, clientId: string, signal?: AbortSignal): Promise<ApplicationInput | null> {
  const page = await graph.getJson<GraphPage<ApplicationInput>>(`/applications?${byAppId(clientId)}&$select=${APPLICATION_SELECT}`, signal)
  return page.value[0] ?? null
}

/** Users and groups assigned to the service principal, counted over every page. */
export async function countAssignments(graph: GraphGetter, servicePrincipalId: string, signal?: AbortSignal): Promise<AssignmentCounts> {
  let users = 0
  let groups = 0
  const path = `/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/appRoleAssignedTo?$select=id,principalType&$top=${PAGE_SIZE}`
  for await (const page of readGraphPages<{ readonly principalType: string }>(graph, path, signal)) {
    for (const assignment of page) {
      // Other service principals can be assigned too (app-to-app); they are neither users nor groups.
      if (assignment.principalType === 'User') users += 1
      else if (assignment.principalType === 'Group') groups += 1
    }
  }
  return { users, groups }
}

async function readEnterpriseApp(graph: GraphGetter, appId: string, signal: AbortSignal | undefined): Promise<HealthInput['enterpriseApp']> {
  const servicePrincipal = await findServicePrincipal(graph, appId, signal)
  if (servicePrincipal === null) {
    throw new AppError({
      code: 'NotFound',
      message: `No enterprise app in this tenant has the application id ${appId}.`,
      hint: "Choose the application's enterprise app again; it may have been deleted or belong to another tenant.",
    })
  }
  return { servicePrincipal: withCredentialLists(servicePrincipal), assignments: await countAssignments(graph, servicePrincipal.id, signal) }
}

/** `$filter=appId eq '…'`, with the OData quote doubled and the expression URL-encoded. */
function byAppId(appId: string): string {
  return `$filter=${encodeURIComponent(`appId eq '${appId.replace(/'/g, "''")}'`)}`
}

/** Graph omits nothing it was asked to `$select`, but a null list must not break the report. */
function withCredentialLists(servicePrincipal: ServicePrincipalInput): ServicePrincipalInput {
  return { ...servicePrincipal, keyCredentials: servicePrincipal.keyCredentials ?? [], passwordCredentials: servicePrincipal.passwordCredentials ?? [] }
}
