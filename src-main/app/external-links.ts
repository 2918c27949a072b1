/** The one way a URL leaves the app for the system browser. */
import { shell } from 'electron'
import { isAllowedExternalUrl } from './external-url-policy'

/**
 * Opens `url` in the system browser when it is on the allow-list; returns whether it did. Also the
 * right `openBrowser` for msal-node's interactive sign-in, whose URL is on a login host.
 */
export async function openExternalIfAllowed(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false
  await shell.openExternal(url)
  return true
}
