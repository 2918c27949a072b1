#!/usr/bin/env node
/**
 * `npm run serve`: builds the renderer and starts the browser host (src-main/bridge), which prints
 * the address to open. `--no-build` reuses an existing build.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const skipBuild = process.argv.includes('--no-build') && existsSync(join(root, 'out', 'renderer', 'index.html'))

if (!skipBuild) {
  const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) {
    console.error('The build failed; see the errors above.')
    process.exit(build.status ?? 1)
  }
}

const host = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main', 'bridge', 'serve.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal))
host.on('exit', (code) => process.exit(code ?? 0))
