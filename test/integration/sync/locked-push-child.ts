/**
 * Child process for the cross-process lock test: pushes a plan slowly (a low request rate) under a
 * given owner id and heartbeat, until it finishes or the test kills it. Not a test file itself.
 *
 * node --import tsx locked-push-child.ts <dataDir> <baseUrl> <token> <runId> <planFile> <owner> <heartbeatMs> <requestsPerSecond>
 */
import { readFileSync } from 'node:fs'
import type { PlanOperation } from '../../../src-main/domain/planner/sync-plan'
import { createTrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { executePlan } from '../../../src-main/services/sync/execute-plan'
import { HttpScimClient } from '../../../src-main/services/sync/http-scim-client'

async function main(): Promise<void> {
  const [dataDir, baseUrl, token, runId, planFile, owner, heartbeatMs, requestsPerSecond] = process.argv.slice(2)
  if (!dataDir || !baseUrl || !token || !runId || !planFile || !owner) throw new Error('usage: locked-push-child.ts <dataDir> <baseUrl> <token> <runId> <planFile> <owner> <heartbeatMs> <requestsPerSecond>')
  const database = openProfileDatabase(dataDir, 'profile')
  const trustedFetch = createTrustedFetch()
  const client = new HttpScimClient({ baseUrl, bearerToken: token, fetch: trustedFetch.fetch, requestsPerSecond: Number(requestsPerSecond), concurrency: 1 })
  const run = await executePlan({
    database,
    client,
    plan: { operations: JSON.parse(readFileSync(planFile, 'utf8')) as PlanOperation[] },
    runId,
    startedBy: 'scheduled task',
    rulesFingerprint: 'r',
    lock: { owner, heartbeatEveryMs: Number(heartbeatMs) },
  })
  process.stdout.write(`${run.status}\n`)
  await trustedFetch.close()
  database.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
