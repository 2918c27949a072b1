/**
 * The pull reads who is assigned to the enterprise app beside the delta rounds and stores it only
 * when the pull succeeds; an assignment read that fails (403 without Application.Read.All, an app
 * that no longer exists) leaves a plain-words note and the previous set, never a failed pull.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import type { GraphGetter } from '../../../../src-main/services/health/graph-getter'
import { pullDirectory } from '../../../../src-main/services/pull/pull-directory'
import { readAppAssignments } from '../../../../src-main/services/store/app-assignments-store'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { PullRunLog } from '../../../../src-main/services/store/pull-run-log'
import { makeGroup, makeUser, temporaryDataDir, userMember } from '../store/directory-fixtures'
import { InMemoryGraphReader } from './in-memory-graph-reader'

const APP_ID = '11111111-2222-4333-8444-555555555555'
const SERVICE_PRINCIPAL_ID = 'sp-cardwise'
const directory = {
  users: [makeUser({ id: 'u-1' }), makeUser({ id: 'u-2' }), makeUser({ id: 'u-3' })],
  groups: [makeGroup('g-app', 'Cardwise users')],
  members: { 'g-app': [userMember('u-1')] },
}

type Assignment = { principalId: string; principalType: string; principalDisplayName?: string }

/** A GraphGetter over a fixed tenant: one service principal, assignments served two to a page. */
class FakeGraph implements GraphGetter {
  readonly paths: string[] = []
  refusal: AppError | null = null

  constructor(public assignments: Assignment[]) {}

  getJson<T>(path: string): Promise<T> {
    this.paths.push(path)
    if (this.refusal !== null) return Promise.reject(this.refusal)
    if (path.startsWith('/servicePrincipals?')) {
      const isOurs = decodeURIComponent(path).includes(`appId eq '${APP_ID}'`)
      return Promise.resolve({ value: isOurs ? [{ id: SERVICE_PRINCIPAL_ID, appId: APP_ID }] : [] } as T)
    }
    const page = Number(/[?&]page=(\d+)/.exec(path)?.[1] ?? 0)
    expect(path).toContain(`/servicePrincipals/${SERVICE_PRINCIPAL_ID}/appRoleAssignedTo`)
    const next = (page + 1) * 2 < this.assignments.length ? { '@odata.nextLink': `/servicePrincipals/${SERVICE_PRINCIPAL_ID}/appRoleAssignedTo?page=${page + 1}` } : {}
    return Promise.resolve({ value: this.assignments.slice(page * 2, page * 2 + 2), ...next } as T)
  }
}

const forbidden = () =>
  new AppError({ code: 'Forbidden', status: 403, message: 'Microsoft Graph refused to read who is assigned to the enterprise app: the app lacks the Application.Read.All permission.' })

let dataDir: ReturnType<typeof temporaryDataDir>
let database: ProfileDatabase

beforeEach(() => {
  dataDir = temporaryDataDir()
  database = openProfileDatabase(dataDir.path, 'test')
})
afterEach(() => {
  database.close()
  dataDir.remove()
})

function pull(graph: GraphGetter, options: { runId: string; reader?: InMemoryGraphReader; appId?: string }) {
  return pullDirectory({
    profileId: 'test',
    reader: options.reader ?? new InMemoryGraphReader(directory),
    database,
    runId: options.runId,
    progressIntervalMs: 0,
    clock: () => new Date('2026-11-23T10:00:00.000Z'),
    assignments: { graph, enterpriseAppId: options.appId ?? APP_ID },
  })
}

const notes = (runId: string) => new PullRunLog(database).read(runId)?.notes ?? []

describe('assignments read by the pull', () => {
  it('stores users and groups over every page, ignoring assigned service principals and duplicate roles', async () => {
    const graph = new FakeGraph([
      { principalId: 'g-app', principalType: 'Group', principalDisplayName: 'Cardwise users' },
      { principalId: 'u-3', principalType: 'User' },
      { principalId: 'sp-other', principalType: 'ServicePrincipal' },
      { principalId: 'u-3', principalType: 'User' },
      { principalId: 'u-2', principalType: 'User' },
    ])
    const finished = await pull(graph, { runId: 'run-1' })

    expect(finished.outcome).toBe('succeeded')
    expect(readAppAssignments(database)).toEqual({ userIds: new Set(['u-3', 'u-2']), groupIds: new Set(['g-app']), readAt: '2026-11-23T10:00:00.000Z', appId: APP_ID })
    expect(graph.paths.filter((path) => path.includes('appRoleAssignedTo'))).toHaveLength(3)
    expect(notes('run-1')).toEqual([])
  })

  it('replaces the previous set as a whole', async () => {
    const graph = new FakeGraph([{ principalId: 'g-app', principalType: 'Group' }, { principalId: 'u-2', principalType: 'User' }])
    await pull(graph, { runId: 'run-1' })
    graph.assignments = [{ principalId: 'u-3', principalType: 'User' }]
    await pull(graph, { runId: 'run-2' })
    expect(readAppAssignments(database)).toMatchObject({ userIds: new Set(['u-3']), groupIds: new Set() })
  })

  it('a cache never pulled with assignments reads as empty, with no read time', () => {
    expect(readAppAssignments(database)).toEqual({ userIds: new Set(), groupIds: new Set(), readAt: null, appId: null })
  })
})

describe('assignments that cannot be read', () => {
  it('403 on the first pull: the pull succeeds, and the note says scope will find nobody', async () => {
    const graph = new FakeGraph([])
    graph.refusal = forbidden()
    const finished = await pull(graph, { runId: 'run-1' })

    expect(finished.outcome).toBe('succeeded')
    expect(finished.users).toBe(3)
    expect(notes('run-1')).toEqual([
      {
        code: 'assignmentsUnreadable',
        message:
          'Assignments could not be read: Microsoft Graph refused to read who is assigned to the enterprise app: the app lacks the Application.Read.All permission. ' +
          "Until they can be read, scope 'assigned users and groups only' will find nobody.",
      },
    ])
    expect(readAppAssignments(database).readAt).toBeNull()
  })

  it('403 later: the previous set stays, and the note says which read is still used', async () => {
    const graph = new FakeGraph([{ principalId: 'g-app', principalType: 'Group' }])
    await pull(graph, { runId: 'run-1' })
    graph.refusal = forbidden()
    const finished = await pull(graph, { runId: 'run-2' })

    expect(finished.outcome).toBe('succeeded')
    expect(readAppAssignments(database)).toMatchObject({ groupIds: new Set(['g-app']), readAt: '2026-11-23T10:00:00.000Z' })
    expect(notes('run-2')[0]?.message).toMatch(/keeps using the assignments read on 2026-11-23 10:00 UTC\.$/)
  })

  it('an app id the tenant does not have: noted as such, the pull succeeds', async () => {
    const finished = await pull(new FakeGraph([]), { runId: 'run-1', appId: '99999999-0000-4000-8000-000000000000' })
    expect(finished.outcome).toBe('succeeded')
    expect(notes('run-1')[0]?.message).toContain('No enterprise app in this tenant has the application id 99999999-0000-4000-8000-000000000000.')
  })

  it('a failed pull keeps the previous set even when the assignments were readable', async () => {
    await pull(new FakeGraph([{ principalId: 'g-app', principalType: 'Group' }]), { runId: 'run-1' })
    const reader = new InMemoryGraphReader(directory)
    reader.beforePage = (resource) => {
      if (resource === 'users') throw new AppError({ code: 'NetworkError', message: 'The connection was reset.' })
    }
    const finished = await pull(new FakeGraph([{ principalId: 'u-2', principalType: 'User' }]), { runId: 'run-2', reader, })

    expect(finished.outcome).toBe('failed')
    expect(readAppAssignments(database)).toMatchObject({ userIds: new Set(), groupIds: new Set(['g-app']) })
  })
})
