/**
 * App-only tokens for Graph with msal-node's ConfidentialClientApplication: the OAuth 2.0 client
 * credentials grant with a client secret or a certificate (Entra's "unattended" connection for
 * scheduled runs). Tokens are cached in memory by MSAL and renewed before they expire.
 */
import { ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node'
import { AppError } from '../../common/errors'
import { createTrustedFetch, type FetchFunction } from '../net/trusted-fetch'
import type { AccessTokenProvider } from './access-token-provider'
import { buildAuthoritySettings, PUBLIC_CLOUD_AUTHORITY_HOST, PUBLIC_CLOUD_GRAPH_RESOURCE } from './msal-authority'
import { toSignInAppError } from './msal-app-error'
import { createMsalNetworkClient } from './msal-network-client'

/** How the app registration proves itself. */
export type ClientCredential =
  | { readonly kind: 'secret'; readonly clientSecret: string }
  | {
      readonly kind: 'certificate'
      /** SHA-256 thumbprint of the certificate, hex. */
      readonly thumbprintSha256: string
      /** PEM private key of the certificate. */
      readonly privateKey: string
      /** The PEM certificate (chain), sent as `x5c` so Entra can use subject-name/issuer auth. */
      readonly x5c?: string
    }

export interface ClientCredentialsTokenProviderOptions {
  readonly tenantId: string
  readonly clientId: string
  readonly credential: ClientCredential
  /** Login host of the cloud, with an optional port; default `login.microsoftonline.com`. */
  readonly authorityHost?: string
  /** Graph resource of the cloud; default `https://graph.microsoft.com`. */
  readonly graphResource?: string
  /** Extra CA certificates (PEM) to trust: a TLS-inspecting proxy, the demo emulator. */
  readonly caCertificates?: readonly string[]
  /** `http://host:port` of an HTTP proxy. */
  readonly proxyUrl?: string
  /** A fetch to use instead of building a trusted fetch from the two options above. */
  readonly fetch?: FetchFunction
  /** Receives MSAL's log lines (never containing secrets or personal data). */
  readonly log?: (level: 'error' | 'warning' | 'info' | 'verbose', message: string) => void
}

export interface ClientCredentialsTokenProvider extends AccessTokenProvider {
  /** Releases the connection pool of the fetch it created. */
  close(): Promise<void>
}

/** Builds the provider; nothing is sent until the first `getAccessToken`. */
export function createClientCredentialsTokenProvider(options: ClientCredentialsTokenProviderOptions): ClientCredentialsTokenProvider {
  const authorityHost = options.authorityHost ?? PUBLIC_CLOUD_AUTHORITY_HOST
  const scope = `${(options.graphResource ?? PUBLIC_CLOUD_GRAPH_RESOURCE).replace(/\/+$/, '')}/.default`
  const ownFetch = options.fetch ? null : createTrustedFetch({ ...(options.caCertificates ? { caCertificates: options.caCertificates } : {}), ...(options.proxyUrl ? { proxyUrl: options.proxyUrl } : {}) })
  const fetch = options.fetch ?? ownFetch?.fetch
  if (!fetch) throw new Error('unreachable: a fetch is always available')
  const log = options.log
  let networkFailure: string | undefined

  const configuration: Configuration = {
    auth: {
      clientId: options.clientId,
      ...buildAuthoritySettings(authorityHost, options.tenantId),
      ...(options.credential.kind === 'secret'
        ? { clientSecret: options.credential.clientSecret }
        : {
            clientCertificate: {
              thumbprintSha256: options.credential.thumbprintSha256,
              privateKey: options.credential.privateKey,
              ...(options.credential.x5c ? { x5c: options.credential.x5c } : {}),
            },
          }),
    },
    system: {
      networkClient: createMsalNetworkClient(fetch, { onNetworkFailure: (description) => (networkFailure = description) }),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message) => log?.(toLogLevel(level), message),
      },
    },
  }
  const application = new ConfidentialClientApplication(configuration)

  return {
    async getAccessToken(signal) {
      throwIfCancelled(signal)
      networkFailure = undefined
      try {
        const result = await whenNotCancelled(application.acquireTokenByClientCredential({ scopes: [scope] }), signal)
        if (!result?.accessToken) {
          throw new AppError({ code: 'RemoteError', message: 'The sign-in service answered without an access token.' })
        }
        return result.accessToken
      } catch (error) {
        throw toSignInAppError(error, { authorityHost, ...(networkFailure ? { networkFailure } : {}) })
      }
    },
    async close() {
      await ownFetch?.close()
    },
  }
}

function toLogLevel(level: LogLevel): 'error' | 'warning' | 'info' | 'verbose' {
  switch (level) {
    case LogLevel.Error:
      return 'error'
    case LogLevel.Warning:
      return 'warning'
    case LogLevel.Info:
      return 'info'
    default:
      return 'verbose'
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError({ code: 'Cancelled', message: 'Sign-in was cancelled.' })
}

/**
 * MSAL takes no AbortSignal; a cancelled caller stops waiting, and the request in flight finishes
 * (and fills MSAL's cache) on its own.
 */
function whenNotCancelled<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AppError({ code: 'Cancelled', message: 'Sign-in was cancelled.' }))
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
