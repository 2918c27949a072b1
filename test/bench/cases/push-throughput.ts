/**
 * push-throughput: the journalled executor pushing 1,000 creates to the demo SCIM target on
 * loopback. Rate-limited run: the target accepts 50 requests/second (429 with Retry-After beyond
 * that) and the client is set to the same rate — the figure is the achieved request rate as a share
 * of the limit (issue 5 target ≥ 90 %) and the share of requests answered 429 (target ≤ 1 %).
 * Baseline: the same push against an unlimited target with an unlimited client (what the executor,
 * SQLite journal and demo target manage on this machine).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DemoTargetRequestLog } from '../../../src-main/demo/target/demo-target-traffic'
import { startDemoTarget } from '../../../src-main/demo/target/start-demo-target'
import type { PlanOperation } from '../../../src-main/domain/planner/sync-plan'
import { createTrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { executePlan } from '../../../src-main/services/sync/execute-plan'
import { HttpScimClient } from '../../../src-main/services/sync/http-scim-client'
import { figure, type BenchCase, type BenchOutcome } from '../bench-case'

const OPERATIONS = 1_000
const LIMIT_PER_SECOND = 50
const TOKEN = 'bench-token'

function creates(prefix: string): PlanOperation[] {
  return Array.from({ length: OPERATIONS }, (_, index) => {
    const entraId = `${prefix}-${index}`
    const userName = `${prefix}.user${index}@contoso.test`
    return {
      id: `create:${entraId}:`,
      action: 'create',
      resourceType: 'User',
      entraId,
      targetId: null,
      userName,
      displayName: userName,
      reason: { code: 'NotInTarget', text: 'bench' },
      changes: [],
      resource: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        externalId: entraId,
        userName,
        active: true,
        name: { givenName: 'Bench', familyName: `User${index}` },
        emails: [{ primary: true, type: 'work', value: userName }],
      },
      dependsOn: [],
      trace: [],
    } satisfies PlanOperation
  })
}

interface PushMeasurement {
  readonly seconds: number
  readonly requests: number
  readonly throttled: number
  readonly status: string
}

async function measurePush(folder: string, name: string, rateLimit: number | null): Promise<PushMeasurement> {
  const requestLog = new DemoTargetRequestLog()
  const target = await startDemoTarget({
    databaseFile: join(folder, `${name}-target.db`),
    bearerToken: TOKEN,
    requestLog,
    ...(rateLimit === null ? {} : { rateLimit: { perSecond: rateLimit } }),
  })
  const database = openProfileDatabase(folder, name)
  const trustedFetch = createTrustedFetch()
  try {
    const client = new HttpScimClient({ baseUrl: target.baseUrl, bearerToken: TOKEN, fetch: trustedFetch.fetch, requestsPerSecond: rateLimit ?? 1_000_000, concurrency: 4 })
    const started = performance.now()
    const run = await executePlan({ database, client, plan: { operations: creates(name) }, startedBy: 'bench', rulesFingerprint: 'bench' })
    const seconds = (performance.now() - started) / 1000
    return { seconds, requests: requestLog.entries.length, throttled: requestLog.countStatus(429), status: run.status }
  } finally {
    await target.close()
    await trustedFetch.close()
    database.close()
  }
}

export const pushThroughput: BenchCase = {
  id: 'push-throughput',
  description: `1,000 SCIM creates through the journalled executor: against a target limited to ${LIMIT_PER_SECOND} req/s (client at the same rate) vs. unlimited`,
  async run(log): Promise<BenchOutcome> {
    const folder = mkdtempSync(join(tmpdir(), 'headcount-bench-push-'))
    try {
      log('unlimited push (baseline)…')
      const unlimited = await measurePush(folder, 'unlimited', null)
      log(`rate-limited push at ${LIMIT_PER_SECOND} req/s (about ${Math.round(OPERATIONS / LIMIT_PER_SECOND)} s)…`)
      const limited = await measurePush(folder, 'limited', LIMIT_PER_SECOND)
      const limitedRate = limited.requests / limited.seconds
      const share = (limitedRate / LIMIT_PER_SECOND) * 100
      const throttledPercent = (limited.throttled / limited.requests) * 100
      const unlimitedRate = unlimited.requests / unlimited.seconds
      return {
        figures: [
          figure('push-throughput', 'rate-limited requests/s', limitedRate, 'req/s', unlimitedRate),
          figure('push-throughput', 'share of the 50 req/s limit', share, '%'),
          figure('push-throughput', 'requests answered 429', throttledPercent, '%'),
          figure('push-throughput', 'rate-limited push of 1,000 creates', limited.seconds * 1000, 'ms'),
          figure('push-throughput', 'unlimited requests/s', unlimitedRate, 'req/s'),
        ],
        targets: [
          { description: '≥ 90 % of the target\'s rate limit', isMet: share >= 90 },
          { description: '≤ 1 % of requests throttled (429)', isMet: throttledPercent <= 1 },
          { description: 'both runs succeeded', isMet: limited.status === 'succeeded' && unlimited.status === 'succeeded' },
        ],
        notes: [
          `rate-limited: ${limited.requests} requests in ${limited.seconds.toFixed(2)} s, ${limited.throttled} answered 429, run ${limited.status}`,
          `unlimited: ${unlimited.requests} requests in ${unlimited.seconds.toFixed(2)} s, run ${unlimited.status}`,
        ],
      }
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  },
}
