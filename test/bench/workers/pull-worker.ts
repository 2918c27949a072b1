/**
 * One measured run against the emulator, in a fresh process: either the baseline (undici fetch +
 * JSON.parse of the same pages the pull reads, nothing stored) or the real pull (GraphClientReader +
 * pullDirectory into a new cache). Peak RSS is sampled every 50 ms and also read from the
 * process's maxRSS at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClientCredentialsTokenProvider } from '../../../src-main/services/auth/client-credentials-token-provider'
import { GRAPH_PAGE_SIZE, GROUP_SELECT, GraphClientReader, usersRequestPath } from '../../../src-main/services/graph/graph-client-reader'
import { createTrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { pullDirectory } from '../../../src-main/services/pull/pull-directory'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { workerInput } from '../worker-process'
import type { EmulatorWorkerReady } from './emulator-worker'

export interface PullWorkerInput {
  readonly mode: 'baseline' | 'pull'
  readonly emulator: EmulatorWorkerReady
}

export interface PullWorkerResult {
  readonly mode: 'baseline' | 'pull'
  readonly wallMs: number
  /** Time until every user was read (and, for the pull, stored). */
  readonly usersMs: number
  readonly users: number
  readonly groups: number
  readonly memberships: number
  readonly pages: number
  readonly peakRssBytes: number
  readonly outcome: string
  /** Milliseconds from the start at which each phase began (pull only). */
  readonly phaseStartMs: Readonly<Record<string, number>>
}

const input = workerInput<PullWorkerInput>()
const { emulator } = input
let peakRss = process.memoryUsage().rss
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 50)

const tokenProvider = createClientCredentialsTokenProvider({
  tenantId: emulator.tenantId,
  clientId: emulator.clientId,
  credential: { kind: 'secret', clientSecret: emulator.clientSecret },
  authorityHost: emulator.authorityHost,
  caCertificates: [emulator.caCertificatePem],
})
const trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
// The token is fetched before the clock starts in both modes: sign-in is not what is measured.
const token = await tokenProvider.getAccessToken()

/** Follows one collection's nextLinks; returns the items of every page. */
async function fetchAllPages(firstLink: string, headers: Record<string, string>): Promise<{ items: unknown[]; pages: number }> {
  let link: string | null = firstLink
  const items: unknown[] = []
  let pages = 0
  while (link !== null) {
    const response = await trusted.fetch(link, { headers: { Authorization: `Bearer ${token}`, ...headers } })
    if (!response.ok) throw new Error(`baseline: HTTP ${response.status} for ${link}`)
    const page = JSON.parse(await response.text()) as { value: unknown[]; '@odata.nextLink'?: string }
    for (const item of page.value) items.push(item)
    pages += 1
    link = page['@odata.nextLink'] ?? null
  }
  return { items, pages }
}

/**
 * The same pages the pull reads (users with manager, groups, every group's direct members, members
 * four groups at a time like the pull), fetched and parsed, nothing kept: what the network and
 * JSON alone cost. Users are counted, not held, so the baseline's memory stays honest.
 */
async function baseline(): Promise<PullWorkerResult> {
  const started = performance.now()
  let link: string | null = `${emulator.graphBaseUrl}${usersRequestPath()}`
  let users = 0
  let pages = 0
  while (link !== null) {
    const response = await trusted.fetch(link, { headers: { Authorization: `Bearer ${token}`, ConsistencyLevel: 'eventual' } })
    if (!response.ok) throw new Error(`baseline: HTTP ${response.status} for ${link}`)
    const page = JSON.parse(await response.text()) as { value: unknown[]; '@odata.nextLink'?: string }
    users += page.value.length
    pages += 1
    link = page['@odata.nextLink'] ?? null
  }
  const usersMs = performance.now() - started
  const groups = await fetchAllPages(`${emulator.graphBaseUrl}/groups?$select=${GROUP_SELECT.join(',')}&$top=${GRAPH_PAGE_SIZE}`, {})
  pages += groups.pages
  const groupIds = groups.items.map((group) => (group as { id: string }).id)
  let memberships = 0
  let next = 0
  const memberWorker = async (): Promise<void> => {
    while (next < groupIds.length) {
      const groupId = groupIds[next++] as string
      const members = await fetchAllPages(`${emulator.graphBaseUrl}/groups/${groupId}/members?$select=id&$top=${GRAPH_PAGE_SIZE}`, {})
      memberships += members.items.length
      pages += members.pages
    }
  }
  await Promise.all([memberWorker(), memberWorker(), memberWorker(), memberWorker()])
  const wallMs = performance.now() - started
  return { mode: 'baseline', wallMs, usersMs, users, groups: groupIds.length, memberships, pages, peakRssBytes: 0, outcome: 'succeeded', phaseStartMs: {} }
}

async function pull(): Promise<PullWorkerResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'headcount-bench-'))
  const database = openProfileDatabase(dataDir, 'bench')
  const reader = new GraphClientReader({ graphBaseUrl: emulator.graphBaseUrl, tokenProvider, fetch: trusted.fetch })
  const started = performance.now()
  let usersMs = 0
  let pages = 0
  const phaseStartMs: Record<string, number> = {}
  try {
    const finished = await pullDirectory({
      profileId: 'bench',
      reader,
      database,
      onProgress: (progress) => {
        pages = progress.pages
        phaseStartMs[progress.phase] ??= performance.now() - started
        if (usersMs === 0 && progress.phase !== 'starting' && progress.phase !== 'users') usersMs = performance.now() - started
      },
    })
    const wallMs = performance.now() - started
    return {
      mode: 'pull',
      wallMs,
      usersMs,
      users: finished.users,
      groups: finished.groups,
      memberships: finished.memberships,
      pages,
      peakRssBytes: 0,
      outcome: finished.outcome + (finished.error ? `: ${finished.error.code} ${finished.error.message}` : ''),
      phaseStartMs,
    }
  } finally {
    database.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const result = input.mode === 'baseline' ? await baseline() : await pull()
clearInterval(sampler)
// maxRSS is in kilobytes; the sampler can miss a short peak that maxRSS catches.
const peakRssBytes = Math.max(peakRss, process.resourceUsage().maxRSS * 1024)
await tokenProvider.close()
await trusted.close()
process.stdout.write(`${JSON.stringify({ ...result, peakRssBytes })}\n`)
