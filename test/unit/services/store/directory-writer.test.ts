import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DirectoryStore } from '../../../../src-main/services/store/directory-store'
import { DirectoryWriter, groupKind } from '../../../../src-main/services/store/directory-writer'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { groupMember, makeGroup, makeUser, pullInto, temporaryDataDir, userMember } from './directory-fixtures'

let dataDir: ReturnType<typeof temporaryDataDir>
let database: ProfileDatabase
let writer: DirectoryWriter
let store: DirectoryStore

beforeEach(() => {
  dataDir = temporaryDataDir()
  database = openProfileDatabase(dataDir.path, 'test')
  writer = new DirectoryWriter(database)
  store = new DirectoryStore(database)
})
afterEach(() => {
  database.close()
  dataDir.remove()
})

const alice = makeUser({ id: 'u-alice', displayName: 'Alice' })
const bob = makeUser({ id: 'u-bob', displayName: 'Bob' })
const carol = makeUser({ id: 'u-carol', displayName: 'Carol' })
const sales = makeGroup('g-sales', 'Sales')
const support = makeGroup('g-support', 'Support')

function displayNames(): (string | null)[] {
  return store.queryUsers({ offset: 0, limit: 100 }).rows.map((row) => row.displayName)
}

function runRow(runId: string): Record<string, unknown> | undefined {
  return database.connection.prepare('SELECT * FROM pull_runs WHERE id = ?').get(runId) as Record<string, unknown> | undefined
}

function stagedCount(): number {
  return (
    database.connection
      .prepare(
        `SELECT (SELECT COUNT(*) FROM staged_users) + (SELECT COUNT(*) FROM staged_groups)
              + (SELECT COUNT(*) FROM staged_memberships) AS staged`,
      )
      .get() as { staged: number }
  ).staged
}

describe('DirectoryWriter', () => {
  it('replaces the directory when a full pull completes: users, groups and members it did not see are gone', () => {
    pullInto(writer, { users: [alice, bob], groups: [sales, support], members: { 'g-sales': [userMember('u-bob')] } }, 'run-1')
    pullInto(writer, { users: [alice, carol], groups: [support], members: {} }, 'run-2')
    expect(displayNames()).toEqual(['Alice', 'Carol'])
    expect(store.summary()).toMatchObject({ userCount: 2, groupCount: 1, membershipCount: 0 })
    expect(store.getUser('u-bob')).toBeNull()
  })

  it('returns what the cache holds after the merge, with duplicates across pages merged', () => {
    writer.startRun('run-1')
    writer.writeUsers('run-1', [alice, bob], { resource: 'users', nextLink: 'next' })
    writer.writeUsers('run-1', [{ ...bob, displayName: 'Bob Later' }], { resource: 'users', nextLink: null })
    writer.writeGroups('run-1', [sales], { resource: 'groups', nextLink: null })
    writer.writeGroupMembers('run-1', 'g-sales', [userMember('u-bob'), userMember('u-bob'), userMember('u-alice')])
    expect(writer.completeFullPull('run-1')).toEqual({ users: 2, groups: 1, memberships: 2 })
    expect(displayNames()).toEqual(['Alice', 'Bob Later'])
  })

  it('leaves the previous directory untouched when a pull is cancelled, and says so in the run', () => {
    pullInto(writer, { users: [alice, bob], groups: [sales], members: { 'g-sales': [userMember('u-alice')] } }, 'run-1')
    writer.startRun('run-2')
    writer.writeUsers('run-2', [{ ...alice, displayName: 'Alice Renamed' }, carol], {
      resource: 'users',
      nextLink: 'https://graph.example/v1.0/users?$skiptoken=2',
    })
    writer.finishRun('run-2', 'cancelled', { users: 2, groups: 0, memberships: 0 })

    expect(displayNames()).toEqual(['Alice', 'Bob'])
    expect(store.getUser('u-alice')!.groups.map((group) => group.displayName)).toEqual(['Sales'])
    expect(runRow('run-2')).toMatchObject({ outcome: 'cancelled', users: 2, error_json: null })
    expect(store.summary().lastPullAt).toBe(runRow('run-1')!.finished_at)
  })

  it('keeps the pages of an unfinished pull staged, and the next full pull starts from nothing', () => {
    writer.startRun('run-1')
    writer.writeUsers('run-1', [alice, bob], { resource: 'users', nextLink: 'next' })
    writer.finishRun('run-1', 'failed', { users: 2, groups: 0, memberships: 0 })
    expect(stagedCount()).toBe(2)
    writer.startRun('run-2')
    expect(stagedCount()).toBe(0)
    writer.writeUsers('run-2', [carol], { resource: 'users', nextLink: null })
    writer.completeFullPull('run-2')
    expect(displayNames()).toEqual(['Carol'])
    expect(stagedCount()).toBe(0)
  })

  it('stores the page checkpoint in the same transaction as the page and clears it on completion', () => {
    writer.startRun('run-1')
    writer.writeUsers('run-1', [alice], { resource: 'users', nextLink: 'https://graph.example/v1.0/users?$skiptoken=1' })
    const checkpoint = () =>
      database.connection.prepare("SELECT next_link, run_id FROM pull_state WHERE resource = 'users'").get()
    expect(checkpoint()).toEqual({ next_link: 'https://graph.example/v1.0/users?$skiptoken=1', run_id: 'run-1' })
    writer.completeFullPull('run-1')
    expect(checkpoint()).toEqual({ next_link: null, run_id: 'run-1' })
  })

  it('rolls a failing page back whole: no half page, no checkpoint past it', () => {
    writer.startRun('run-1')
    const broken = { ...bob, userPrincipalName: null } as unknown as typeof bob
    expect(() => writer.writeUsers('run-1', [alice, broken], { resource: 'users', nextLink: 'past-the-page' })).toThrow()
    expect(stagedCount()).toBe(0)
    expect(database.connection.prepare("SELECT * FROM pull_state WHERE resource = 'users'").get()).toBeUndefined()
  })

  it('records a failed run with its error', () => {
    writer.startRun('run-1')
    writer.finishRun('run-1', 'failed', { users: 0, groups: 0, memberships: 0 }, { code: 'Forbidden', message: 'No access', status: 403 })
    expect(runRow('run-1')).toMatchObject({ outcome: 'failed' })
    expect(JSON.parse(runRow('run-1')!.error_json as string)).toEqual({ code: 'Forbidden', message: 'No access', status: 403 })
  })

  it('keeps members that are neither users nor groups without expanding them', () => {
    pullInto(writer, {
      users: [alice],
      groups: [sales],
      members: { 'g-sales': [userMember('u-alice'), groupMember('g-unknown'), { '@odata.type': '#microsoft.graph.device', id: 'd-1' } as never] },
    })
    expect(store.summary().membershipCount).toBe(3)
    expect(store.getUser('u-alice')!.groups).toEqual([{ groupId: 'g-sales', displayName: 'Sales', kind: 'direct', path: ['Sales'] }])
  })

  it('drops response annotations from the stored Graph document', () => {
    const annotated = { ...alice, '@odata.type': '#microsoft.graph.user' }
    pullInto(writer, { users: [annotated], groups: [], members: {} })
    const attributeNames = store.getUser('u-alice')!.attributes.map((attribute) => attribute.name)
    expect(attributeNames).not.toContain('@odata.type')
    expect(attributeNames).toContain('userPrincipalName')
  })
})

describe('groupKind', () => {
  it.each([
    [{ groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false }, 'microsoft365'],
    [{ groupTypes: [], mailEnabled: false, securityEnabled: true }, 'security'],
    [{ groupTypes: [], mailEnabled: true, securityEnabled: true }, 'mailSecurity'],
    [{ groupTypes: [], mailEnabled: true, securityEnabled: false }, 'distribution'],
  ] as const)('classifies %j as %s', (flags, kind) => {
    expect(groupKind(flags)).toBe(kind)
  })
})
