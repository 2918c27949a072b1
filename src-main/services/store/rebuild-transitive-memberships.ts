/**
 * Materialises every group each user is in through nested groups, from the direct memberships,
 * with the chain of groups that explains it. Scoping ("members of Sales, nested included") and the
 * user detail ("why is she in All Staff?") then read one indexed table instead of walking the
 * nesting on every question. Direct memberships are not repeated here: they are `memberships`.
 *
 * Nesting may contain cycles (a partial or odd directory can have them); a breadth-first walk with
 * a visited set ends on any graph and keeps the shortest path to each ancestor.
 */
import type { Database } from 'better-sqlite3'
import { runSqlSteps, type SqlStep, type SqlValue } from './run-transaction-off-thread'

interface MembershipEdge {
  readonly group_id: string
  readonly member_id: string
}

interface Ancestor {
  readonly groupId: string
  /** Group ids from the starting group (first) to this ancestor (last). */
  readonly path: readonly string[]
}

/** A membership of one group in another (`memberType` group), child first. */
export interface NestingEdge {
  readonly groupId: string
  readonly memberGroupId: string
}

/**
 * Replaces `transitive_memberships` from `memberships`, for every user or only for `userIds` (a
 * delta that changed some users' direct memberships but no group's nesting). Call inside a
 * transaction. Returns rows written.
 */
export function rebuildTransitiveMemberships(connection: Database, options: { readonly userIds?: readonly string[] } = {}): number {
  const edges = (
    connection
      .prepare("SELECT group_id, member_id FROM memberships WHERE member_type = 'group' ORDER BY member_id, group_id")
      .all() as MembershipEdge[]
  ).map((edge) => ({ groupId: edge.group_id, memberGroupId: edge.member_id }))
  const steps = transitiveMembershipSteps(edges, options.userIds)
  const changes = runSqlSteps(connection, steps)
  const insert = steps.findIndex((step) => step.sql.trimStart().startsWith('INSERT INTO transitive_memberships'))
  return insert === -1 ? 0 : (changes[insert] as number)
}

/**
 * The statements that replace `transitive_memberships` (for every user, or only `userIds`) given
 * the group-in-group edges the memberships will hold: the nesting itself is small and is walked
 * here; expanding it to users is one SQL statement, since users × groups is where the volume is
 * (200,000+ rows at 100,000 users). Run them in one transaction, after the memberships and users
 * they read are in place.
 */
export function transitiveMembershipSteps(edges: readonly NestingEdge[], userIds?: readonly string[]): SqlStep[] {
  const only = userIds === undefined ? null : JSON.stringify(userIds)
  const parentsOfGroup = new Map<string, string[]>()
  const sorted = [...edges].sort((left, right) => compare(left.memberGroupId, right.memberGroupId) || compare(left.groupId, right.groupId))
  for (const edge of sorted) {
    const parents = parentsOfGroup.get(edge.memberGroupId)
    if (parents === undefined) parentsOfGroup.set(edge.memberGroupId, [edge.groupId])
    else if (parents.at(-1) !== edge.groupId) parents.push(edge.groupId)
  }
  const clear: SqlStep =
    only === null
      ? { sql: 'DELETE FROM transitive_memberships' }
      : { sql: 'DELETE FROM transitive_memberships WHERE user_id IN (SELECT value FROM json_each(?))', params: [only] }
  if (parentsOfGroup.size === 0) return [clear]
  const ancestors: SqlValue[][] = []
  for (const groupId of parentsOfGroup.keys()) {
    for (const ancestor of walkAncestors(groupId, parentsOfGroup)) {
      ancestors.push([groupId, ancestor.groupId, ancestor.path.length, JSON.stringify(ancestor.path)])
    }
  }
  return [
    clear,
    {
      sql: `CREATE TEMP TABLE group_ancestors (
              group_id TEXT NOT NULL,
              ancestor_id TEXT NOT NULL,
              depth INTEGER NOT NULL,
              path_json TEXT NOT NULL,
              PRIMARY KEY (group_id, ancestor_id)
            ) WITHOUT ROWID`,
    },
    { sql: 'INSERT INTO temp.group_ancestors (group_id, ancestor_id, depth, path_json) VALUES (?, ?, ?, ?)', rows: ancestors },
    // Per user and ancestor the shortest path wins (SQLite returns the bare path_json of the row
    // that holds MIN(depth)). A direct membership of the ancestor hides the nested one. Only
    // users in the cache: a membership can name a user the pull did not return.
    {
      sql: `INSERT INTO transitive_memberships (user_id, group_id, depth, path_json)
            SELECT m.member_id, a.ancestor_id, MIN(a.depth), a.path_json
            FROM memberships m
            JOIN temp.group_ancestors a ON a.group_id = m.group_id
            JOIN users u ON u.id = m.member_id
            WHERE m.member_type = 'user'
              ${only === null ? '' : 'AND m.member_id IN (SELECT value FROM json_each(?))'}
              AND NOT EXISTS (SELECT 1 FROM memberships d WHERE d.group_id = a.ancestor_id AND d.member_id = m.member_id)
            GROUP BY m.member_id, a.ancestor_id
            ORDER BY m.member_id, a.ancestor_id`,
      params: only === null ? [] : [only],
    },
    { sql: 'DROP TABLE temp.group_ancestors' },
  ]
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}

/** Every group that `groupId` is nested in, breadth-first, each with its shortest path. */
function walkAncestors(groupId: string, parentsOfGroup: ReadonlyMap<string, readonly string[]>): Ancestor[] {
  const visited = new Set<string>([groupId])
  const ancestors: Ancestor[] = []
  let frontier: Ancestor[] = [{ groupId, path: [groupId] }]
  while (frontier.length > 0) {
    const next: Ancestor[] = []
    for (const current of frontier) {
      for (const parentId of parentsOfGroup.get(current.groupId) ?? []) {
        if (visited.has(parentId)) continue
        visited.add(parentId)
        const ancestor = { groupId: parentId, path: [...current.path, parentId] }
        ancestors.push(ancestor)
        next.push(ancestor)
      }
    }
    frontier = next
  }
  return ancestors
}
