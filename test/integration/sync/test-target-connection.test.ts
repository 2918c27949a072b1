import { afterEach, describe, expect, it } from 'vitest'
import { HttpScimClient } from '../../../src-main/services/sync/http-scim-client'
import { testTargetConnection } from '../../../src-main/services/sync/test-target-connection'
import { startSyncFixture, type SyncFixture } from './sync-fixture'

let fixture: SyncFixture | undefined

afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

describe('testTargetConnection', () => {
  it('passes Entra\'s probe (a random GUID userName → 200, no results) and reads what the target supports', async () => {
    fixture = await startSyncFixture()
    const result = await testTargetConnection(fixture.client(), { randomGuid: () => '0f8fad5b-d9cb-469f-a165-70867728950e' })
    expect(result).toMatchObject({ isOk: true, error: null, problems: [] })
    expect(result.features).toMatchObject({ patch: true, filter: true, sort: expect.any(Boolean) as boolean, bulk: expect.any(Boolean) as boolean })
    expect(result.resourceTypes).toEqual(expect.arrayContaining(['User', 'Group']))
    expect(result.extensionAttributePaths).toContain('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department')
    expect(result.extensionAttributePaths).toContain('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value')
    // The demo application declares the Headcount card extension: its fields are offered to the mapping editor.
    expect(result.extensionAttributePaths).toContain('urn:ietf:params:scim:schemas:extension:headcount:2.0:User:cardTitle')
    const probe = fixture.requestLog.entries[0]
    expect(probe).toMatchObject({ method: 'GET', path: '/Users', status: 200 })
  })

  it('stores business-card fields sent in the card extension and returns them as sent', async () => {
    fixture = await startSyncFixture()
    const card = 'urn:ietf:params:scim:schemas:extension:headcount:2.0:User'
    const created = await fixture.client().createUser({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', card],
      userName: 'card.holder@contoso.com',
      active: true,
      [card]: { cardTitle: 'Head of Cards', pronouns: 'she/her', website: 'https://contoso.com' },
    })
    const read = await fixture.client().getUser(created.id)
    expect(read[card]).toEqual({ cardTitle: 'Head of Cards', pronouns: 'she/her', website: 'https://contoso.com' })
  })

  it('explains a refused token in plain words', async () => {
    fixture = await startSyncFixture()
    const client = new HttpScimClient({ baseUrl: fixture.target.baseUrl, bearerToken: 'wrong', fetch: fixture.trustedFetch.fetch })
    const result = await testTargetConnection(client)
    expect(result.isOk).toBe(false)
    expect(result.problems).toEqual(['The target answered 401: the token was refused. Paste a new token.'])
    expect(result.error).toMatchObject({ code: 'Unauthorized', entraCode: 'Unauthorized', status: 401 })
    expect(JSON.stringify(result)).not.toContain('wrong')
  })

  it('reports an unreachable target as a network problem', async () => {
    fixture = await startSyncFixture()
    const baseUrl = fixture.target.baseUrl
    await fixture.target.close()
    const client = new HttpScimClient({ baseUrl, bearerToken: 'x', fetch: fixture.trustedFetch.fetch, retry: { maxRetries: 1, baseDelayMs: 1 } })
    const result = await testTargetConnection(client)
    expect(result.error).toMatchObject({ code: 'NetworkError' })
    expect(result.problems[0]).toMatch(/could not be reached/)
  })
})
