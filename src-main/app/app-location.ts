/**
 * Where the renderer is loaded from, and which URLs count as "the app itself". Pure (no Electron
 * import) so the navigation and IPC sender checks can be unit-tested.
 */
import { pathToFileURL } from 'node:url'

/** The packaged renderer (`file://…/out/renderer/index.html`) or the Vite dev server. */
export type AppLocation =
  | { readonly kind: 'file'; readonly url: string }
  | { readonly kind: 'development'; readonly url: string; readonly origin: string }

/** What {@link resolveAppLocation} decides from. */
export interface AppLocationInputs {
  /** `app.isPackaged`: a packaged build never honours a dev-server URL from the environment. */
  readonly isPackaged: boolean
  /** `ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  readonly developmentUrl: string | undefined
  /** Absolute path of the built `out/renderer/index.html`. */
  readonly indexFilePath: string
}

/**
 * Picks the renderer location. The dev-server URL is used only when the app is not packaged and the
 * URL points at this machine over http(s): an environment variable must never be able to make the
 * window load a remote page (Electron security checklist, item 1).
 */
export function resolveAppLocation(inputs: AppLocationInputs): AppLocation {
  if (!inputs.isPackaged && inputs.developmentUrl !== undefined && isLoopbackHttpUrl(inputs.developmentUrl)) {
    const url = new URL(inputs.developmentUrl)
    return { kind: 'development', url: url.href, origin: url.origin }
  }
  return { kind: 'file', url: pathToFileURL(inputs.indexFilePath).href }
}

/**
 * True when `url` is the app's own page: the same `file://` document (query and fragment ignored,
 * so hash routing keeps working) or any page of the dev-server origin.
 */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const candidate = parseUrl(url)
  if (candidate === null) return false
  if (location.kind === 'development') return candidate.origin === location.origin
  const own = new URL(location.url)
  return candidate.protocol === 'file:' && candidate.host === own.host && candidate.pathname === own.pathname
}

function isLoopbackHttpUrl(value: string): boolean {
  const url = parseUrl(value)
  if (url === null) return false
  const isHttp = url.protocol === 'http:' || url.protocol === 'https:'
  return isHttp && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}
