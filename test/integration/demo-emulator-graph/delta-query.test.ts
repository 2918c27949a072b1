import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { json, startGraphHarness, walkPages, type GraphHarness, type JsonBody } from './graph-emulator-harness'

const DAY = 24 * 60 * 60 * 1000
let now = Date.parse('2026-03-01T09:00:00Z')
let harness: GraphHarness

beforeAll(async () => {
  harness = await startGraphHarness({
    users: 300,
    clock: () => new Date(now),
    delta: { usersPerPage: 50, groupsPerPage: 10, membersPerPage: 40 },
  })
})
afterAll(() => harness.close())
beforeEach(() => harness.faults.clear())

interface Round {
  readonly pages: JsonBody[]
  readonly items: JsonBody[]
  readonly deltaLink: string
}

async function round(first: string): Promise<Round> {
  const pages = await walkPages(harness, first)
  const last = pages[pages.length - 1]!
  expect(last['@odata.deltaLink']).toMatch(/\/v1\.0\/(users|groups)\/delta\?\$deltatoken=/)
  for (const page of pages.slice(0, -1)) {
    expect(page['@odata.nextLink']).toMatch(/\/delta\?\$skiptoken=[^&]+$/)
    expect(page).not.toHaveProperty('@odata.deltaLink')
  }
  return { pages, items: pages.flatMap((page) => page['value']), deltaLink: last['@odata.deltaLink'] }
}

const USER_SELECT = '/users/delta?$select=displayName,department,accountEnabled,manager'
const GROUP_SELECT = '/groups/delta?$select=displayName,members'

describe('users delta', () => {
  it('first round lists every user once, in pages of 50, with manager@delta', async () => {
    const first = await round(USER_SELECT)
    expect(first.pages).toHaveLength(6)
    expect(first.items).toHaveLength(300)
    expect(new Set(first.items.map((item) => item['id'])).size).toBe(300)
    const report = harness.organisation.users.find((entry) => entry.managerId !== null)!
    const item = first.items.find((candidate) => candidate['id'] === report.user.id)!
    expect(Object.keys(item)).toEqual(['displayName', 'department', 'accountEnabled', 'id', 'manager@delta'])
    expect(item['manager@delta']).toEqual([{ '@odata.type': '#microsoft.graph.user', id: report.managerId }])
  })

  it('$deltatoken=latest answers no data and a deltaLink from now', async () => {
    const body = await json(await harness.get('/users/delta?$deltatoken=latest&$select=displayName'))
    expect(body['value']).toEqual([])
    expect(body['@odata.deltaLink']).toContain('$deltatoken=')
    const after = await round(body['@odata.deltaLink'])
    expect(after.items).toEqual([])
  })

  it('reports each kind of change once, then nothing', async () => {
    let { deltaLink } = await round(USER_SELECT)
    const [a, b, c, d, e, f] = harness.organisation.users.slice(20, 26).map((entry) => entry.user)
    const created = harness.state.createUser({ userPrincipalName: 'new.person@nordlys.dk', displayName: 'New Person', department: 'IT' })
    expect(created.ok).toBe(true)
    const newId = created.ok ? created.value.id : ''

    harness.state.updateUser(a!.id, { department: 'Renamed department' })
    harness.state.updateUser(b!.id, { mobilePhone: '+45 00 00 00 00' }) // not selected: not tracked
    harness.state.disableUser(c!.id)
    harness.state.softDeleteUser(d!.id)
    harness.state.hardDeleteUser(e!.id)
    harness.state.setManager(f!.id, a!.id)

    const changes = await round(deltaLink)
    const byId = new Map(changes.items.map((item) => [item['id'], item]))
    expect(byId.get(newId)).toMatchObject({ displayName: 'New Person', department: 'IT', accountEnabled: true })
    expect(byId.get(a!.id)).toEqual({
      displayName: a!.displayName,
      department: 'Renamed department',
      accountEnabled: a!.accountEnabled,
      id: a!.id,
    })
    expect(byId.has(b!.id)).toBe(false)
    expect(byId.get(c!.id)).toMatchObject({ accountEnabled: false })
    expect(byId.get(d!.id)).toEqual({ id: d!.id, '@removed': { reason: 'changed' } })
    expect(byId.get(e!.id)).toEqual({ id: e!.id, '@removed': { reason: 'deleted' } })
    expect(byId.get(f!.id)!['manager@delta']).toEqual([{ '@odata.type': '#microsoft.graph.user', id: a!.id }])
    // Reports of the permanently deleted user lost their manager.
    for (const entry of harness.organisation.users.filter((candidate) => candidate.managerId === e!.id)) {
      expect(byId.get(entry.user.id)!['manager@delta']).toEqual([
        { '@odata.type': '#microsoft.graph.user', id: e!.id, '@removed': { reason: 'deleted' } },
      ])
    }
    deltaLink = changes.deltaLink

    harness.state.restoreUser(d!.id)
    const restored = await round(deltaLink)
    expect(restored.items).toHaveLength(1)
    expect(restored.items[0]).not.toHaveProperty('@removed')
    expect(restored.items[0]).toMatchObject({ id: d!.id, displayName: d!.displayName })

    const quiet = await round(restored.deltaLink)
    expect(quiet.items).toEqual([])
  })

  it('refuses an expired, garbled or foreign token with syncStateNotFound', async () => {
    const { deltaLink } = await round('/users/delta?$select=displayName')
    now += 8 * DAY
    const expired = await harness.get(deltaLink)
    expect(expired.status).toBe(400)
    expect((await json(expired))['error']['code']).toBe('syncStateNotFound')

    const garbled = await harness.get(`${deltaLink.slice(0, -4)}abcd`)
    expect(garbled.status).toBe(400)
    expect((await json(garbled))['error']['code']).toBe('syncStateNotFound')

    const groupsToken = (await round('/groups/delta?$select=displayName')).deltaLink.split('$deltatoken=')[1]
    const foreign = await harness.get(`/users/delta?$deltatoken=${groupsToken}`)
    expect(foreign.status).toBe(400)
  })

  it('answers syncStateNotFound or 410 Gone with Location when faults say so', async () => {
    const { deltaLink } = await round('/users/delta?$select=displayName,department')
    harness.faults.configure({ expireDeltaTokens: true })
    const expired = await harness.get(deltaLink)
    expect(expired.status).toBe(400)
    expect((await json(expired))['error']['code']).toBe('syncStateNotFound')

    harness.faults.configure({ resetDeltaTokens: true })
    const gone = await harness.get(deltaLink)
    expect(gone.status).toBe(410)
    expect(gone.headers.get('location')).toBe(`${harness.origin}/v1.0/users/delta?$select=displayName,department`)
    harness.faults.clear()
    expect((await harness.get(deltaLink)).status).toBe(200)
  })

  it('refuses $top and $expand like Graph', async () => {
    expect((await harness.get('/users/delta?$top=10')).status).toBe(400)
    expect((await harness.get('/users/delta?$expand=manager')).status).toBe(400)
  })
})

describe('groups delta', () => {
  it('first round splits large groups over pages and lists each member once', async () => {
    const first = await round(GROUP_SELECT)
    const membersByGroup = new Map<string, string[]>()
    for (const item of first.items) {
      const list = membersByGroup.get(item['id']) ?? []
      list.push(...(item['members@delta'] ?? []).map((member: { id: string }) => member.id))
      membersByGroup.set(item['id'], list)
    }
    expect(membersByGroup.size).toBe(harness.state.groups().length)
    const large = [...membersByGroup].find(([, members]) => members.length > 40)!
    expect(first.items.filter((item) => item['id'] === large[0]).length).toBeGreaterThan(1)
    for (const [groupId, members] of membersByGroup) {
      expect(new Set(members).size).toBe(members.length)
      expect(members.sort()).toEqual(harness.state.members(groupId).map((member) => member.id).sort())
    }
  })

  it('reports added and removed members, new groups and deleted groups', async () => {
    const { deltaLink } = await round(GROUP_SELECT)
    const [target, doomed] = harness.state.groups().slice(0, 2)
    const existing = harness.state.members(target!.id).find((member) => member['@odata.type'] === '#microsoft.graph.user')!
    const outsider = harness.state.users().find((user) => !harness.state.isActiveMember(target!.id, user.id))!
    harness.state.removeMember(target!.id, existing.id)
    harness.state.addMember(target!.id, outsider.id)
    const created = harness.state.createGroup({ displayName: 'Delta Test Group' })
    const newGroupId = created.ok ? created.value.id : ''
    harness.state.addMember(newGroupId, outsider.id)
    harness.state.deleteGroup(doomed!.id)

    const changes = await round(deltaLink)
    const byId = new Map(changes.items.map((item) => [item['id'], item]))
    expect(byId.get(target!.id)!['members@delta']).toEqual(
      [
        { '@odata.type': '#microsoft.graph.user', id: outsider.id },
        { '@odata.type': '#microsoft.graph.user', id: existing.id, '@removed': { reason: 'deleted' } },
      ].sort((x, y) => (x.id < y.id ? -1 : 1)),
    )
    expect(byId.get(newGroupId)).toEqual({
      displayName: 'Delta Test Group',
      id: newGroupId,
      'members@delta': [{ '@odata.type': '#microsoft.graph.user', id: outsider.id }],
    })
    expect(byId.get(doomed!.id)).toEqual({ id: doomed!.id, '@removed': { reason: 'deleted' } })
  })

  it('reports a soft-deleted member as removed from its groups', async () => {
    const { deltaLink } = await round(GROUP_SELECT)
    const user = harness.state.users().find((candidate) => harness.state.memberOf(candidate.id).length > 0)!
    const groups = harness.state.memberOf(user.id).map((group) => group.id)
    harness.state.softDeleteUser(user.id)
    const changes = await round(deltaLink)
    for (const groupId of groups) {
      const item = changes.items.find((candidate) => candidate['id'] === groupId)!
      expect(item['members@delta']).toContainEqual({ '@odata.type': '#microsoft.graph.user', id: user.id, '@removed': { reason: 'deleted' } })
    }
  })
})
