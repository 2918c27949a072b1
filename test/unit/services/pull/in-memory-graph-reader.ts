/**
 * A GraphReader over arrays, for pull specs that are about the orchestration rather than HTTP.
 * A full round serves the directory in pages of a fixed size (`mem://<resource>/full?page=N`, the
 * last page carrying the deltaLink `mem://<resource>/delta`); a round from that deltaLink serves
 * whatever the test put in `changes`. A hook runs before each page (to cancel or fail mid-pull),
 * and `rejectLink` can refuse a link the way Graph refuses an expired token.
 */
import { AppError } from '../../../../src-main/common/errors'
import type {
  DeltaReadPage,
  GraphReader,
  GroupDeltaItem,
  PulledUser,
  UserDeltaItem,
} from '../../../../src-main/services/graph/graph-reader'
import type { GraphGroup, GraphMemberRef } from '../../../../src-main/services/graph/graph-types'

export interface InMemoryDirectory {
  readonly users: readonly PulledUser[]
  readonly groups: readonly GraphGroup[]
  readonly members: Readonly<Record<string, readonly GraphMemberRef[]>>
}

type Resource = 'users' | 'groups'

export class InMemoryGraphReader implements GraphReader {
  /** Called before each page is handed out; may throw (a remote failure) or abort a controller. */
  beforePage: (resource: Resource, pageIndex: number, link: string | null) => void = () => undefined
  /** Refuses a link with `SyncStateNotFound` (an expired delta token or page token). */
  rejectLink: (link: string) => boolean = () => false
  /** What the next round from a deltaLink reports. */
  changes: { users: UserDeltaItem[]; groups: GroupDeltaItem[] } = { users: [], groups: [] }
  /** Every link a round started from (null: a new full round), in order. */
  readonly startedFrom: (string | null)[] = []
  /** The `$select` of the last new users round. */
  lastSelect: readonly string[] | null = null

  constructor(
    private readonly directory: InMemoryDirectory,
    private readonly pageSize = 2,
  ) {}

  readUserDelta(from: string | null, select: readonly string[], signal?: AbortSignal): AsyncIterable<DeltaReadPage<UserDeltaItem>> {
    if (from === null) this.lastSelect = select
    const full = this.directory.users.map((user): UserDeltaItem => {
      const { manager, ...properties } = user
      return { ...properties, ...(manager ? { 'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: manager.id }] } : {}) }
    })
    return this.pages('users', from, full, this.changes.users, signal)
  }

  readGroupDelta(from: string | null, signal?: AbortSignal): AsyncIterable<DeltaReadPage<GroupDeltaItem>> {
    const full = this.directory.groups.map((group): GroupDeltaItem => {
      const members = this.directory.members[group.id] ?? []
      return { ...group, ...(members.length > 0 ? { 'members@delta': members } : {}) }
    })
    return this.pages('groups', from, full, this.changes.groups, signal)
  }

  countUsers(): Promise<number | null> {
    return Promise.resolve(this.directory.users.length)
  }

  async readMembersOfGroups(
    groupIds: readonly string[],
    onGroup: (groupId: string, members: readonly GraphMemberRef[]) => void,
  ): Promise<void> {
    await Promise.resolve()
    for (const groupId of groupIds) onGroup(groupId, this.directory.members[groupId] ?? [])
  }

  private async *pages<T>(
    resource: Resource,
    from: string | null,
    fullItems: readonly T[],
    changeItems: readonly T[],
    signal: AbortSignal | undefined,
  ): AsyncGenerator<DeltaReadPage<T>> {
    this.startedFrom.push(from)
    if (from !== null && this.rejectLink(from)) {
      throw new AppError({ code: 'SyncStateNotFound', message: 'The delta token is expired.', status: 400 })
    }
    const isChanges = from !== null && (from.endsWith('/delta') || from.includes('/changes'))
    const items = isChanges ? changeItems : fullItems
    const round = isChanges ? 'changes' : 'full'
    const firstPage = from === null || from.endsWith('/delta') ? 0 : Number(new URL(from).searchParams.get('page'))
    const pageCount = Math.max(1, Math.ceil(items.length / this.pageSize))
    for (let index = firstPage; index < pageCount; index += 1) {
      signal?.throwIfAborted()
      const link = index === firstPage ? from : `mem://${resource}/${round}?page=${index}`
      this.beforePage(resource, index, link)
      await Promise.resolve()
      const isLast = index === pageCount - 1
      yield {
        items: items.slice(index * this.pageSize, (index + 1) * this.pageSize),
        pageLink: link,
        nextLink: isLast ? null : `mem://${resource}/${round}?page=${index + 1}`,
        deltaLink: isLast ? `mem://${resource}/delta` : null,
      }
    }
  }
}
