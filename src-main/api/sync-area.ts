/**
 * The Sync area (issue 5 items 4, 5, 7, 8): plan from the cache, the saved rules and the target
 * snapshot; review; push exactly the previewed plan; provision one user; the run history.
 *
 * The plan a profile previews is kept in memory (one per profile) with the fingerprint of its
 * inputs and the operations the admin left out. A push plans again first, against a freshly read
 * target: when anything differs from the preview it pushes nothing and returns what changed (the
 * new plan becomes the previewed one), so the admin never pushes something they have not seen.
 * The planner (domain/planner) and the executor and journal (services/sync) are reached through
 * {@link SyncGateway}, wired in the composition root.
 */
/* eslint-disable @typescript-eslint/require-await --
   Contract methods are async so that a thrown AppError always reaches the caller as a rejection. */
import {
  AppError,
  toAppErrorData,
  type PlanAction,
  type PlanChanges,
  type PlanOperation,
  type PlanRow,
  type PlanSummary,
  type ProfileRules,
  type PushProgress,
  type RunOperationPage,
  type RunStatus,
  type RunSummary,
  type SyncApi,
  type SyncLink,
  type SyncPlan,
  type TargetGroupRecord,
  type TargetUserRecord,
  type TraceStep,
} from '../common'
import type { DirectoryUser } from '../domain/directory/directory-user'
import { planToCsv } from '../domain/planner/plan-csv'
import type { PlanInput } from '../domain/planner/plan-sync'
import type { RoleContext } from '../domain/grouping/assign-roles'
import type { ScopeContext } from '../domain/scoping/scope-rule'
import type { SyncSettingsStore } from '../services/sync-settings/sync-settings-store'
import { runBusyError, type RunHolder } from '../services/sync/run-lock'
import type { ProfileStore } from './api-dependencies'
import { PushCoordinator } from './push-coordinator'
import type { TargetArea, TargetConnection } from './target-area'

/** The cached directory as the planner reads it, and which pull it came from. */
export interface DirectoryInputs {
  readonly users: readonly DirectoryUser[]
  readonly scopeContext: ScopeContext
  readonly roleContext?: RoleContext
  readonly lastPullRunId: string | null
  readonly pulledAt: string | null
}

/** One executor run: exactly these operations, journalled. */
export interface ExecuteRequest {
  readonly profileId: string
  readonly runId: string
  readonly kind: 'push' | 'provision'
  readonly connection: TargetConnection
  readonly operations: readonly PlanOperation[]
  readonly startedBy: string
  readonly rulesFingerprint: string
  readonly onProgress: (progress: Omit<PushProgress, 'profileId' | 'runId'>) => void
}

/** What the area needs from the rules, the planner and the executor. */
export interface SyncGateway {
  loadDirectory(profileId: string): Promise<DirectoryInputs>
  loadRules(profileId: string): Promise<{ readonly rules: ProfileRules; readonly fingerprint: string }>
  loadTarget(profileId: string): { readonly users: readonly TargetUserRecord[]; readonly groups: readonly TargetGroupRecord[] }
  loadLinks(profileId: string): readonly SyncLink[]
  plan(input: PlanInput): SyncPlan
  execute(request: ExecuteRequest, signal: AbortSignal): Promise<RunSummary>
  /** Finishes an interrupted run: operations sent without an outcome are reconciled, never repeated blindly. */
  resume(request: Omit<ExecuteRequest, 'operations' | 'kind' | 'rulesFingerprint'>, signal: AbortSignal): Promise<RunSummary>
  /** Newest first. */
  runs(profileId: string, filter: { readonly status?: RunStatus; readonly limit: number }): readonly RunSummary[]
  runOperations(profileId: string, runId: string, query: { readonly failedOnly: boolean; readonly offset: number; readonly limit: number }): RunOperationPage
  /**
   * The run another live process (a second window, a scheduled `headcount push`) is executing for
   * this profile, if any. Checked before a push so the refusal comes back as the push's answer; the
   * executor refuses on its own too (atomically), for the race between this check and the start.
   */
  runHolder(profileId: string): RunHolder | null
}

export interface SyncAreaDependencies {
  readonly profiles: ProfileStore
  readonly settings: SyncSettingsStore
  readonly target: TargetArea
  readonly gateway: SyncGateway
  /**
   * The command line is an explicit admin action (`headcount push --yes`, or "y" typed at its
   * prompt), so there a push counts as enabling pushing for that run; the console honours the switch.
   */
  readonly isPushExplicit: boolean
  /** Who starts runs, for the journal ("console", "cli", the OS user …). */
  readonly startedBy: string
  readonly now: () => Date
  readonly newId: () => string
  readonly random: () => number
}

interface PreviewedPlan {
  readonly summary: PlanSummary
  readonly plan: SyncPlan
  readonly excluded: Set<string>
  readonly rulesFingerprint: string
}

export interface SyncArea extends SyncApi {
  /** Waits for the profile's run to end (profile deletion, tests). */
  settled(profileId: string): Promise<void>
  dispose(): Promise<void>
}

const MAX_CHANGE_LINES = 50
const EXPORT_PAGE = 1000

export function createSyncArea(dependencies: SyncAreaDependencies): SyncArea {
  const { profiles, settings, target, gateway, now } = dependencies
  const previewed = new Map<string, PreviewedPlan>()
  const pushes = new PushCoordinator((profileId, runId, error) => failedRun(profileId, runId, error))

  function requireProfile(profileId: string): void {
    if (!profiles.get(profileId)) {
      throw new AppError({ code: 'NotFound', message: `There is no profile called “${profileId}”.`, hint: 'Choose a profile from the list.' })
    }
  }

  function requirePlan(profileId: string, planId: string): PreviewedPlan {
    requireProfile(profileId)
    const kept = previewed.get(profileId)
    if (!kept || kept.summary.planId !== planId) {
      throw new AppError({ code: 'PlanOutdated', message: 'This plan is no longer the current one.', hint: 'Preview the plan again.' })
    }
    return kept
  }

  function failedRun(profileId: string, runId: string, error: unknown): RunSummary {
    const journalled = gateway.runs(profileId, { limit: 20 }).find((run) => run.runId === runId)
    if (journalled) return journalled
    // Nothing reached the journal (the cache would not open …): report a failed, empty run. The
    // contract's RunSummary carries no error text, so the reason goes to the host's log.
    console.error(`Sync run ${runId} of ${profileId} failed before it started: ${toAppErrorData(error).message}`)
    return {
      runId,
      kind: 'push',
      status: 'failed',
      startedAt: now().toISOString(),
      finishedAt: now().toISOString(),
      startedBy: dependencies.startedBy,
      rulesFingerprint: '',
      counts: { total: 0, succeeded: 0, failed: 0, skipped: 0, pending: 0 },
      durationMs: 0,
    }
  }

  async function makePlan(profileId: string, loaded?: DirectoryInputs): Promise<PreviewedPlan> {
    const started = now().getTime()
    const targetSettings = target.settingsOf(profileId)
    const snapshot = staleSnapshots.has(profileId) ? await target.readSnapshot(profileId) : await target.ensureSnapshot(profileId)
    staleSnapshots.delete(profileId)
    const [directory, rules] = await Promise.all([loaded ?? gateway.loadDirectory(profileId), gateway.loadRules(profileId)])
    const syncSettings = settings.get(profileId).sync
    const planTime = now()
    const plan = gateway.plan({
      users: directory.users,
      scopeContext: directory.scopeContext,
      ...(directory.roleContext ? { roleContext: directory.roleContext } : {}),
      rules: rules.rules,
      target: gateway.loadTarget(profileId),
      links: gateway.loadLinks(profileId),
      options: {
        mode: syncSettings.mode,
        hardDeleteAfterDays: targetSettings?.hardDeleteAfterDays ?? 30,
        isSoftDeleteSupported: targetSettings?.isSoftDeleteSupported ?? true,
        deletionThreshold: syncSettings.deletionThreshold,
        confirmedDeletes: null,
      },
      services: { now: planTime, random: dependencies.random, newGuid: dependencies.newId },
    })
    const excluded = new Set<string>()
    return {
      plan,
      excluded,
      rulesFingerprint: rules.fingerprint,
      summary: {
        planId: dependencies.newId(),
        profileId,
        createdAt: planTime.toISOString(),
        rulesFingerprint: rules.fingerprint,
        mode: syncSettings.mode,
        counts: plan.counts,
        safety: plan.safety,
        totalOperations: plan.operations.length,
        excludedOperations: 0,
        unmatchedTargetUsers: plan.unmatchedTargetUsers.length,
        snapshotTakenAt: snapshot.takenAt,
        directoryPulledAt: directory.pulledAt,
        isPushEnabled: syncSettings.isPushEnabled,
        durationMs: now().getTime() - started,
      },
    }
  }

  function summaryOf(kept: PreviewedPlan): PlanSummary {
    return { ...kept.summary, excludedOperations: kept.excluded.size, isPushEnabled: settings.get(kept.summary.profileId).sync.isPushEnabled }
  }

  function rowsOf(kept: PreviewedPlan): PlanRow[] {
    return kept.plan.operations.map((operation) => ({ ...operation, isExcluded: kept.excluded.has(operation.id) }))
  }

  function requirePushAllowed(profileId: string): void {
    if (dependencies.isPushExplicit || settings.get(profileId).sync.isPushEnabled) return
    throw new AppError({
      code: 'Forbidden',
      message: 'Pushing is not enabled for this profile: it is preview-only until you turn on “Allow pushing” in the sync settings.',
      hint: 'Review the preview, then turn on “Allow pushing” under Sync settings and push again.',
    })
  }

  function progressOf(profileId: string, runId: string): ExecuteRequest['onProgress'] {
    return (progress) => pushes.progressEvents.emit({ profileId, runId, ...progress })
  }

  /** Refuses while this process or another one is pushing the profile. */
  function requireNotBusy(profileId: string): void {
    if (pushes.isRunning(profileId)) {
      throw new AppError({ code: 'Busy', message: 'A push of this profile is already running.', hint: 'Wait for it to finish, or cancel it first.' })
    }
    const holder = gateway.runHolder(profileId)
    if (holder) throw runBusyError(holder)
  }

  /** Starts the executor on the previewed operations, minus those left out and the skips. */
  async function startRun(profileId: string, kind: 'push' | 'provision', operations: readonly PlanOperation[], rulesFingerprint: string): Promise<{ runId: string; done: Promise<RunSummary> }> {
    const connection = await target.connectionFor(profileId)
    requireNotBusy(profileId)
    const runId = dependencies.newId()
    return pushes.start(profileId, runId, async (id, _onProgress, signal) => {
      const run = await gateway.execute(
        { profileId, runId: id, kind, connection, operations, startedBy: dependencies.startedBy, rulesFingerprint, onProgress: progressOf(profileId, id) },
        signal,
      )
      markStale(profileId)
      return run
    })
  }

  /**
   * After a run the snapshot no longer shows the target, so the next plan reads it again first
   * (lazily: provisioning one user must not wait for a read of the whole target).
   */
  const staleSnapshots = new Set<string>()
  function markStale(profileId: string): void {
    staleSnapshots.add(profileId)
  }

  function interruptedRun(profileId: string): RunSummary | null {
    if (pushes.isRunning(profileId)) return null
    return gateway.runs(profileId, { status: 'running', limit: 1 })[0] ?? null
  }

  return {
    settings: async ({ profileId }) => {
      requireProfile(profileId)
      return settings.get(profileId).sync
    },
    configure: async ({ profileId, settings: next }) => {
      requireProfile(profileId)
      return settings.update(profileId, (current) => ({ ...current, sync: next })).sync
    },
    plan: async ({ profileId }) => {
      requireProfile(profileId)
      const kept = await makePlan(profileId)
      previewed.set(profileId, kept)
      return summaryOf(kept)
    },
    queryPlan: async ({ profileId, planId, actions, search, offset, limit }) => {
      const kept = requirePlan(profileId, planId)
      const wanted = actions && actions.length > 0 ? new Set<PlanAction>(actions) : null
      const needle = search?.trim().toLocaleLowerCase() ?? ''
      const rows = rowsOf(kept).filter(
        (row) =>
          (!wanted || wanted.has(row.action)) &&
          (needle === '' ||
            [row.userName, row.displayName, row.entraId, row.targetId].some((value) => value?.toLocaleLowerCase().includes(needle) ?? false)),
      )
      return { total: rows.length, offset, rows: rows.slice(offset, offset + limit) }
    },
    setExcluded: async ({ profileId, planId, operationIds, isExcluded }) => {
      const kept = requirePlan(profileId, planId)
      const known = new Set(kept.plan.operations.map((operation) => operation.id))
      const unknown = operationIds.find((id) => !known.has(id))
      if (unknown !== undefined) {
        throw new AppError({ code: 'InvalidArgument', message: `The plan has no operation “${unknown}”.`, hint: 'Preview the plan again.' })
      }
      for (const id of operationIds) {
        if (isExcluded) kept.excluded.add(id)
        else kept.excluded.delete(id)
      }
      return summaryOf(kept)
    },
    exportPlan: async ({ profileId, planId, format }) => {
      const kept = requirePlan(profileId, planId)
      const stamp = kept.summary.createdAt.replace(/[:.]/g, '-')
      if (format === 'json') {
        const text = JSON.stringify({ summary: summaryOf(kept), operations: rowsOf(kept), unmatchedTargetUsers: kept.plan.unmatchedTargetUsers }, null, 2) + '\n'
        return { fileName: `plan-${profileId}-${stamp}.json`, text }
      }
      return { fileName: `plan-${profileId}-${stamp}.csv`, text: planToCsv(kept.plan) }
    },
    push: async ({ profileId, planId, confirmNumber }) => {
      const kept = requirePlan(profileId, planId)
      requirePushAllowed(profileId)
      // Another live process executing a run of this profile: never resumed from here.
      requireNotBusy(profileId)
      // A run cut short (crash, kill, shutdown) is finished first, through the journal: never repeated.
      const interrupted = interruptedRun(profileId)
      if (interrupted) {
        const connection = await target.connectionFor(profileId)
        requireNotBusy(profileId)
        const { runId } = pushes.start(profileId, interrupted.runId, async (id, _onProgress, signal) => {
          const run = await gateway.resume({ profileId, runId: id, connection, startedBy: dependencies.startedBy, onProgress: progressOf(profileId, id) }, signal)
          markStale(profileId)
          return run
        })
        return { kind: 'started', runId }
      }
      const { safety } = kept.plan
      if (safety.isBlocked && confirmNumber !== safety.confirmNumber) {
        throw new AppError({
          code: 'ThresholdExceeded',
          message:
            `This plan deletes ${safety.deletes} and disables ${safety.disables} of ${safety.targetUsers} target users, over the deletion threshold ` +
            `(${safety.threshold.count} users or ${safety.threshold.percent} %).`,
          hint: `Check the deletes and disables, then type ${safety.confirmNumber} to confirm.`,
        })
      }
      // Plan again against a freshly read target: push only what the admin saw.
      markStale(profileId)
      const fresh = await makePlan(profileId)
      const changes = comparePlans(kept.plan.operations, fresh.plan.operations)
      if (changes.added + changes.removed + changes.changed > 0) {
        previewed.set(profileId, fresh)
        return { kind: 'replanned', summary: summaryOf(fresh), changes }
      }
      const operations = kept.plan.operations.filter((operation) => operation.action !== 'skip' && !kept.excluded.has(operation.id))
      const { runId } = await startRun(profileId, 'push', operations, kept.rulesFingerprint)
      return { kind: 'started', runId }
    },
    cancel: async ({ profileId }) => {
      requireProfile(profileId)
      pushes.cancel(profileId)
    },
    status: async ({ profileId }) => {
      requireProfile(profileId)
      return gateway.runs(profileId, { limit: 1 })[0] ?? null
    },
    provisionUser: async ({ profileId, userId, apply }) => {
      requireProfile(profileId)
      const started = now().getTime()
      const directory = await gateway.loadDirectory(profileId)
      const user = directory.users.find((candidate) => candidate.id === userId)
      if (!user) {
        throw new AppError({ code: 'NotFound', message: 'This user is not in the cached directory.', hint: 'Pull the directory, then try again.' })
      }
      const kept = await makePlan(profileId, directory)
      const operations = operationsOf(kept.plan.operations, userId)
      const own = operations.filter((operation) => operation.entraId === userId)
      const steps = stepsOf(own)
      const displayName = own[0]?.displayName ?? userId
      if (!apply) {
        return { userId, displayName, steps, operations: operations.map((operation) => ({ ...operation, status: 'previewed', errorMessage: null })), runId: null, durationMs: now().getTime() - started }
      }
      requirePushAllowed(profileId)
      const toRun = operations.filter((operation) => operation.action !== 'skip')
      if (toRun.length === 0) {
        return { userId, displayName, steps, operations: operations.map((operation) => ({ ...operation, status: 'skipped', errorMessage: null })), runId: null, durationMs: now().getTime() - started }
      }
      const { runId, done } = await startRun(profileId, 'provision', toRun, kept.rulesFingerprint)
      await done
      const outcomes = new Map(gateway.runOperations(profileId, runId, { failedOnly: false, offset: 0, limit: 1000 }).rows.map((row) => [row.operationId, row]))
      return {
        userId,
        displayName,
        steps,
        operations: operations.map((operation) => {
          const outcome = outcomes.get(operation.id)
          return { ...operation, status: outcome?.status ?? 'skipped', errorMessage: outcome?.errorMessage ?? null }
        }),
        runId,
        durationMs: now().getTime() - started,
      }
    },
    runs: async ({ profileId, status, limit }) => {
      requireProfile(profileId)
      return gateway.runs(profileId, { ...(status ? { status } : {}), limit: limit ?? 100 })
    },
    runOperations: async ({ profileId, runId, failedOnly, offset, limit }) => {
      requireProfile(profileId)
      return gateway.runOperations(profileId, runId, { failedOnly: failedOnly ?? false, offset, limit })
    },
    exportRun: async ({ profileId, runId }) => {
      requireProfile(profileId)
      const lines = [RUN_COLUMNS.join(',')]
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        const page = gateway.runOperations(profileId, runId, { failedOnly: false, offset, limit: EXPORT_PAGE })
        for (const row of page.rows) {
          lines.push(
            [row.seq, row.operationId, row.action, row.entraId, row.targetId, row.userName, row.status, row.errorCode, row.errorMessage, redactRequest(row.requestSummary), row.attempts, row.durationMs, row.finishedAt]
              .map(csvField)
              .join(','),
          )
        }
        if (offset + EXPORT_PAGE >= page.total) break
      }
      return { fileName: `run-${profileId}-${runId}.csv`, text: lines.join('\r\n') + '\r\n' }
    },
    onDidProgress: (listener) => pushes.progressEvents.on(listener),
    onDidFinish: (listener) => pushes.finishEvents.on(listener),
    settled: (profileId) => pushes.settled(profileId),
    dispose: () => pushes.cancelAll(),
  }
}

/**
 * One user's operations for provisioning on demand: the user's own, the manager reference, and the
 * membership changes that name the user — narrowed to this user alone (its reference, its PATCH
 * value and its change line) — with the create of any group they need.
 */
function operationsOf(operations: readonly PlanOperation[], userId: string): PlanOperation[] {
  const own = operations.filter((operation) => operation.entraId === userId)
  const targetId = own.find((operation) => operation.targetId !== null)?.targetId ?? null
  const userName = own[0]?.userName ?? null
  const chosen: PlanOperation[] = []
  for (const operation of operations) {
    if (operation.entraId === userId) chosen.push(operation)
    else if ((operation.action === 'addMembers' || operation.action === 'removeMembers') && operation.references?.memberEntraIds?.includes(userId)) {
      chosen.push(narrowMembership(operation, userId, targetId, userName))
    }
  }
  const chosenIds = new Set(chosen.map((operation) => operation.id))
  const byId = new Map(operations.map((operation) => [operation.id, operation]))
  // A membership of a group created in this plan needs that create first.
  const groups = [...new Set(chosen.flatMap((operation) => operation.dependsOn))].flatMap((id) => {
    const group = byId.get(id)
    return group && !chosenIds.has(id) && group.action === 'createGroup' ? [group] : []
  })
  return [...groups, ...chosen]
}

function narrowMembership(operation: PlanOperation, userId: string, targetId: string | null, userName: string | null): PlanOperation {
  const isAdd = operation.action === 'addMembers'
  const removePath = targetId === null ? null : `members[value eq "${targetId}"]`
  const patch =
    targetId === null
      ? []
      : isAdd
        ? [{ op: 'add' as const, path: 'members', value: [{ value: targetId }] }]
        : (operation.patch ?? []).filter((patchOperation) => patchOperation.path === removePath)
  const shown = userName === null ? null : [userName]
  return {
    ...operation,
    references: { ...operation.references, memberEntraIds: [userId] },
    patch,
    changes: [{ path: 'members', before: isAdd ? null : shown, after: isAdd ? shown : null }],
    // Only the user's own create matters here; other members' creates are not part of this run.
    dependsOn: operation.dependsOn.filter((id) => !id.startsWith('create:') || id.startsWith(`create:${userId}:`)),
  }
}

/** The user's step trace: every step of the user's own operations, once each, in plan order. */
function stepsOf(own: readonly PlanOperation[]): TraceStep[] {
  const seen = new Set<string>()
  const steps: TraceStep[] = []
  for (const step of own.flatMap((operation) => operation.trace)) {
    const key = `${step.step}|${step.status}|${step.detail}`
    if (seen.has(key)) continue
    seen.add(key)
    steps.push(step)
  }
  // Entra's order, whatever order the operations came in (a manager reference can precede the create).
  return steps.sort((a, b) => STEP_ORDER[a.step] - STEP_ORDER[b.step])
}

const STEP_ORDER: Readonly<Record<TraceStep['step'], number>> = { import: 0, scope: 1, match: 2, action: 3, reference: 4 }

/** What makes two plans' operations the same: everything the executor would send. */
function signatureOf(operation: PlanOperation): string {
  return JSON.stringify([operation.action, operation.targetId, operation.changes, operation.resource ?? null, operation.patch ?? null, operation.references ?? null])
}

/** Operations added, removed and changed between the previewed plan and a fresh one, in plain words. */
export function comparePlans(before: readonly PlanOperation[], after: readonly PlanOperation[]): PlanChanges {
  const old = new Map(before.map((operation) => [operation.id, operation]))
  const fresh = new Map(after.map((operation) => [operation.id, operation]))
  const lines: string[] = []
  let added = 0
  let removed = 0
  let changed = 0
  const note = (line: string): void => {
    if (lines.length < MAX_CHANGE_LINES) lines.push(line)
  }
  for (const operation of after) {
    const previous = old.get(operation.id)
    if (!previous) {
      added += 1
      note(`New: ${describeOperation(operation)}`)
    } else if (signatureOf(previous) !== signatureOf(operation)) {
      changed += 1
      note(`Changed: ${describeOperation(operation)}`)
    }
  }
  for (const operation of before) {
    if (fresh.has(operation.id)) continue
    removed += 1
    note(`No longer planned: ${describeOperation(operation)}`)
  }
  return { added, removed, changed, lines }
}

function describeOperation(operation: PlanOperation): string {
  const who = operation.userName ?? operation.displayName
  const changes = operation.changes
    .slice(0, 3)
    .map((change) => `${change.path} now ${shown(change.after)} (was ${shown(change.before)})`)
    .join(', ')
  return `${operation.action} ${who}${changes ? `: ${changes}` : ''}`
}

function shown(value: PlanOperation['changes'][number]['after']): string {
  if (value === null) return 'empty'
  return `'${typeof value === 'string' ? value : value.join(', ')}'`
}

const RUN_COLUMNS = ['seq', 'operationId', 'action', 'entraId', 'targetId', 'userName', 'status', 'errorCode', 'errorMessage', 'request', 'attempts', 'durationMs', 'finishedAt']

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The journal already keeps request summaries without secrets; this second guard keeps an export
 * from ever carrying a bearer token or a password-like field, whatever wrote the summary.
 */
export function redactRequest(summary: string | null): string | null {
  if (summary === null) return null
  return summary
    .replace(/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]')
    .replace(/("(?:password|token|secret|clientSecret|authorization)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"')
}
