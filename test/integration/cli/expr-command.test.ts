/**
 * `headcount expr` as a script runs it: the bin in a child process, a user as a Graph JSON file,
 * stdout, stderr and the exit code.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..', '..', '..')
const bin = join(root, 'src-main', 'cli', 'headcount.mjs')

let folder: string
let userFile: string

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'headcount-expr-'))
  userFile = join(folder, 'user.json')
  writeFileSync(
    userFile,
    JSON.stringify({
      id: '00aa00aa-bb11-cc22-dd33-44ee44ee44ee',
      givenName: 'Zoe',
      surname: 'Lee',
      userPrincipalName: 'Zoe.Lee@contoso.com',
      mobilePhone: '+47 900 00 000',
      proxyAddresses: ['SMTP:zoe@contoso.com', 'smtp:z.lee@contoso.com'],
      onPremisesExtensionAttributes: { extensionAttribute1: 'E-1' },
      manager: { id: 'manager-1' },
    }),
  )
})
afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true })
})

function headcountExpr(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, 'expr', ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', HEADCOUNT_DATA_DIR: folder } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }))
  })
}

describe('headcount expr', () => {
  it('prints the value of an expression for the user', async () => {
    const result = await headcountExpr(['Join(".", ToLower([givenName]), ToLower([surname]), [extensionAttribute1], [manager])', '--user', userFile])
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('zoe.lee.E-1.manager-1\n')
    expect(result.code).toBe(0)
  })

  it('prints a multi-valued result one value per line', async () => {
    const result = await headcountExpr(['Split([userPrincipalName], "@")', '--user', userFile])
    expect(result.stdout).toBe('Zoe.Lee\ncontoso.com\n')
    expect(result.code).toBe(0)
  })

  it('prints value and diagnostics as JSON with --json', async () => {
    const result = await headcountExpr(['Item([proxyAddresses], 2)', '--user', userFile, '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ value: 'smtp:z.lee@contoso.com', isIgnored: false, redacted: false, diagnostics: [] })
  })

  it('reports a syntax error with its position and exits with 2', async () => {
    const result = await headcountExpr(['tolower([mail])', '--user', userFile, '--json'])
    expect(result.code).toBe(2)
    const output = JSON.parse(result.stdout) as { value: unknown; diagnostics: unknown[] }
    expect(output.value).toBeNull()
    expect(output.diagnostics).toEqual([
      { code: 'unknownFunction', severity: 'error', message: expect.stringContaining('tolower') as unknown, offset: 0, length: 7, hint: 'Did you mean ToLower?' },
    ])
  })

  it('shows the diagnostic under the expression on stderr', async () => {
    const result = await headcountExpr(['Left([mail] 3)', '--user', userFile])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('error unexpectedToken (1:13)')
    expect(result.stderr).toContain('  Left([mail] 3)\n              ^\n')
  })

  it('uses --now as the clock, and refuses a --now that is not ISO 8601', async () => {
    const fixed = await headcountExpr(['Now()', '--user', userFile, '--now', '2024-08-06T13:05:09Z'])
    expect(fixed.stdout).toBe('8/6/2024 1:05:09 PM\n')
    expect(fixed.code).toBe(0)
    const later = await headcountExpr(['DateAdd("d", 30, Now())', '--user', userFile, '--now', '2024-08-06T13:05:09Z'])
    expect(later.stdout).toBe('9/5/2024 1:05:09 PM\n')
    const wrong = await headcountExpr(['[givenName]', '--user', userFile, '--now', 'yesterday'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--now must be an ISO 8601 date')
  })

  it('needs --user and a readable JSON object', async () => {
    expect((await headcountExpr(['[givenName]'])).stderr).toContain('needs --user')
    const missing = await headcountExpr(['[givenName]', '--user', join(folder, 'nope.json')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Cannot read the user')
  })
})
