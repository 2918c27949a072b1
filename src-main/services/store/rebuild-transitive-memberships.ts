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

interface TransitiveRow {
  readonly groupId: string
  readonly depth: number
  readonly pathJson: string
}

/** Replaces `transitive_memberships` from `memberships`. Call inside a transaction. Returns rows written. */
export function rebuildTransitiveMemberships(connection: Database): number {
  const parentsOfGroup = new Map<string, string[]>()
  for (const edge of connection
    .prepare("SELECT group_id, member_id FROM memberships WHERE member_type = 'group' ORDER BY member_id, group_id")
    .all() as MembershipEdge[]) {
    const parents = parentsOfGroup.get(edge.member_id)
    if (parents === undefined) parentsOfGroup.set(edge.member_id, [edge.group_id])
    else parents.push(edge.group_id)
  }

  connection.prepare('DELETE FROM transitive_memberships').run()
  if (parentsOfGroup.size === 0) return 0
  const insert = connection.prepare(
    'INSERT INTO transitive_memberships (user_id, group_id, depth, path_json) VALUES (?, ?, ?, ?)',
  )
  // Only users in the cache: a membership can name a user the pull did not return (removed
  // between the two reads), and the foreign key would reject it.
  const userEdges = connection
    .prepare(
      `SELECT m.group_id, m.member_id FROM memberships m JOIN users u ON u.id = m.member_id
       WHERE m.member_type = 'user' ORDER BY m.member_id, m.group_id`,
    )
    .all() as MembershipEdge[]

  const ancestorsOfGroup = new Map<string, readonly Ancestor[]>()
  const ancestorsOf = (groupId: string): readonly Ancestor[] => {
    let ancestors = ancestorsOfGroup.get(groupId)
    if (ancestors === undefined) {
      ancestors = walkAncestors(groupId, parentsOfGroup)
      ancestorsOfGroup.set(groupId, ancestors)
    }
    return ancestors
  }
  // Most users share their set of direct groups with many others (same office, same team), so
  // each distinct set is expanded once.
  const rowsOfDirectSet = new Map<string, readonly TransitiveRow[]>()

  let written = 0
  let index = 0
  while (index < userEdges.length) {
    const userId = userEdges[index]!.member_id
    const directGroups: string[] = []
    while (index < userEdges.length && userEdges[index]!.member_id === userId) {
      directGroups.push(userEdges[index]!.group_id)
      index += 1
    }
    const key = directGroups.join('\n')
    let rows = rowsOfDirectSet.get(key)
    if (rows === undefined) {
      rows = transitiveRows(directGroups, ancestorsOf)
      rowsOfDirectSet.set(key, rows)
    }
    for (const row of rows) insert.run(userId, row.groupId, row.depth, row.pathJson)
    written += rows.length
  }
  return written
}

/** The nested groups reached from a set of direct groups, each by its shortest path. */
function transitiveRows(
  directGroups: readonly string[],
  ancestorsOf: (groupId: string) => readonly Ancestor[],
): TransitiveRow[] {
  const direct = new Set(directGroups)
  const best = new Map<string, readonly string[]>()
  for (const groupId of directGroups) {
    for (const ancestor of ancestorsOf(groupId)) {
      if (direct.has(ancestor.groupId)) continue
      const known = best.get(ancestor.groupId)
      if (known === undefined || known.length > ancestor.path.length) best.set(ancestor.groupId, ancestor.path)
    }
  }
  return [...best].map(([groupId, path]) => ({ groupId, depth: path.length, pathJson: JSON.stringify(path) }))
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
