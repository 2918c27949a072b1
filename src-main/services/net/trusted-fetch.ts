/**
 * A `fetch` for talking to Entra, Graph and SCIM targets that can trust extra certificate
 * authorities (a sovereign-cloud proxy, a Custom cloud such as the demo emulator) and go through an
 * HTTP proxy. Both MSAL's network client and the Graph reader use it, so a setting applies to both.
 *
 * Node 20's global fetch cannot take a CA per call; undici's own fetch with an Agent (or ProxyAgent)
 * as dispatcher can.
 */
import { rootCertificates } from 'node:tls'
import { Agent, ProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici'

export interface TrustedFetchOptions {
  /** PEM certificates trusted in addition to the system store. */
  readonly caCertificates?: readonly string[]
  /** `http://host:port` of an HTTP(S) proxy. */
  readonly proxyUrl?: string
  /** Connections kept per origin (bounded concurrency happens above this). */
  readonly connections?: number
}

export type FetchFunction = typeof globalThis.fetch

export interface TrustedFetch {
  readonly fetch: FetchFunction
  close(): Promise<void>
}

export function createTrustedFetch(options: TrustedFetchOptions = {}): TrustedFetch {
  // `ca` replaces Node's trust store for the connection, so the bundled roots go first: the extra
  // certificates are trusted in addition (a SCIM target on the public internet must still verify).
  const ca = options.caCertificates && options.caCertificates.length > 0 ? [...rootCertificates, ...options.caCertificates] : undefined
  const connect = ca ? { ca: ca.join('\n') } : {}
  const dispatcher: Dispatcher = options.proxyUrl
    ? new ProxyAgent({ uri: options.proxyUrl, requestTls: connect, connections: options.connections ?? 16 })
    : new Agent({ connect, connections: options.connections ?? 16, keepAliveTimeout: 10_000 })
  const trustedFetch = ((input: Parameters<FetchFunction>[0], init?: Parameters<FetchFunction>[1]) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as FetchFunction
  return {
    fetch: trustedFetch,
    close: () => dispatcher.close(),
  }
}
