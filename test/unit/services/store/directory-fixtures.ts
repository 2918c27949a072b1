/**
 * Small hand-made directories for the store specs: every field a test does not name gets a plain
 * default, so each test shows only what it is about.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { blankGraphUser } from '../../../../src-main/services/graph/blank-graph-user'
import type { PulledUser } from '../../../../src-main/services/graph/graph-reader'
import type { GraphGroup, GraphMemberRef } from '../../../../src-main/services/graph/graph-types'
import type { DirectoryWriter } from '../../../../src-main/services/store/directory-writer'

export function makeUser(overrides: Partial<PulledUser> & { id: string }): PulledUser {
  const name = overrides.displayName ?? overrides.id
  return {
    ...blankGraphUser({ id: overrides.id, userPrincipalName: `${overrides.id}@contoso.example`, createdDateTime: '2024-01-01T00:00:00Z' }),
    mailNickname: overrides.id,
    displayName: name,
    onPremisesExtensionAttributes: {},
    manager: null,
    ...overrides,
  }
}

export function managedBy(manager: PulledUser): PulledUser['manager'] {
  return { id: manager.id, displayName: manager.displayName }
}

export function makeGroup(id: string, displayName: string, overrides: Partial<GraphGroup> = {}): GraphGroup {
  return {
    id,
    displayName,
    description: null,
    mail: null,
    mailNickname: id,
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [],
    createdDateTime: '2024-01-01T00:00:00Z',
    visibility: null,
    ...overrides,
  }
}

export function userMember(id: string): GraphMemberRef {
  return { '@odata.type': '#microsoft.graph.user', id }
}

export function groupMember(id: string): GraphMemberRef {
  return { '@odata.type': '#microsoft.graph.group', id }
}

/** A fresh temporary data folder, removed by the returned function. */
export function temporaryDataDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'headcount-store-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export interface DirectoryContent {
  readonly users: readonly PulledUser[]
  readonly groups: readonly GraphGroup[]
  readonly members: Readonly<Record<string, readonly GraphMemberRef[]>>
}

/** Writes a directory the way a complete full pull does, as run `runId`. */
export function pullInto(writer: DirectoryWriter, content: DirectoryContent, runId = 'run-1'): void {
  writer.startRun(runId)
  writer.writeUsers(runId, content.users, { resource: 'users', nextLink: null })
  writer.writeGroups(runId, content.groups, { resource: 'groups', nextLink: null })
  for (const [groupId, members] of Object.entries(content.members)) {
    writer.writeGroupMembers(runId, groupId, members)
  }
  writer.completeFullPull(runId)
}
