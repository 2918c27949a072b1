/**
 * Reads who is assigned to the profile's enterprise app, for the scope "Sync only assigned users and
 * groups" (reference/entra-and-graph.md §3.1): the service principal of the chosen application id,
 * then every page of `GET /servicePrincipals/{id}/appRoleAssignedTo`
 * (serviceprincipal-list-approleassignedto; least privilege Application.Read.All).
 *
 * Expected failures — most often a 403 because the app registration lacks Application.Read.All —
 * are returned as values: the pull goes on without them and keeps the assignments it had.
 */
import { AppError } from '../../common/errors'
import { findServicePrincipal } from '../health/read-health-input'
import type { GraphGetter } from '../health/graph-getter'
import { readGraphPages } from '../health/read-graph-pages'
import type { AppAssignment } from '../store/app-assignments-store'

/** The largest page appRoleAssignedTo serves. */
const PAGE_SIZE = 999

/** What the pull needs to read assignments: a Graph getter signed in as the profile, and the chosen app. */
export interface AppAssignmentsRequest {
  readonly graph: GraphGetter
  /** Application (client) id of the enterprise app (ProfileRecord.enterpriseAppId). */
  readonly enterpriseAppId: string
}

export type AppAssignmentsFetch =
  | { readonly kind: 'read'; readonly servicePrincipalId: string; readonly assignments: readonly AppAssignment[] }
  | { readonly kind: 'unreadable'; readonly error: AppError }

/**
 * Reads the assignments. Users and groups only: other service principals can be assigned too
 * (app-to-app), and they are nobody to provision. Resolves with `unreadable` for any AppError the
 * getter raises (Forbidden, NotFound, TooManyRequests, Cancelled …) and for an unknown app id.
 */
export async function fetchAppAssignments(request: AppAssignmentsRequest, signal?: AbortSignal): Promise<AppAssignmentsFetch> {
  try {
    const servicePrincipal = await findServicePrincipal(request.graph, request.enterpriseAppId, signal)
    if (servicePrincipal === null) {
      return {
        kind: 'unreadable',
        error: new AppError({
          code: 'NotFound',
          message: `No enterprise app in this tenant has the application id ${request.enterpriseAppId}.`,
          hint: "Choose the application's enterprise app again in Health; it may have been deleted or belong to another tenant.",
        }),
      }
    }
    const assignments: AppAssignment[] = []
    const path = `/servicePrincipals/${encodeURIComponent(servicePrincipal.id)}/appRoleAssignedTo?$select=id,principalId,principalType,principalDisplayName&$top=${PAGE_SIZE}`
    type Row = { readonly principalId?: unknown; readonly principalType?: unknown; readonly principalDisplayName?: unknown }
    for await (const page of readGraphPages<Row>(request.graph, path, signal)) {
      for (const row of page) {
        if (typeof row.principalId !== 'string' || (row.principalType !== 'User' && row.principalType !== 'Group')) continue
        assignments.push({
          principalId: row.principalId,
          principalType: row.principalType,
          displayName: typeof row.principalDisplayName === 'string' ? row.principalDisplayName : null,
        })
      }
    }
    return { kind: 'read', servicePrincipalId: servicePrincipal.id, assignments }
  } catch (error) {
    if (error instanceof AppError) return { kind: 'unreadable', error }
    throw error
  }
}

/**
 * The pull note for assignments that could not be read, in plain words: what failed, and what scope
 * "assigned users and groups only" will do about it (keep the earlier set, or find nobody).
 */
export function describeUnreadableAssignments(error: AppError, previousReadAt: string | null): string {
  const cause = error.message.replace(/\.?$/, '.')
  const consequence =
    previousReadAt === null
      ? "Until they can be read, scope 'assigned users and groups only' will find nobody."
      : `Scope 'assigned users and groups only' keeps using the assignments read on ${previousReadAt.slice(0, 16).replace('T', ' ')} UTC.`
  // A Forbidden message already names the missing permission (toGraphAppError).
  return `Assignments could not be read: ${cause} ${consequence}`
}
