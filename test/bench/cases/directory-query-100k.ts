/**
 * directory-query-100k: how fast the Directory screen's queries answer on a 100,000-user cache.
 * The cache is written directly from the generated organisation (the same writer the pull uses,
 * without HTTP), then each query shape runs 21 times; the median is reported.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { UserQuery } from '../../../src-main/common/directory'
import { generateOrganisation } from '../../../src-main/demo/organisation/generate-organisation'
import type { PulledUser } from '../../../src-main/services/graph/graph-reader'
import type { GraphMemberRef } from '../../../src-main/services/graph/graph-types'
import { DirectoryStore } from '../../../src-main/services/store/directory-store'
import { DirectoryWriter } from '../../../src-main/services/store/directory-writer'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { figure, median, type BenchCase, type BenchOutcome } from '../bench-case'

const USERS = 100_000
const REPETITIONS = 21
const PAGE = 100

const QUERIES: readonly { readonly metric: string; readonly query: Omit<UserQuery, 'profileId'> }[] = [
  { metric: 'first-page', query: { offset: 0, limit: PAGE } },
  { metric: 'search', query: { search: 'zoe', offset: 0, limit: PAGE } },
  { metric: 'search-two-terms', query: { search: 'sales manager', offset: 0, limit: PAGE } },
  { metric: 'sort-department-desc', query: { offset: 0, limit: PAGE, sortBy: 'department', sortDirection: 'desc' } },
  { metric: 'search-and-sort-job-title', query: { search: 'an', offset: 0, limit: PAGE, sortBy: 'jobTitle' } },
  { metric: 'deep-page-sort-mail', query: { offset: USERS - PAGE, limit: PAGE, sortBy: 'mail' } },
]

export const directoryQuery100k: BenchCase = {
  id: 'directory-query-100k',
  description: 'queryUsers, a page of 100 out of 100,000 users: search, sort, both (median of 21)',
  async run(log): Promise<BenchOutcome> {
    const dataDir = mkdtempSync(join(tmpdir(), 'headcount-bench-query-'))
    const database = openProfileDatabase(dataDir, 'bench')
    try {
      log(`writing a ${USERS}-user cache…`)
      const written = performance.now()
      writeOrganisation(new DirectoryWriter(database))
      const writeMs = performance.now() - written
      const store = new DirectoryStore(database)
      const id = 'directory-query-100k'
      const figures = QUERIES.map(({ metric, query }) => {
        const times: number[] = []
        for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
          const started = performance.now()
          store.queryUsers(query)
          times.push(performance.now() - started)
        }
        return figure(id, metric, median(times), 'ms')
      })
      const getUserTimes = store
        .queryUsers({ offset: 0, limit: REPETITIONS })
        .rows.map((row) => {
          const started = performance.now()
          store.getUser(row.id)
          return performance.now() - started
        })
      figures.push(figure(id, 'get-user', median(getUserTimes), 'ms'))
      const searches = figures.filter((entry) => entry.metric.startsWith('search'))
      return {
        notes: [`cache written in ${Math.round(writeMs)} ms (excluded)`],
        figures,
        targets: [
          { description: 'a page of 100 with a search term well under 100 ms (≤ 50 ms)', isMet: searches.every((entry) => entry.value <= 50) },
        ],
      }
    } finally {
      database.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
}

function writeOrganisation(writer: DirectoryWriter): void {
  const organisation = generateOrganisation({ users: USERS })
  const nameOf = new Map(organisation.users.map(({ user }) => [user.id, user.displayName]))
  writer.startRun('bench')
  for (let start = 0; start < organisation.users.length; start += 999) {
    const page: PulledUser[] = organisation.users.slice(start, start + 999).map(({ user, managerId }) => ({
      ...user,
      manager: managerId === null ? null : { id: managerId, displayName: nameOf.get(managerId) ?? null },
    }))
    writer.writeUsers('bench', page, { resource: 'users', nextLink: null })
  }
  writer.writeGroups('bench', organisation.groups, { resource: 'groups', nextLink: null })
  const membersOf = new Map<string, GraphMemberRef[]>()
  for (const membership of organisation.memberships) {
    const members = membersOf.get(membership.groupId) ?? []
    members.push({ '@odata.type': membership.memberType, id: membership.memberId })
    membersOf.set(membership.groupId, members)
  }
  for (const [groupId, members] of membersOf) writer.writeGroupMembers('bench', groupId, members)
  writer.completeFullPull('bench')
}
