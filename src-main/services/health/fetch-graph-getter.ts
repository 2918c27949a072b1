/**
 * {@link GraphGetter} over Headcount's trusted fetch (extra CA certificates, proxy) and an
 * {@link AccessTokenProvider}. The health check makes a handful of small GETs, so plain fetch is
 * enough; failures are mapped by the Graph reader's own `toGraphAppError`, so Health and Pull speak
 * about Graph in the same words.
 *
 * Retries 429, 503 and 504 a few times, waiting `Retry-After` when Graph sends it
 * (https://learn.microsoft.com/graph/throttling: "wait the number of seconds specified in the
 * Retry-After header"), otherwise an exponential delay.
 */
import { AppError } from '../../common/errors'
import type { AccessTokenProvider } from '../auth/access-token-provider'
import { toGraphAppError, type GraphOperation } from '../graph/graph-failure'
import type { GraphErrorBody } from '../graph/graph-types'
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

const RETRIED_STATUSES = new Set([429, 503, 504])
/** A Retry-After beyond this is not waited out: the admin is told to try later instead. */
const LONGEST_WAIT_SECONDS = 120

/** Builds the getter; nothing is sent until the first call. */
export function createFetchGraphGetter(options: FetchGraphGetterOptions): GraphGetter {
  const root = graphServiceRoot(options.graphBaseUrl)
  const retry = options.retry ?? { delaySeconds: 3, maxRetries: 3 }

  return {
    async getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
      const url = resolveGraphUrl(root, path)
      const operation = graphOperationFor(url, root)
      try {
        for (let attempt = 0; ; attempt += 1) {
          const token = await options.tokenProvider.getAccessToken(signal)
          const response = await options.fetch(url, {
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
            ...(signal ? { signal } : {}),
          })
          if (response.ok) return (await response.json()) as T
          const wait = RETRIED_STATUSES.has(response.status) && attempt < retry.maxRetries ? waitSeconds(response, retry.delaySeconds, attempt) : null
          if (wait === null) throw await graphHttpFailure(response)
          await response.body?.cancel()
          await sleep(wait * 1000, signal)
        }
      } catch (error) {
        throw forHealth(toGraphAppError(error, operation, signal))
      }
    },
  }
}

/** `https://host[/prefix]/v1.0` without a trailing slash; v1.0 is added when no version is named. */
function graphServiceRoot(graphBaseUrl: string): URL {
  const url = new URL(graphBaseUrl)
  if (url.protocol !== 'https:') throw new TypeError(`The Graph endpoint must use https: ${graphBaseUrl}`)
  const segments = url.pathname.split('/').filter((segment) => segment !== '')
  const last = segments.at(-1)
  if (last === undefined || !/^(v\d+(\.\d+)?|beta)$/.test(last)) segments.push('v1.0')
  return new URL(`${url.origin}/${segments.join('/')}`)
}

/**
 * A relative path goes below the service root. An absolute link must stay on it: the bearer token
 * is only ever sent to the profile's own Graph endpoint, whatever a response links to.
 */
function resolveGraphUrl(root: URL, path: string): string {
  if (/^https?:\/\//i.test(path)) {
    const link = new URL(path)
    if (link.origin !== root.origin || !(link.pathname === root.pathname || link.pathname.startsWith(`${root.pathname}/`))) {
      throw new AppError({
        code: 'RemoteError',
        message: `Microsoft Graph linked to ${link.origin}, which is not this profile's Graph endpoint; Headcount did not follow it.`,
      })
    }
    return link.href
  }
  return `${root.href}${path.startsWith('/') ? '' : '/'}${path}`
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

function waitSeconds(response: Response, delaySeconds: number, attempt: number): number | null {
  const header = response.headers.get('retry-after')
  const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : delaySeconds * 2 ** attempt
  return seconds > LONGEST_WAIT_SECONDS ? null : seconds
}

/** Graph's error body as the structural GraphErrorLike that `toGraphAppError` reads. */
async function graphHttpFailure(response: Response): Promise<GraphHttpFailure> {
  let body: Partial<GraphErrorBody> = {}
  try {
    body = (await response.json()) as Partial<GraphErrorBody>
  } catch {
    // Not JSON (a proxy's HTML page): the status says enough.
  }
  const innerRequestId = body.error?.innerError?.['request-id']
  return new GraphHttpFailure(
    response.status,
    body.error?.code ?? null,
    body.error?.message ?? '',
    typeof innerRequestId === 'string' ? innerRequestId : response.headers.get('request-id'),
    response.headers,
  )
}

/** An HTTP answer that was not a success, shaped like the Graph SDK's GraphError. */
class GraphHttpFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string | null,
    message: string,
    readonly requestId: string | null,
    readonly headers: { get(name: string): string | null },
  ) {
    super(message)
    this.name = 'GraphHttpFailure'
  }
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AppError({ code: 'Cancelled', message: 'The operation was cancelled.' }))
      return
    }
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new AppError({ code: 'Cancelled', message: 'The operation was cancelled.' }))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, milliseconds)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
