import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { json, startGraphHarness, walkPages, type GraphHarness, type JsonBody } from './graph-emulator-harness'

const EVENTUAL = { ConsistencyLevel: 'eventual' }
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
]

let harness: GraphHarness

beforeAll(async () => {
  harness = await startGraphHarness({ users: 300 })
})
afterAll(() => harness.close())

function expectGraphError(body: JsonBody, code: string, message?: string): void {
  expect(body['error']['code']).toBe(code)
  if (message !== undefined) expect(body['error']['message']).toBe(message)
  expect(body['error']['innerError']['request-id']).toMatch(/^[0-9a-f-]{36}$/)
  expect(body['error']['innerError']['date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
}

describe('GET /users', () => {
  it('answers a first page of 100 users with the default property set and an absolute nextLink', async () => {
    const response = await harness.get('/users', { 'client-request-id': 'my-client-id' })
    expect(response.status).toBe(200)
    expect(response.headers.get('client-request-id')).toBe('my-client-id')
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.headers.get('date')).not.toBeNull()
    expect(response.headers.get('content-type')).toContain('application/json')
    const body = await json(response)
    expect(body['@odata.context']).toBe(`${harness.origin}/v1.0/$metadata#users`)
    expect(body['value']).toHaveLength(100)
    expect(Object.keys(body['value'][0])).toEqual(DEFAULT_USER_PROPERTIES)
    expect(body['@odata.nextLink']).toMatch(new RegExp(`^${harness.origin}/v1\\.0/users\\?\\$skiptoken=`))
    expect(body['@odata.count']).toBeUndefined()
  })

  it('walks every active user exactly once through nextLinks carrying $select, $top and $expand', async () => {
    const first = '/users?$select=id,displayName,department,accountEnabled&$top=37&$expand=manager($select=id,displayName)'
    const pages = await walkPages(harness, first)
    expect(pages).toHaveLength(Math.ceil(300 / 37))
    for (const page of pages.slice(0, -1)) {
      const link = page['@odata.nextLink'] as string
      expect(link).toContain('$select=id,displayName,department,accountEnabled')
      expect(link).toContain('$top=37')
      expect(link).toContain('$expand=manager($select=id,displayName)')
    }
    const ids = pages.flatMap((page) => page['value'].map((user: { id: string }) => user.id))
    expect(new Set(ids).size).toBe(300)
    expect(ids.sort()).toEqual(harness.organisation.users.map(({ user }) => user.id).sort())
  })

  it('writes only the selected properties, in the order asked, with id always present', async () => {
    const body = await json(await harness.get('/users?$select=department,DisplayName&$top=1'))
    expect(body['@odata.context']).toBe(`${harness.origin}/v1.0/$metadata#users(department,displayName)`)
    expect(Object.keys(body['value'][0])).toEqual(['department', 'displayName', 'id'])
  })

  it('expands the manager with its selected properties and leaves the key out for users without one', async () => {
    const body = await json(await harness.get('/users?$select=id&$top=300&$expand=manager($select=id,displayName)'))
    const byId = new Map(harness.organisation.users.map((entry) => [entry.user.id, entry]))
    for (const user of body['value'] as { id: string; manager?: Record<string, unknown> }[]) {
      const managerId = byId.get(user.id)?.managerId ?? null
      if (managerId === null) {
        expect(user).not.toHaveProperty('manager')
      } else {
        expect(user.manager).toEqual({
          '@odata.type': '#microsoft.graph.user',
          id: managerId,
          displayName: byId.get(managerId)?.user.displayName,
        })
      }
    }
  })

  it('expands the full manager object for a plain $expand=manager', async () => {
    const withManager = harness.organisation.users.find((entry) => entry.managerId !== null)!
    const body = await json(await harness.get(`/users/${withManager.user.id}?$expand=manager`))
    expect(body['manager']['@odata.type']).toBe('#microsoft.graph.user')
    expect(body['manager']['id']).toBe(withManager.managerId)
    expect(body['manager']).toHaveProperty('department')
    expect(body['manager']).toHaveProperty('accountEnabled')
  })

  it.each([
    ['$top=1000', 400, 'Request_UnsupportedQuery', "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive."],
    ['$top=0', 400, 'Request_UnsupportedQuery', "Invalid page size specified: '0'. Must be between 1 and 999 inclusive."],
    ['$select=id,foo', 400, 'BadRequest', "Could not find a property named 'foo' on type 'microsoft.graph.user'."],
    ['$foo=1', 400, 'BadRequest', "Query option '$foo' is not allowed."],
    ['$count=true', 400, 'Request_BadRequest', '$count is not currently supported.'],
    [
      "$filter=userType ne 'Guest'",
      400,
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause specified for property 'userType' of resource 'User'.",
    ],
    ['$skiptoken=garbage', 400, 'Directory_ExpiredPageToken', undefined],
    ["$filter=displayName eq", 400, 'BadRequest', undefined],
    ['$top=5&$top=6', 400, 'BadRequest', undefined],
  ])('rejects %s like Graph', async (query, status, code, message) => {
    const response = await harness.get(`/users?${query}`)
    expect(response.status).toBe(status)
    expectGraphError(await json(response), code, message)
  })

  it('counts with ConsistencyLevel: eventual, on the first page only', async () => {
    const enabled = harness.organisation.users.filter(({ user }) => user.accountEnabled).length
    const pages = await walkPages(harness, '/users?$filter=accountEnabled eq true&$count=true&$top=100', EVENTUAL)
    expect(pages[0]!['@odata.count']).toBe(enabled)
    expect(pages.slice(1).every((page) => !('@odata.count' in page))).toBe(true)
    expect(pages.flatMap((page) => page['value'])).toHaveLength(enabled)
  })

  it('answers advanced filters (ne, endswith, not) with ConsistencyLevel and $count', async () => {
    const guests = harness.organisation.users.filter(({ user }) => user.userType === 'Guest')
    const members = await json(await harness.get("/users?$filter=userType ne 'Guest'&$count=true&$top=999", EVENTUAL))
    expect(members['@odata.count']).toBe(300 - guests.length)
    const endsWith = await json(
      await harness.get("/users?$filter=endswith(userPrincipalName,'@NORDLYS.DK')&$count=true&$select=userPrincipalName&$top=999", EVENTUAL),
    )
    expect(endsWith['value'].length).toBeGreaterThan(0)
    expect(endsWith['value'].every((user: { userPrincipalName: string }) => user.userPrincipalName.endsWith('@nordlys.dk'))).toBe(true)
    const negated = await json(await harness.get("/users?$filter=not(userType eq 'Member')&$count=true", EVENTUAL))
    expect(negated['@odata.count']).toBe(guests.length)
  })

  it('filters with eq, startswith, in, and/or, case-insensitively', async () => {
    const someone = harness.organisation.users[10]!.user
    const byUpn = await json(await harness.get(`/users?$filter=userPrincipalName eq '${someone.userPrincipalName.toUpperCase()}'`))
    expect(byUpn['value'].map((user: { id: string }) => user.id)).toEqual([someone.id])
    const department = someone.department!
    const expected = harness.organisation.users.filter(
      ({ user }) => user.department === department && user.accountEnabled,
    ).length
    const combined = await json(
      await harness.get(`/users?$filter=department eq '${department.replace(/'/g, "''")}' and accountEnabled eq true&$top=999`),
    )
    expect(combined['value']).toHaveLength(expected)
    const two = harness.organisation.users.slice(0, 2).map(({ user }) => user.id)
    const inList = await json(await harness.get(`/users?$filter=id in ('${two[0]}','${two[1]}')`))
    expect(inList['value'].map((user: { id: string }) => user.id).sort()).toEqual([...two].sort())
    const prefix = someone.displayName!.slice(0, 3)
    const startsWith = await json(await harness.get(`/users?$filter=startswith(displayName,'${prefix.toLowerCase()}') or id eq '${two[0]}'&$top=999`))
    expect(startsWith['value'].length).toBeGreaterThan(0)
  })
})

describe('GET /users/$count', () => {
  it('answers text/plain with ConsistencyLevel: eventual', async () => {
    const response = await harness.get('/users/$count', EVENTUAL)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    expect(await response.text()).toBe('300')
  })

  it('refuses without ConsistencyLevel', async () => {
    const response = await harness.get('/users/$count')
    expect(response.status).toBe(400)
    expectGraphError(await json(response), 'Request_UnsupportedQuery')
  })
})

describe('GET /users/{id}', () => {
  const ceo = () => harness.organisation.users.find((entry) => entry.managerId === null)!.user

  it('finds a user by id and by userPrincipalName', async () => {
    const user = ceo()
    const byId = await json(await harness.get(`/users/${user.id}`))
    expect(byId['@odata.context']).toBe(`${harness.origin}/v1.0/$metadata#users/$entity`)
    expect(byId['id']).toBe(user.id)
    const byUpn = await json(await harness.get(`/users/${encodeURIComponent(user.userPrincipalName)}?$select=id,city`))
    expect(byUpn).toEqual({
      '@odata.context': `${harness.origin}/v1.0/$metadata#users(id,city)/$entity`,
      id: user.id,
      city: user.city,
    })
  })

  it('answers 404 Request_ResourceNotFound for an unknown user', async () => {
    const response = await harness.get('/users/00000000-0000-0000-0000-000000000001')
    expect(response.status).toBe(404)
    expectGraphError(
      await json(response),
      'Request_ResourceNotFound',
      "Resource '00000000-0000-0000-0000-000000000001' does not exist or one of its queried reference-property objects are not present.",
    )
  })

  it('answers the manager, and 404 for a user without one', async () => {
    const report = harness.organisation.users.find((entry) => entry.managerId !== null)!
    const manager = await json(await harness.get(`/users/${report.user.id}/manager?$select=id,displayName`))
    expect(manager).toEqual({
      '@odata.context': `${harness.origin}/v1.0/$metadata#directoryObjects/$entity`,
      '@odata.type': '#microsoft.graph.user',
      id: report.managerId,
      displayName: harness.state.findUser(report.managerId!)?.displayName,
    })
    const none = await harness.get(`/users/${ceo().id}/manager`)
    expect(none.status).toBe(404)
    expectGraphError(await json(none), 'Request_ResourceNotFound')
  })

  it('lists direct group memberships', async () => {
    const membership = harness.organisation.memberships.find((edge) => edge.memberType === '#microsoft.graph.user')!
    const body = await json(await harness.get(`/users/${membership.memberId}/memberOf?$select=id,displayName`))
    expect(body['value'].map((group: { id: string }) => group.id)).toContain(membership.groupId)
    expect(body['value'][0]['@odata.type']).toBe('#microsoft.graph.group')
  })
})

describe('unknown paths', () => {
  it('answers an unknown segment like Graph', async () => {
    const response = await harness.get('/frobnicate')
    expect(response.status).toBe(400)
    expectGraphError(await json(response), 'BadRequest', "Resource not found for the segment 'frobnicate'.")
    const nested = await harness.get(`/users/${harness.organisation.users[0]!.user.id}/frobnicate`)
    expect(nested.status).toBe(400)
    expectGraphError(await json(nested), 'BadRequest', "Resource not found for the segment 'frobnicate'.")
  })
})
