/**
 * The Electron composition root: one instance, one window, one API. Everything Electron-specific
 * about starting and stopping Headcount happens here; the API itself is host-neutral
 * (src-main/api/compose-api.ts).
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, Menu, session } from 'electron'
import { toAppErrorData, type HeadcountApi } from '../common'
import { composeHeadcountApi } from '../api/compose-api'
import { EncryptedFileSecretStore } from '../services/secrets/encrypted-file-secret-store'
import { openSignInPage } from './external-links'
import { createSafeStorageCipher } from './safe-storage-cipher'
import type { HeadcountApiHandle } from '../api/headcount-api'
import { applicationMenuTemplate } from './application-menu'
import { resolveAppLocation, type AppLocation } from './app-location'
import { contentSecurityPolicy } from './content-security-policy'
import { resolveDataDirectory } from './data-directory'
import { attachIpcHost } from './ipc-host'
import { createMainWindow } from './main-window'
import { applySessionPolicy } from './session-policy'

/** Where electron-vite puts the preload and the renderer, relative to the bundled `out/main/index.js`. */
const OUT_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), '..')
const PRELOAD_PATH = join(OUT_DIRECTORY, 'preload', 'index.cjs')
const RENDERER_INDEX_PATH = join(OUT_DIRECTORY, 'renderer', 'index.html')

function log(message: string, detail?: unknown): void {
  if (detail === undefined) console.error(`[headcount] ${message}`)
  else console.error(`[headcount] ${message}`, detail)
}

/** Starts Headcount in Electron. Called once, from src-main/index.ts. */
export function bootstrap(): void {
  const dataDirectory = resolveDataDirectory(process.env, app.getPath('userData'))
  // Chromium's profile and the single-instance lock follow the data folder, so a test or a
  // side-by-side instance with its own HEADCOUNT_DATA_DIR neither collides nor shares a lock.
  if (dataDirectory.isOverridden) app.setPath('userData', dataDirectory.path)
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.enableSandbox()

  const location = resolveAppLocation({
    isPackaged: app.isPackaged,
    developmentUrl: process.env.ELECTRON_RENDERER_URL,
    indexFilePath: RENDERER_INDEX_PATH,
  })
  let composition: HeadcountApiHandle | null = null
  let mainWindow: BrowserWindow | null = null

  const openMainWindow = (api: HeadcountApi): void => {
    const window = createMainWindow({
      location,
      preloadPath: PRELOAD_PATH,
      indexFilePath: RENDERER_INDEX_PATH,
      areDevToolsEnabled: !app.isPackaged,
      log,
    })
    attachIpcHost({ window, api, location, log })
    window.once('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    mainWindow = window
  }

  app.on('second-instance', () => {
    if (mainWindow === null) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  // Any other web contents (devtools, a stray frame) gets no windows and no webviews either.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (composition !== null && BrowserWindow.getAllWindows().length === 0) openMainWindow(composition.api)
  })

  // The API holds SQLite files and timers: close them before the process goes, then quit again.
  app.on('will-quit', (event) => {
    if (composition === null) return
    event.preventDefault()
    const closing = composition
    composition = null
    closing
      .dispose()
      .catch((error: unknown) => log('Closing the data store failed.', error))
      .finally(() => app.quit())
  })

  app
    .whenReady()
    .then(async () => {
      composition = await start(location, dataDirectory.path)
      openMainWindow(composition.api)
    })
    .catch((error: unknown) => {
      log('Headcount could not start.', error)
      const data = toAppErrorData(error)
      dialog.showErrorBox('Headcount could not start', [data.message, data.hint].filter(Boolean).join('\n\n'))
      app.exit(1)
    })
}

async function start(location: AppLocation, dataDirectory: string): Promise<HeadcountApiHandle> {
  applySessionPolicy(session.defaultSession, contentSecurityPolicy(location))
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, !app.isPackaged)))
  await mkdir(dataDirectory, { recursive: true })
  return composeHeadcountApi({
    dataDir: dataDirectory,
    host: 'electron',
    secrets: new EncryptedFileSecretStore(join(dataDirectory, 'secrets'), createSafeStorageCipher()),
    openBrowser: openSignInPage,
  })
}
