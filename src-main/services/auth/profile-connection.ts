/**
 * Everything one profile needs to reach its tenant, built from its stored settings and secrets: the
 * cloud's endpoints, a trusted fetch (the profile's extra CA and proxy), a PublicClientApplication
 * whose token cache lives in the SecretStore, and client-credentials token providers. One instance
 * per profile and settings; `close()` releases its connection pools.
 */
import { InteractionRequiredAuthError, type AccountInfo, type PublicClientApplication } from '@azure/msal-node'
import type { ConnectionSettings, SignedInAccount } from '../../common/connection'
import { AppError } from '../../common/errors'
import { createTrustedFetch, type FetchFunction, type TrustedFetch } from '../net/trusted-fetch'
import { caSecretKey, certificateKey, clientSecretKey, proxySecretKey } from '../secrets/profile-secret-keys'
import type { SecretStore } from '../secrets/secret-store'
import type { AccessTokenProvider } from './access-token-provider'
import type { CertificateCredential } from './certificate-credential'
import { createClientCredentialsTokenProvider, type ClientCredential, type ClientCredentialsTokenProvider } from './client-credentials-token-provider'
import { graphBaseUrl, graphScope, resolveCloud, type CloudEndpoints } from './cloud-endpoints'
import { permissionsRequestedNow } from './headcount-permissions'
import { toSignInAppError } from './msal-app-error'
import { createPublicClientApplication } from './public-client'
import { createSecretStoreCachePlugin, msalCacheKey } from './secret-store-cache-plugin'

const SIGN_IN_AGAIN = { code: 'Unauthorized', message: 'You need to sign in again.', hint: 'Select Connect to sign in to Microsoft again.' } as const

export class ProfileConnection {
  readonly endpoints: CloudEndpoints
  readonly graphBaseUrl: string
  private application: PublicClientApplication | null = null
  private clientCredentials: ClientCredentialsTokenProvider | null = null

  private constructor(
    readonly profileId: string,
    readonly settings: ConnectionSettings,
    private readonly secrets: SecretStore,
    private readonly trusted: TrustedFetch,
  ) {
    this.endpoints = resolveCloud(settings.cloud, { authorityHost: settings.authorityHost, graphEndpoint: settings.graphEndpoint })
    this.graphBaseUrl = graphBaseUrl(this.endpoints)
  }

  /** Reads the profile's CA and proxy from the SecretStore and builds its fetch. */
  static async open(profileId: string, settings: ConnectionSettings, secrets: SecretStore): Promise<ProfileConnection> {
    const ca = settings.hasCustomCa ? await secrets.get(caSecretKey(profileId)) : null
    const proxyUrl = (await secrets.get(proxySecretKey(profileId))) ?? settings.proxyUrl
    const trusted = createTrustedFetch({ ...(ca ? { caCertificates: [ca] } : {}), ...(proxyUrl ? { proxyUrl } : {}) })
    return new ProfileConnection(profileId, settings, secrets, trusted)
  }

  get fetch(): FetchFunction {
    return this.trusted.fetch
  }

  /** The delegated scopes asked for at sign-in, on this cloud's Graph resource. */
  delegatedScopes(): readonly string[] {
    return permissionsRequestedNow().map((permission) => graphScope(this.endpoints, permission))
  }

  /** The tenant's authority on this cloud; its tokens persist in the SecretStore. */
  publicClient(): PublicClientApplication {
    this.application ??= createPublicClientApplication({
      clientId: this.settings.clientId,
      tenant: this.settings.tenant,
      authorityHost: this.endpoints.authorityHost,
      fetch: this.trusted.fetch,
      cachePlugin: createSecretStoreCachePlugin(this.secrets, msalCacheKey(this.profileId)),
    })
    return this.application
  }

  /** The signed-in account as MSAL's cache knows it, or null when the cache no longer has it. */
  async findAccount(account: SignedInAccount): Promise<AccountInfo | null> {
    return this.publicClient().getTokenCache().getAccountByHomeId(account.homeAccountId)
  }

  /** A delegated token from MSAL's cache or refresh token; never opens a browser. */
  async delegatedToken(account: SignedInAccount, options: { readonly forceRefresh?: boolean } = {}): Promise<string> {
    const cached = await this.findAccount(account)
    if (!cached) throw new AppError(SIGN_IN_AGAIN)
    try {
      const result = await this.publicClient().acquireTokenSilent({ account: cached, scopes: [...this.delegatedScopes()], ...(options.forceRefresh ? { forceRefresh: true } : {}) })
      return result.accessToken
    } catch (error) {
      const appError = toSignInAppError(error, { authorityHost: this.endpoints.authorityHost })
      if (error instanceof InteractionRequiredAuthError && appError.code !== 'Unauthorized') throw new AppError(SIGN_IN_AGAIN, { cause: error })
      throw appError
    }
  }

  /** Removes the account and its tokens from MSAL's cache (and so from the SecretStore). */
  async forgetAccount(account: SignedInAccount): Promise<void> {
    const cached = await this.findAccount(account)
    if (cached) await this.publicClient().getTokenCache().removeAccount(cached)
  }

  /**
   * The app-only token provider of an unattended connection, with the stored secret or certificate.
   * `fresh` builds a new one with an empty cache (a permission check must not see an old token's roles).
   */
  async clientCredentialsProvider(options: { readonly fresh?: boolean } = {}): Promise<ClientCredentialsTokenProvider> {
    if (!options.fresh && this.clientCredentials) return this.clientCredentials
    const provider = createClientCredentialsTokenProvider({
      tenantId: this.settings.tenant,
      clientId: this.settings.clientId,
      credential: await this.loadCredential(),
      authorityHost: this.endpoints.authorityHost,
      graphResource: this.endpoints.graphResource,
      fetch: this.trusted.fetch,
    })
    if (options.fresh) return provider
    this.clientCredentials = provider
    return provider
  }

  /** Delegated for interactive profiles (needs `account`), client credentials otherwise. */
  tokenProvider(account: SignedInAccount | null): AccessTokenProvider {
    return {
      getAccessToken: async (signal) => {
        if (signal?.aborted) throw new AppError({ code: 'Cancelled', message: 'Sign-in was cancelled.' })
        if (this.settings.mode !== 'interactive') return (await this.clientCredentialsProvider()).getAccessToken(signal)
        if (!account) throw new AppError({ code: 'Unauthorized', message: 'Nobody is signed in to this profile.', hint: 'Select Connect to sign in to Microsoft.' })
        return this.delegatedToken(account)
      },
    }
  }

  async close(): Promise<void> {
    await this.clientCredentials?.close()
    await this.trusted.close()
  }

  private async loadCredential(): Promise<ClientCredential> {
    if (this.settings.mode === 'clientSecret') {
      const clientSecret = await this.secrets.get(clientSecretKey(this.profileId))
      if (clientSecret) return { kind: 'secret', clientSecret }
    } else if (this.settings.mode === 'certificate') {
      const stored = await this.secrets.get(certificateKey(this.profileId))
      if (stored) {
        const certificate = JSON.parse(stored) as CertificateCredential
        return { kind: 'certificate', thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem, x5c: certificate.certificatePem }
      }
    }
    throw new AppError({
      code: 'InvalidArgument',
      message: 'No client secret or certificate is saved for this profile.',
      hint: 'Open the connection settings and enter the client secret or certificate of the app registration.',
    })
  }
}
