/**
 * delta-100k, in a fresh process: a full pull into a new cache (timed, reported only), then 1 % of
 * the users changed in the emulator over its `/_emulator` mutation API (updates, soft and hard
 * deletes, manager changes, membership changes), then the baseline — fetch + JSON.parse of the
 * changes from the stored delta links — and the delta pull itself from the same links.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Limiter } from '../../../src-main/base/limiter'
import { createClientCredentialsTokenProvider } from '../../../src-main/services/auth/client-credentials-token-provider'
import { GraphClientReader } from '../../../src-main/services/graph/graph-client-reader'
import { createTrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { pullDirectory } from '../../../src-main/services/pull/pull-directory'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { workerInput } from '../worker-process'
import type { EmulatorWorkerReady } from './emulator-worker'

export interface DeltaWorkerInput {
  readonly emulator: EmulatorWorkerReady
  /** Users to change (1 % of the tenant). */
  readonly changes: number
}

export interface DeltaWorkerResult {
  readonly fullPullMs: number
  readonly mutationMs: number
  readonly mutations: Readonly<Record<string, number>>
  readonly baselineMs: number
  readonly baselinePages: number
  readonly baselineObjects: number
  readonly deltaMs: number
  readonly deltaMode: string
  readonly deltaOutcome: string
  readonly deltaPages: number
  readonly deltaObjects: number
  readonly users: number
  readonly longestBlockMs: number
  /** Requests the reader retried during the delta pull. */
  readonly deltaRetries: number
  /** Milliseconds from the start of the delta pull at which each phase began. */
  readonly phaseStartMs: Readonly<Record<string, number>>
}

const input = workerInput<DeltaWorkerInput>()
const { emulator } = input
const origin = new URL(emulator.graphBaseUrl).origin
const trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
const tokenProvider = createClientCredentialsTokenProvider({
  tenantId: emulator.tenantId,
  clientId: emulator.clientId,
  credential: { kind: 'secret', clientSecret: emulator.clientSecret },
  authorityHost: emulator.authorityHost,
  caCertificates: [emulator.caCertificatePem],
})
const reader = new GraphClientReader({ graphBaseUrl: emulator.graphBaseUrl, tokenProvider, fetch: trusted.fetch })
const dataDir = mkdtempSync(join(tmpdir(), 'headcount-bench-delta-'))
const database = openProfileDatabase(dataDir, 'bench')

async function mutate(method: string, path: string, body?: unknown): Promise<void> {
  const response = await trusted.fetch(`${origin}/_emulator${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (!response.ok && response.status !== 404 && response.status !== 409) throw new Error(`mutation ${method} ${path}: HTTP ${response.status}`)
  await response.arrayBuffer()
}

/** 1 % of the users: mostly updates, a few deletes, manager and membership changes. */
async function changeOnePercent(): Promise<Record<string, number>> {
  const userIds = (database.connection.prepare('SELECT id FROM users ORDER BY id').all() as { id: string }[]).map((row) => row.id)
  const edges = database.connection.prepare("SELECT group_id, member_id FROM memberships WHERE member_type = 'user' ORDER BY group_id, member_id").all() as {
    group_id: string
    member_id: string
  }[]
  const groupIds = (database.connection.prepare('SELECT id FROM groups ORDER BY id').all() as { id: string }[]).map((row) => row.id)
  const step = Math.floor(userIds.length / input.changes)
  const chosen = Array.from({ length: input.changes }, (_, index) => userIds[index * step]!)
  const counts: Record<string, number> = { updated: 0, softDeleted: 0, hardDeleted: 0, managerChanged: 0, membershipAdded: 0, membershipRemoved: 0 }
  const work: (() => Promise<void>)[] = chosen.map((id, index) => {
    const slot = index % 100
    if (slot < 2) return () => (counts.softDeleted! += 1, mutate('POST', `/users/${id}/soft-delete`))
    if (slot < 3) return () => (counts.hardDeleted! += 1, mutate('POST', `/users/${id}/hard-delete`))
    if (slot < 10) return () => (counts.managerChanged! += 1, mutate('PUT', `/users/${id}/manager`, { managerId: chosen[(index + 1) % chosen.length] }))
    if (slot < 20) return () => (counts.membershipAdded! += 1, mutate('POST', `/groups/${groupIds[index % groupIds.length]}/members`, { memberId: id }))
    if (slot < 25) {
      const edge = edges[(index * 7919) % edges.length]!
      return () => (counts.membershipRemoved! += 1, mutate('DELETE', `/groups/${edge.group_id}/members/${edge.member_id}`))
    }
    return () => (counts.updated! += 1, mutate('PATCH', `/users/${id}`, { jobTitle: `Changed ${index}`, department: `Department ${index % 17}` }))
  })
  const limiter = new Limiter(8)
  await Promise.all(work.map((task) => limiter.run(task)))
  return counts
}

/** fetch + JSON.parse of one round from `link` to its deltaLink. */
async function fetchRound(link: string | null): Promise<{ pages: number; objects: number }> {
  const token = await tokenProvider.getAccessToken()
  let pages = 0
  let objects = 0
  while (link !== null) {
    const response = await trusted.fetch(link, { headers: { Authorization: `Bearer ${token}` } })
    if (!response.ok) throw new Error(`baseline: HTTP ${response.status}`)
    const page = JSON.parse(await response.text()) as { value: unknown[]; '@odata.nextLink'?: string }
    pages += 1
    objects += page.value.length
    link = page['@odata.nextLink'] ?? null
  }
  return { pages, objects }
}

try {
  await tokenProvider.getAccessToken()
  let started = performance.now()
  const full = await pullDirectory({ profileId: 'bench', reader, database })
  if (full.outcome !== 'succeeded') throw new Error(`the full pull did not succeed: ${full.outcome} ${full.error?.message ?? ''}`)
  const fullPullMs = performance.now() - started

  started = performance.now()
  const mutations = await changeOnePercent()
  const mutationMs = performance.now() - started

  const links = database.connection.prepare('SELECT resource, delta_link FROM pull_state ORDER BY resource').all() as { resource: string; delta_link: string }[]
  started = performance.now()
  const rounds = await Promise.all(links.map((row) => fetchRound(row.delta_link)))
  const baselineMs = performance.now() - started

  const retriesBefore = reader.counters.retries
  const phaseStartMs: Record<string, number> = {}
  let deltaPages = 0
  let deltaObjects = 0
  const blocks = monitorEventLoopDelay({ resolution: 10 })
  blocks.enable()
  started = performance.now()
  const delta = await pullDirectory({
    profileId: 'bench',
    reader,
    database,
    onProgress: (progress) => {
      phaseStartMs[progress.phase] ??= Math.round(performance.now() - started)
      deltaPages = progress.pages
      if (progress.phase !== 'finishing') deltaObjects = progress.users + progress.groups
    },
  })
  const deltaMs = performance.now() - started
  // The monitor records a block when its next timer fires: let it fire before reading the maximum.
  await new Promise((resolve) => setTimeout(resolve, 50))
  blocks.disable()
  const result: DeltaWorkerResult = {
    fullPullMs,
    mutationMs,
    mutations,
    baselineMs,
    baselinePages: rounds.reduce((sum, round) => sum + round.pages, 0),
    baselineObjects: rounds.reduce((sum, round) => sum + round.objects, 0),
    deltaMs,
    deltaMode: delta.mode ?? 'unknown',
    deltaOutcome: delta.outcome + (delta.error ? `: ${delta.error.code} ${delta.error.message}` : ''),
    deltaPages,
    deltaObjects,
    users: delta.users,
    longestBlockMs: blocks.max / 1e6,
    deltaRetries: reader.counters.retries - retriesBefore,
    phaseStartMs,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
} finally {
  database.close()
  rmSync(dataDir, { recursive: true, force: true })
  await tokenProvider.close()
  await trusted.close()
}
