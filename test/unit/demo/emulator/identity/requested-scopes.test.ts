import { describe, expect, it } from 'vitest'
import { checkClientCredentialsScope, parseRequestedScopes } from '../../../../../src-main/demo/emulator/identity/requested-scopes'

describe('parseRequestedScopes', () => {
  it.each([
    ['https://graph.microsoft.com/User.Read.All openid profile offline_access', ['User.Read.All'], ['openid', 'profile', 'offline_access'], false],
    ['User.Read.All GroupMember.Read.All', ['User.Read.All', 'GroupMember.Read.All'], [], false],
    ['00000003-0000-0000-c000-000000000000/user.read.all', ['User.Read.All'], [], false],
    ['https://graph.microsoft.com/.default openid', [], ['openid'], true],
    ['OpenID User.Read User.Read', ['User.Read'], ['openid'], false],
  ])('%s', (scope, permissions, openId, isDefault) => {
    const result = parseRequestedScopes(scope)
    if (!result.ok) throw new Error(result.failure.message)
    expect(result.scopes.permissions.map((permission) => permission.value)).toEqual(permissions)
    expect(result.scopes.openId).toEqual(openId)
    expect(result.scopes.isDefault).toBe(isDefault)
  })

  it('keeps the spelling the client used, for the response scope', () => {
    const result = parseRequestedScopes('https://graph.microsoft.com/user.read.all')
    expect(result.ok && result.scopes.permissions[0]).toEqual({ value: 'User.Read.All', asRequested: 'https://graph.microsoft.com/user.read.all' })
  })

  it.each([
    ['', 'invalid_request', 900144],
    ['https://graph.microsoft.com/Teleport.All', 'invalid_scope', 70011],
    ['https://vault.azure.net/user_impersonation', 'invalid_resource', 500011],
    ['https://graph.microsoft.com/.default https://graph.microsoft.com/User.Read', 'invalid_scope', 70011],
  ])('refuses %j', (scope, error, code) => {
    const result = parseRequestedScopes(scope)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.failure).toMatchObject({ error, code })
  })
})

describe('checkClientCredentialsScope', () => {
  it.each([
    ['https://graph.microsoft.com/.default', null],
    ['00000003-0000-0000-c000-000000000000/.default', null],
    ['https://graph.microsoft.com/User.Read.All', 1002012],
    ['.default', 1002012],
    ['https://vault.azure.net/.default', 500011],
    [undefined, 900144],
  ])('%s → %s', (scope, code) => {
    expect(checkClientCredentialsScope(scope)?.code ?? null).toBe(code)
  })
})
