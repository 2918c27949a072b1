/**
 * Reads the target's /Users and /Groups page by page (RFC 7644 §3.4.2.4: 1-based startIndex,
 * count) into the cache, so planning and review work offline. Groups are read with their members —
 * unlike Entra's group lookups, which exclude them — because the planner compares memberships.
 * The old snapshot is replaced only once both lists were read completely: a failed or cancelled
 * read keeps the previous one.
 */
import type { TargetGroupRecord, TargetUserRecord } from '../../domain/planner/sync-plan'
import type { ProfileDatabase } from '../store/profile-database'
import type { ScimClient, ScimListPage, ScimPageRequest, ScimResource } from './scim-client'
import { scimMalformedFailure } from './scim-failure'
import { replaceTargetSnapshot, type TargetSnapshotState } from './target-snapshot-store'

export interface TargetSnapshotProgress {
  readonly resource: 'users' | 'groups'
  /** Resources read so far of this kind. */
  readonly read: number
  /** What the target says it holds (totalResults). */
  readonly total: number
}

export interface ReadTargetSnapshotOptions {
  readonly database: ProfileDatabase
  readonly client: ScimClient
  /** Page size asked for (default 100); a server may answer with fewer per page. */
  readonly pageSize?: number
  readonly onProgress?: (progress: TargetSnapshotProgress) => void
  /** ISO time of the snapshot. */
  readonly now?: () => Date
}

/** Guards against a server whose paging never ends (a startIndex it ignores). */
const MAX_PAGES = 100_000

async function readAll(
  resource: 'users' | 'groups',
  listPage: (page: ScimPageRequest, signal?: AbortSignal) => Promise<ScimListPage>,
  pageSize: number,
  onProgress: ((progress: TargetSnapshotProgress) => void) | undefined,
  signal?: AbortSignal,
): Promise<ScimResource[]> {
  const all: ScimResource[] = []
  const seen = new Set<string>()
  let startIndex = 1
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    signal?.throwIfAborted()
    const page = await listPage({ startIndex, count: pageSize }, signal)
    for (const item of page.resources) {
      // A resource created or deleted between pages shifts the rest by one; keep each id once.
      if (seen.has(item.id)) continue
      seen.add(item.id)
      all.push(item)
    }
    onProgress?.({ resource, read: all.length, total: page.totalResults })
    if (page.resources.length === 0 || startIndex - 1 + page.resources.length >= page.totalResults) return all
    startIndex += page.resources.length
  }
  throw scimMalformedFailure(`/${resource === 'users' ? 'Users' : 'Groups'} paging did not end`, { summary: `GET /${resource}`, isKnownId: false })
}

function toUserRecord(resource: ScimResource): TargetUserRecord {
  const active = resource.active
  return {
    id: resource.id,
    userName: typeof resource.userName === 'string' ? resource.userName : '',
    externalId: typeof resource.externalId === 'string' ? resource.externalId : null,
    // RFC 7643 gives `active` no default; a target that leaves it out treats users as active. Entra-built targets may answer "False".
    active: active === undefined || active === null ? true : active === true || (typeof active === 'string' && active.toLowerCase() === 'true'),
    resource,
  }
}

function toGroupRecord(resource: ScimResource): TargetGroupRecord {
  const members = Array.isArray(resource.members) ? (resource.members as unknown[]) : []
  return {
    id: resource.id,
    displayName: typeof resource.displayName === 'string' ? resource.displayName : '',
    memberIds: members.flatMap((member) => {
      const value = (member as { value?: unknown } | null)?.value
      return typeof value === 'string' ? [value] : []
    }),
  }
}

/** Reads the target and replaces the cached snapshot; resolves with its state. */
export async function readTargetSnapshot(options: ReadTargetSnapshotOptions, signal?: AbortSignal): Promise<TargetSnapshotState> {
  const pageSize = options.pageSize ?? 100
  const users = await readAll('users', (page, inner) => options.client.listUsers(page, inner), pageSize, options.onProgress, signal)
  const groups = await readAll('groups', (page, inner) => options.client.listGroups(page, inner), pageSize, options.onProgress, signal)
  signal?.throwIfAborted()
  const takenAt = (options.now?.() ?? new Date()).toISOString()
  replaceTargetSnapshot(options.database, { users: users.map(toUserRecord), groups: groups.map(toGroupRecord), takenAt })
  return { takenAt, users: users.length, groups: groups.length }
}
