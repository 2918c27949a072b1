import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GraphMemberRef } from '../../../src-main/services/graph/graph-types'
import { json, startGraphHarness, walkPages, type GraphHarness } from './graph-emulator-harness'

let harness: GraphHarness

beforeAll(async () => {
  harness = await startGraphHarness({ users: 300 })
})
afterAll(() => harness.close())

function groupNamed(name: string) {
  return harness.organisation.groups.find((group) => group.displayName === name)!
}

function directMembers(groupId: string) {
  return harness.organisation.memberships.filter((edge) => edge.groupId === groupId)
}

/** Expected transitive members computed independently from the organisation's memberships. */
function expectedTransitive(groupId: string): Set<string> {
  const found = new Set<string>()
  const pending = [groupId]
  while (pending.length > 0) {
    for (const edge of directMembers(pending.pop()!)) {
      if (edge.memberId === groupId || found.has(edge.memberId)) continue
      found.add(edge.memberId)
      if (edge.memberType === '#microsoft.graph.group') pending.push(edge.memberId)
    }
  }
  return found
}

describe('GET /groups', () => {
  it('pages all groups with their properties', async () => {
    const pages = await walkPages(harness, '/groups?$top=20')
    const groups = pages.flatMap((page) => page['value'])
    expect(groups).toHaveLength(harness.organisation.groups.length)
    expect(groups[0]).toHaveProperty('securityEnabled')
    expect(groups[0]).toHaveProperty('groupTypes')
    expect(pages[0]!['@odata.context']).toBe(`${harness.origin}/v1.0/$metadata#groups`)
  })

  it('filters on securityEnabled and on groupTypes with any()', async () => {
    const security = await json(await harness.get('/groups?$filter=securityEnabled eq true&$select=id&$top=999'))
    expect(security['value']).toHaveLength(harness.organisation.groups.filter((group) => group.securityEnabled).length)
    const unified = await json(await harness.get("/groups?$filter=groupTypes/any(c:c eq 'Unified')&$select=id,groupTypes&$top=999"))
    expect(unified['value']).toHaveLength(harness.organisation.groups.filter((group) => group.groupTypes.includes('Unified')).length)
    expect(unified['value'].every((group: { groupTypes: string[] }) => group.groupTypes.includes('Unified'))).toBe(true)
  })

  it('answers a group by id and 404 for an unknown one', async () => {
    const group = harness.organisation.groups[0]!
    const body = await json(await harness.get(`/groups/${group.id}?$select=displayName`))
    expect(body).toEqual({
      '@odata.context': `${harness.origin}/v1.0/$metadata#groups(displayName)/$entity`,
      displayName: group.displayName,
      id: group.id,
    })
    const missing = await harness.get('/groups/not-a-group')
    expect(missing.status).toBe(404)
    expect((await json(missing))['error']['code']).toBe('Request_ResourceNotFound')
  })
})

describe('GET /groups/{id}/members', () => {
  it('pages direct members, users and groups, each with @odata.type', async () => {
    const parent = harness.organisation.memberships.find((edge) => edge.memberType === '#microsoft.graph.group')!.groupId
    const pages = await walkPages(harness, `/groups/${parent}/members?$top=7`)
    const members = pages.flatMap((page) => page['value']) as GraphMemberRef[]
    const expected = directMembers(parent)
    expect(members.map((member) => member.id).sort()).toEqual(expected.map((edge) => edge.memberId).sort())
    for (const member of members) {
      expect(member['@odata.type']).toBe(expected.find((edge) => edge.memberId === member.id)?.memberType)
    }
    expect(pages[0]!['@odata.context']).toBe(`${harness.origin}/v1.0/$metadata#directoryObjects`)
  })

  it('pages a large group with the default page size of 100', async () => {
    const counts = new Map<string, number>()
    for (const edge of harness.organisation.memberships) counts.set(edge.groupId, (counts.get(edge.groupId) ?? 0) + 1)
    const [largest, size] = [...counts].sort((a, b) => b[1] - a[1])[0]!
    expect(size).toBeGreaterThan(100)
    const pages = await walkPages(harness, `/groups/${largest}/members?$select=id`)
    expect(pages[0]!['value']).toHaveLength(100)
    const ids = pages.flatMap((page) => page['value'].map((member: { id: string }) => member.id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(size)
  })

  it('casts to microsoft.graph.user', async () => {
    const parent = harness.organisation.memberships.find((edge) => edge.memberType === '#microsoft.graph.group')!.groupId
    const body = await json(await harness.get(`/groups/${parent}/members/microsoft.graph.user?$select=id,displayName&$top=999`))
    expect(body['@odata.context']).toBe(`${harness.origin}/v1.0/$metadata#users(id,displayName)`)
    const userIds = directMembers(parent).filter((edge) => edge.memberType === '#microsoft.graph.user').map((edge) => edge.memberId)
    expect(body['value'].map((member: { id: string }) => member.id).sort()).toEqual(userIds.sort())
  })

  it('refuses $top above 999', async () => {
    const response = await harness.get(`/groups/${groupNamed('All Staff').id}/members?$top=1000`)
    expect(response.status).toBe(400)
    expect((await json(response))['error']['code']).toBe('Request_UnsupportedQuery')
  })
})

describe('GET /groups/{id}/transitiveMembers', () => {
  it('flattens nested groups, lists the nested groups too, and lists everyone once', async () => {
    const parents = [...new Set(harness.organisation.memberships.filter((edge) => edge.memberType === '#microsoft.graph.group').map((edge) => edge.groupId))]
    for (const parent of parents) {
      const pages = await walkPages(harness, `/groups/${parent}/transitiveMembers?$select=id&$top=999`)
      const ids = pages.flatMap((page) => page['value'].map((member: { id: string }) => member.id))
      expect(new Set(ids).size).toBe(ids.length)
      expect(new Set(ids)).toEqual(expectedTransitive(parent))
    }
  })

  it('counts transitive users with ConsistencyLevel: eventual', async () => {
    const parent = harness.organisation.memberships.find((edge) => edge.memberType === '#microsoft.graph.group')!.groupId
    const response = await harness.get(`/groups/${parent}/transitiveMembers/microsoft.graph.user/$count`, { ConsistencyLevel: 'eventual' })
    expect(response.status).toBe(200)
    const users = [...expectedTransitive(parent)].filter((id) => harness.state.findUser(id) !== undefined)
    expect(await response.text()).toBe(String(users.length))
  })
})

describe('applications, service principals and the organization', () => {
  it('answers the organization as a one-item collection', async () => {
    const body = await json(await harness.get('/organization?$select=id,displayName,verifiedDomains'))
    expect(body['value']).toEqual([
      {
        id: harness.organisation.tenantId,
        displayName: harness.organisation.organization.displayName,
        verifiedDomains: harness.organisation.organization.verifiedDomains,
      },
    ])
  })

  it('finds a service principal by appId with credential properties', async () => {
    const servicePrincipal = harness.organisation.servicePrincipals.find((candidate) => candidate.keyCredentials.length > 0)!
    const select = 'id,appId,displayName,keyCredentials,passwordCredentials,preferredTokenSigningKeyThumbprint,appRoleAssignmentRequired'
    const body = await json(await harness.get(`/servicePrincipals?$filter=appId eq '${servicePrincipal.appId}'&$select=${select}`))
    expect(body['value']).toEqual([
      {
        id: servicePrincipal.id,
        appId: servicePrincipal.appId,
        displayName: servicePrincipal.displayName,
        keyCredentials: servicePrincipal.keyCredentials,
        passwordCredentials: servicePrincipal.passwordCredentials,
        preferredTokenSigningKeyThumbprint: servicePrincipal.preferredTokenSigningKeyThumbprint,
        appRoleAssignmentRequired: servicePrincipal.appRoleAssignmentRequired,
      },
    ])
  })

  it('lists applications with their password credentials', async () => {
    const body = await json(await harness.get('/applications?$select=id,appId,passwordCredentials'))
    expect(body['value']).toHaveLength(harness.organisation.applications.length)
  })

  it('lists who is assigned to a service principal that requires assignment', async () => {
    const servicePrincipal = harness.organisation.servicePrincipals.find((candidate) => candidate.appRoleAssignmentRequired)!
    const body = await json(await harness.get(`/servicePrincipals/${servicePrincipal.id}/appRoleAssignedTo`))
    expect(body['@odata.context']).toBe(`${harness.origin}/v1.0/$metadata#servicePrincipals('${servicePrincipal.id}')/appRoleAssignedTo`)
    expect(body['value'].length).toBeGreaterThan(0)
    for (const assignment of body['value']) {
      expect(assignment['resourceId']).toBe(servicePrincipal.id)
      expect(assignment['principalType']).toBe('Group')
      expect(harness.state.findGroup(assignment['principalId'])?.displayName).toBe(assignment['principalDisplayName'])
    }
  })
})
