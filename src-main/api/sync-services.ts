/**
 * The real {@link TargetGateway} and {@link SyncGateway}: the SCIM client, the snapshot, the
 * journal and the executor of services/sync, the saved rules and the cached directory of
 * services/rules, and the planner of domain/planner — over each profile's cache. Wired by the
 * composition root; the areas only see the gateways.
 */
import type { PushProgress, RunOperationPage, RunOperationRow, RunSummary, TargetTestResult } from '../common'
import { planSync } from '../domain/planner/plan-sync'
import type { ProfileRules } from '../common'
import type { ProfileRecord } from '../services/profiles/profile-registry'
import { createTrustedFetch, type TrustedFetch } from '../services/net/trusted-fetch'
import { loadDirectorySnapshot, lastPullRunId } from '../services/rules/load-directory-users'
import { defaultProfileRules } from '../services/rules/default-profile-rules'
import { RulesStore, rulesFingerprint } from '../services/rules/rules-store'
import type { ProfileDatabase } from '../services/store/profile-database'
import { executePlan, resumeRun, type SyncProgress } from '../services/sync/execute-plan'
import { HttpScimClient } from '../services/sync/http-scim-client'
import { readTargetSnapshot } from '../services/sync/read-target-snapshot'
import { SyncJournal, loadSyncLinks, type SyncRunRecord } from '../services/sync/sync-journal'
import { DEFAULT_STALE_AFTER_MS } from '../services/sync/run-lock'
import { loadTargetGroups, loadTargetUsers, readTargetSnapshotState } from '../services/sync/target-snapshot-store'
import { testTargetConnection } from '../services/sync/test-target-connection'
import type { SyncGateway } from './sync-area'
import type { TargetConnection, TargetGateway } from './target-area'

export interface SyncServicesDependencies {
  readonly database: (profileId: string) => ProfileDatabase
  readonly profile: (profileId: string) => ProfileRecord | null
  /** Groups assigned to the profile's application (scope `assignedOnly`); empty while unknown. */
  readonly assignedGroupIds?: (profileId: string) => ReadonlySet<string>
  /** Users assigned to the profile's application themselves (scope `assignedOnly`); empty while unknown. */
  readonly assignedUserIds?: (profileId: string) => ReadonlySet<string>
  readonly now: () => Date
  /**
   * This process's name on the runs it executes (run-lock.ts `createRunOwner`): a push from another
   * window or a scheduled `headcount push` on the same profile is refused while this one's heartbeat
   * is fresh, and a run whose owner died is taken over.
   */
  readonly runOwner: string
}

export interface SyncServices {
  readonly targetGateway: TargetGateway
  readonly syncGateway: SyncGateway
  /** Closes the HTTP connections. */
  close(): Promise<void>
}

export function createSyncServices(dependencies: SyncServicesDependencies): SyncServices {
  const { database, now } = dependencies
  const lock = { owner: dependencies.runOwner, staleAfterMs: DEFAULT_STALE_AFTER_MS }
  let trusted: TrustedFetch | null = null
  const fetchFunction = (): TrustedFetch['fetch'] => (trusted ??= createTrustedFetch()).fetch

  function clientFor(connection: TargetConnection): HttpScimClient {
    return new HttpScimClient({
      baseUrl: connection.scimUrl,
      bearerToken: connection.token,
      fetch: connection.fetch ?? fetchFunction(),
      compatibility: connection.compatibility,
      requestsPerSecond: connection.ratePerSecond,
      concurrency: connection.concurrency,
    })
  }

  const targetGateway: TargetGateway = {
    async test(connection, signal) {
      const started = now().getTime()
      const result = await testTargetConnection(clientFor(connection), {}, signal)
      const features = result.features
      const test: TargetTestResult = {
        isOk: result.isOk,
        testedAt: now().toISOString(),
        problems: result.problems,
        checks: [
          {
            name: 'Filter query on a random userName',
            isOk: result.error === null,
            detail: result.error === null ? 'Answered 200 with an empty list, as Entra expects.' : (result.problems[0] ?? result.error.message),
          },
          { name: '/ServiceProviderConfig', isOk: features !== null, detail: features ? describeFeatures(features) : 'Not read.' },
          {
            name: '/Schemas',
            isOk: result.error === null,
            detail: result.extensionAttributePaths.length > 0 ? `${result.extensionAttributePaths.length} extension attribute(s).` : 'No extension attributes.',
          },
          { name: '/ResourceTypes', isOk: result.resourceTypes.includes('User'), detail: result.resourceTypes.join(', ') || 'None listed.' },
        ],
        features: features
          ? { patch: features.patch ?? false, bulk: features.bulk ?? false, filter: features.filter ?? false, sort: features.sort ?? false, etag: features.etag ?? false }
          : null,
        customAttributes: result.extensionAttributePaths,
        resourceTypes: result.resourceTypes,
        durationMs: now().getTime() - started,
      }
      return test
    },
    async readSnapshot(profileId, connection, onProgress, signal) {
      const state = await readTargetSnapshot(
        {
          database: database(profileId),
          client: clientFor(connection),
          onProgress: (progress) => onProgress({ phase: progress.resource, read: progress.read, total: progress.total }),
          now,
        },
        signal,
      )
      return state
    },
    snapshotInfo: (profileId) => readTargetSnapshotState(database(profileId)),
  }

  const syncGateway: SyncGateway = {
    loadDirectory(profileId) {
      const snapshot = loadDirectorySnapshot(database(profileId))
      const pulledAt = database(profileId)
        .connection.prepare("SELECT finished_at FROM pull_runs WHERE outcome = 'succeeded' ORDER BY finished_at DESC, rowid DESC LIMIT 1")
        .get() as { finished_at: string | null } | undefined
      return Promise.resolve({
        users: snapshot.users,
        scopeContext: {
          assignedGroupIds: dependencies.assignedGroupIds?.(profileId) ?? new Set(),
          assignedUserIds: dependencies.assignedUserIds?.(profileId) ?? new Set(),
          groupNames: snapshot.groupNames,
        },
        roleContext: { parentGroupIds: snapshot.parentGroupIds },
        lastPullRunId: lastPullRunId(database(profileId)),
        pulledAt: pulledAt?.finished_at ?? null,
      })
    },
    loadRules(profileId) {
      const saved = new RulesStore(database(profileId), now).read()
      const rules: ProfileRules = saved.rules ?? defaultProfileRules(dependencies.profile(profileId)?.kind ?? 'tenant')
      return Promise.resolve({ rules, fingerprint: rulesFingerprint(rules) })
    },
    loadTarget: (profileId) => ({ users: loadTargetUsers(database(profileId)), groups: loadTargetGroups(database(profileId)) }),
    loadLinks: (profileId) => loadSyncLinks(database(profileId)),
    plan: (input) => planSync(input),
    async execute(request, signal) {
      const client = clientFor(request.connection)
      const run = await executePlan(
        {
          database: database(request.profileId),
          client,
          plan: { operations: request.operations },
          runId: request.runId,
          kind: request.kind,
          startedBy: request.startedBy,
          rulesFingerprint: request.rulesFingerprint,
          onProgress: (progress) => request.onProgress(toPushProgress(progress, client.counters.throttled)),
          now,
          lock,
        },
        signal,
      )
      return toRunSummary(run)
    },
    async resume(request, signal) {
      const client = clientFor(request.connection)
      const run = await resumeRun(
        database(request.profileId),
        client,
        request.runId,
        { onProgress: (progress) => request.onProgress(toPushProgress(progress, client.counters.throttled)), now, lock },
        signal,
      )
      return toRunSummary(run)
    },
    runHolder: (profileId) => new SyncJournal(database(profileId), now).holder(lock),
    runs(profileId, filter) {
      const journal = new SyncJournal(database(profileId), now)
      const records = filter.status ? journal.runs(1000).filter((run) => run.status === filter.status) : journal.runs(filter.limit)
      // A running run's stored counts are those of its start; the journal's rows say where it is now.
      return records.slice(0, filter.limit).map((run) => toRunSummary(run.status === 'running' ? { ...run, counts: journal.counts(run.id) } : run))
    },
    runOperations(profileId, runId, query): RunOperationPage {
      const journal = new SyncJournal(database(profileId), now)
      const rows = journal.operations(runId).filter((operation) => !query.failedOnly || operation.status === 'failed')
      return {
        total: rows.length,
        offset: query.offset,
        rows: rows.slice(query.offset, query.offset + query.limit).map(
          (operation): RunOperationRow => ({
            seq: operation.seq,
            operationId: operation.opId,
            action: operation.action,
            entraId: operation.entraId,
            targetId: operation.targetId,
            userName: operation.userName,
            status: operation.status,
            errorCode: operation.errorCode,
            errorMessage: operation.errorMessage,
            requestSummary: operation.requestSummary,
            attempts: operation.attempts,
            durationMs: operation.durationMs,
            finishedAt: operation.finishedAt,
          }),
        ),
      }
    },
  }

  return {
    targetGateway,
    syncGateway,
    async close() {
      await trusted?.close()
      trusted = null
    },
  }
}

function toPushProgress(progress: SyncProgress, throttled: number): Omit<PushProgress, 'profileId' | 'runId'> {
  return {
    done: progress.done,
    failed: progress.failed,
    skipped: progress.skipped,
    total: progress.total,
    perSecond: progress.throughputPerSecond,
    etaSeconds: progress.etaSeconds,
    throttled,
  }
}

function describeFeatures(features: { readonly patch: boolean | null; readonly bulk: boolean | null; readonly filter: boolean | null; readonly sort: boolean | null; readonly etag: boolean | null }): string {
  const names = (['patch', 'bulk', 'filter', 'sort', 'etag'] as const).filter((name) => features[name] === true)
  return names.length > 0 ? `Supports ${names.join(', ')}.` : 'Supports none of patch, bulk, filter, sort, etag.'
}

/** The journal's run as the contract shows it; operations sent without an outcome count as pending. */
export function toRunSummary(run: SyncRunRecord): RunSummary {
  const started = Date.parse(run.startedAt)
  return {
    runId: run.id,
    kind: run.kind,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    startedBy: run.startedBy,
    rulesFingerprint: run.rulesFingerprint,
    counts: {
      total: run.counts.total,
      succeeded: run.counts.succeeded,
      failed: run.counts.failed,
      skipped: run.counts.skipped,
      pending: run.counts.pending + run.counts.sent,
    },
    durationMs: run.finishedAt === null ? null : Date.parse(run.finishedAt) - started,
  }
}
