/**
 * The role the pull needs from Microsoft Graph: read users, groups and direct group members, page
 * by page. `GraphClientReader` implements it over the Graph SDK; tests may implement it with data.
 *
 * Remote failures are thrown as `AppError`s (Unauthorized, Forbidden, TooManyRequests,
 * NetworkError, Cancelled …) carrying Graph's request-id.
 */
import type { GraphGroup, GraphMemberRef, GraphUser } from './graph-types'

/** A user as read with `$expand=manager($select=id,displayName)`. */
export type PulledUser = GraphUser & {
  readonly manager?: { readonly id: string; readonly displayName?: string | null } | null
}

/** One page of a Graph collection, as the reader hands it on. */
export interface ReadPage<T> {
  readonly items: readonly T[]
  /** `@odata.count` of the first page (with `ConsistencyLevel: eventual`), else null. */
  readonly totalCount: number | null
  /** The link this page was read from, or null for the first page: the checkpoint to resume at. */
  readonly pageLink: string | null
  /** `@odata.nextLink`, or null on the last page. */
  readonly nextLink: string | null
}

export interface GraphReader {
  /** Every user with the properties Headcount caches and their manager, 999 per page. */
  readUsers(signal?: AbortSignal): AsyncIterable<ReadPage<PulledUser>>
  /** Every group, 999 per page. */
  readGroups(signal?: AbortSignal): AsyncIterable<ReadPage<GraphGroup>>
  /** Direct members (users, groups, other objects) of one group, 999 per page. */
  readGroupMembers(groupId: string, signal?: AbortSignal): AsyncIterable<ReadPage<GraphMemberRef>>
}
