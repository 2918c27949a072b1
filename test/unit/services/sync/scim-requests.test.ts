import { describe, expect, it } from 'vitest'
import { membershipOperations, replaceWithValues } from '../../../../src-main/services/sync/perform-operation'
import { patchMessage, scimStringLiteral } from '../../../../src-main/services/sync/scim-client'
import { redactSecrets, scimStatusFailure, summariseRequest } from '../../../../src-main/services/sync/scim-failure'

describe('PATCH messages', () => {
  it('are RFC 7644 as written in strict mode', () => {
    expect(patchMessage([{ op: 'replace', path: 'active', value: false }], 'strict')).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    })
  })

  it('capitalise ops and send booleans as "True"/"False" in Entra mode, also inside a path-less replace', () => {
    const message = patchMessage([
      { op: 'replace', path: 'active', value: false },
      { op: 'add', path: 'title', value: 'Lead' },
      { op: 'remove', path: 'nickName' },
      { op: 'replace', value: { active: true, title: 'x' } },
    ], 'entra')
    expect(message.Operations).toEqual([
      { op: 'Replace', path: 'active', value: 'False' },
      { op: 'Add', path: 'title', value: 'Lead' },
      { op: 'Remove', path: 'nickName' },
      { op: 'Replace', value: { active: 'True', title: 'x' } },
    ])
  })

  it('remove members with one filter per member (RFC) or Entra\'s value list', () => {
    expect(membershipOperations('removeMembers', ['a', 'b"c'], 'strict')).toEqual([
      { op: 'remove', path: 'members[value eq "a"]' },
      { op: 'remove', path: 'members[value eq "b\\"c"]' },
    ])
    expect(membershipOperations('removeMembers', ['a'], 'entra')).toEqual([{ op: 'remove', path: 'members', value: [{ value: 'a' }] }])
    expect(membershipOperations('addMembers', ['a', 'b'], 'strict')).toEqual([{ op: 'add', path: 'members', value: [{ value: 'a' }, { value: 'b' }] }])
  })

  it('bring an existing user in line with a create as one path-less replace without id, meta or schemas', () => {
    expect(replaceWithValues({ schemas: ['s'], id: '1', meta: {}, userName: 'u', active: true })).toEqual([{ op: 'replace', value: { userName: 'u', active: true } }])
  })
})

describe('filters', () => {
  it('escape quotes and backslashes in values', () => {
    expect(scimStringLiteral('o"brien\\x')).toBe('"o\\"brien\\\\x"')
  })
})

describe('SCIM failures', () => {
  const context = { summary: 'PATCH /Users/1', isKnownId: true }
  it.each([
    [400, 'invalidPath', 'RemoteError', 'SchemaAttributeNotFound'],
    [400, 'invalidValue', 'RemoteError', 'UnprocessableEntity'],
    [401, null, 'Unauthorized', 'Unauthorized'],
    [403, null, 'Forbidden', 'NotPermitted'],
    [404, null, 'InvalidAnchor', 'InvalidAnchor'],
    [409, 'uniqueness', 'Conflict', 'EntryConflict'],
    [429, null, 'TooManyRequests', 'TooManyRequests'],
    [500, null, 'RemoteError', 'InternalServerError'],
    [503, null, 'ServiceUnavailable', 'InternalServerError'],
  ])('%i %s → %s / %s', (status, scimType, code, entraCode) => {
    const failure = scimStatusFailure(status, { scimType, detail: 'because' }, context)
    expect(failure).toMatchObject({ code, entraCode, status, requestSummary: 'PATCH /Users/1' })
    expect(failure.message).toContain('because')
  })

  it('call a 404 on a search (not a known id) NotFound', () => {
    expect(scimStatusFailure(404, null, { summary: 'GET /Users', isKnownId: false }).code).toBe('NotFound')
  })

  it('summaries redact secret-looking attributes at any depth', () => {
    expect(redactSecrets({ userName: 'u', password: 'p', nested: [{ apiToken: 't', ok: 1 }] })).toEqual({ userName: 'u', password: '[redacted]', nested: [{ apiToken: '[redacted]', ok: 1 }] })
    expect(summariseRequest('POST', '/Users', { password: 'hunter2' })).toBe('POST /Users {"password":"[redacted]"}')
  })
})
