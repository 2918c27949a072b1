import { describe, expect, it } from 'vitest'
import { describePermissions, findMissingPermissions, permissionsRequestedNow, readGrantedPermissions } from '../../../../src-main/services/auth/headcount-permissions'

function token(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.signature`
}

describe('Headcount permissions', () => {
  it('asks now for users, group members and applications, and for User.ReadWrite.All only later', () => {
    expect(permissionsRequestedNow()).toEqual(['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'])
    const interactive = describePermissions('interactive')
    expect(interactive.map((permission) => [permission.name, permission.kind, permission.isRequestedNow])).toEqual([
      ['User.Read.All', 'delegated', true],
      ['GroupMember.Read.All', 'delegated', true],
      ['Application.Read.All', 'delegated', true],
      ['User.ReadWrite.All', 'delegated', false],
    ])
    expect(describePermissions('certificate').every((permission) => permission.kind === 'application')).toBe(true)
    for (const permission of interactive) expect(permission.reason.length).toBeGreaterThan(20)
  })

  it.each([
    [['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'], []],
    [['User.Read.All', 'Group.Read.All', 'Application.Read.All'], []],
    [['Directory.Read.All'], []],
    [['user.read.all'], ['GroupMember.Read.All', 'Application.Read.All']],
    [[], ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All']],
    [['User.ReadWrite.All', 'GroupMember.Read.All'], ['Application.Read.All']],
  ])('granted %j → missing %j', (granted, missing) => {
    expect(findMissingPermissions(granted)).toEqual(missing)
  })

  it('reads roles and scopes from a token without verifying it', () => {
    expect(readGrantedPermissions(token({ roles: ['User.Read.All', 7], scp: 'a b' }))).toEqual({ roles: ['User.Read.All'], scopes: ['a', 'b'] })
    expect(readGrantedPermissions(token({}))).toEqual({ roles: [], scopes: [] })
    expect(readGrantedPermissions('not-a-token')).toEqual({ roles: [], scopes: [] })
    expect(readGrantedPermissions('a.%%%.c')).toEqual({ roles: [], scopes: [] })
  })
})
