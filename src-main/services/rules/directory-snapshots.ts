/**
 * Keeps each profile's loaded directory in memory while the cache does not change, so an editor that
 * asks for a preview on every keystroke does not re-read 100,000 users each time. The key is the
 * cache's last succeeded pull run: a finished pull (full or delta) makes the next call reload.
 */
import type { SourceAttributeInfo } from '../../common/rules'
import type { DirectoryUser } from '../../domain/directory/directory-user'
import { sourceAttributeNames } from '../../domain/mapping/source-attributes'
import type { ProfileDatabase } from '../store/profile-database'
import { lastPullRunId, loadDirectorySnapshot, summariseSourceAttributes, type DirectorySnapshot } from './load-directory-users'
import { GRAPH_USER_PROPERTIES } from './rule-attributes'

/** How many users the expression editor's sample shows. */
export const SAMPLE_SIZE = 20

/** A loaded directory and what is derived from it on first use. */
export class LoadedDirectory {
  private attributes: readonly SourceAttributeInfo[] | null = null
  private known: readonly string[] | null = null
  private sampleUsers: readonly DirectoryUser[] | null = null

  constructor(readonly snapshot: DirectorySnapshot) {}

  /** Source attributes with a value for at least one user (see summariseSourceAttributes). */
  get sourceAttributes(): readonly SourceAttributeInfo[] {
    this.attributes ??= summariseSourceAttributes(this.snapshot.users)
    return this.attributes
  }

  /**
   * Names rules may use: attributes seen in the cache, Entra's names, and every Graph user property
   * (a rule may name one the next pull will fetch; see rule-attributes.ts).
   */
  get knownAttributes(): readonly string[] {
    this.known ??= [...new Set([...this.sourceAttributes.map((item) => item.name), ...sourceAttributeNames([]), ...GRAPH_USER_PROPERTIES])].sort()
    return this.known
  }

  /**
   * A fixed sample: the users with the smallest hash of their id. The same cache gives the same users
   * on every call, and the sample is spread over the directory rather than its first page.
   */
  get sample(): readonly DirectoryUser[] {
    this.sampleUsers ??= [...this.snapshot.users]
      .map((user) => ({ user, hash: hashOf(user.id) }))
      .sort((left, right) => left.hash - right.hash || (left.user.id < right.user.id ? -1 : left.user.id > right.user.id ? 1 : 0))
      .slice(0, SAMPLE_SIZE)
      .map(({ user }) => user)
    return this.sampleUsers
  }
}

export class DirectorySnapshots {
  private readonly loaded = new Map<string, LoadedDirectory>()

  constructor(private readonly databaseOf: (profileId: string) => ProfileDatabase) {}

  /** The profile's directory, reloaded when a pull finished since it was loaded. */
  get(profileId: string): LoadedDirectory {
    const database = this.databaseOf(profileId)
    const runId = lastPullRunId(database)
    const cached = this.loaded.get(profileId)
    if (cached !== undefined && cached.snapshot.pullRunId === runId && runId !== null) return cached
    const fresh = new LoadedDirectory(loadDirectorySnapshot(database))
    this.loaded.set(profileId, fresh)
    return fresh
  }

  /** Drops a profile's loaded directory (the profile is closed or deleted). */
  forget(profileId: string): void {
    this.loaded.delete(profileId)
  }
}

/** FNV-1a, 32 bits: a cheap, stable spread of ids. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
