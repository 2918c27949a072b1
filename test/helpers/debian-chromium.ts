/**
 * Debian's Chromium driven by playwright-core, as every browser test here launches it (Playwright
 * cannot download its own browser on these machines), and where the built renderer and the test
 * artefacts live.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

const projectRoot = resolve(import.meta.dirname, '..', '..')
/** Screenshots kept as test artefacts. */
export const ARTEFACTS_FOLDER = join(projectRoot, 'test-results')
export const RENDERER_ROOT = join(projectRoot, 'out', 'renderer')
const CHROMIUM_PATH = process.env.HEADCOUNT_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Launches Chromium headless. Without the background-networking flags it keeps dialling Google on
 * this machine's closed network. `extraArgs` is for a test's own needs (e.g. trusting the emulator).
 */
export async function launchDebianChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y chromium (.ci/run does it).`)
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  })
}

/** Fails with a clear message when the renderer was not built, and makes the artefacts folder. */
export function requireBuiltRenderer(): void {
  if (!existsSync(join(RENDERER_ROOT, 'index.html'))) {
    throw new Error('The renderer is not built: run `npx electron-vite build` (npm test does it first).')
  }
  mkdirSync(ARTEFACTS_FOLDER, { recursive: true })
}
