/**
 * In-memory `target` and `sync` areas for renderer tests (and for looking at the screens without a
 * SCIM server): a plan of synthetic operations that can be filtered, searched, paged, excluded and
 * exported; a deletion threshold that blocks until the exact number is given; pushes that re-plan
 * on request; and a run history. Events are emitted by the test (`emitPushProgress`, `finishPush`),
 * so each test decides what main "said" and when.
 */
import { Emitter } from './emitter'
import { AppError } from '../../../src-main/common/errors'
import type {
  PlanAction,
  PlanChanges,
  PlanRow,
  PlanSummary,
  ProvisionResult,
  PushFinished,
  PushProgress,
  RunOperationRow,
  RunSummary,
  SyncApi,
  SyncSettings,
  TargetApi,
  TargetSnapshotProgress,
  TargetStatus,
  TargetTestResult,
} from '../../../src-main/common'
import { PLAN_ACTIONS } from '../../../src-main/common/sync-plan'

/** A plan operation for user number `index`, with a before → after change on updates. */
export function planRow(index: number, action: PlanAction, overrides: Partial<PlanRow> = {}): PlanRow {
  const padded = String(index).padStart(6, '0')
  const userName = `user${padded}@nordlys.example`
  const isGroup = action === 'createGroup' || action === 'addMembers' || action === 'removeMembers'
  return {
    id: `${action}:entra-${padded}:${action === 'create' ? '' : `scim-${padded}`}`,
    action,
    resourceType: isGroup ? 'Group' : 'User',
    entraId: isGroup && action === 'createGroup' ? null : `entra-${padded}`,
    targetId: action === 'create' || action === 'createGroup' ? null : `scim-${padded}`,
    userName: isGroup ? `Group ${padded}` : userName,
    displayName: isGroup ? `Group ${padded}` : `User ${padded}`,
    reason: { code: action === 'skip' ? 'OutOfScope' : action, text: `Because ${action} ${padded}` },
    changes: action === 'update' ? [{ path: 'title', before: 'Engineer', after: 'Lead engineer' }] : [],
    dependsOn: action === 'setManager' ? [`create:entra-${padded}:`] : [],
    trace: [
      { step: 'import', status: 'success', detail: 'Read from the cache.' },
      { step: 'scope', status: action === 'skip' ? 'skipped' : 'success', detail: action === 'skip' ? 'Out of scope.' : 'In scope.' },
      { step: 'match', status: 'success', detail: 'Matched on userName.' },
      { step: 'action', status: 'success', detail: `Will ${action}.` },
    ],
    ...(action === 'skip' ? { skipCode: 'OutOfScope' as const } : {}),
    isExcluded: false,
    ...overrides,
  }
}

/** Operations: `counts[action]` rows of each action, users numbered from 1 in PLAN_ACTIONS order. */
export function planRows(counts: Partial<Record<PlanAction, number>>): PlanRow[] {
  const rows: PlanRow[] = []
  let index = 0
  for (const action of PLAN_ACTIONS) {
    for (let count = 0; count < (counts[action] ?? 0); count++) rows.push(planRow(++index, action))
  }
  return rows
}

/** A finished run with the given counts. */
export function runSummary(runId: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    runId,
    kind: 'push',
    status: 'succeeded',
    startedAt: '2026-11-01T09:00:00Z',
    finishedAt: '2026-11-01T09:01:00Z',
    startedBy: 'admin@contoso.example',
    rulesFingerprint: 'rules-1',
    counts: { total: 10, succeeded: 10, failed: 0, skipped: 0, pending: 0 },
    durationMs: 60_000,
    ...overrides,
  }
}

const DEFAULT_SYNC_SETTINGS: SyncSettings = { mode: 'full', isPushEnabled: false, deletionThreshold: { count: 500, percent: 20 } }

const PASSED_TEST: Omit<TargetTestResult, 'testedAt'> = {
  isOk: true,
  problems: [],
  checks: [
    { name: 'Filter query on a random id', isOk: true, detail: '200 with an empty list' },
    { name: '/ServiceProviderConfig', isOk: true, detail: 'PATCH and filter supported' },
    { name: '/Schemas', isOk: true, detail: '3 schemas' },
    { name: '/ResourceTypes', isOk: true, detail: 'User, Group' },
  ],
  features: { patch: true, bulk: false, filter: true, sort: false, etag: false },
  customAttributes: ['urn:ietf:params:scim:schemas:extension:cards:2.0:User:cardTemplate'],
  resourceTypes: ['User', 'Group'],
  durationMs: 120,
}

/** The fake areas; tests reach into the public fields to arrange and inspect. */
export class FakeSyncApi {
  readonly calls: { method: string; argument: unknown }[] = []
  /** Rejection for the next call of the named method (`sync.push`, `target.test` …). */
  failures: Partial<Record<string, Error>> = {}
  targets = new Map<string, TargetStatus>()
  syncSettings = new Map<string, SyncSettings>()
  /** Operations the next plan holds. */
  operations: PlanRow[] = planRows({ create: 3, update: 2, disable: 1, delete: 1, skip: 2 })
  /** Target users the threshold's percentage is taken of. */
  targetUsers = 100
  /** Users read by `target.refresh` (progress in steps of 100). */
  snapshotUsers = 250
  testResult: Omit<TargetTestResult, 'testedAt'> = PASSED_TEST
  /** When set, the next push answers `replanned` with these changes (and a plan without the last operation). */
  replanNextPush: PlanChanges | null = null
  runs: RunSummary[] = []
  runOperations = new Map<string, RunOperationRow[]>()
  readonly targetProgress = new Emitter<TargetSnapshotProgress>()
  readonly pushProgress = new Emitter<PushProgress>()
  readonly pushFinished = new Emitter<PushFinished>()
  private readonly plans = new Map<string, { profileId: string; rows: PlanRow[]; summary: PlanSummary }>()
  private planCount = 0
  private runCount = 0
  private readonly heldMethods = new Set<string>()
  private readonly gates: (() => void)[] = []

  private async enter(method: string, argument: unknown): Promise<void> {
    this.calls.push({ method, argument })
    if (this.heldMethods.has(method)) await new Promise<void>((resolve) => this.gates.push(resolve))
    const failure = this.failures[method]
    delete this.failures[method]
    if (failure !== undefined) throw failure
  }

  /** Holds every later call of `method` until {@link release}. */
  hold(method: string): void {
    this.heldMethods.add(method)
  }

  /** Answers the held calls, oldest first, and stops holding. */
  release(): void {
    this.heldMethods.clear()
    for (const resolve of this.gates.splice(0)) resolve()
  }

  callsOf(method: string): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.argument)
  }

  private targetOf(profileId: string): TargetStatus {
    return (
      this.targets.get(profileId) ?? {
        isConfigured: false,
        scimUrl: null,
        hasToken: false,
        settings: { ratePerSecond: 25, concurrency: 4, compatibility: 'strict', isSoftDeleteSupported: true, hardDeleteAfterDays: 30 },
        lastTest: null,
        snapshot: null,
      }
    )
  }

  private settingsOf(profileId: string): SyncSettings {
    return this.syncSettings.get(profileId) ?? DEFAULT_SYNC_SETTINGS
  }

  private planOf(profileId: string, planId: string): { rows: PlanRow[]; summary: PlanSummary } {
    const plan = this.plans.get(planId)
    if (plan === undefined || plan.profileId !== profileId) throw new AppError({ code: 'NotFound', message: 'That plan is gone; make a new one.' })
    return plan
  }

  /** Builds a plan over `rows` the way main summarises one. */
  private summarise(profileId: string, planId: string, rows: readonly PlanRow[]): PlanSummary {
    const counts = Object.fromEntries(PLAN_ACTIONS.map((action) => [action, 0])) as Record<PlanAction, number>
    for (const row of rows) counts[row.action] += 1
    const settings = this.settingsOf(profileId)
    const { count, percent } = settings.deletionThreshold
    const removals = counts.delete + counts.disable
    const isOver = removals > count || (this.targetUsers > 0 && (removals / this.targetUsers) * 100 > percent)
    return {
      planId,
      profileId,
      createdAt: '2026-11-01T09:00:00Z',
      rulesFingerprint: 'rules-1',
      mode: settings.mode,
      counts,
      safety: { deletes: counts.delete, disables: counts.disable, targetUsers: this.targetUsers, threshold: { count, percent }, isBlocked: isOver, confirmNumber: removals },
      totalOperations: rows.length,
      excludedOperations: rows.filter((row) => row.isExcluded).length,
      unmatchedTargetUsers: 0,
      snapshotTakenAt: '2026-11-01T08:59:00Z',
      directoryPulledAt: '2026-11-01T08:00:00Z',
      isPushEnabled: settings.isPushEnabled,
      durationMs: 40,
    }
  }

  private newPlan(profileId: string, rows: PlanRow[]): PlanSummary {
    const planId = `plan-${++this.planCount}`
    const summary = this.summarise(profileId, planId, rows)
    this.plans.set(planId, { profileId, rows, summary })
    return summary
  }

  /** Sends a progress event of the running push, as main does every few hundred milliseconds. */
  emitPushProgress(progress: Partial<PushProgress> & Pick<PushProgress, 'runId'>): void {
    this.pushProgress.emit({ profileId: 'demo', done: 0, failed: 0, skipped: 0, total: 10, perSecond: 25, etaSeconds: 30, throttled: 0, ...progress })
  }

  /** Ends a run: records it in the history (with `failed` failed operations) and sends onDidFinish. */
  finishPush(runId: string, options: { profileId?: string; failed?: number; status?: RunSummary['status']; total?: number } = {}): RunSummary {
    const total = options.total ?? 10
    const failed = options.failed ?? 0
    const run = runSummary(runId, {
      status: options.status ?? (failed > 0 ? 'partial' : 'succeeded'),
      counts: { total, succeeded: total - failed, failed, skipped: 0, pending: 0 },
    })
    this.runs = [run, ...this.runs.filter((item) => item.runId !== runId)]
    this.pushFinished.emit({ profileId: options.profileId ?? 'demo', run })
    return run
  }

  readonly target: TargetApi = {
    status: async (argument) => {
      await this.enter('target.status', argument)
      return this.targetOf(argument.profileId)
    },
    configure: async (argument) => {
      await this.enter('target.configure', argument)
      const { settings } = argument
      if (!/^https?:\/\/\S+$/.test(settings.scimUrl)) {
        throw new AppError({ code: 'InvalidArgument', message: 'The SCIM base URL must start with https://.', hint: 'Copy it from the application’s provisioning page.' })
      }
      const previous = this.targetOf(argument.profileId)
      const status: TargetStatus = {
        ...previous,
        isConfigured: true,
        scimUrl: settings.scimUrl,
        hasToken: previous.hasToken || (settings.token ?? '') !== '',
        settings: {
          ratePerSecond: settings.ratePerSecond,
          concurrency: settings.concurrency,
          compatibility: settings.compatibility,
          isSoftDeleteSupported: settings.isSoftDeleteSupported,
          hardDeleteAfterDays: settings.hardDeleteAfterDays,
        },
      }
      this.targets.set(argument.profileId, status)
      return status
    },
    test: async (argument) => {
      await this.enter('target.test', argument)
      const result: TargetTestResult = { ...this.testResult, testedAt: '2026-11-01T09:00:00Z' }
      this.targets.set(argument.profileId, { ...this.targetOf(argument.profileId), lastTest: result })
      return result
    },
    refresh: async (argument) => {
      await this.enter('target.refresh', argument)
      for (let read = 0; read <= this.snapshotUsers; read += 100) {
        this.targetProgress.emit({ profileId: argument.profileId, phase: 'users', read, total: this.snapshotUsers })
      }
      this.targetProgress.emit({ profileId: argument.profileId, phase: 'groups', read: 5, total: 5 })
      const status: TargetStatus = { ...this.targetOf(argument.profileId), snapshot: { takenAt: '2026-11-01T09:00:00Z', users: this.snapshotUsers, groups: 5 } }
      this.targets.set(argument.profileId, status)
      return status
    },
    onDidProgress: (listener) => this.targetProgress.subscribe(listener),
  }

  readonly sync: SyncApi = {
    settings: async (argument) => {
      await this.enter('sync.settings', argument)
      return this.settingsOf(argument.profileId)
    },
    configure: async (argument) => {
      await this.enter('sync.configure', argument)
      this.syncSettings.set(argument.profileId, argument.settings)
      return argument.settings
    },
    plan: async (argument) => {
      await this.enter('sync.plan', argument)
      return this.newPlan(argument.profileId, this.operations.map((row) => ({ ...row })))
    },
    queryPlan: async (query) => {
      await this.enter('sync.queryPlan', query)
      const { rows } = this.planOf(query.profileId, query.planId)
      const needle = (query.search ?? '').toLowerCase()
      const matching = rows.filter(
        (row) =>
          (query.actions === undefined || query.actions.includes(row.action)) &&
          (needle === '' || [row.userName, row.displayName, row.entraId, row.targetId].some((value) => (value ?? '').toLowerCase().includes(needle))),
      )
      return { total: matching.length, offset: query.offset, rows: matching.slice(query.offset, query.offset + query.limit) }
    },
    setExcluded: async (argument) => {
      await this.enter('sync.setExcluded', argument)
      const plan = this.planOf(argument.profileId, argument.planId)
      const ids = new Set(argument.operationIds)
      plan.rows = plan.rows.map((row) => (ids.has(row.id) ? { ...row, isExcluded: argument.isExcluded } : row))
      plan.summary = this.summarise(argument.profileId, argument.planId, plan.rows)
      this.plans.set(argument.planId, { profileId: argument.profileId, ...plan })
      return plan.summary
    },
    exportPlan: async (argument) => {
      await this.enter('sync.exportPlan', argument)
      const { rows } = this.planOf(argument.profileId, argument.planId)
      const text =
        argument.format === 'json'
          ? JSON.stringify({ operations: rows })
          : ['action,userName,reason', ...rows.map((row) => `${row.action},${row.userName ?? ''},${row.reason.text}`)].join('\n')
      return { fileName: `headcount-plan-${argument.planId}.${argument.format}`, text }
    },
    push: async (argument) => {
      await this.enter('sync.push', argument)
      const plan = this.planOf(argument.profileId, argument.planId)
      if (!this.settingsOf(argument.profileId).isPushEnabled) {
        throw new AppError({ code: 'InvalidArgument', message: 'Pushing is off for this profile.', hint: 'Turn on “Allow pushing” first.' })
      }
      if (plan.summary.safety.isBlocked && argument.confirmNumber !== plan.summary.safety.confirmNumber) {
        throw new AppError({ code: 'ThresholdExceeded', message: `Type ${plan.summary.safety.confirmNumber} to allow this plan.` })
      }
      if (this.replanNextPush !== null) {
        const changes = this.replanNextPush
        this.replanNextPush = null
        return { kind: 'replanned', summary: this.newPlan(argument.profileId, plan.rows.slice(0, -1)), changes }
      }
      return { kind: 'started', runId: `run-${++this.runCount}` }
    },
    cancel: async (argument) => {
      await this.enter('sync.cancel', argument)
    },
    status: async (argument) => {
      await this.enter('sync.status', argument)
      return this.runs[0] ?? null
    },
    provisionUser: async (argument) => {
      await this.enter('sync.provisionUser', argument)
      const row = planRow(1, 'create', { entraId: argument.userId, displayName: `User ${argument.userId}` })
      const result: ProvisionResult = {
        userId: argument.userId,
        displayName: row.displayName,
        steps: row.trace,
        operations: [{ ...row, status: argument.apply ? 'succeeded' : 'previewed', errorMessage: null }],
        runId: argument.apply ? `run-${++this.runCount}` : null,
        durationMs: 310,
      }
      return result
    },
    runs: async (argument) => {
      await this.enter('sync.runs', argument)
      return this.runs.filter((run) => argument.status === undefined || run.status === argument.status).slice(0, argument.limit ?? 100)
    },
    runOperations: async (argument) => {
      await this.enter('sync.runOperations', argument)
      const rows = (this.runOperations.get(argument.runId) ?? []).filter((row) => argument.failedOnly !== true || row.status === 'failed')
      return { total: rows.length, offset: argument.offset, rows: rows.slice(argument.offset, argument.offset + argument.limit) }
    },
    exportRun: async (argument) => {
      await this.enter('sync.exportRun', argument)
      const rows = this.runOperations.get(argument.runId) ?? []
      return { fileName: `headcount-run-${argument.runId}.csv`, text: ['seq,action,status', ...rows.map((row) => `${row.seq},${row.action},${row.status}`)].join('\n') }
    },
    onDidProgress: (listener) => this.pushProgress.subscribe(listener),
    onDidFinish: (listener) => this.pushFinished.subscribe(listener),
  }
}

/** A journalled operation of a run. */
export function runOperationRow(seq: number, overrides: Partial<RunOperationRow> = {}): RunOperationRow {
  return {
    seq,
    operationId: `create:entra-${seq}:`,
    action: 'create',
    entraId: `entra-${seq}`,
    targetId: `scim-${seq}`,
    userName: `user${seq}@nordlys.example`,
    status: 'succeeded',
    errorCode: null,
    errorMessage: null,
    requestSummary: 'POST /Users {"userName":"…"}',
    attempts: 1,
    durationMs: 40,
    finishedAt: '2026-11-01T09:00:01Z',
    ...overrides,
  }
}
