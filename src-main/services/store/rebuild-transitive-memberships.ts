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

interface MembershipEdge {
  readonly group_id: string
  readonly member_id: string
}

interface Ancestor {
  readonly groupId: string
  /** Group ids from the starting group (first) to this ancestor (last). */
  readonly path: readonly string[]
}

/**
 * Replaces `transitive_memberships` from `memberships`, for every user or only for `userIds` (a
 * delta that changed some users' direct memberships but no group's nesting). Call inside a
 * transaction. Returns rows written.
 *
 * The nesting itself is small (groups in groups) and is walked here; expanding it to users is one
 * SQL statement, since users × groups is where the volume is (200,000+ rows at 100,000 users).
 */
export function rebuildTransitiveMemberships(connection: Database, options: { readonly userIds?: readonly string[] } = {}): number {
  const only = options.userIds === undefined ? null : JSON.stringify(options.userIds)
  const parentsOfGroup = new Map<string, string[]>()
  for (const edge of connection
    .prepare("SELECT group_id, member_id FROM memberships WHERE member_type = 'group' ORDER BY member_id, group_id")
    .all() as MembershipEdge[]) {
    const parents = parentsOfGroup.get(edge.member_id)
    if (parents === undefined) parentsOfGroup.set(edge.member_id, [edge.group_id])
    else parents.push(edge.group_id)
  }
  if (only === null) connection.prepare('DELETE FROM transitive_memberships').run()
  else connection.prepare('DELETE FROM transitive_memberships WHERE user_id IN (SELECT value FROM json_each(?))').run(only)
  if (parentsOfGroup.size === 0) return 0

  connection.exec(`
    CREATE TEMP TABLE group_ancestors (
      group_id TEXT NOT NULL,
      ancestor_id TEXT NOT NULL,
      depth INTEGER NOT NULL,
      path_json TEXT NOT NULL,
      PRIMARY KEY (group_id, ancestor_id)
    ) WITHOUT ROWID
  `)
  try {
    const insertAncestor = connection.prepare(
      'INSERT INTO temp.group_ancestors (group_id, ancestor_id, depth, path_json) VALUES (?, ?, ?, ?)',
    )
    for (const groupId of parentsOfGroup.keys()) {
      for (const ancestor of walkAncestors(groupId, parentsOfGroup)) {
        insertAncestor.run(groupId, ancestor.groupId, ancestor.path.length, JSON.stringify(ancestor.path))
      }
    }
    // Per user and ancestor the shortest path wins (SQLite returns the bare path_json of the row
    // that holds MIN(depth)). A direct membership of the ancestor hides the nested one. Only
    // users in the cache: a membership can name a user the pull did not return.
    return connection
      .prepare(
        `INSERT INTO transitive_memberships (user_id, group_id, depth, path_json)
         SELECT m.member_id, a.ancestor_id, MIN(a.depth), a.path_json
         FROM memberships m
         JOIN temp.group_ancestors a ON a.group_id = m.group_id
         JOIN users u ON u.id = m.member_id
         WHERE m.member_type = 'user'
           ${only === null ? '' : 'AND m.member_id IN (SELECT value FROM json_each(?))'}
           AND NOT EXISTS (SELECT 1 FROM memberships d WHERE d.group_id = a.ancestor_id AND d.member_id = m.member_id)
         GROUP BY m.member_id, a.ancestor_id
         ORDER BY m.member_id, a.ancestor_id`,
      )
      .run(...(only === null ? [] : [only])).changes
  } finally {
    connection.exec('DROP TABLE temp.group_ancestors')
  }
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
