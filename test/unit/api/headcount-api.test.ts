import { describe, expect, it } from 'vitest'
import { AppError, type PullFinished, type PullProgress, type UserDetail } from '../../../src-main/common'
import type { ApiDependencies, DirectoryReader, PullRunner } from '../../../src-main/api/api-dependencies'
import { createHeadcountApi } from '../../../src-main/api/headcount-api'
import type { ProfileRecord } from '../../../src-main/services/profiles/profile-registry'
import { createRecordingApi } from '../../helpers/recording-api'

/** A pull runner that advances one page per `step()` call and honours its abort signal. */
class SteppedPullRunner implements PullRunner {
  private release: (() => void) | null = null
  runs = 0

  step(): void {
    this.release?.()
  }

  async run(profile: ProfileRecord, runId: string, onProgress: (p: PullProgress) => void, signal: AbortSignal): Promise<PullFinished> {
    this.runs++
    for (let page = 1; page <= 3; page++) {
      await new Promise<void>((resolve, reject) => {
        this.release = resolve
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true })
      })
      onProgress({ profileId: profile.id, runId, phase: 'users', pages: page, users: page * 100, groups: 0, totalUsers: 300, rate: 100, etaSeconds: 3 - page })
    }
    return { profileId: profile.id, runId, outcome: 'succeeded', users: 300, groups: 4, memberships: 9, durationMs: 5 }
  }
}

const detail = { row: { id: 'u1' } } as unknown as UserDetail
const reader: DirectoryReader = {
  queryUsers: (query) => ({ total: 1, offset: query.offset, rows: [] }),
  getUser: (id) => (id === 'u1' ? detail : null),
  summary: () => ({ userCount: 1, groupCount: 0, membershipCount: 0, lastPullAt: null }),
}

function setup() {
  const saved = new Map<string, ProfileRecord>()
  const closed: string[] = []
  const deleted: string[] = []
  const recording = createRecordingApi()
  const record = (id: string, name: string): ProfileRecord => ({ id, name, kind: 'tenant', tenantName: null, createdAt: '2026-11-23T10:00:00Z' })
  const runner = new SteppedPullRunner()
  let demoStarts = 0
  let ids = 0
  const dependencies: ApiDependencies = {
    host: 'browser',
    version: '1.2.3',
    profiles: { list: () => [...saved.values()], get: (id) => saved.get(id) ?? null, save: (p) => void saved.set(p.id, p) },
    caches: { directory: () => reader, close: (id) => void closed.push(id), closeAll: () => undefined },
    pulls: runner,
    demo: { ensureStarted: async () => { demoStarts++; return { tenantName: 'Nordlys Group', connection: { cloud: 'custom', authorityHost: '127.0.0.1:1', graphEndpoint: 'https://127.0.0.1:1', tenant: 'nordlys.example', clientId: '3c1f6b0e-8a4d-4f52-9d7e-5b2a61c0e7d4', mode: 'clientSecret', clientSecret: 's' } } } },
    profileActions: {
      create: (name) => {
        const created = record(`p${saved.size + 1}`, name)
        saved.set(created.id, created)
        return created
      },
      rename: (id, name) => {
        const renamed = { ...(saved.get(id) as ProfileRecord), name }
        saved.set(id, renamed)
        return renamed
      },
      duplicate: (id, name) => {
        const copy = record(`${id}-copy`, name)
        saved.set(copy.id, copy)
        return copy
      },
      delete: async (id) => {
        deleted.push(id)
        saved.delete(id)
      },
    },
    areas: { connection: recording.connection, health: recording.health, settings: recording.settings, rules: recording.rules, target: recording.target, sync: recording.sync },
    now: () => new Date('2026-11-23T10:00:00Z'),
    newId: () => `run-${++ids}`,
  }
  const handle = createHeadcountApi(dependencies)
  return { handle, api: handle.api, runner, saved, closed, deleted, recording, demoStarts: () => demoStarts }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('HeadcountApi', () => {
  it('reports its host and version', async () => {
    const { api } = setup()
    expect(await api.app.info({})).toEqual({ name: 'Headcount', version: '1.2.3', host: 'browser' })
  })

  it('opens the demo once and announces the new profile', async () => {
    const { api, saved, demoStarts, recording } = setup()
    const changes: number[] = []
    api.profiles.onDidChange((list) => changes.push(list.length))
    const first = await api.profiles.openDemo({})
    const second = await api.profiles.openDemo({})
    expect(first).toEqual({ id: 'demo', name: 'Demo organisation', kind: 'demo', tenantName: 'Nordlys Group', lastPullAt: null })
    expect(second).toEqual(first)
    expect(saved.size).toBe(1)
    expect(changes).toEqual([1])
    expect(demoStarts()).toBeGreaterThan(0)
    // The demo is a Custom cloud with an app registration, configured and tested like any tenant.
    const configured = recording.calls.filter((call) => call.channel === 'connection:configure')
    expect(configured[0]?.argument).toMatchObject({ profileId: 'demo', connection: { cloud: 'custom', mode: 'clientSecret' } })
    expect(recording.calls.some((call) => call.channel === 'connection:test')).toBe(true)
  })

  it('says NotFound, with a hint, for an unknown profile', async () => {
    const { api } = setup()
    await expect(api.directory.summary({ profileId: 'nope' })).rejects.toMatchObject({ code: 'NotFound', hint: expect.any(String) })
    await expect(api.pull.start({ profileId: 'nope' })).rejects.toBeInstanceOf(AppError)
  })

  it('runs a pull in the background with progress and one finish event', async () => {
    const { api, runner } = setup()
    await api.profiles.openDemo({})
    const progress: number[] = []
    const finished: PullFinished[] = []
    api.pull.onDidProgress((p) => progress.push(p.users))
    api.pull.onDidFinish((f) => finished.push(f))
    const { runId } = await api.pull.start({ profileId: 'demo' })
    expect(runId).toBe('run-1')
    expect((await api.pull.status({ profileId: 'demo' })).running).toBe(true)
    await expect(api.pull.start({ profileId: 'demo' })).rejects.toMatchObject({ code: 'Busy' })
    for (let i = 0; i < 3; i++) {
      await tick()
      runner.step()
    }
    await tick()
    await tick()
    expect(progress).toEqual([100, 200, 300])
    expect(finished).toEqual([expect.objectContaining({ outcome: 'succeeded', users: 300 })])
    expect(await api.pull.status({ profileId: 'demo' })).toEqual({ running: false, progress: null, lastFinished: finished[0] })
  })

  it('cancels a running pull and reports it as cancelled, not failed', async () => {
    const { api, runner } = setup()
    await api.profiles.openDemo({})
    const finished: PullFinished[] = []
    api.pull.onDidFinish((f) => finished.push(f))
    await api.pull.start({ profileId: 'demo' })
    await tick()
    runner.step()
    await tick()
    await api.pull.cancel({ profileId: 'demo' })
    await tick()
    await tick()
    expect(finished).toHaveLength(1)
    expect(finished[0]).toMatchObject({ outcome: 'cancelled', users: 100 })
    expect(finished[0]?.error).toBeUndefined()
    // A new pull may start once the old one has ended.
    await expect(api.pull.start({ profileId: 'demo' })).resolves.toEqual({ runId: 'run-2' })
  })

  it('turns a missing user into NotFound', async () => {
    const { api } = setup()
    await api.profiles.openDemo({})
    await expect(api.directory.getUser({ profileId: 'demo', userId: 'u1' })).resolves.toBe(detail)
    await expect(api.directory.getUser({ profileId: 'demo', userId: 'u2' })).rejects.toMatchObject({ code: 'NotFound' })
  })

  it('cancels running pulls on dispose', async () => {
    const { api, handle } = setup()
    await api.profiles.openDemo({})
    const finished: PullFinished[] = []
    api.pull.onDidFinish((f) => finished.push(f))
    await api.pull.start({ profileId: 'demo' })
    await handle.dispose()
    expect(finished[0]?.outcome).toBe('cancelled')
  })

  it('creates, renames and duplicates profiles, announcing each change', async () => {
    const { api } = setup()
    const sizes: number[] = []
    api.profiles.onDidChange((list) => sizes.push(list.length))
    const created = await api.profiles.create({ name: 'Nordlys production' })
    expect(created).toMatchObject({ name: 'Nordlys production', kind: 'tenant' })
    expect((await api.profiles.rename({ profileId: created.id, name: 'Nordlys' })).name).toBe('Nordlys')
    expect((await api.profiles.duplicate({ profileId: created.id, name: 'Nordlys test' })).name).toBe('Nordlys test')
    expect(sizes).toEqual([1, 1, 2])
  })

  it('deletes a profile only when its name is typed exactly, after closing its cache', async () => {
    const { api, closed, deleted } = setup()
    const created = await api.profiles.create({ name: 'Fjord' })
    await expect(api.profiles.delete({ profileId: created.id, confirmName: 'fjord' })).rejects.toMatchObject({ code: 'InvalidArgument' })
    expect(deleted).toEqual([])
    await api.profiles.delete({ profileId: created.id, confirmName: 'Fjord' })
    expect(closed).toEqual([created.id])
    expect(deleted).toEqual([created.id])
    expect(await api.profiles.list({})).toEqual([])
  })
})
