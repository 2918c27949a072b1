import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { json, startGraphHarness, type GraphHarness, type JsonBody } from './graph-emulator-harness'

let harness: GraphHarness

beforeAll(async () => {
  harness = await startGraphHarness({ users: 50 })
})
afterAll(() => harness.close())
beforeEach(() => harness.faults.clear())

const user = (index: number) => harness.organisation.users[index]!.user

describe('POST /$batch', () => {
  it('answers each item with its own status, headers and body, honouring dependsOn', async () => {
    const response = await harness.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `/users/${user(0).id}?$select=id,displayName` },
        { id: '2', method: 'GET', url: '/users/00000000-0000-0000-0000-00000000dead' },
        { id: '3', method: 'GET', url: `/users/${user(1).id}`, dependsOn: ['2'] },
        { id: '4', method: 'GET', url: `/users/${user(2).id}/manager`, dependsOn: ['1'] },
        { id: '5', method: 'GET', url: `/v1.0/users/${user(3).id}` },
        { id: '6', method: 'GET', url: '/users/$count', headers: { ConsistencyLevel: 'eventual' } },
      ],
    })
    expect(response.status).toBe(200)
    const body = await json(response)
    const byId = new Map<string, JsonBody>(body['responses'].map((item: JsonBody) => [item['id'], item]))
    expect(byId.get('1')).toMatchObject({ status: 200, body: { id: user(0).id, displayName: user(0).displayName } })
    expect(byId.get('1')!['headers']['Content-Type']).toContain('application/json')
    expect(byId.get('2')).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } })
    expect(byId.get('3')!['status']).toBe(424)
    expect(byId.get('4')!['status']).toBe(harness.organisation.users[2]!.managerId ? 200 : 404)
    expect(byId.get('5')).toMatchObject({
      status: 400,
      body: { error: { code: 'BadRequest', message: "Resource not found for the segment 'v1.0'." } },
    })
    expect(byId.get('6')!['status']).toBe(200)
    expect(Buffer.from(byId.get('6')!['body'] as string, 'base64').toString()).toBe('50')
    // Graph may answer in any order; the emulator makes sure clients do not rely on it.
    expect(body['responses'].map((item: { id: string }) => item.id)).not.toEqual(['1', '2', '3', '4', '5', '6'])
  })

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, index) => ({ id: String(index), method: 'GET', url: '/organization' }))
    const response = await harness.post('/$batch', { requests })
    expect(response.status).toBe(400)
    expect((await json(response))['error']['code']).toBe('BadRequest')
  })

  it('refuses a malformed payload', async () => {
    expect((await harness.post('/$batch', { nope: true })).status).toBe(400)
    const broken = await fetch(`${harness.origin}/v1.0/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await harness.token()}`, 'content-type': 'application/json' },
      body: '{"requests": [',
    })
    expect(broken.status).toBe(400)
    expect((await json(broken))['error']['code']).toBe('BadRequest')
  })

  it('throttles batch items individually, each 429 carrying its own Retry-After', async () => {
    harness.faults.configure({ throttle: { everyNth: 2, retryAfterSeconds: 7 } })
    const requests = Array.from({ length: 4 }, (_, index) => ({ id: String(index + 1), method: 'GET', url: `/users/${user(index).id}` }))
    const body = await json(await harness.post('/$batch', { requests }))
    const byId = new Map<string, JsonBody>(body['responses'].map((item: JsonBody) => [item['id'], item]))
    expect([1, 2, 3, 4].map((id) => byId.get(String(id))!['status'])).toEqual([200, 429, 200, 429])
    expect(byId.get('2')!['headers']['Retry-After']).toBe('7')
    expect(byId.get('2')!['body']['error']['code']).toBe('TooManyRequests')
  })

  it('answers 403 per item for a resource the token may not read', async () => {
    const token = await harness.token({ roles: ['User.Read.All'] })
    const body = await json(
      await harness.post(
        '/$batch',
        { requests: [{ id: 'a', method: 'GET', url: '/users?$top=1' }, { id: 'b', method: 'GET', url: '/groups' }] },
        { authorization: `Bearer ${token}` },
      ),
    )
    const statuses = Object.fromEntries(body['responses'].map((item: JsonBody) => [item['id'], item['status']]))
    expect(statuses).toEqual({ a: 200, b: 403 })
  })
})

describe('faults', () => {
  it('throttles with the Graph TooManyRequests body, then succeeds after honouring Retry-After', async () => {
    harness.faults.configure({ throttle: { firstN: 1, retryAfterSeconds: 1 } })
    const throttled = await harness.get('/users?$top=1')
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('1')
    const body = await json(throttled)
    expect(body['error']).toMatchObject({
      code: 'TooManyRequests',
      message: 'Please retry again later.',
      innerError: { code: '429', status: '429', message: 'Please retry after' },
    })
    const waitedFrom = Date.now()
    await new Promise((resolve) => setTimeout(resolve, Number(throttled.headers.get('retry-after')) * 1000))
    const retried = await harness.get('/users?$top=1')
    expect(retried.status).toBe(200)
    expect(Date.now() - waitedFrom).toBeGreaterThanOrEqual(1000)
    expect(harness.faults.counters()).toEqual({ requests: 2, throttled: 1, unavailable: 0 })
  })

  it('answers 503 serviceNotAvailable, only on the paths chosen', async () => {
    harness.faults.configure({ unavailable: { everyNth: 1, pathPrefix: '/groups', retryAfterSeconds: 2 } })
    const groups = await harness.get('/groups')
    expect(groups.status).toBe(503)
    expect(groups.headers.get('retry-after')).toBe('2')
    expect((await json(groups))['error']['code']).toBe('serviceNotAvailable')
    expect((await harness.get('/users?$top=1')).status).toBe(200)
  })

  it('slows every answer by delayMs', async () => {
    harness.faults.configure({ delayMs: 150 })
    const started = Date.now()
    expect((await harness.get('/organization')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('is switched through POST /_emulator/faults and validated', async () => {
    const set = await harness.emulator('POST', '/faults', { throttle: { firstN: 1, retryAfterSeconds: 3 } })
    expect(set.status).toBe(200)
    expect((await harness.get('/organization')).status).toBe(429)
    expect((await harness.get('/organization')).status).toBe(200)
    const read = await json(await harness.emulator('GET', '/faults'))
    expect(read['counters']).toEqual({ requests: 2, throttled: 1, unavailable: 0 })
    expect((await harness.emulator('POST', '/faults', { throttle: { everyNth: -1 } })).status).toBe(400)
    expect((await harness.emulator('DELETE', '/faults')).status).toBe(204)
    expect(harness.faults.settings()).toEqual({})
  })
})

describe('mutation router', () => {
  it('creates, updates and deletes users that Graph then serves', async () => {
    const created = await harness.emulator('POST', '/users', {
      userPrincipalName: 'ida.hansen@nordlys.dk',
      displayName: 'Ida Hansen',
      department: 'Finance',
      managerId: user(0).id,
    })
    expect(created.status).toBe(201)
    const id = (await json(created))['id'] as string
    const manager = await json(await harness.get(`/users/${id}/manager?$select=id`))
    expect(manager['id']).toBe(user(0).id)
    expect((await harness.emulator('PATCH', `/users/${id}`, { jobTitle: 'Controller' })).status).toBe(200)
    expect((await json(await harness.get(`/users/${id}?$select=jobTitle`)))['jobTitle']).toBe('Controller')
    expect((await harness.emulator('DELETE', `/users/${id}`)).status).toBe(200)
    expect((await harness.get(`/users/${id}`)).status).toBe(404)
    expect((await harness.emulator('POST', `/users/${id}/restore`)).status).toBe(200)
    expect((await harness.get(`/users/${id}`)).status).toBe(200)
    expect((await harness.emulator('PATCH', `/users/${id}`, { notAProperty: 1 })).status).toBe(400)
    expect((await harness.emulator('POST', '/users', { userPrincipalName: 'ida.hansen@nordlys.dk', displayName: 'Again' })).status).toBe(409)
    expect((await harness.emulator('POST', '/users/nobody/disable')).status).toBe(404)
  })

  it('changes group membership', async () => {
    const group = await json(await harness.emulator('POST', '/groups', { displayName: 'Pilot' }))
    expect((await harness.emulator('POST', `/groups/${group['id']}/members`, { memberId: user(5).id })).status).toBe(201)
    const members = await json(await harness.get(`/groups/${group['id']}/members?$select=id`))
    expect(members['value']).toEqual([{ '@odata.type': '#microsoft.graph.user', id: user(5).id }])
    expect((await harness.emulator('DELETE', `/groups/${group['id']}/members/${user(5).id}`)).status).toBe(200)
    expect((await harness.emulator('DELETE', `/groups/${group['id']}`)).status).toBe(200)
    expect((await harness.get(`/groups/${group['id']}`)).status).toBe(404)
  })
})
