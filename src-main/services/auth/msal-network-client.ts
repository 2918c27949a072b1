/**
 * msal-node's `system.networkClient` built on a caller-supplied fetch — in Headcount the trusted
 * fetch (src-main/services/net/trusted-fetch.ts), so the CA certificates and proxy configured for a
 * profile apply to sign-in exactly as they do to Graph, without NODE_EXTRA_CA_CERTS. msal-node 5+
 * dropped its own proxy options (reference/electron-msal-graph.md §0.4), so this is the only way.
 */
import { ClientAuthError, ClientAuthErrorCodes, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node'
import type { FetchFunction } from '../net/trusted-fetch'

export interface MsalNetworkClientOptions {
  /**
   * Told why a request failed before MSAL wraps it: for discovery requests MSAL reports only
   * `endpoints_resolution_error`, and the reason (a CA or DNS problem) is what the admin needs.
   */
  readonly onNetworkFailure?: (description: string) => void
}

/** Adapts a fetch to msal's INetworkModule; failures become the same errors msal's own client throws. */
export function createMsalNetworkClient(fetch: FetchFunction, options: MsalNetworkClientOptions = {}): INetworkModule {
  async function send<T>(url: string, method: 'GET' | 'POST', request: NetworkRequestOptions | undefined, timeoutMs?: number): Promise<NetworkResponse<T>> {
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: request?.headers ?? {},
        ...(method === 'POST' ? { body: request?.body ?? '' } : {}),
        ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
      })
    } catch (error) {
      const description = describeFetchFailure(error)
      options.onNetworkFailure?.(description)
      throw new ClientAuthError(ClientAuthErrorCodes.networkError, request?.correlationId ?? '', `Network request failed: ${description}`)
    }
    const text = await response.text()
    let body: T
    try {
      body = JSON.parse(text) as T
    } catch {
      throw new ClientAuthError(
        ClientAuthErrorCodes.tokenParsingError,
        request?.correlationId ?? '',
        `Failed to parse response: HTTP ${response.status} with a ${response.headers.get('content-type') ?? 'untyped'} body that is not JSON`,
      )
    }
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      headers[name] = value
    })
    return { headers, body, status: response.status }
  }

  return {
    sendGetRequestAsync: (url, request, timeout) => send(url, 'GET', request, timeout),
    sendPostRequestAsync: (url, request) => send(url, 'POST', request),
  }
}

/**
 * undici reports "fetch failed" and hides the reason in `cause` (ECONNREFUSED, ENOTFOUND,
 * SELF_SIGNED_CERT_IN_CHAIN …); the reason is what tells an admin whether it is DNS, a proxy or a CA.
 */
export function describeFetchFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error'
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'the request timed out'
  const cause = (error as Error & { cause?: unknown }).cause
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message
  }
  return error.message
}
