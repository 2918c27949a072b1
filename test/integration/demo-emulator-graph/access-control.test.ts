import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { json, startGraphHarness, type GraphHarness } from './graph-emulator-harness'

let harness: GraphHarness

beforeAll(async () => {
  harness = await startGraphHarness({ users: 20 })
})
afterAll(() => harness.close())

describe('access tokens', () => {
  it('answers 401 "Access token is empty." without a bearer token', async () => {
    const response = await fetch(`${harness.origin}/v1.0/users`)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toContain('Bearer')
    const body = await json(response)
    expect(body['error']['code']).toBe('InvalidAuthenticationToken')
    expect(body['error']['message']).toBe('Access token is empty.')
  })

  it('answers 401 InvalidAuthenticationToken for a forged or expired token', async () => {
    const forged = await harness.get('/users', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl' })
    expect(forged.status).toBe(401)
    expect((await json(forged))['error']['code']).toBe('InvalidAuthenticationToken')
    const expired = await harness.get('/users', { authorization: `Bearer ${await harness.token({ expiresInSeconds: -120 })}` })
    expect(expired.status).toBe(401)
    const body = await json(expired)
    expect(body['error']['code']).toBe('InvalidAuthenticationToken')
    expect(body['error']['message']).toBe('Lifetime validation failed, the token is expired.')
  })

  it.each([
    [['GroupMember.Read.All'], '/users', 403],
    [['GroupMember.Read.All'], '/groups', 200],
    [['User.Read.All'], '/groups', 403],
    [['User.Read.All'], '/users', 200],
    [['Directory.Read.All'], '/servicePrincipals', 200],
    [['User.Read.All'], '/applications', 403],
    [['Application.Read.All'], '/organization', 200],
    [[], '/organization', 403],
  ])('application roles %j on %s answer %i', async (roles, path, status) => {
    const response = await harness.get(path, { authorization: `Bearer ${await harness.token({ roles })}` })
    expect(response.status).toBe(status)
    if (status === 403) {
      const body = await json(response)
      expect(body['error']['code']).toBe('Authorization_RequestDenied')
      expect(body['error']['message']).toBe('Insufficient privileges to complete the operation.')
    }
  })

  it('accepts delegated scopes (scp) as well as application roles', async () => {
    const token = await harness.token({ scopes: ['User.Read', 'User.Read.All'] })
    expect((await harness.get('/users', { authorization: `Bearer ${token}` })).status).toBe(200)
    expect((await harness.get('/groups', { authorization: `Bearer ${token}` })).status).toBe(403)
  })
})
