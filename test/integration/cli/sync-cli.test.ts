/**
 * The sync commands as a scheduler runs them: child processes of the `headcount` bin, tokens from
 * environment variables, the built-in demo (emulator tenant + demo SCIM target) for plan and push,
 * and a SCIM target started by the test for `target set`.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoTarget, type RunningDemoTarget } from '../../../src-main/demo/target/start-demo-target'
import type { PlanAction } from '../../../src-main/common'
import { generateOrganisation } from '../../../src-main/demo/organisation/generate-organisation'

const bin = resolve(import.meta.dirname, '..', '..', '..', 'src-main', 'cli', 'headcount.mjs')
const TOKEN = 'cli-scim-token-7d3e'
let folder: string
let target: RunningDemoTarget

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'headcount-sync-cli-'))
  target = await startDemoTarget({ databaseFile: join(folder, 'target.db'), bearerToken: TOKEN, seedFrom: generateOrganisation({ users: 50 }) })
})
afterAll(async () => {
  await target?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

function headcount(args: string[], environment: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: folder, HEADCOUNT_DATA_DIR: join(folder, 'data'), HEADCOUNT_DEMO_USERS: '100', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }))
  })
}

interface PlanJson {
  counts: Record<PlanAction, number>
  operations: { action: string; entraId: string | null; targetId: string | null; userName: string | null; reason: string; changes: unknown[] }[]
}

describe('headcount target set', () => {
  it('stores the SCIM address and the variable name, never the token', async () => {
    const created = await headcount(['profile', 'create', 'Contoso', '--tenant', 'contoso.example', '--client-id', '3c1f6b0e-8a4d-4f52-9d7e-5b2a61c0e7d4', '--client-secret-env', 'HC_SECRET'], { HC_SECRET: 'client-secret' })
    expect(created.code).toBe(0)
    const result = await headcount(['target', 'set', '--profile', 'Contoso', '--scim-url', target.baseUrl, '--scim-token-env', 'HC_SCIM', '--rate', '50', '--entra-compat', '--json'], { HC_SCIM: TOKEN })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ profile: 'Contoso', target: { scimUrl: target.baseUrl, ratePerSecond: 50, compatibility: 'entra' }, tokenEnv: 'HC_SCIM' })
    const files = readdirSync(join(folder, 'data'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name)).toString('latin1')).not.toContain(TOKEN)
  })

  it('reads the token from the variable on every run, and says which variable is empty', async () => {
    const planned = await headcount(['plan', '--profile', 'Contoso', '--json'], { HC_SCIM: TOKEN })
    expect(planned.code).toBe(0)
    // An empty cache against the application's existing users: no user is touched, nobody guessed.
    const json = JSON.parse(planned.stdout) as PlanJson
    expect(json.counts).toMatchObject({ create: 0, update: 0, disable: 0, delete: 0 })
    expect(json.operations.filter((operation) => operation.entraId !== null)).toEqual([])
    const missing = await headcount(['plan', '--profile', 'Contoso'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('HC_SCIM')
  })

  it('refuses a usage mistake with exit code 2', async () => {
    const result = await headcount(['target', 'set', '--profile', 'Contoso', '--scim-url', target.baseUrl])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--scim-token-env')
  })
})

describe('headcount plan, push and runs on the demo', () => {
  let plan: PlanJson

  beforeAll(async () => {
    const pulled = await headcount(['pull', '--profile', 'demo'])
    expect(pulled.code).toBe(0)
  }, 60_000)

  it('plans as JSON: counts per action and each operation’s essentials', async () => {
    const result = await headcount(['plan', '--profile', 'demo', '--json'])
    expect(result.code).toBe(0)
    plan = JSON.parse(result.stdout) as PlanJson
    expect(plan.counts.create).toBeGreaterThan(0)
    expect(plan.operations).toHaveLength(Object.values(plan.counts).reduce((sum, count) => sum + count, 0))
    const create = plan.operations.find((operation) => operation.action === 'create')
    expect(create).toMatchObject({ entraId: expect.any(String), targetId: null, userName: expect.any(String), reason: expect.any(String) })
    expect(create?.changes.length).toBeGreaterThan(0)
  })

  it('does not push without --yes when there is no terminal to ask on', async () => {
    const result = await headcount(['push', '--profile', 'demo'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--yes')
    expect(JSON.parse((await headcount(['runs', '--profile', 'demo', '--json'])).stdout)).toEqual([])
  })

  it('refuses with --max-deletes below the deletes and disables', async () => {
    expect(plan.counts.disable + plan.counts.delete).toBeGreaterThan(0)
    const result = await headcount(['push', '--profile', 'demo', '--yes', '--max-deletes', '0'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--max-deletes 0')
    expect(JSON.parse((await headcount(['runs', '--profile', 'demo', '--json'])).stdout)).toEqual([])
  })

  it('pushes with --yes although the console keeps the demo preview-only, and the run is listed', async () => {
    const result = await headcount(['push', '--profile', 'demo', '--yes', '--max-deletes', '1000', '--json'])
    const run = JSON.parse(result.stdout) as { runId: string; status: string; counts: { total: number; failed: number; pending: number } }
    expect(run.counts.pending).toBe(0)
    expect(run.counts.total).toBe(plan.operations.filter((operation) => operation.action !== 'skip').length)
    // A run with failures exits non-zero (4), one without exits 0.
    expect(result.code).toBe(run.status === 'succeeded' ? 0 : 4)
    expect(run.counts.failed > 0 ? run.status : 'no failures').not.toBe('succeeded')
    const runs = JSON.parse((await headcount(['runs', '--profile', 'demo', '--json'])).stdout) as { runId: string; kind: string; startedBy: string }[]
    expect(runs.map((item) => [item.runId, item.kind])).toEqual([[run.runId, 'push']])
    expect(runs[0]?.startedBy).toMatch(/^cli/)
    const after = JSON.parse((await headcount(['plan', '--profile', 'demo', '--json'])).stdout) as PlanJson
    expect(after.counts.create).toBe(0)
  }, 90_000)
})
