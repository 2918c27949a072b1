#!/usr/bin/env node
/**
 * `npm test`: type check, lint, build the renderer (the e2e specs load it), then every Vitest
 * project (unit, integration, e2e). Prints one closing line `Tests: N passed, N failed, N skipped`
 * and exits non-zero if any step failed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const resultsFile = join(root, 'test-results', 'vitest.json')
mkdirSync(dirname(resultsFile), { recursive: true })

const steps = [
  ['Type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['Lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['Build', bin('electron-vite'), ['build']],
  [
    'Tests',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
  ],
]

let failed = false
for (const [name, command, args] of steps) {
  const started = Date.now()
  console.log(`\n▶ ${name}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.log(`✖ ${name} failed after ${seconds} s`)
    failed = true
    if (name === 'Build') break
  } else {
    console.log(`✔ ${name} (${seconds} s)`)
  }
}

if (existsSync(resultsFile)) {
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'))
  const passed = report.numPassedTests ?? 0
  const failedTests = report.numFailedTests ?? 0
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  console.log(`\nTests: ${passed} passed, ${failedTests} failed, ${skipped} skipped`)
  if (failedTests > 0 || passed === 0) failed = true
} else {
  console.log('\nTests: 0 passed, 1 failed')
  failed = true
}
process.exit(failed ? 1 : 0)
