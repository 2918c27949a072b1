/**
 * msal-node's interactive sign-in (system browser, its own loopback server on 127.0.0.1, form_post,
 * PKCE) made cancellable. `acquireTokenInteractive` has no timeout or cancel and waits forever when
 * the admin closes the browser (reference/electron-msal-graph.md §0 item 3). The verified way out:
 * POST `error=access_denied&state=<state>` to the loopback `redirect_uri` taken from the authorize URL
 * handed to `openBrowser`; MSAL then rejects and closes its server.
 */
import type { AuthenticationResult, PublicClientApplication } from '@azure/msal-node'
import { AppError } from '../../common/errors'
import { toSignInAppError } from './msal-app-error'

/** Five minutes: long enough to find the password, short enough not to leave a port open all day. */
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60 * 1000

export interface InteractiveSignInOptions {
  readonly application: PublicClientApplication
  readonly scopes: readonly string[]
  /** `consent` on connect, so an administrator sees "Consent on behalf of your organisation". */
  readonly prompt?: 'consent' | 'select_account' | 'login'
  /** Shows the sign-in page to the admin; rejecting ends the sign-in with that error. */
  readonly openBrowser: (url: string) => Promise<void>
  readonly timeoutMs?: number
  /** For error messages ("could not reach …"). */
  readonly authorityHost: string
}

const PAGE_STYLE = 'font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;line-height:1.5'
const SUCCESS_PAGE = `<!doctype html><meta charset="utf-8"><title>Headcount</title><div style="${PAGE_STYLE}"><h1>You are signed in</h1><p>You can close this tab and return to Headcount.</p></div>`
const ERROR_PAGE = `<!doctype html><meta charset="utf-8"><title>Headcount</title><div style="${PAGE_STYLE}"><h1>Sign-in did not finish</h1><p>Return to Headcount to see why and try again.</p></div>`

/**
 * Runs the interactive sign-in. Rejects with an AppError: `Cancelled` when `signal` aborts (or the
 * admin declines consent), `Timeout` after `timeoutMs`, or what Entra answered.
 */
export function signInInteractively(options: InteractiveSignInOptions, signal?: AbortSignal): Promise<AuthenticationResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS
  let authorizeUrl: URL | null = null
  let stopReason: AppError | null = null

  return new Promise<AuthenticationResult>((resolve, reject) => {
    const stop = (reason: AppError): void => {
      if (stopReason) return
      stopReason = reason
      if (authorizeUrl) void releaseLoopback(authorizeUrl)
      reject(reason)
    }
    const onAbort = (): void => stop(new AppError({ code: 'Cancelled', message: 'Sign-in was cancelled.' }))
    const timer = setTimeout(() => {
      stop(
        new AppError({
          code: 'Timeout',
          message: `Sign-in was not finished within ${Math.round(timeoutMs / 60_000) || 1} minute(s).`,
          hint: 'Select Connect to try again, and finish signing in in the browser window that opens.',
        }),
      )
    }, timeoutMs)
    const finish = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
    if (signal?.aborted) {
      finish()
      onAbort()
      return
    }
    signal?.addEventListener('abort', onAbort, { once: true })

    options.application
      .acquireTokenInteractive({
        scopes: [...options.scopes],
        ...(options.prompt ? { prompt: options.prompt } : {}),
        successTemplate: SUCCESS_PAGE,
        errorTemplate: ERROR_PAGE,
        openBrowser: async (url) => {
          // Stopped before the page opened: throwing here makes MSAL close its loopback server.
          if (stopReason) throw stopReason
          authorizeUrl = new URL(url)
          await options.openBrowser(url)
        },
      })
      .then(
        (result) => {
          finish()
          if (!stopReason) resolve(result)
        },
        (error: unknown) => {
          finish()
          // After a stop, MSAL's own rejection (our access_denied) is expected and already reported.
          if (!stopReason) reject(toSignInAppError(error, { authorityHost: options.authorityHost }))
        },
      )
  })
}

/** Posts the cancel to MSAL's loopback; the server listens on 127.0.0.1 whatever the URI's host says. */
async function releaseLoopback(authorizeUrl: URL): Promise<void> {
  const redirectUri = authorizeUrl.searchParams.get('redirect_uri')
  const state = authorizeUrl.searchParams.get('state')
  if (!redirectUri || !state) return
  const target = new URL(redirectUri)
  if (target.hostname !== 'localhost' && target.hostname !== '127.0.0.1') return
  target.hostname = '127.0.0.1'
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ error: 'access_denied', error_description: 'The sign-in was cancelled in Headcount.', state }).toString(),
      signal: AbortSignal.timeout(5_000),
    })
    await response.body?.cancel()
  } catch {
    // The server already closed (the browser finished at the same moment): nothing is left waiting.
  }
}
