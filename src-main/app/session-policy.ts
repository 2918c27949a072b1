/**
 * Session-wide hardening for the renderer (Electron security checklist items 5 and 7): no permission
 * is ever granted, downloads are refused, and every response carries the app's CSP header.
 */
import type { Session } from 'electron'
import { withContentSecurityPolicy } from './content-security-policy'

/**
 * Applies the policy to `session`. The header matters for the dev server; for the packaged
 * `file://` page the renderer's `<meta>` CSP is the one Chromium is sure to see, so both are set.
 */
export function applySessionPolicy(session: Session, contentSecurityPolicy: string): void {
  // Headcount needs no camera, notifications, clipboard-read or geolocation: refuse all of them.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.on('will-download', (event) => event.preventDefault())
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, contentSecurityPolicy) })
  })
}
