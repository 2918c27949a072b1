/** The single Headcount window, locked down per the Electron security checklist (items 2–6, 13–14). */
import { BrowserWindow } from 'electron'
import { isAppUrl, type AppLocation } from './app-location'
import { openExternalIfAllowed } from './external-links'

/** What the window needs to know about where it loads from and how to report. */
export interface MainWindowOptions {
  readonly location: AppLocation
  /** Absolute path of the bundled `out/preload/index.cjs`. */
  readonly preloadPath: string
  /** Absolute path of `out/renderer/index.html`, loaded when `location` is a file. */
  readonly indexFilePath: string
  /** Developer tools: unpackaged builds only, matching the View menu. */
  readonly areDevToolsEnabled: boolean
  /** Where blocked navigations and failed loads are reported. */
  readonly log: (message: string, detail?: unknown) => void
}

/** Creates the window, installs the navigation guards and starts loading the renderer. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Headcount',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: options.preloadPath,
      devTools: options.areDevToolsEnabled,
    },
  })
  window.once('ready-to-show', () => window.show())

  const contents = window.webContents
  // No second window, ever: allow-listed links go to the system browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url, options.log)
    return { action: 'deny' }
  })
  // The page may only ever be the app itself; a plain link to Microsoft docs goes to the browser.
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url, options.location)) return
    event.preventDefault()
    openInBrowser(event.url, options.log)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())

  const loading =
    options.location.kind === 'file' ? window.loadFile(options.indexFilePath) : window.loadURL(options.location.url)
  loading.catch((error: unknown) => options.log('The Headcount window failed to load.', error))
  return window
}

function openInBrowser(url: string, log: MainWindowOptions['log']): void {
  openExternalIfAllowed(url)
    .then((isOpened) => {
      if (!isOpened) log(`Blocked a link that is not on the allow-list: ${url.slice(0, 200)}`)
    })
    .catch((error: unknown) => log('The system browser could not be opened.', error))
}
