/** The one way a URL leaves the app for the system browser. */
import { shell } from 'electron'
import { AppError } from '../common'
import { isAllowedExternalUrl, isAllowedSignInUrl } from './external-url-policy'

/**
 * Opens `url` in the system browser when it is on the allow-list; returns whether it did. Also the
 * right `openBrowser` for msal-node's interactive sign-in, whose URL is on a login host.
 */
export async function openExternalIfAllowed(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false
  await shell.openExternal(url)
  return true
}

/**
 * msal-node's `openBrowser` for interactive sign-in: the page must be on a Microsoft login host or
 * on the profile's own (custom cloud) login host; anything else is refused with an error the
 * Connect screen shows.
 */
export async function openSignInPage(url: string, context: { readonly profileId: string; readonly authorityHost: string }): Promise<void> {
  if (!isAllowedSignInUrl(url, context.authorityHost)) {
    throw new AppError({
      code: 'Forbidden',
      message: 'Headcount refused to open a sign-in page on an unexpected address.',
      hint: 'Check the login host in the profile’s connection settings.',
    })
  }
  await shell.openExternal(url)
}
