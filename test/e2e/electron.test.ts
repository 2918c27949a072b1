/**
 * The real app in Electron: main process, sandboxed preload, built renderer, demo organisation.
 *
 * Runs only where the Electron binary exists. Since Electron 42 the binary downloads lazily on the
 * first `require('electron')`, and this machine cannot download it, so the binary is looked up the
 * way node_modules/electron/index.js does, without requiring it, and Playwright is given its path.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..', '..')
const artefacts = join(root, 'test-results')
const builtFiles = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((file) => join(root, file))

/** The Electron executable, or null when it is not installed (mirrors electron/index.js). */
function findElectronBinary(): string | null {
  const packageDirectory = join(root, 'node_modules', 'electron')
  const pathFile = join(packageDirectory, 'path.txt')
  const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const overrideDirectory = process.env.ELECTRON_OVERRIDE_DIST_PATH
  let candidate: string | null = null
  if (overrideDirectory) candidate = join(overrideDirectory, relativePath ?? 'electron')
  else if (relativePath) candidate = join(packageDirectory, 'dist', relativePath)
  return candidate !== null && existsSync(candidate) ? candidate : null
}

function skipReason(binary: string | null): string | null {
  if (binary === null) return 'Electron binary not present — it cannot be downloaded on this machine'
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  if (process.platform === 'linux' && !hasDisplay) return 'no display — run it under xvfb-run'
  return null
}

const binary = findElectronBinary()
const reason = skipReason(binary)
const title = 'opens the window, explores the demo and shows the pull summary'

let application: ElectronApplication | undefined
let dataDirectory: string | undefined

afterAll(async () => {
  await application?.close()
  if (dataDirectory) rmSync(dataDirectory, { recursive: true, force: true })
})

describe('Headcount in Electron', () => {
  it.skipIf(reason !== null)(reason === null ? title : `${title} (skipped: ${reason})`, async () => {
    const missing = builtFiles.filter((file) => !existsSync(file))
    if (missing.length > 0) {
      throw new Error(`The app is not built (missing ${missing.join(', ')}): run \`npx electron-vite build\` first.`)
    }
    mkdirSync(artefacts, { recursive: true })
    dataDirectory = mkdtempSync(join(tmpdir(), 'headcount-electron-e2e-'))
    const environment: Record<string, string> = {}
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) environment[name] = value
    // The built renderer, never a dev server that may or may not be running.
    delete environment.ELECTRON_RENDERER_URL
    environment.HEADCOUNT_DATA_DIR = dataDirectory

    application = await _electron.launch({
      executablePath: binary ?? undefined,
      args: [root],
      env: environment,
      timeout: 60_000,
    })
    const appWindow = await application.firstWindow()
    const pageErrors: string[] = []
    appWindow.on('pageerror', (error) => pageErrors.push(error.message))

    // Context isolation and no Node integration, seen from the page: only the contract is exposed.
    const globals = await appWindow.evaluate(() => ({
      host: window.headcount?.host,
      hasRequire: 'require' in globalThis,
      hasProcess: 'process' in globalThis,
    }))
    expect(globals).toEqual({ host: 'electron', hasRequire: false, hasProcess: false })
    // Navigation away from the app is blocked.
    const appUrl = appWindow.url()
    await appWindow.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    await appWindow.waitForTimeout(500)
    expect(appWindow.url()).toBe(appUrl)

    await appWindow.getByTestId('explore-demo-button').click()
    await appWindow.getByTestId('pull-summary').waitFor({ timeout: 90_000 })
    await appWindow.screenshot({ path: join(artefacts, 'electron-demo.png') })
    expect(pageErrors).toEqual([])
  })
})
