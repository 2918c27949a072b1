/**
 * The public-client side of sign-in: the msal-node configuration for Headcount's desktop client
 * (interactive sign-in through the system browser, loopback redirect, form_post — msal-node 7), a
 * token provider over `acquireTokenSilent`, and the admin-consent URL.
 */
import { InteractionRequiredAuthError, LogLevel, PublicClientApplication, type AccountInfo, type Configuration, type ICachePlugin } from '@azure/msal-node'
import { AppError } from '../../common/errors'
import type { FetchFunction } from '../net/trusted-fetch'
import type { AccessTokenProvider } from './access-token-provider'
import { buildAuthoritySettings, PUBLIC_CLOUD_AUTHORITY_HOST } from './msal-authority'
import { toSignInAppError } from './msal-app-error'
import { createMsalNetworkClient } from './msal-network-client'

export interface PublicClientOptions {
  readonly clientId: string
  /** Tenant id, domain, or `organizations` for "any work account" (the first connect). */
  readonly tenant: string
  readonly authorityHost?: string
  /** The trusted fetch (CA certificates, proxy) MSAL's requests go through. */
  readonly fetch: FetchFunction
  /** Persists MSAL's token cache (e.g. encrypted with Electron safeStorage). */
  readonly cachePlugin?: ICachePlugin
}

/** Builds a PublicClientApplication whose every request goes through `options.fetch`. */
export function createPublicClientApplication(options: PublicClientOptions): PublicClientApplication {
  const configuration: Configuration = {
    auth: { clientId: options.clientId, ...buildAuthoritySettings(options.authorityHost ?? PUBLIC_CLOUD_AUTHORITY_HOST, options.tenant) },
    system: { networkClient: createMsalNetworkClient(options.fetch), loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Warning } },
    ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
  }
  return new PublicClientApplication(configuration)
}

export interface DelegatedTokenProviderOptions {
  readonly application: PublicClientApplication
  readonly account: AccountInfo
  /** e.g. `https://graph.microsoft.com/User.Read.All` */
  readonly scopes: readonly string[]
  readonly authorityHost?: string
}

/**
 * Tokens for the signed-in admin, from MSAL's cache or its refresh token. When Entra wants the user
 * back (expired session, consent revoked: AADSTS65001) it rejects with `Unauthorized` and a hint to
 * connect again; it never opens a browser by itself.
 */
export function createDelegatedTokenProvider(options: DelegatedTokenProviderOptions): AccessTokenProvider {
  const authorityHost = options.authorityHost ?? PUBLIC_CLOUD_AUTHORITY_HOST
  return {
    async getAccessToken(signal) {
      if (signal?.aborted) throw new AppError({ code: 'Cancelled', message: 'Sign-in was cancelled.' })
      try {
        const result = await options.application.acquireTokenSilent({ account: options.account, scopes: [...options.scopes] })
        return result.accessToken
      } catch (error) {
        const appError = toSignInAppError(error, { authorityHost })
        if (error instanceof InteractionRequiredAuthError && appError.code !== 'Unauthorized') {
          throw new AppError({ code: 'Unauthorized', message: 'You need to sign in again.', hint: 'Select Connect to sign in to Microsoft again.' }, { cause: error })
        }
        throw appError
      }
    },
  }
}

export interface AdminConsentUrlOptions {
  readonly clientId: string
  /** Tenant id or domain; `organizations` when unknown (never `common`). */
  readonly tenant: string
  readonly redirectUri: string
  readonly state: string
  /** Default: `https://graph.microsoft.com/.default`, i.e. the app's registered permissions. */
  readonly scope?: string
  readonly authorityHost?: string
}

/**
 * The v2.0 admin-consent URL (reference/entra-and-graph.md §6.1). Entra answers with a GET redirect
 * carrying `admin_consent=True&tenant=…` — not something MSAL's loopback receives, so the caller
 * listens for it itself.
 */
export function buildAdminConsentUrl(options: AdminConsentUrlOptions): string {
  const host = (options.authorityHost ?? PUBLIC_CLOUD_AUTHORITY_HOST).replace(/^https:\/\//, '').replace(/\/+$/, '')
  const url = new URL(`https://${host}/${encodeURIComponent(options.tenant)}/v2.0/adminconsent`)
  url.searchParams.set('client_id', options.clientId)
  url.searchParams.set('scope', options.scope ?? 'https://graph.microsoft.com/.default')
  url.searchParams.set('redirect_uri', options.redirectUri)
  url.searchParams.set('state', options.state)
  return url.toString()
}
