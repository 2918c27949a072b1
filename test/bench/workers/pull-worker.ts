/**
 * One measured run against the emulator, in a fresh process: either the baseline (undici fetch +
 * JSON.parse of the same pages the pull reads — the users and groups delta rounds — nothing
 * stored) or the real pull (GraphClientReader + pullDirectory into a new cache). Peak RSS is
 * sampled every 50 ms and also read from the process's maxRSS at the end; the pull also reports
 * the longest time the event loop was blocked (what a UI host in the same process would feel).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClientCredentialsTokenProvider } from '../../../src-main/services/auth/client-credentials-token-provider'
import { GraphClientReader, groupDeltaPath, userDeltaPath } from '../../../src-main/services/graph/graph-client-reader'
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
  /** The longest event-loop block seen during the run, in ms (pull only; 10 ms resolution). */
  readonly longestBlockMs?: number
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

/** Follows one delta round's nextLinks to its deltaLink; counts objects and relation entries, keeps nothing. */
async function fetchRound(firstLink: string, relation: string): Promise<{ objects: number; relations: number; pages: number }> {
  let link: string | null = firstLink
  let objects = 0
  let relations = 0
  let pages = 0
  while (link !== null) {
    const response = await trusted.fetch(link, { headers: { Authorization: `Bearer ${token}` } })
    if (!response.ok) throw new Error(`baseline: HTTP ${response.status} for ${link}`)
    const page = JSON.parse(await response.text()) as { value: Record<string, unknown>[]; '@odata.nextLink'?: string }
    objects += page.value.length
    for (const item of page.value) relations += (item[relation] as unknown[] | undefined)?.length ?? 0
    pages += 1
    link = page['@odata.nextLink'] ?? null
  }
  return { objects, relations, pages }
}

/**
 * The same pages the pull reads (the users round with managers and the groups round with
 * members, side by side like the pull), fetched and parsed, nothing kept: what the network and
 * JSON alone cost.
 */
async function baseline(): Promise<PullWorkerResult> {
  const started = performance.now()
  let usersMs = 0
  const [users, groups] = await Promise.all([
    fetchRound(`${emulator.graphBaseUrl}${userDeltaPath()}`, 'manager@delta').then((round) => {
      usersMs = performance.now() - started
      return round
    }),
    fetchRound(`${emulator.graphBaseUrl}${groupDeltaPath()}`, 'members@delta'),
  ])
  const wallMs = performance.now() - started
  return {
    mode: 'baseline',
    wallMs,
    usersMs,
    users: users.objects,
    groups: groups.objects,
    memberships: groups.relations,
    pages: users.pages + groups.pages,
    peakRssBytes: 0,
    outcome: 'succeeded',
    phaseStartMs: {},
  }
}

async function pull(): Promise<PullWorkerResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'headcount-bench-'))
  const database = openProfileDatabase(dataDir, 'bench')
  const reader = new GraphClientReader({ graphBaseUrl: emulator.graphBaseUrl, tokenProvider, fetch: trusted.fetch })
  const blocks = monitorEventLoopDelay({ resolution: 10 })
  const started = performance.now()
  let usersMs = 0
  let pages = 0
  const phaseStartMs: Record<string, number> = {}
  blocks.enable()
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
    // The monitor records a block when its next timer fires: let it fire before reading the maximum.
    await new Promise((resolve) => setTimeout(resolve, 50))
    blocks.disable()
    return {
      mode: 'pull',
      longestBlockMs: blocks.max / 1e6,
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
