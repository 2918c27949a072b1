import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { generateOrganisation } from '../../../src-main/demo/organisation/generate-organisation'
import type { DemoOrganisation } from '../../../src-main/demo/organisation/organisation-types'
import { executePlan } from '../../../src-main/services/sync/execute-plan'
import { readTargetSnapshot, type TargetSnapshotProgress } from '../../../src-main/services/sync/read-target-snapshot'
import { loadTargetGroups, loadTargetUsers, readTargetSnapshotState } from '../../../src-main/services/sync/target-snapshot-store'
import { GROUP_SCHEMA, createUserOperation, operation, startSyncFixture, type ListShape, type SyncFixture } from './sync-fixture'

let organisation: DemoOrganisation
let fixture: SyncFixture | undefined

beforeAll(() => {
  organisation = generateOrganisation({ users: 300 })
})

afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

describe('readTargetSnapshot', () => {
  it('pages through /Users and /Groups (with members) into the cache, reporting progress', async () => {
    fixture = await startSyncFixture({ seedFrom: organisation })
    const client = fixture.client()
    await executePlan({
      database: fixture.database,
      client,
      plan: {
        operations: [
          createUserOperation('entra-x', 'x@contoso.test'),
          operation('createGroup', { displayName: 'Pilots', resource: { schemas: [GROUP_SCHEMA], displayName: 'Pilots' } }),
          operation('addMembers', { displayName: 'Pilots', references: { groupName: 'Pilots', memberEntraIds: ['entra-x'] } }),
        ],
      },
      startedBy: 'test',
      rulesFingerprint: 'r',
    })
    const expected = await fixture.read<ListShape<{ id: string }>>('/Users?count=1')
    expect(expected.totalResults).toBeGreaterThan(20)
    fixture.requestLog.clear()

    const progress: TargetSnapshotProgress[] = []
    const state = await readTargetSnapshot({ database: fixture.database, client, pageSize: 7, onProgress: (item) => progress.push(item), now: () => new Date('2026-01-02T03:04:05Z') })

    expect(state).toEqual({ takenAt: '2026-01-02T03:04:05.000Z', users: expected.totalResults, groups: 1 })
    expect(readTargetSnapshotState(fixture.database)).toEqual(state)
    const users = loadTargetUsers(fixture.database)
    expect(users).toHaveLength(expected.totalResults)
    expect(new Set(users.map((user) => user.id)).size).toBe(expected.totalResults)
    const x = users.find((user) => user.userName === 'x@contoso.test')
    expect(x).toMatchObject({ externalId: 'entra-x', active: true })
    expect(x?.resource.userName).toBe('x@contoso.test')
    expect(loadTargetGroups(fixture.database)).toEqual([{ id: expect.any(String) as string, displayName: 'Pilots', memberIds: [x?.id] }])
    const userPages = fixture.requestLog.entries.filter((entry) => entry.path === '/Users').length
    expect(userPages).toBe(Math.ceil(expected.totalResults / 7))
    expect(progress.filter((item) => item.resource === 'users').at(-1)).toEqual({ resource: 'users', read: expected.totalResults, total: expected.totalResults })
  })

  it('keeps the previous snapshot when a read fails part-way', async () => {
    fixture = await startSyncFixture({ seedFrom: organisation })
    const client = fixture.client({ retry: { maxRetries: 0 } })
    const first = await readTargetSnapshot({ database: fixture.database, client, pageSize: 50 })
    await executePlan({ database: fixture.database, client, plan: { operations: [createUserOperation('entra-new', 'new@contoso.test')] }, startedBy: 't', rulesFingerprint: 'r' })
    fixture.requestLog.clear()
    // The page after the first answers 503 (and the client is told not to retry).
    const current = fixture
    let pages = 0
    const reading = readTargetSnapshot({ database: current.database, client, pageSize: 50, onProgress: () => (pages += 1) === 1 && current.faults.failNext(1, { kind: 'status', status: 503 }) })
    await expect(reading).rejects.toMatchObject({ code: 'ServiceUnavailable', status: 503 })
    expect(readTargetSnapshotState(fixture.database)).toEqual(first)
    expect(loadTargetUsers(fixture.database).some((user) => user.userName === 'new@contoso.test')).toBe(false)
  })

  it('stops when cancelled, keeping the previous snapshot', async () => {
    fixture = await startSyncFixture({ seedFrom: organisation })
    const controller = new AbortController()
    await expect(readTargetSnapshot({ database: fixture.database, client: fixture.client(), pageSize: 5, onProgress: () => controller.abort() }, controller.signal)).rejects.toThrow()
    expect(readTargetSnapshotState(fixture.database)).toBeNull()
  })
})
