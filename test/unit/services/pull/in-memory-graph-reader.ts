/**
 * A GraphReader over arrays, for pull specs that are about the orchestration rather than HTTP:
 * pages of a fixed size, an optional hook before each page (to cancel or fail mid-pull), and a
 * count of member reads in flight.
 */
import type { GraphReader, PulledUser, ReadPage } from '../../../../src-main/services/graph/graph-reader'
import type { GraphGroup, GraphMemberRef } from '../../../../src-main/services/graph/graph-types'

export interface InMemoryDirectory {
  readonly users: readonly PulledUser[]
  readonly groups: readonly GraphGroup[]
  readonly members: Readonly<Record<string, readonly GraphMemberRef[]>>
}

export class InMemoryGraphReader implements GraphReader {
  /** Called before each page is handed out; may throw (a remote failure) or abort a controller. */
  beforePage: (resource: string, pageIndex: number) => void = () => undefined
  membersInFlight = 0
  maximumMembersInFlight = 0

  constructor(
    private readonly directory: InMemoryDirectory,
    private readonly pageSize = 2,
  ) {}

  readUsers(signal?: AbortSignal): AsyncIterable<ReadPage<PulledUser>> {
    return this.pages('users', this.directory.users, this.directory.users.length, signal)
  }

  readGroups(signal?: AbortSignal): AsyncIterable<ReadPage<GraphGroup>> {
    return this.pages('groups', this.directory.groups, null, signal)
  }

  async *readGroupMembers(groupId: string, signal?: AbortSignal): AsyncIterable<ReadPage<GraphMemberRef>> {
    this.membersInFlight += 1
    this.maximumMembersInFlight = Math.max(this.maximumMembersInFlight, this.membersInFlight)
    try {
      // A real read takes a moment; yielding lets the other workers start theirs.
      await new Promise((resolve) => setTimeout(resolve, 1))
      yield* this.pages(`members:${groupId}`, this.directory.members[groupId] ?? [], null, signal)
    } finally {
      this.membersInFlight -= 1
    }
  }

  private async *pages<T>(
    resource: string,
    items: readonly T[],
    totalCount: number | null,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ReadPage<T>> {
    const pageCount = Math.max(1, Math.ceil(items.length / this.pageSize))
    for (let index = 0; index < pageCount; index += 1) {
      signal?.throwIfAborted()
      this.beforePage(resource, index)
      await Promise.resolve()
      const isLast = index === pageCount - 1
      yield {
        items: items.slice(index * this.pageSize, (index + 1) * this.pageSize),
        totalCount: index === 0 ? totalCount : null,
        pageLink: index === 0 ? null : `${resource}?page=${index}`,
        nextLink: isLast ? null : `${resource}?page=${index + 1}`,
      }
    }
  }
}
