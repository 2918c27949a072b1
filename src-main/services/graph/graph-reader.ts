/**
 * The role the pull needs from Microsoft Graph: delta rounds over users and groups, page by page
 * (https://learn.microsoft.com/graph/delta-query-overview), the user count for the progress
 * estimate, and direct members of many groups at once. `GraphClientReader` implements it over
 * HTTP; tests may implement it with data.
 *
 * Remote failures are thrown as `AppError`s (Unauthorized, Forbidden, TooManyRequests,
 * NetworkError, SyncStateNotFound, RemoteError for a malformed page, Cancelled …) carrying
 * Graph's request-id.
 */
import type { GraphGroup, GraphMemberRef, GraphUser } from './graph-types'

/** A user as the cache stores it: the Graph properties and the manager reference. */
export type PulledUser = GraphUser & {
  readonly manager?: { readonly id: string; readonly displayName?: string | null } | null
}

/** An entry of `manager@delta` / `members@delta`; removed references carry `@removed`. */
export interface DeltaReference {
  readonly '@odata.type'?: string
  readonly id: string
  readonly '@removed'?: { readonly reason: string }
}

/** Why an object left: `changed` = soft-deleted (restorable), `deleted` = gone for good. */
export interface DeltaRemoval {
  readonly reason: 'changed' | 'deleted' | (string & {})
}

/** A user in a delta page: new or changed (the selected properties), or removed. */
export type UserDeltaItem = Partial<GraphUser> & {
  readonly id: string
  readonly '@removed'?: DeltaRemoval
  readonly 'manager@delta'?: readonly DeltaReference[]
}

/** A group in a delta page; a large group's `members@delta` may be split over several pages. */
export type GroupDeltaItem = Partial<GraphGroup> & {
  readonly id: string
  readonly '@removed'?: DeltaRemoval
  readonly 'members@delta'?: readonly DeltaReference[]
}

/** One page of a delta round. Exactly one of `nextLink` and `deltaLink` is set. */
export interface DeltaReadPage<T> {
  readonly items: readonly T[]
  /** The link this page was read from (null for the first request of a new round). */
  readonly pageLink: string | null
  /** `@odata.nextLink`: where the round continues; the checkpoint stored with this page. */
  readonly nextLink: string | null
  /** `@odata.deltaLink` on the last page: where the next round starts. */
  readonly deltaLink: string | null
}

export interface GraphReader {
  /**
   * A users delta round: from the start (`from` null: selecting `select` and `manager`), or from a
   * stored deltaLink or nextLink (the query is encoded in the link).
   */
  readUserDelta(from: string | null, select: readonly string[], signal?: AbortSignal): AsyncIterable<DeltaReadPage<UserDeltaItem>>
  /** A groups delta round with `members`, from the start or a stored link. */
  readGroupDelta(from: string | null, signal?: AbortSignal): AsyncIterable<DeltaReadPage<GroupDeltaItem>>
  /** Users in the tenant (`/users/$count`), for the progress estimate; null when unknown. */
  countUsers(signal?: AbortSignal): Promise<number | null>
  /**
   * Direct members of each group, every page of them; `onGroup` is called once per group as it
   * completes (in no particular order).
   */
  readMembersOfGroups(
    groupIds: readonly string[],
    onGroup: (groupId: string, members: readonly GraphMemberRef[]) => void,
    signal?: AbortSignal,
  ): Promise<void>
}
