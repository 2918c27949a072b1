import { describe, expect, it } from 'vitest'
import type { CloudName } from '../../../../src-main/common/connection'
import { graphBaseUrl, graphScope, resolveCloud } from '../../../../src-main/services/auth/cloud-endpoints'

describe('resolveCloud', () => {
  it.each<[CloudName, string, string]>([
    ['global', 'login.microsoftonline.com', 'https://graph.microsoft.com'],
    ['usgov', 'login.microsoftonline.us', 'https://graph.microsoft.us'],
    ['usgovdod', 'login.microsoftonline.us', 'https://dod-graph.microsoft.us'],
    ['china', 'login.chinacloudapi.cn', 'https://microsoftgraph.chinacloudapi.cn'],
  ])('%s signs in at %s and serves Graph at %s, and scopes use that Graph', (cloud, authorityHost, graph) => {
    const endpoints = resolveCloud(cloud)
    expect(endpoints.authorityHost).toBe(authorityHost)
    expect(endpoints.graphEndpoint).toBe(graph)
    expect(endpoints.graphResource).toBe(graph)
    expect(graphScope(endpoints, '.default')).toBe(`${graph}/.default`)
    expect(graphScope(endpoints, 'User.Read.All')).toBe(`${graph}/User.Read.All`)
    expect(graphBaseUrl(endpoints)).toBe(`${graph}/v1.0`)
    expect(endpoints.portalHosts.length).toBeGreaterThan(0)
  })

  it('takes a custom cloud as given, trimmed, with tokens for global Graph unless told otherwise', () => {
    const endpoints = resolveCloud('custom', { authorityHost: 'https://127.0.0.1:8443/', graphEndpoint: 'https://127.0.0.1:8443/' })
    expect(endpoints).toEqual({ authorityHost: '127.0.0.1:8443', graphEndpoint: 'https://127.0.0.1:8443', graphResource: 'https://graph.microsoft.com', portalHosts: [] })
    expect(graphBaseUrl(endpoints)).toBe('https://127.0.0.1:8443/v1.0')
    expect(resolveCloud('custom', { authorityHost: 'login.example', graphEndpoint: 'https://graph.example', graphResource: 'https://graph.example/' }).graphResource).toBe('https://graph.example')
  })

  it('ignores custom hosts for a named cloud', () => {
    expect(resolveCloud('usgov', { authorityHost: 'evil.example', graphEndpoint: 'https://evil.example' }).authorityHost).toBe('login.microsoftonline.us')
  })

  it('refuses a custom cloud without hosts (a bug: the contract schema requires them)', () => {
    expect(() => resolveCloud('custom')).toThrow(/login host and Graph endpoint/)
  })
})
