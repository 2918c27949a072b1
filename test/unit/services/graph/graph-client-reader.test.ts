import { describe, expect, it } from 'vitest'
import { parseGraphEndpoint, usersRequestPath, USER_SELECT } from '../../../../src-main/services/graph/graph-client-reader'

describe('parseGraphEndpoint', () => {
  it.each([
    ['https://graph.microsoft.com', { baseUrl: 'https://graph.microsoft.com/', version: 'v1.0', hostname: 'graph.microsoft.com', versionedUrl: 'https://graph.microsoft.com/v1.0' }],
    ['https://graph.microsoft.com/v1.0', { baseUrl: 'https://graph.microsoft.com/', version: 'v1.0', hostname: 'graph.microsoft.com', versionedUrl: 'https://graph.microsoft.com/v1.0' }],
    ['https://graph.microsoft.us/beta/', { baseUrl: 'https://graph.microsoft.us/', version: 'beta', hostname: 'graph.microsoft.us', versionedUrl: 'https://graph.microsoft.us/beta' }],
    ['https://127.0.0.1:4443/v1.0', { baseUrl: 'https://127.0.0.1:4443/', version: 'v1.0', hostname: '127.0.0.1', versionedUrl: 'https://127.0.0.1:4443/v1.0' }],
    ['https://proxy.example/graph/v1.0', { baseUrl: 'https://proxy.example/graph/', version: 'v1.0', hostname: 'proxy.example', versionedUrl: 'https://proxy.example/graph/v1.0' }],
  ])('splits %s into base URL, version and the host that gets the token', (input, expected) => {
    expect(parseGraphEndpoint(input)).toEqual(expected)
  })

  it('refuses plain http, where the bearer token would travel in clear text', () => {
    expect(() => parseGraphEndpoint('http://127.0.0.1:4443/v1.0')).toThrow(/https/)
  })
})

describe('usersRequestPath', () => {
  it('selects every cached property, expands the manager and asks for the count, 999 a page', () => {
    const path = usersRequestPath()
    expect(path).toContain(`$select=${USER_SELECT.join(',')}`)
    expect(path).toContain('$expand=manager($select=id,displayName)')
    expect(path).toContain('$top=999')
    expect(path).toContain('$count=true')
  })
})
