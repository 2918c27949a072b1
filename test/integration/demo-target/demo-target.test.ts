import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { generateOrganisation } from '../../../src-main/demo/organisation/generate-organisation'
import type { DemoOrganisation } from '../../../src-main/demo/organisation/organisation-types'
import { seedExistingApplicationUsers } from '../../../src-main/demo/target/seed-existing-application-users'
import { startDemoTarget, type RunningDemoTarget } from '../../../src-main/demo/target/start-demo-target'

const TOKEN = 'demo-target-test-token'
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User'
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group'
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'

interface ListResponse {
  readonly totalResults: number
  readonly startIndex: number
  readonly itemsPerPage: number
  readonly Resources: { id: string; userName?: string; displayName?: string; active?: boolean; members?: { value: string }[] }[]
}

let folder: string
let organisation: DemoOrganisation
const running: RunningDemoTarget[] = []

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'headcount-demo-target-'))
  organisation = generateOrganisation({ users: 400 })
})

afterEach(async () => {
  await Promise.all(running.splice(0).map((target) => target.close()))
})

afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

async function start(databaseName = `${randomUUID()}.db`): Promise<RunningDemoTarget> {
  const target = await startDemoTarget({ databaseFile: join(folder, databaseName), bearerToken: TOKEN, port: 0, seedFrom: organisation })
  running.push(target)
  return target
}

function scim(target: RunningDemoTarget, path: string, init: { method?: string; body?: unknown; token?: string | null } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/scim+json' }
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? TOKEN}`
  return fetch(`${target.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
}

const filterQuery = (filter: string) => `?filter=${encodeURIComponent(filter)}`

async function createUser(target: RunningDemoTarget, userName: string): Promise<{ id: string; userName: string }> {
  const response = await scim(target, '/Users', {
    method: 'POST',
    body: {
      schemas: [USER_SCHEMA, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: randomUUID(),
      userName,
      active: true,
      name: { givenName: 'Nye', familyName: 'Ansat' },
      emails: [{ primary: true, type: 'work', value: userName }],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Sales', employeeNumber: '999001' },
    },
  })
  expect(response.status).toBe(201)
  return (await response.json()) as { id: string; userName: string }
}

describe('demo target: access', () => {
  it('listens on 127.0.0.1 under /scim/v2', async () => {
    const target = await start()
    expect(target.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/)
  })

  it('answers 401 with a SCIM error without a token or with a wrong one', async () => {
    const target = await start()
    for (const token of [null, 'wrong-token']) {
      const response = await scim(target, '/Users', { token })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
      const body = (await response.json()) as { schemas: string[]; status: string }
      expect(body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error'])
      expect(body.status).toBe('401')
    }
  })

  it('keeps two targets in one process apart: each serves its own database', async () => {
    const first = await start()
    const second = await start()
    await createUser(first, 'kun.i.den.forste@nordlys.dk')
    const query = `/Users${filterQuery('userName eq "kun.i.den.forste@nordlys.dk"')}`
    expect(((await (await scim(first, query)).json()) as ListResponse).totalResults).toBe(1)
    expect(((await (await scim(second, query)).json()) as ListResponse).totalResults).toBe(0)
  })

  it('describes itself at /ServiceProviderConfig with patch, filter and bearer authentication', async () => {
    const target = await start()
    const response = await scim(target, '/ServiceProviderConfig')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/)
    const config = (await response.json()) as { patch: { supported: boolean }; filter: { supported: boolean }; authenticationSchemes: { type: string }[] }
    expect(config.patch.supported).toBe(true)
    expect(config.filter.supported).toBe(true)
    expect(config.authenticationSchemes.map((scheme) => scheme.type)).toEqual(['oauthbearertoken'])
  })
})

describe('demo target: seeded users and queries', () => {
  it('holds the existing application users on first start', async () => {
    const target = await start()
    const page = (await (await scim(target, '/Users?count=1')).json()) as ListResponse
    expect(page.totalResults).toBe(seedExistingApplicationUsers(organisation).length)
  })

  it('finds a seeded user by userName in any letter case (caseExact false)', async () => {
    const target = await start()
    const response = await scim(target, `/Users${filterQuery('userName eq "ZOE.Clarke@NORDLYS.dk"')}`)
    expect(response.status).toBe(200)
    const list = (await response.json()) as ListResponse
    expect(list.totalResults).toBe(1)
    expect(list.Resources[0]!.userName).toBe('zoe.clarke@nordlys.dk')
  })

  it('answers the Entra test-connection probe (a random GUID userName) with 200 and no results', async () => {
    const target = await start()
    const response = await scim(target, `/Users${filterQuery(`userName eq "${randomUUID()}"`)}`)
    expect(response.status).toBe(200)
    const list = (await response.json()) as ListResponse
    expect(list.totalResults).toBe(0)
    expect(list.Resources).toEqual([])
  })

  it('evaluates other filters too', async () => {
    const target = await start()
    const list = (await (await scim(target, `/Users${filterQuery('active eq false')}&count=200`)).json()) as ListResponse
    expect(list.totalResults).toBeGreaterThan(0)
    expect(list.Resources.every((user) => user.active === false)).toBe(true)
  })

  it('pages /Users with startIndex and count, without gaps or overlaps', async () => {
    const target = await start()
    const first = (await (await scim(target, '/Users?startIndex=1&count=7')).json()) as ListResponse
    const second = (await (await scim(target, '/Users?startIndex=8&count=7')).json()) as ListResponse
    const shifted = (await (await scim(target, '/Users?startIndex=2&count=7')).json()) as ListResponse
    expect(first).toMatchObject({ startIndex: 1, itemsPerPage: 7 })
    expect(second).toMatchObject({ startIndex: 8, itemsPerPage: 7, totalResults: first.totalResults })
    expect(first.Resources).toHaveLength(7)
    expect(second.Resources).toHaveLength(7)
    const firstIds = first.Resources.map((user) => user.id)
    expect(second.Resources.some((user) => firstIds.includes(user.id))).toBe(false)
    expect(shifted.Resources.map((user) => user.id)).toEqual([...firstIds.slice(1), second.Resources[0]!.id])
    const last = (await (await scim(target, `/Users?startIndex=${first.totalResults}&count=7`)).json()) as ListResponse
    expect(last.Resources).toHaveLength(1)
  })
})

describe('demo target: writing users', () => {
  it('creates a user (201) that survives a restart on the same file, without seeding again', async () => {
    const databaseName = `${randomUUID()}.db`
    const first = await start(databaseName)
    const before = ((await (await scim(first, '/Users?count=1')).json()) as ListResponse).totalResults
    const created = await createUser(first, 'nye.ansat@nordlys.dk')
    expect(created.id).toBeTruthy()
    await first.close()

    const second = await start(databaseName)
    const found = (await (await scim(second, `/Users${filterQuery('userName eq "nye.ansat@nordlys.dk"')}`)).json()) as ListResponse
    expect(found.Resources.map((user) => user.id)).toEqual([created.id])
    const byId = await scim(second, `/Users/${created.id}`)
    expect(byId.status).toBe(200)
    expect(((await (await scim(second, '/Users?count=1')).json()) as ListResponse).totalResults).toBe(before + 1)
  })

  it('refuses a second user with the same userName in another case (409 uniqueness)', async () => {
    const target = await start()
    await createUser(target, 'dublet@nordlys.dk')
    const response = await scim(target, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'DUBLET@nordlys.dk' } })
    expect(response.status).toBe(409)
    expect(((await response.json()) as { scimType: string }).scimType).toBe('uniqueness')
  })

  it('deactivates with PATCH replace active=false, also when Entra sends "False" as a string', async () => {
    const target = await start()
    const created = await createUser(target, 'deaktiver@nordlys.dk')
    const patched = await scim(target, `/Users/${created.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'active', value: false }] },
    })
    expect(patched.status).toBe(200)
    expect(((await patched.json()) as { active: boolean }).active).toBe(false)
    await scim(target, `/Users/${created.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'Replace', path: 'active', value: true }] } })
    const entraStyle = await scim(target, `/Users/${created.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
    })
    expect(entraStyle.status).toBe(200)
    const reread = (await (await scim(target, `/Users/${created.id}`)).json()) as { active: boolean; userName: string }
    expect(reread).toMatchObject({ active: false, userName: 'deaktiver@nordlys.dk' })
  })

  it('deletes with 204, after which the user is 404 and gone from its groups', async () => {
    const target = await start()
    const created = await createUser(target, 'slet@nordlys.dk')
    const group = await scim(target, '/Groups', { method: 'POST', body: { schemas: [GROUP_SCHEMA], displayName: 'Sales Approvers', members: [{ value: created.id }] } })
    expect(group.status).toBe(201)
    const groupId = ((await group.json()) as { id: string }).id

    const deleted = await scim(target, `/Users/${created.id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect((await scim(target, `/Users/${created.id}`)).status).toBe(404)
    expect((await scim(target, `/Users/${created.id}`, { method: 'DELETE' })).status).toBe(404)
    const reread = (await (await scim(target, `/Groups/${groupId}`)).json()) as { members?: unknown[] }
    expect(reread.members ?? []).toEqual([])
  })
})

describe('demo target: groups', () => {
  it('finds a group by displayName with excludedAttributes=members, as Entra queries it', async () => {
    const target = await start()
    const member = await createUser(target, 'gruppe.medlem@nordlys.dk')
    await scim(target, '/Groups', { method: 'POST', body: { schemas: [GROUP_SCHEMA], displayName: 'Service Desk Agents', members: [{ value: member.id }] } })
    const list = (await (await scim(target, `/Groups${filterQuery('displayName eq "service desk agents"')}&excludedAttributes=members`)).json()) as ListResponse
    expect(list.totalResults).toBe(1)
    expect(list.Resources[0]!.displayName).toBe('Service Desk Agents')
    expect(list.Resources[0]!.members).toBeUndefined()
  })

  it('adds members with PATCH', async () => {
    const target = await start()
    const member = await createUser(target, 'ny.i.gruppen@nordlys.dk')
    const created = (await (await scim(target, '/Groups', { method: 'POST', body: { schemas: [GROUP_SCHEMA], displayName: 'Pilot' } })).json()) as { id: string }
    const patched = await scim(target, `/Groups/${created.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: member.id }] }] },
    })
    expect([200, 204]).toContain(patched.status)
    const reread = (await (await scim(target, `/Groups/${created.id}`)).json()) as { members: { value: string }[] }
    expect(reread.members.map((entry) => entry.value)).toEqual([member.id])
  })
})
