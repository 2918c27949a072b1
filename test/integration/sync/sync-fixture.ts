/**
 * Shared set-up for the sync integration tests: a real demo SCIM target on 127.0.0.1, a real
 * profile cache (SQLite) in a temp folder, an HttpScimClient over the project's trusted fetch, and
 * builders for hand-made plan operations.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DemoTargetFaults, DemoTargetRequestLog } from '../../../src-main/demo/target/demo-target-traffic'
import { startDemoTarget, type DemoTargetOptions, type RunningDemoTarget } from '../../../src-main/demo/target/start-demo-target'
import type { PlanAction, PlanOperation } from '../../../src-main/domain/planner/sync-plan'
import { createTrustedFetch, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { openProfileDatabase, type ProfileDatabase } from '../../../src-main/services/store/profile-database'
import { HttpScimClient, type HttpScimClientOptions } from '../../../src-main/services/sync/http-scim-client'

export const TOKEN = 'sync-test-token'
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User'
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group'

export interface SyncFixture {
  readonly folder: string
  readonly target: RunningDemoTarget
  readonly faults: DemoTargetFaults
  readonly requestLog: DemoTargetRequestLog
  readonly database: ProfileDatabase
  readonly trustedFetch: TrustedFetch
  client(options?: Partial<HttpScimClientOptions>): HttpScimClient
  /** GET a SCIM path on the target directly (not through the client under test). */
  read<T = Record<string, unknown>>(path: string): Promise<T>
  close(): Promise<void>
}

export async function startSyncFixture(targetOptions: Partial<DemoTargetOptions> = {}): Promise<SyncFixture> {
  const folder = mkdtempSync(join(tmpdir(), 'headcount-sync-'))
  const faults = new DemoTargetFaults()
  const requestLog = new DemoTargetRequestLog()
  const target = await startDemoTarget({ databaseFile: join(folder, 'target.db'), bearerToken: TOKEN, faults, requestLog, ...targetOptions })
  const database = openProfileDatabase(folder, 'profile')
  const trustedFetch = createTrustedFetch()
  return {
    folder,
    target,
    faults,
    requestLog,
    database,
    trustedFetch,
    client: (options = {}) =>
      new HttpScimClient({ baseUrl: target.baseUrl, bearerToken: TOKEN, fetch: trustedFetch.fetch, requestsPerSecond: 500, retry: { baseDelayMs: 20, maxDelayMs: 2_000 }, ...options }),
    async read<T>(path: string): Promise<T> {
      const response = await fetch(`${target.baseUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })
      return (await response.json()) as T
    },
    async close() {
      await target.close()
      await trustedFetch.close()
      database.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

interface OperationFields {
  readonly id?: string
  readonly entraId?: string | null
  readonly targetId?: string | null
  readonly userName?: string | null
  readonly displayName?: string
  readonly resource?: Record<string, unknown>
  readonly patch?: PlanOperation['patch']
  readonly references?: PlanOperation['references']
  readonly dependsOn?: readonly string[]
  readonly resourceType?: 'User' | 'Group'
}

/** A plan operation as the planner would make it, with only what the test cares about filled in. */
export function operation(action: PlanAction, fields: OperationFields): PlanOperation {
  const key = fields.entraId ?? fields.displayName ?? fields.userName ?? randomUUID()
  return {
    id: fields.id ?? `${action}:${key}:${fields.targetId ?? ''}`,
    action,
    resourceType: fields.resourceType ?? (action === 'createGroup' || action === 'addMembers' || action === 'removeMembers' ? 'Group' : 'User'),
    entraId: fields.entraId ?? null,
    targetId: fields.targetId ?? null,
    userName: fields.userName ?? null,
    displayName: fields.displayName ?? fields.userName ?? '',
    reason: { code: action, text: `test ${action}` },
    changes: [],
    ...(fields.resource ? { resource: fields.resource } : {}),
    ...(fields.patch ? { patch: fields.patch } : {}),
    ...(fields.references ? { references: fields.references } : {}),
    dependsOn: fields.dependsOn ?? [],
    trace: [],
  }
}

/** A create for an Entra user, shaped like Entra's POST /Users (reference §4.2). */
export function createUserOperation(entraId: string, userName: string, extra: Record<string, unknown> = {}): PlanOperation {
  return operation('create', {
    entraId,
    userName,
    resource: {
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
      externalId: entraId,
      userName,
      active: true,
      displayName: userName.split('@')[0],
      name: { givenName: 'Given', familyName: userName.split('@')[0] },
      ...extra,
    },
  })
}

export interface ScimUserShape {
  id: string
  userName: string
  active: boolean
  title?: string
  [ENTERPRISE_SCHEMA]?: { department?: string; manager?: { value?: string } }
}

export interface ListShape<T> {
  totalResults: number
  Resources?: T[]
}
