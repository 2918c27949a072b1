/**
 * Where each Microsoft cloud signs in and serves Graph. National clouds are separate instances with
 * their own login host and Graph resource; a token for one is worthless on another, so every scope
 * Headcount asks for is built from the cloud's Graph resource, never from a hard-coded host
 * (learn.microsoft.com/graph/deployments, "Microsoft Graph national cloud deployments").
 */
import type { CloudName } from '../../common/connection'

export interface CloudEndpoints {
  /** Login host, optionally with a port: `login.microsoftonline.com`. */
  readonly authorityHost: string
  /** Graph service root without a version: `https://graph.microsoft.com`. */
  readonly graphEndpoint: string
  /** The resource (audience) tokens are issued for; scopes are `${graphResource}/<permission>`. */
  readonly graphResource: string
  /** Admin portals of the cloud, for links in hints. */
  readonly portalHosts: readonly string[]
}

/** The hosts a custom cloud names itself. */
export interface CustomCloudHosts {
  readonly authorityHost: string
  readonly graphEndpoint: string
  /**
   * Audience of its tokens. Default: the global Graph resource, because a custom cloud in Headcount
   * is another address for the global service (the demo emulator, a TLS-inspecting reverse proxy),
   * whose tokens are still minted for `https://graph.microsoft.com`.
   */
  readonly graphResource?: string
}

const GLOBAL_GRAPH = 'https://graph.microsoft.com'

const NAMED_CLOUDS: Readonly<Record<Exclude<CloudName, 'custom'>, CloudEndpoints>> = {
  global: { authorityHost: 'login.microsoftonline.com', graphEndpoint: GLOBAL_GRAPH, graphResource: GLOBAL_GRAPH, portalHosts: ['entra.microsoft.com', 'portal.azure.com'] },
  // US Government L4 (GCC High).
  usgov: { authorityHost: 'login.microsoftonline.us', graphEndpoint: 'https://graph.microsoft.us', graphResource: 'https://graph.microsoft.us', portalHosts: ['entra.microsoft.us', 'portal.azure.us'] },
  // US Government L5 (DoD): same login host as L4, its own Graph.
  usgovdod: { authorityHost: 'login.microsoftonline.us', graphEndpoint: 'https://dod-graph.microsoft.us', graphResource: 'https://dod-graph.microsoft.us', portalHosts: ['entra.microsoft.us', 'portal.azure.us'] },
  // Microsoft Azure operated by 21Vianet.
  china: { authorityHost: 'login.chinacloudapi.cn', graphEndpoint: 'https://microsoftgraph.chinacloudapi.cn', graphResource: 'https://microsoftgraph.chinacloudapi.cn', portalHosts: ['portal.azure.cn'] },
}

/**
 * The endpoints of `cloud`. A custom cloud needs its hosts; named clouds ignore `custom`.
 * Throws on a custom cloud without hosts: the contract's schema refuses that input before it gets here.
 */
export function resolveCloud(cloud: CloudName, custom?: CustomCloudHosts): CloudEndpoints {
  if (cloud !== 'custom') return NAMED_CLOUDS[cloud]
  if (!custom) throw new Error('A custom cloud needs its login host and Graph endpoint.')
  return {
    authorityHost: trimHost(custom.authorityHost),
    graphEndpoint: trimSlashes(custom.graphEndpoint),
    graphResource: trimSlashes(custom.graphResource ?? GLOBAL_GRAPH),
    portalHosts: [],
  }
}

/** `${graphResource}/${permission}`: a delegated scope, or `/.default` for "what was granted". */
export function graphScope(endpoints: Pick<CloudEndpoints, 'graphResource'>, permission: string): string {
  return `${trimSlashes(endpoints.graphResource)}/${permission}`
}

/** The v1.0 base URL for Graph requests on this cloud. */
export function graphBaseUrl(endpoints: Pick<CloudEndpoints, 'graphEndpoint'>): string {
  return `${trimSlashes(endpoints.graphEndpoint)}/v1.0`
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '')
}

function trimHost(host: string): string {
  return host.replace(/^https:\/\//, '').replace(/\/+$/, '')
}
