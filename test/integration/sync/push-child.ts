/**
 * Child process for the kill -9 test: pushes a plan (or resumes a run) against a target, journalling
 * into a profile cache, until the test kills it. Not a test file itself.
 *
 * node --import tsx push-child.ts <dataDir> <baseUrl> <token> execute <runId> <planFile>
 * node --import tsx push-child.ts <dataDir> <baseUrl> <token> resume <runId>
 */
import { readFileSync } from 'node:fs'
import type { PlanOperation } from '../../../src-main/domain/planner/sync-plan'
import { createTrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { executePlan, resumeRun } from '../../../src-main/services/sync/execute-plan'
import { HttpScimClient } from '../../../src-main/services/sync/http-scim-client'

async function main(): Promise<void> {
  const [dataDir, baseUrl, token, mode, runId, planFile] = process.argv.slice(2)
  if (!dataDir || !baseUrl || !token || !runId || (mode !== 'execute' && mode !== 'resume')) throw new Error('usage: push-child.ts <dataDir> <baseUrl> <token> execute|resume <runId> [planFile]')
  const database = openProfileDatabase(dataDir, 'profile')
  const trustedFetch = createTrustedFetch()
  const client = new HttpScimClient({ baseUrl, bearerToken: token, fetch: trustedFetch.fetch, requestsPerSecond: 120, concurrency: 4 })
  const run = mode === 'execute'
    ? await executePlan({
      database,
      client,
      plan: { operations: JSON.parse(readFileSync(planFile ?? '', 'utf8')) as PlanOperation[] },
      runId,
      startedBy: 'kill-test',
      rulesFingerprint: 'r',
    })
    : await resumeRun(database, client, runId)
  process.stdout.write(`${run.status}\n`)
  await trustedFetch.close()
  database.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
