/**
 * The enterprise apps an admin can choose as "the application" of a profile: service principals that
 * sign users in with SAML or that require assignment — the ones whose certificates and assignments
 * the Health screen is about. Service principals of plain APIs and background services (Microsoft
 * Graph, for one) have neither, so they drop out.
 */
import type { GraphGetter } from './graph-getter'
import { readGraphPages } from './read-graph-pages'

export interface EnterpriseAppSummary {
  /** The service principal's object id. */
  readonly id: string
  readonly appId: string
  readonly displayName: string
}

interface ServicePrincipalChoiceFields extends EnterpriseAppSummary {
  readonly preferredSingleSignOnMode: string | null
  readonly appRoleAssignmentRequired: boolean
}

/**
 * Lists them sorted by name, reading every page. Graph's `$filter` on servicePrincipal does not cover
 * both conditions, so the choice is made here over a narrow `$select` (1 RU per page of 999).
 */
export async function listEnterpriseApps(graph: GraphGetter, signal?: AbortSignal): Promise<readonly EnterpriseAppSummary[]> {
  const path = '/servicePrincipals?$select=id,appId,displayName,preferredSingleSignOnMode,appRoleAssignmentRequired&$top=999'
  const chosen: EnterpriseAppSummary[] = []
  for await (const page of readGraphPages<ServicePrincipalChoiceFields>(graph, path, signal)) {
    for (const servicePrincipal of page) {
      if (servicePrincipal.preferredSingleSignOnMode === 'saml' || servicePrincipal.appRoleAssignmentRequired) {
        chosen.push({ id: servicePrincipal.id, appId: servicePrincipal.appId, displayName: servicePrincipal.displayName })
      }
    }
  }
  return chosen.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en', { sensitivity: 'base' }) || a.appId.localeCompare(b.appId))
}
