/**
 * Composition root of the browser host (`npm run serve`): the same API as the Electron app, served to
 * a browser over the loopback bridge. Prints the address to open, with its per-launch token.
 */
import { join, resolve } from 'node:path'
import { composeHeadcountApi } from '../api/compose-api'
import { startBridge } from './bridge-server'
import { resolveDefaultDataDir } from '../services/profiles/default-data-dir'

async function main(): Promise<void> {
  const projectRoot = resolve(import.meta.dirname, '..', '..')
  const staticRoot = join(projectRoot, 'out', 'renderer')
  const dataDir = resolveDefaultDataDir()
  const port = process.env.HEADCOUNT_PORT ? Number(process.env.HEADCOUNT_PORT) : 0
  const handle = await composeHeadcountApi({ dataDir, host: 'browser' })
  const bridge = await startBridge({ api: handle.api, staticRoot, port })
  console.log(`Headcount is running in your browser host at:\n\n  ${bridge.url}\n`)
  console.log(`Data folder: ${dataDir}`)
  console.log('Press Ctrl+C to stop.')

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    console.log('\nStopping…')
    await bridge.close()
    await handle.dispose()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error('Headcount could not start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
