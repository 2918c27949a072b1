/**
 * Scope "Sync only assigned users and groups" end to end: the real composition root with a tenant
 * profile (client secret against the Graph + sign-in emulator over HTTPS on 127.0.0.1, not the demo),
 * its enterprise app chosen in Health, a pull that stores the app's assignments in the profile cache,
 * and the rules preview counting exactly the direct members of the assigned groups plus the users
 * assigned themselves. Without Application.Read.All the pull still succeeds and says why scope
 * will find nobody.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composeHeadcountApi } from '../../../src-main/api/compose-api'
import type { HeadcountApiHandle } from '../../../src-main/api/headcount-api'
import type { ConnectionInput } from '../../../src-main/common/connection'
import type { PullFinished } from '../../../src-main/common/profiles'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { ORGANISATION_FACTS } from '../../../src-main/demo/organisation/organisation-facts'
import { ProfileRegistry } from '../../../src-main/services/profiles/profile-registry'
import { readAppAssignments } from '../../../src-main/services/store/app-assignments-store'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'
import { PullRunLog } from '../../../src-main/services/store/pull-run-log'

const CARDWISE = ORGANISATION_FACTS.cardwiseApplication
const ALL_ROLES = ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All']

let emulator: RunningEmulator
let dataDir: string
let handle: HeadcountApiHandle
let registry: ProfileRegistry

beforeAll(async () => {
  emulator = await startEmulator({ users: 150 })
  emulator.identity.grantApplicationPermissions(emulator.confidentialClient.clientId, ALL_ROLES)
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-assignments-'))
  registry = new ProfileRegistry(dataDir)
  handle = await composeHeadcountApi({ dataDir, host: 'browser', demoUsers: 50 })
}, 60_000)

afterAll(async () => {
  await handle?.dispose()
  await emulator?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

function connectionInput(): ConnectionInput {
  return {
    cloud: 'custom',
    authorityHost: emulator.authorityHost,
    graphEndpoint: emulator.origin,
    tenant: emulator.tenantId,
    clientId: emulator.confidentialClient.clientId,
    mode: 'clientSecret',
    clientSecret: emulator.confidentialClient.clientSecret,
    caCertificatePem: emulator.caCertificatePem,
  }
}

async function addTenantProfile(id: string): Promise<void> {
  registry.save({ id, name: id, kind: 'tenant', tenantName: null, createdAt: new Date().toISOString() })
  await handle.api.connection.configure({ profileId: id, connection: connectionInput() })
}

async function pullAndWait(profileId: string): Promise<PullFinished> {
  const { runId } = await handle.api.pull.start({ profileId })
  for (;;) {
    const status = await handle.api.pull.status({ profileId })
    if (!status.running && status.lastFinished?.runId === runId) return status.lastFinished
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** What the cache holds, through a second connection to the profile's file (WAL lets both read). */
function cached<T>(profileId: string, read: (database: ReturnType<typeof openProfileDatabase>) => T): T {
  const database = openProfileDatabase(dataDir, profileId)
  try {
    return read(database)
  } finally {
    database.close()
  }
}

function cardwiseServicePrincipalId(): string {
  const servicePrincipal = emulator.organisation.servicePrincipals.find((candidate) => candidate.appId === CARDWISE.appId)
  if (!servicePrincipal) throw new Error('the demo tenant lacks Cardwise')
  return servicePrincipal.id
}

describe('assigned users and groups only, against the emulator', () => {
  it('a pull stores the enterprise app’s assignments, and the default scope counts their users', async () => {
    const servicePrincipalId = cardwiseServicePrincipalId()
    const activeUserIds = new Set(emulator.state.users().map((user) => user.id))
    const directUserMembers = (groupId: string) => emulator.state.members(groupId).map((member) => member.id).filter((id) => activeUserIds.has(id))
    const transitiveUserMembers = (groupId: string) => emulator.state.transitiveMembers(groupId).map((member) => member.id).filter((id) => activeUserIds.has(id))
    // The emulator assigns the three "All staff" groups, whose direct members are groups only: as in
    // Entra, their users count only with nested membership. Assign a group with users of its own,
    // a user in none of the groups, and a user who is also in one.
    const seeded = emulator.state.appRoleAssignedTo(servicePrincipalId).map((assignment) => assignment.principalId)
    expect(seeded).toHaveLength(3)
    const team = emulator.state.groups().find((group) => group.securityEnabled && !seeded.includes(group.id) && directUserMembers(group.id).length >= 2)
    if (!team) throw new Error('the demo tenant has no security group with users of its own')
    expect(emulator.state.assignAppRole(servicePrincipalId, team.id).ok).toBe(true)
    const assignedGroupIds = [...seeded, team.id]
    const groupMemberIds = new Set(assignedGroupIds.flatMap(directUserMembers))
    const loner = emulator.state.users().find((user) => !groupMemberIds.has(user.id))
    const [alsoInGroup] = groupMemberIds
    if (!loner || alsoInGroup === undefined) throw new Error('the demo tenant has no user outside the assigned groups')
    expect(emulator.state.assignAppRole(servicePrincipalId, loner.id).ok).toBe(true)
    expect(emulator.state.assignAppRole(servicePrincipalId, alsoInGroup).ok).toBe(true)
    const expectedInScope = new Set([...groupMemberIds, loner.id, alsoInGroup]).size
    const expectedWithNesting = new Set([...assignedGroupIds.flatMap(transitiveUserMembers), loner.id, alsoInGroup]).size
    expect(expectedInScope).toBeGreaterThan(2)

    await addTenantProfile('contoso')
    await handle.api.health.chooseEnterpriseApp({ profileId: 'contoso', appId: CARDWISE.appId })
    const finished = await pullAndWait('contoso')
    expect(finished).toMatchObject({ outcome: 'succeeded', users: activeUserIds.size })

    const stored = cached('contoso', readAppAssignments)
    expect(stored.appId).toBe(CARDWISE.appId)
    expect([...stored.groupIds].sort()).toEqual([...assignedGroupIds].sort())
    expect([...stored.userIds].sort()).toEqual([loner.id, alsoInGroup].sort())
    expect(cached('contoso', (database) => new PullRunLog(database).read(finished.runId)?.notes)).toEqual([])

    const { rules } = await handle.api.rules.get({ profileId: 'contoso' })
    expect(rules.scope).toMatchObject({ mode: 'assignedOnly' })
    const preview = await handle.api.rules.preview({ profileId: 'contoso', rules })
    expect(preview.inScope).toBe(expectedInScope)
    expect(preview.outOfScope).toBe(activeUserIds.size - expectedInScope)

    // Headcount's extension: nested members of the "All staff" groups count too.
    const nestedPreview = await handle.api.rules.preview({ profileId: 'contoso', rules: { ...rules, scope: { ...rules.scope, assignedMembership: 'transitive' } } })
    expect(nestedPreview.inScope).toBe(expectedWithNesting)
    expect(expectedWithNesting).toBeGreaterThan(expectedInScope)

    const explanation = await handle.api.rules.explainUser({ profileId: 'contoso', rules, userId: loner.id })
    expect(explanation.isInScope).toBe(true)
    expect(explanation.scopeReasons[0]).toBe('Assigned to the application directly (as a user, not through a group).')
  })

  it('without Application.Read.All the pull succeeds, notes why, and scope finds nobody', async () => {
    // The admin consented to users and groups only; a new profile signs in afresh with those roles.
    emulator.identity.revokeConsent(emulator.confidentialClient.clientId)
    emulator.identity.grantApplicationPermissions(emulator.confidentialClient.clientId, ['User.Read.All', 'GroupMember.Read.All'])
    try {
      await addTenantProfile('fabrikam')
      // Health cannot read the app without the permission either, so the choice is saved as it would have been earlier.
      const record = registry.get('fabrikam')
      if (!record) throw new Error('the profile was not saved')
      registry.save({ ...record, enterpriseAppId: CARDWISE.appId })

      const finished = await pullAndWait('fabrikam')
      expect(finished.outcome).toBe('succeeded')
      expect(finished.error).toBeUndefined()
      const notes = cached('fabrikam', (database) => new PullRunLog(database).read(finished.runId)?.notes ?? [])
      expect(notes).toHaveLength(1)
      expect(notes[0]).toMatchObject({ code: 'assignmentsUnreadable' })
      expect(notes[0]?.message).toMatch(/^Assignments could not be read: .*Application\.Read\.All.*scope 'assigned users and groups only' will find nobody\.$/)
      expect(cached('fabrikam', readAppAssignments).readAt).toBeNull()

      const { rules } = await handle.api.rules.get({ profileId: 'fabrikam' })
      const preview = await handle.api.rules.preview({ profileId: 'fabrikam', rules })
      expect(preview).toMatchObject({ inScope: 0, outOfScope: finished.users })
    } finally {
      emulator.identity.grantApplicationPermissions(emulator.confidentialClient.clientId, ALL_ROLES)
    }
  })
})
