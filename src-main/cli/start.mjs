#!/usr/bin/env node
/**
 * `npm start`: opens the Electron console. Electron downloads its binary on first use; where that is
 * impossible (no access to its download host), say so in one line and start the browser host instead.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const electronFolder = join(root, 'node_modules', 'electron')

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron')
  const pathFile = join(electronFolder, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronFolder, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

let binary = electronBinary()
if (!binary && existsSync(electronFolder)) {
  // Electron ≥ 42 fetches its binary on first use, with its own installer; run it once, quietly, with a time limit.
  spawnSync(process.execPath, [join(electronFolder, 'install.js')], { cwd: root, stdio: 'ignore', timeout: 180_000 })
  binary = electronBinary()
}

if (!binary) {
  console.log("Electron's binary could not be obtained on this machine, so Headcount starts in your browser instead.")
  const serve = spawn(process.execPath, [join(root, 'src-main', 'cli', 'serve.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => serve.kill(signal))
  serve.on('exit', (code) => process.exit(code ?? 0))
} else {
  const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const app = spawn(binary, [root], { cwd: root, stdio: 'inherit', env: process.env })
  app.on('exit', (code) => process.exit(code ?? 0))
}
