/**
 * {@link GraphGetter} over the same {@link GraphHttpClient} the pull uses: the profile's trusted fetch
 * (extra CA certificates, proxy), the token provider, retries of 429/503/504 with `Retry-After`,
 * cancellation, links followed only on the profile's own Graph endpoint, and failures mapped by
 * `toGraphAppError` — so Health and Pull speak about Graph in the same words.
 */
import { AppError } from '../../common/errors'
import type { AccessTokenProvider } from '../auth/access-token-provider'
import { GraphHttpClient } from '../graph/graph-http-client'
import type { GraphOperation } from '../graph/graph-failure'
import type { FetchFunction } from '../net/trusted-fetch'
import type { GraphGetter } from './graph-getter'

export interface FetchGraphGetterOptions {
  /** The profile's Graph endpoint, https, with or without the version: `https://graph.microsoft.com/v1.0`. */
  readonly graphBaseUrl: string
  readonly tokenProvider: AccessTokenProvider
  /** Usually `createTrustedFetch(...).fetch`. */
  readonly fetch: FetchFunction
  /** First delay in seconds when Graph sends no Retry-After, and how many times to retry. */
  readonly retry?: { readonly delaySeconds: number; readonly maxRetries: number }
}

/** No single wait for throttling is longer than this. */
const LONGEST_WAIT_MS = 120_000

/** Builds the getter; nothing is sent until the first call. */
export function createFetchGraphGetter(options: FetchGraphGetterOptions): GraphGetter {
  const retry = options.retry ?? { delaySeconds: 3, maxRetries: 3 }
  const client = new GraphHttpClient({
    graphBaseUrl: options.graphBaseUrl,
    tokenProvider: options.tokenProvider,
    fetch: options.fetch,
    retry: { maxRetries: retry.maxRetries, baseDelayMs: retry.delaySeconds * 1000, maxDelayMs: LONGEST_WAIT_MS },
  })
  const root = new URL(client.endpoint.versionedUrl)
  return {
    async getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
      try {
        const url = client.resolve(path)
        const { body } = await client.json(url, { operation: graphOperationFor(url, root) }, signal)
        return body as T
      } catch (error) {
        // GraphHttpClient fails only with AppErrors (a link elsewhere, or toGraphAppError's mapping).
        throw forHealth(error as AppError)
      }
    },
  }
}

/**
 * What a request is for, in the words `toGraphAppError` puts into its messages, and the least
 * privileged application permission for it (serviceprincipal-list, application-list,
 * serviceprincipal-list-approleassignedto: Application.Read.All).
 */
function graphOperationFor(url: string, root: URL): GraphOperation {
  const segments = new URL(url).pathname.slice(root.pathname.length).split('/').filter((segment) => segment !== '')
  const [collection = '', , navigation] = segments
  switch (collection.toLowerCase()) {
    case 'serviceprincipals':
      return navigation?.toLowerCase() === 'approleassignedto'
        ? { description: 'read who is assigned to the enterprise app', permission: 'Application.Read.All' }
        : { description: 'read enterprise apps and their certificates', permission: 'Application.Read.All' }
    case 'applications':
      return { description: 'read app registrations and their secrets', permission: 'Application.Read.All' }
    default:
      return { description: `read ${collection || 'Microsoft Graph'}`, permission: 'Directory.Read.All' }
  }
}

/**
 * toGraphAppError words its hints for the pull ("…, then pull again."); here the admin retries by
 * checking again. Only that closing phrase is changed; any other hint passes as it is.
 */
function forHealth(error: AppError): AppError {
  if (error.hint === undefined || !error.hint.endsWith('pull again.')) return error
  return new AppError({ ...error.toJSON(), hint: `${error.hint.slice(0, -'pull again.'.length)}check again.` }, { cause: error.cause })
}
