/**
 * The last link of the Graph SDK's middleware chain: sends the request with Headcount's own fetch
 * (services/net/trusted-fetch: extra CA certificates, proxy) instead of the SDK's global `fetch`
 * (electron-msal-graph.md §3.2: HTTPMessageHandler always calls the global one).
 */
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client'
import type { FetchFunction } from '../net/trusted-fetch'

/**
 * Per-request holder for the original failure. The SDK wraps anything thrown below it into a
 * `GraphError` that keeps only the name and text; this keeps the real error (an AppError from the
 * token provider, undici's network error with its cause) for the reader to map.
 */
export class RequestFailureCapture implements MiddlewareOptions {
  error: unknown = undefined
}

export class TrustedFetchHandler implements Middleware {
  constructor(private readonly fetch: FetchFunction) {}

  async execute(context: Context): Promise<void> {
    try {
      context.response = await this.fetch(context.request, context.options)
    } catch (error) {
      const capture = context.middlewareControl?.getMiddlewareOptions(RequestFailureCapture) as RequestFailureCapture | undefined
      if (capture !== undefined) capture.error = error
      throw error
    }
  }
}
