/**
 * The `headcount` bin as a scheduler runs it: a child process, secrets from the environment, the
 * demo emulator as a Custom cloud tenant over HTTPS with its CA given as a file.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'

const bin = resolve(import.meta.dirname, '..', '..', '..', 'src-main', 'cli', 'headcount.mjs')
let emulator: RunningEmulator
let dataDir: string
let caFile: string

beforeAll(async () => {
  emulator = await startEmulator({ users: 300 })
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-cli-'))
  caFile = join(dataDir, 'emulator-ca.pem')
  writeFileSync(caFile, emulator.caCertificatePem)
})
afterAll(async () => {
  await emulator?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

function headcount(args: string[], environment: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: dataDir, HEADCOUNT_DATA_DIR: join(dataDir, 'data'), ...environment },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }))
  })
}

function createArgs(name: string, secretVariable: string): string[] {
  return [
    'profile', 'create', name,
    '--tenant', emulator.tenantId,
    '--client-id', emulator.confidentialClient.clientId,
    '--client-secret-env', secretVariable,
    '--cloud', 'custom',
    '--authority-host', emulator.authorityHost,
    '--graph-endpoint', emulator.origin,
    '--ca-certificate', caFile,
  ]
}

describe('headcount CLI', () => {
  it('creates a profile from an app registration without storing its secret', async () => {
    const result = await headcount(createArgs('Nordlys', 'HC_SECRET'), { HC_SECRET: emulator.confidentialClient.clientSecret })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Created profile “Nordlys”')
    // The CLI remembers where the secret comes from, never the secret itself.
    const files = readdirSync(join(dataDir, 'data'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    for (const file of files) {
      expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(emulator.confidentialClient.clientSecret)
    }
  })

  it('pulls the tenant with progress on stderr and a JSON summary on stdout', async () => {
    const result = await headcount(['pull', '--profile', 'nordlys', '--json'], { HC_SECRET: emulator.confidentialClient.clientSecret })
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout) as Record<string, unknown>
    expect(summary).toMatchObject({ outcome: 'succeeded', users: 300, mode: expect.stringMatching(/^(full|delta)$/) })
    expect(summary.groups).toEqual(expect.any(Number))
    expect(summary.memberships).toEqual(expect.any(Number))
    expect(summary.durationMs).toEqual(expect.any(Number))
    expect(result.stderr).toMatch(/300 of 300 users/)
  })

  it('lists and shows profiles', async () => {
    const list = await headcount(['profile', 'list', '--json'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ name: 'Nordlys', kind: 'tenant', lastPullAt: expect.any(String) })])
    const show = await headcount(['profile', 'show', 'Nordlys'])
    expect(show.stdout).toContain('Secret      from the environment variable HC_SECRET')
    expect(show.stdout).toContain(emulator.authorityHost)
  })

  it('exits 2 for a usage or configuration mistake, with a sentence saying what to do', async () => {
    const missingSecret = await headcount(['pull', '--profile', 'Nordlys'])
    expect(missingSecret.code).toBe(2)
    expect(missingSecret.stderr).toContain('HC_SECRET is empty')
    const unknown = await headcount(['pull', '--profile', 'Nowhere'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('no profile called “Nowhere”')
    const usage = await headcount(['profile', 'create', 'X', '--tenant', 't'])
    expect(usage.code).toBe(2)
  })

  it('exits 3 when the tenant refuses the credential', async () => {
    const result = await headcount(['pull', '--profile', 'Nordlys', '--json'], { HC_SECRET: 'not-the-secret' })
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/AADSTS7000215/)
  })

  it('deletes a profile only with --yes', async () => {
    const refused = await headcount(['profile', 'delete', 'Nordlys'])
    expect(refused.code).toBe(2)
    const deleted = await headcount(['profile', 'delete', 'Nordlys', '--yes'])
    expect(deleted.code).toBe(0)
    expect(JSON.parse((await headcount(['profile', 'list', '--json'])).stdout)).toEqual([])
  })
})
