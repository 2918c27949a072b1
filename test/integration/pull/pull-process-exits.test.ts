/**
 * Regression: a process that pulls ends by itself once its pull has finished — full or delta. A
 * checkpoint worker left running (started for a delta round and never stopped, or referenced by its
 * message listener) kept such a process alive forever, and the CLI exited with 13 before its pull ended.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import type { PullChildInput } from './pull-child-process'

let emulator: RunningEmulator
let dataDir: string

beforeAll(async () => {
  emulator = await startEmulator({ users: 200 })
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-pull-exit-'))
})
afterAll(async () => {
  await emulator?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** Runs one pull in a child process; resolves with its exit code and last line, or 'hung' after 30 s. */
function pullInChild(): Promise<{ code: number | 'hung'; finished: { mode?: string; outcome?: string } | null }> {
  const input: PullChildInput = {
    graphBaseUrl: emulator.graphBaseUrl,
    authorityHost: emulator.authorityHost,
    tenantId: emulator.tenantId,
    caCertificatePem: emulator.caCertificatePem,
    clientId: emulator.confidentialClient.clientId,
    clientSecret: emulator.confidentialClient.clientSecret,
    dataDir,
    profileId: 'exits',
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./pull-child-process.ts', import.meta.url))], {
      env: { ...process.env, PULL_CHILD_INPUT: JSON.stringify(input) },
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve({ code: 'hung', finished: null })
    }, 30_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      const last = output.trim().split('\n').at(-1) ?? '{}'
      resolve({ code: code ?? -1, finished: (JSON.parse(last) as { finished?: { mode?: string; outcome?: string } }).finished ?? null })
    })
  })
}

describe('a pulling process', () => {
  it('ends by itself after a full pull and after a delta pull', async () => {
    const full = await pullInChild()
    expect(full).toMatchObject({ code: 0, finished: { outcome: 'succeeded', mode: 'full' } })
    emulator.state.updateUser(emulator.organisation.users[3]!.user.id, { jobTitle: 'Changed for delta' })
    const delta = await pullInChild()
    expect(delta).toMatchObject({ code: 0, finished: { outcome: 'succeeded', mode: 'delta' } })
  }, 90_000)
})
