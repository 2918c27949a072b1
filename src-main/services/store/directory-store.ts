/**
 * The read side of the cache: what the Directory screens ask of it. Works offline on whatever the
 * last pull left, and answers a page of 100 users out of 100,000 in a few milliseconds.
 */
import type { Statement } from 'better-sqlite3'
import type {
  DirectorySummary,
  ManagerLink,
  UserDetail,
  UserGroupMembership,
  UserPage,
  UserQuery,
  UserRow,
} from '../../common/directory'
import { searchTerms } from './fold-search-text'
import type { ProfileDatabase } from './profile-database'
import { USER_SQL_COLUMNS, userRowFromSql, userRowSelect, type UserSqlRecord } from './user-sql-columns'

interface ManagerLinkRecord {
  readonly id: string
  readonly display_name: string | null
  readonly job_title: string | null
  readonly manager_id: string | null
}

interface GroupMembershipRecord {
  readonly group_id: string
  readonly display_name: string
  readonly depth: number
  readonly path_json: string
}

export class DirectoryStore {
  private readonly connection
  private readonly statements = new Map<string, Statement>()

  constructor(database: ProfileDatabase) {
    this.connection = database.connection
  }

  /**
   * One page of users. Every whitespace-separated search term must occur (case- and
   * diacritic-insensitively) in the user's name, UPN, mail, department or title. Sorting puts
   * empty values last in both directions and breaks ties by id, so paging is stable.
   */
  queryUsers(query: Omit<UserQuery, 'profileId'>): UserPage {
    const patterns = searchTerms(query.search).map(likePattern)
    const sortColumn = USER_SQL_COLUMNS[query.sortBy ?? 'displayName']
    const direction = query.sortDirection === 'desc' ? 'DESC' : 'ASC'
    const orderBy = (alias: string) =>
      `ORDER BY ${alias}${sortColumn} IS NULL, ${alias}${sortColumn} COLLATE NOCASE ${direction}, ${alias}id ${direction}`
    const where =
      patterns.length === 0 ? '' : `WHERE ${patterns.map(() => "search_text LIKE ? ESCAPE '\\'").join(' AND ')}`
    // The page is chosen over (sort key, rowid) only and the 100 whole rows are read after, so a
    // deep offset sorts narrow records. With a search the count rides along the page: one scan of
    // the table instead of two. A term's % and _ are escaped so they match themselves.
    const isSearch = patterns.length > 0
    const records = this.statement(
      `WITH page AS (
         SELECT rowid AS row_id${isSearch ? ', COUNT(*) OVER () AS total' : ''}
         FROM users ${where} ${orderBy('')} LIMIT ? OFFSET ?)
       SELECT ${userRowSelect('u')}${isSearch ? ', page.total' : ''}
       FROM page JOIN users u ON u.rowid = page.row_id ${orderBy('u.')}`,
    ).all(...patterns, query.limit, query.offset) as (UserSqlRecord & { total?: number })[]
    const total =
      records[0]?.total ??
      (this.statement(`SELECT COUNT(*) AS total FROM users ${where}`).get(...patterns) as { total: number }).total
    return { total, offset: query.offset, rows: records.map(userRowFromSql) }
  }

  /** Everything the user detail panel shows, or null when the user is not in the cache. */
  getUser(userId: string): UserDetail | null {
    const record = this.statement(`SELECT ${userRowSelect()} FROM users WHERE id = ?`).get(userId) as
      | UserSqlRecord
      | undefined
    if (record === undefined) return null
    const row = userRowFromSql(record)
    return {
      row,
      attributes: this.attributesOf(userId),
      managerChain: this.managerChainOf(row),
      directReports: this.directReportsOf(userId),
      groups: this.groupsOf(userId),
    }
  }

  summary(): DirectorySummary {
    const counts = this.statement(
      `SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM groups) AS groups,
              (SELECT COUNT(*) FROM memberships) AS memberships,
              (SELECT MAX(finished_at) FROM pull_runs WHERE outcome = 'succeeded') AS last_pull_at`,
    ).get() as { users: number; groups: number; memberships: number; last_pull_at: string | null }
    return {
      userCount: counts.users,
      groupCount: counts.groups,
      membershipCount: counts.memberships,
      lastPullAt: counts.last_pull_at,
    }
  }

  /** Every Graph property as pulled, sorted by name so the panel reads the same every time. */
  private attributesOf(userId: string): UserDetail['attributes'] {
    const document = this.statement(
      'SELECT d.graph_json FROM users u JOIN user_documents d ON d.id = u.document_id WHERE u.id = ?',
    ).get(userId) as
      | { graph_json: string }
      | undefined
    if (document === undefined) return []
    const properties = JSON.parse(document.graph_json) as Record<string, unknown>
    return Object.keys(properties)
      .sort((left, right) => left.localeCompare(right, 'en'))
      .map((name) => ({ name, value: properties[name] }))
  }

  /**
   * From the direct manager to the top. A manager loop (A manages B manages A) is possible in
   * Entra data; the walk stops at the first person already on the chain.
   */
  private managerChainOf(row: UserRow): ManagerLink[] {
    const lookup = this.statement('SELECT id, display_name, job_title, manager_id FROM users WHERE id = ?')
    const chain: ManagerLink[] = []
    const seen = new Set<string>([row.id])
    let nextId = row.managerId
    while (nextId !== null && !seen.has(nextId)) {
      seen.add(nextId)
      const manager = lookup.get(nextId) as ManagerLinkRecord | undefined
      if (manager === undefined) {
        // The manager is outside the cache (not pulled, or deleted): show the link we know of.
        chain.push({ id: nextId, displayName: chain.length === 0 ? row.managerDisplayName : null, jobTitle: null })
        break
      }
      chain.push(managerLink(manager))
      nextId = manager.manager_id
    }
    return chain
  }

  private directReportsOf(userId: string): ManagerLink[] {
    const reports = this.statement(
      `SELECT id, display_name, job_title, manager_id FROM users WHERE manager_id = ?
       ORDER BY display_name IS NULL, display_name COLLATE NOCASE, id`,
    ).all(userId) as ManagerLinkRecord[]
    return reports.map(managerLink)
  }

  /**
   * Direct groups come from the memberships, nested ones from what the last completed pull
   * materialised. Paths are stored as ids and named here, so a
   * renamed group shows its current name.
   */
  private groupsOf(userId: string): UserGroupMembership[] {
    const direct = this.statement(
      `SELECT m.group_id, g.display_name, 1 AS depth, json_array(m.group_id) AS path_json
       FROM memberships m JOIN groups g ON g.id = m.group_id
       WHERE m.member_id = ? AND m.member_type = 'user'
       ORDER BY g.display_name COLLATE NOCASE, g.id`,
    ).all(userId) as GroupMembershipRecord[]
    const nested = this.statement(
      `SELECT c.group_id, g.display_name, c.depth, c.path_json
       FROM transitive_memberships c JOIN groups g ON g.id = c.group_id
       WHERE c.user_id = ?
       ORDER BY c.depth, g.display_name COLLATE NOCASE, g.id`,
    ).all(userId) as GroupMembershipRecord[]
    const pathGroupIds = new Set<string>()
    const parsedPaths = nested.map((record) => JSON.parse(record.path_json) as string[])
    for (const path of parsedPaths) for (const groupId of path) pathGroupIds.add(groupId)
    const names = this.groupNames([...pathGroupIds])
    return [
      ...direct.map((record) => ({
        groupId: record.group_id,
        displayName: record.display_name,
        kind: 'direct' as const,
        path: [record.display_name],
      })),
      ...nested.map((record, index) => ({
        groupId: record.group_id,
        displayName: record.display_name,
        kind: 'transitive' as const,
        path: (parsedPaths[index] ?? []).map((groupId) => names.get(groupId) ?? groupId),
      })),
    ]
  }

  private groupNames(groupIds: readonly string[]): Map<string, string> {
    const names = new Map<string, string>()
    if (groupIds.length === 0) return names
    const records = this.statement('SELECT id, display_name FROM groups WHERE id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(groupIds),
    ) as { id: string; display_name: string }[]
    for (const record of records) names.set(record.id, record.display_name)
    return names
  }

  /** Prepared statements are cached by their text: the query shapes are few (terms × sort). */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (statement === undefined) {
      statement = this.connection.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }
}

/** `%term%` with LIKE's own wildcards and the escape character taken literally. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

function managerLink(record: ManagerLinkRecord): ManagerLink {
  return { id: record.id, displayName: record.display_name, jobTitle: record.job_title }
}

