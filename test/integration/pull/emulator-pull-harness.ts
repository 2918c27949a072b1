/**
 * What the pull integration specs share: the Graph + sign-in emulator over real HTTPS on
 * 127.0.0.1, real msal-node client-credentials tokens, real SQLite caches in a temporary folder,
 * and a comparison of a cache with the emulator's directory as its DirectoryState API tells it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import type { DirectoryState } from '../../../src-main/demo/emulator/graph/directory-state'
import {
  createClientCredentialsTokenProvider,
  type ClientCredentialsTokenProvider,
} from '../../../src-main/services/auth/client-credentials-token-provider'
import { GraphClientReader, type GraphClientReaderOptions } from '../../../src-main/services/graph/graph-client-reader'
import type { FetchFunction } from '../../../src-main/services/net/trusted-fetch'
import type { ProfileDatabase } from '../../../src-main/services/store/profile-database'

export class PullHarness {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'headcount-pull-'))
  private readonly tokenProviders: ClientCredentialsTokenProvider[] = []

  constructor(
    readonly emulator: RunningEmulator,
    readonly fetch: FetchFunction,
  ) {}

  /** A reader signed in as the emulator's confidential client; fast retries unless told otherwise. */
  reader(options: Partial<GraphClientReaderOptions> & { clientSecret?: string } = {}): GraphClientReader {
    const tokenProvider = createClientCredentialsTokenProvider({
      tenantId: this.emulator.tenantId,
      clientId: this.emulator.confidentialClient.clientId,
      credential: { kind: 'secret', clientSecret: options.clientSecret ?? this.emulator.confidentialClient.clientSecret },
      authorityHost: this.emulator.authorityHost,
      caCertificates: [this.emulator.caCertificatePem],
    })
    this.tokenProviders.push(tokenProvider)
    return new GraphClientReader({
      graphBaseUrl: this.emulator.graphBaseUrl,
      tokenProvider,
      fetch: this.fetch,
      retry: { delaySeconds: 0.02, maxRetries: 4 },
      ...options,
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.tokenProviders.map((provider) => provider.close()))
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

/** The directory as a comparable value: sorted lists of plain facts. */
export interface DirectorySnapshot {
  /** `id|userPrincipalName|displayName|department|accountEnabled|softDeleted` */
  readonly users: readonly string[]
  /** `userId>managerId`, for users whose manager is an active user. */
  readonly managers: readonly string[]
  /** `id|displayName` */
  readonly groups: readonly string[]
  /** `groupId<memberId` (direct) */
  readonly memberships: readonly string[]
  /** `groupId<<userId|depth` (nested only, shortest depth) */
  readonly transitive: readonly string[]
}

function userFact(user: { id: string; userPrincipalName: string; displayName: string | null; department: string | null; accountEnabled: boolean | null }, isSoftDeleted: boolean): string {
  return [user.id, user.userPrincipalName, user.displayName, user.department, user.accountEnabled, isSoftDeleted].join('|')
}

/**
 * The emulator's directory. Soft-deleted users are expected only where the cache saw them
 * before they left (`softDeletedIds`: a user created and deleted between two pulls is never seen).
 */
export function emulatorSnapshot(state: DirectoryState, softDeletedIds: ReadonlySet<string>): DirectorySnapshot {
  const users: string[] = []
  const managers: string[] = []
  for (const user of state.users()) {
    users.push(userFact(user, false))
    const manager = state.managerOf(user.id)
    if (manager !== null) managers.push(`${user.id}>${manager.id}`)
  }
  for (const id of softDeletedIds) {
    if (state.userStatus(id) !== 'softDeleted') continue
    // The emulator hides soft-deleted users from reads; their last properties are what the cache keeps.
    users.push(`${id}|soft-deleted`)
  }
  const groups = state.groups().map((group) => `${group.id}|${group.displayName}`)
  const memberships: string[] = []
  const transitive: string[] = []
  for (const group of state.groups()) {
    const direct = state.members(group.id)
    for (const member of direct) memberships.push(`${group.id}<${member.id}`)
    const directIds = new Set(direct.map((member) => member.id))
    const depths = nestedUserDepths(state, group.id)
    for (const [userId, depth] of depths) if (!directIds.has(userId)) transitive.push(`${group.id}<<${userId}|${depth}`)
  }
  return { users: users.sort(), managers: managers.sort(), groups: groups.sort(), memberships: memberships.sort(), transitive: transitive.sort() }
}

/** Users nested in `groupId` through other groups, with the fewest groups on the way (direct = 1). */
function nestedUserDepths(state: DirectoryState, groupId: string): Map<string, number> {
  const depths = new Map<string, number>()
  const visited = new Set([groupId])
  let frontier = [groupId]
  for (let depth = 1; frontier.length > 0; depth += 1) {
    const next: string[] = []
    for (const current of frontier) {
      for (const member of state.members(current)) {
        if (member['@odata.type'] === '#microsoft.graph.user') {
          if (!depths.has(member.id)) depths.set(member.id, depth)
        } else if (!visited.has(member.id)) {
          visited.add(member.id)
          next.push(member.id)
        }
      }
    }
    frontier = next
  }
  return depths
}

/** The same facts read from a profile cache. */
export function cacheSnapshot(database: ProfileDatabase): DirectorySnapshot {
  const connection = database.connection
  const userRows = connection
    .prepare('SELECT id, user_principal_name, display_name, department, account_enabled, is_soft_deleted FROM users')
    .all() as { id: string; user_principal_name: string; display_name: string | null; department: string | null; account_enabled: number | null; is_soft_deleted: number }[]
  const users = userRows.map((row) =>
    row.is_soft_deleted === 1
      ? `${row.id}|soft-deleted`
      : userFact(
          { id: row.id, userPrincipalName: row.user_principal_name, displayName: row.display_name, department: row.department, accountEnabled: row.account_enabled === null ? null : row.account_enabled === 1 },
          false,
        ),
  )
  const managers = (
    connection
      .prepare(
        `SELECT u.id, u.manager_id FROM users u JOIN users m ON m.id = u.manager_id
         WHERE u.is_soft_deleted = 0 AND m.is_soft_deleted = 0`,
      )
      .all() as { id: string; manager_id: string }[]
  ).map((row) => `${row.id}>${row.manager_id}`)
  const groups = (connection.prepare('SELECT id, display_name FROM groups').all() as { id: string; display_name: string }[]).map(
    (row) => `${row.id}|${row.display_name}`,
  )
  // The emulator lists only active members; soft-deleted users' memberships leave via members@delta.
  const memberships = (connection.prepare('SELECT group_id, member_id FROM memberships').all() as { group_id: string; member_id: string }[]).map(
    (row) => `${row.group_id}<${row.member_id}`,
  )
  const transitive = (
    connection.prepare('SELECT group_id, user_id, depth, path_json FROM transitive_memberships').all() as {
      group_id: string
      user_id: string
      depth: number
      path_json: string
    }[]
  ).map((row) => `${row.group_id}<<${row.user_id}|${row.depth}`)
  return { users: users.sort(), managers: managers.sort(), groups: groups.sort(), memberships: memberships.sort(), transitive: transitive.sort() }
}

/**
 * Every nesting path in the cache explains its row: it starts at a group the user is a direct
 * member of, each group is a direct member of the next, it ends at the row's group, and its
 * length is the depth. Returns the rows that break this.
 */
export function brokenNestingPaths(database: ProfileDatabase): string[] {
  const connection = database.connection
  const isMember = connection.prepare('SELECT 1 FROM memberships WHERE group_id = ? AND member_id = ?')
  const rows = connection.prepare('SELECT user_id, group_id, depth, path_json FROM transitive_memberships').all() as {
    user_id: string
    group_id: string
    depth: number
    path_json: string
  }[]
  const broken: string[] = []
  for (const row of rows) {
    const path = JSON.parse(row.path_json) as string[]
    const isValid =
      path.length === row.depth &&
      path.at(-1) === row.group_id &&
      isMember.get(path[0], row.user_id) !== undefined &&
      path.every((groupId, index) => index === 0 || isMember.get(groupId, path[index - 1]) !== undefined)
    if (!isValid) broken.push(`${row.user_id} in ${row.group_id}: ${row.path_json}`)
  }
  return broken
}
