/**
 * An in-memory HeadcountApi for renderer store tests: real promises and real listeners, with
 * users sorted and searched in memory. Calls can be held back (`holdQueries`, `hold(method)`) to
 * test races.
 */
import { Emitter } from './emitter'
import { AppError } from '../../../src-main/common/errors'
import { FakeSyncApi } from './fake-sync-api'
import { defaultRules, matchesClause, problemsOfRules } from './fake-rules-data'

export { defaultRules, ruleProblem } from './fake-rules-data'
import type {
  AppSettings,
  BrowserRequest,
  ConnectionInput,
  ConnectionStatus,
  ConnectionTestResult,
  ConsentLinkStatus,
  DirectorySummary,
  EnterpriseAppChoice,
  HeadcountApi,
  HealthReport,
  PermissionRequest,
  ProfileSummary,
  PullFinished,
  PullProgress,
  PullStatus,
  ProfileRules,
  RulesCatalogue,
  RulesPreview,
  RulesState,
  UserDetail,
  UserPage,
  UserQuery,
  UserRow,
} from '../../../src-main/common'

/** A user row with every column filled from a number. */
export function userRow(index: number, overrides: Partial<UserRow> = {}): UserRow {
  const padded = String(index).padStart(6, '0')
  return {
    id: `user-${padded}`,
    displayName: `User ${padded}`,
    userPrincipalName: `user${padded}@nordlys.example`,
    mail: `user${padded}@nordlys.example`,
    givenName: 'User',
    surname: padded,
    jobTitle: index % 2 === 0 ? 'Engineer' : 'Accountant',
    department: index % 2 === 0 ? 'Engineering' : 'Finance',
    companyName: 'Nordlys A/S',
    officeLocation: 'Oslo',
    city: 'Oslo',
    country: 'Norway',
    mobilePhone: null,
    employeeId: padded,
    employeeType: 'Employee',
    userType: 'Member',
    accountEnabled: true,
    managerId: null,
    managerDisplayName: null,
    isSoftDeleted: false,
    ...overrides,
  }
}

interface Deferred {
  readonly query: UserQuery
  resolve(): void
  reject(reason: Error): void
}

export const DEMO_PROFILE: ProfileSummary = {
  id: 'demo',
  name: 'Demo organisation',
  kind: 'demo',
  tenantName: 'Nordlys A/S',
  lastPullAt: null,
}

/** A tenant profile as `profiles:create` returns it. */
export function tenantProfile(id: string, name = id): ProfileSummary {
  return { id, name, kind: 'tenant', tenantName: null, lastPullAt: null }
}

/** The connection of a profile nobody has set up yet. */
export function unconfiguredStatus(profileId: string): ConnectionStatus {
  return { profileId, state: 'notConfigured', settings: null, account: null, tenantName: null, lastError: null }
}

/** What main stores for `input`: the same settings, secrets replaced by `hasCredential`. */
export function statusAfterConfigure(profileId: string, input: ConnectionInput): ConnectionStatus {
  return {
    profileId,
    state: 'notConnected',
    settings: {
      cloud: input.cloud,
      authorityHost: input.authorityHost ?? 'login.microsoftonline.com',
      graphEndpoint: input.graphEndpoint ?? 'https://graph.microsoft.com',
      tenant: input.tenant,
      clientId: input.clientId,
      mode: input.mode,
      proxyUrl: input.proxyUrl ?? null,
      hasCustomCa: input.caCertificatePem !== undefined,
      hasCredential: input.clientSecret !== undefined || input.pfxBase64 !== undefined || input.privateKeyPem !== undefined,
    },
    account: null,
    tenantName: null,
    lastError: null,
  }
}

export const PERMISSIONS: readonly PermissionRequest[] = [
  { name: 'User.Read.All', kind: 'delegated', reason: 'Read users and their managers.', isRequestedNow: true },
  { name: 'GroupMember.Read.All', kind: 'delegated', reason: 'Read group memberships.', isRequestedNow: true },
  { name: 'User.ReadWrite.All', kind: 'delegated', reason: 'Create users in Entra.', isRequestedNow: false },
]

/** A health report with one credential per level, in no particular order. */
export function healthReport(profileId: string, overrides: Partial<HealthReport> = {}): HealthReport {
  return {
    profileId,
    checkedAt: '2026-11-01T09:00:00Z',
    enterpriseApp: {
      appId: '11111111-1111-1111-1111-111111111111',
      displayName: 'Cardwise',
      servicePrincipalId: 'sp-1',
      isAssignmentRequired: true,
      assignedUsers: 40,
      assignedGroups: 3,
      preferredSingleSignOnMode: 'saml',
    },
    credentials: [],
    worstLevel: 'ok',
    ...overrides,
  }
}

interface Gate {
  readonly method: string
  readonly argument: unknown
  release(): void
}

/** The fake itself; tests reach into its public fields to arrange and inspect. */
export class FakeHeadcountApi {
  profiles: ProfileSummary[] = []
  users: UserRow[] = []
  summary: DirectorySummary = { userCount: 0, groupCount: 0, membershipCount: 0, lastPullAt: null }
  pullStatus: PullStatus = { running: false, progress: null, lastFinished: null }
  /** Pull status of particular profiles; others get {@link pullStatus}. */
  pullStatuses = new Map<string, PullStatus>()
  /** Rejection for the next call of the named method, as lib/api.ts delivers it (an AppError). */
  failures: Partial<Record<string, Error>> = {}
  readonly calls: { method: string; argument: unknown }[] = []
  holdQueries = false
  readonly heldQueries: Deferred[] = []
  readonly profileChanges = new Emitter<readonly ProfileSummary[]>()
  readonly progress = new Emitter<PullProgress>()
  readonly finished = new Emitter<PullFinished>()
  readonly connectionChanges = new Emitter<ConnectionStatus>()
  readonly browserRequests = new Emitter<BrowserRequest>()
  /** Connection of each profile; a profile missing here is not configured. */
  connections = new Map<string, ConnectionStatus>()
  permissions: readonly PermissionRequest[] = PERMISSIONS
  consent: ConsentLinkStatus = {
    url: 'https://login.microsoftonline.com/contoso.example/v2.0/adminconsent?client_id=x',
    state: 'pending',
    checkedAt: null,
    detail: null,
  }
  testResult: ConnectionTestResult = {
    isOk: true,
    steps: [{ name: 'Token', isOk: true, detail: 'A token was issued.' }],
    missingPermissions: [],
    tenantName: 'Contoso',
    error: null,
  }
  /** What signIn resolves with; undefined means "connected as admin@contoso.example". */
  signInOutcome: ConnectionStatus | undefined
  reports = new Map<string, HealthReport>()
  enterpriseApps: readonly EnterpriseAppChoice[] = []
  settings: AppSettings = {
    dataDir: '/home/admin/.config/Headcount',
    secretStorage: { backend: 'safeStorage', isProtected: true, warning: null },
  }
  /** Saved rules per profile; a profile missing here runs on {@link defaultRules}. */
  savedRules = new Map<string, RulesState>()
  /** The rules a reset replaced, per profile. */
  readonly rulesBeforeReset = new Map<string, ProfileRules>()
  catalogue: RulesCatalogue = {
    functions: [{ name: 'Join', signature: 'Join(separator, source1, source2, …)', description: 'Joins values.' }],
    sourceAttributes: [
      { name: 'givenName', usersWithValue: 10, example: 'User', isExtension: false },
      { name: 'department', usersWithValue: 10, example: 'Finance', isExtension: false },
    ],
    targetAttributes: [
      { path: 'userName', schema: 'core', description: 'Sign-in name', isMandatoryByDefault: true },
      { path: 'title', schema: 'core', description: 'Job title', isMandatoryByDefault: false },
      { path: 'department', schema: 'enterprise', description: 'Department', isMandatoryByDefault: false },
    ],
    operators: [
      { operator: 'EQUALS', description: 'Is exactly', needsValue: true },
      { operator: 'IS NULL', description: 'Has no value', needsValue: false },
    ],
    groups: [{ id: 'group-sales', displayName: 'Sales', memberCount: 3 }],
  }
  /** Methods whose next calls wait for `releaseGates`. */
  private readonly heldMethods = new Set<string>()
  private readonly gates: Gate[] = []
  private runCount = 0
  private profileCount = 0

  /** Records a call and throws the failure arranged for it, if any. */
  private record(method: string, argument: unknown): void {
    const failure = this.recordAndTakeFailure(method, argument)
    if (failure !== undefined) throw failure
  }

  private recordAndTakeFailure(method: string, argument: unknown): Error | undefined {
    this.calls.push({ method, argument })
    const failure = this.failures[method]
    delete this.failures[method]
    return failure
  }

  /** Holds every later call of `method` until {@link releaseGates}. */
  hold(method: string): void {
    this.heldMethods.add(method)
  }

  /** Calls of held methods waiting to be answered, oldest first. */
  get waiting(): readonly Gate[] {
    return this.gates
  }

  /** Answers the held calls (all, or those at the given positions in that order) and stops holding. */
  releaseGates(order?: readonly number[]): void {
    const waiting = [...this.gates]
    this.gates.length = 0
    this.heldMethods.clear()
    for (const index of order ?? waiting.map((_, position) => position)) waiting[index]?.release()
  }

  /** Records a call, waits while its method is held, then throws any failure arranged for it. */
  private async enter(method: string, argument: unknown): Promise<void> {
    this.calls.push({ method, argument })
    if (this.heldMethods.has(method)) {
      await new Promise<void>((resolve) => this.gates.push({ method, argument, release: resolve }))
    }
    const failure = this.failures[method]
    delete this.failures[method]
    if (failure !== undefined) throw failure
  }

  private rulesStateOf(profileId: string): RulesState {
    return this.savedRules.get(profileId) ?? { rules: defaultRules(), savedAt: null, fingerprint: 'default' }
  }

  private previewOf(rules: ProfileRules): RulesPreview {
    const inScope = this.users.filter((user) => rules.scope.filters.length === 0 || rules.scope.filters.some((filter) => filter.clauses.every((clause) => matchesClause(user, clause))))
    const groupName = rules.grouping.kind === 'allInOne' ? rules.grouping.groupName : 'Grouped'
    return {
      totalUsers: this.users.length,
      inScope: inScope.length,
      outOfScope: this.users.length - inScope.length,
      outOfScopeReasons: this.users.length === inScope.length ? [] : [{ reason: 'No filter matches', count: this.users.length - inScope.length }],
      groups: inScope.length === 0 ? [] : [{ name: groupName, size: inScope.length }],
      ungrouped: 0,
      roles: [],
      missingMandatory: 0,
      problems: problemsOfRules(rules),
      durationMs: 1,
    }
  }

  private profileNamed(profileId: string): ProfileSummary {
    const profile = this.profiles.find((item) => item.id === profileId)
    if (profile === undefined) throw new AppError({ code: 'NotFound', message: `There is no profile called “${profileId}”.` })
    return profile
  }

  private connectionOf(profileId: string): ConnectionStatus {
    return this.connections.get(profileId) ?? unconfiguredStatus(profileId)
  }

  private setConnection(status: ConnectionStatus): ConnectionStatus {
    this.connections.set(status.profileId, status)
    this.connectionChanges.emit(status)
    return status
  }

  callsOf(method: string): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.argument)
  }

  private page(query: UserQuery): UserPage {
    const needle = (query.search ?? '').toLowerCase()
    const matching = this.users.filter(
      (user) => needle === '' || (user.displayName ?? '').toLowerCase().includes(needle),
    )
    const sortBy = query.sortBy ?? 'displayName'
    const direction = query.sortDirection === 'desc' ? -1 : 1
    const sorted = [...matching].sort((left, right) =>
      String(left[sortBy] ?? '') < String(right[sortBy] ?? '') ? -direction : direction,
    )
    return { total: sorted.length, offset: query.offset, rows: sorted.slice(query.offset, query.offset + query.limit) }
  }

  /** Answers every held query, oldest first unless an order is given. */
  releaseQueries(order?: readonly number[]): void {
    const held = [...this.heldQueries]
    this.heldQueries.length = 0
    for (const index of order ?? held.map((_, position) => position)) held[index]?.resolve()
  }

  /** The `target` and `sync` areas (test/unit/renderer/fake-sync-api.ts). */
  readonly targetAndSync = new FakeSyncApi()

  readonly api: HeadcountApi = {
    target: this.targetAndSync.target,
    sync: this.targetAndSync.sync,
    app: {
      info: async () => ({ name: 'Headcount', version: '0.1.0', host: 'browser' }),
    },
    profiles: {
      list: async (argument) => {
        this.record('profiles.list', argument)
        return [...this.profiles]
      },
      openDemo: async (argument) => {
        this.record('profiles.openDemo', argument)
        if (!this.profiles.some((profile) => profile.id === DEMO_PROFILE.id)) this.profiles.push(DEMO_PROFILE)
        return DEMO_PROFILE
      },
      create: async (argument) => {
        await this.enter('profiles.create', argument)
        this.profileCount += 1
        const profile = tenantProfile(`tenant-${this.profileCount}`, argument.name)
        this.profiles.push(profile)
        this.profileChanges.emit([...this.profiles])
        return profile
      },
      rename: async (argument) => {
        await this.enter('profiles.rename', argument)
        const renamed = { ...this.profileNamed(argument.profileId), name: argument.name }
        this.profiles = this.profiles.map((item) => (item.id === renamed.id ? renamed : item))
        this.profileChanges.emit([...this.profiles])
        return renamed
      },
      duplicate: async (argument) => {
        await this.enter('profiles.duplicate', argument)
        const original = this.profileNamed(argument.profileId)
        this.profileCount += 1
        const copy: ProfileSummary = { ...tenantProfile(`tenant-${this.profileCount}`, argument.name), kind: original.kind }
        this.profiles.push(copy)
        this.profileChanges.emit([...this.profiles])
        return copy
      },
      delete: async (argument) => {
        await this.enter('profiles.delete', argument)
        const profile = this.profileNamed(argument.profileId)
        if (argument.confirmName !== profile.name) {
          throw new AppError({ code: 'InvalidArgument', message: `To delete this profile, type its name exactly: “${profile.name}”.` })
        }
        this.profiles = this.profiles.filter((item) => item.id !== profile.id)
        this.profileChanges.emit([...this.profiles])
      },
      onDidChange: (listener) => this.profileChanges.subscribe(listener),
    },
    connection: {
      permissions: async (argument) => {
        await this.enter('connection.permissions', argument)
        return this.permissions
      },
      configure: async (argument) => {
        await this.enter('connection.configure', argument)
        return this.setConnection(statusAfterConfigure(argument.profileId, argument.connection))
      },
      status: async (argument) => {
        await this.enter('connection.status', argument)
        return this.connectionOf(argument.profileId)
      },
      signIn: async (argument) => {
        const before = this.connectionOf(argument.profileId)
        this.setConnection({ ...before, state: 'signingIn' })
        await this.enter('connection.signIn', argument)
        return this.setConnection(
          this.signInOutcome ?? {
            ...before,
            state: 'connected',
            account: { username: 'admin@contoso.example', tenantId: 'tenant-guid', homeAccountId: 'home' },
            tenantName: 'Contoso',
          },
        )
      },
      cancelSignIn: async (argument) => {
        await this.enter('connection.cancelSignIn', argument)
      },
      signOut: async (argument) => {
        await this.enter('connection.signOut', argument)
        const before = this.connectionOf(argument.profileId)
        return this.setConnection({ ...before, state: 'notConnected', account: null })
      },
      consentLink: async (argument) => {
        await this.enter('connection.consentLink', argument)
        return this.consent
      },
      checkConsent: async (argument) => {
        await this.enter('connection.checkConsent', argument)
        return this.consent
      },
      test: async (argument) => {
        await this.enter('connection.test', argument)
        return this.testResult
      },
      onDidChange: (listener) => this.connectionChanges.subscribe(listener),
      onDidRequestBrowser: (listener) => this.browserRequests.subscribe(listener),
    },
    health: {
      report: async (argument) => {
        await this.enter('health.report', argument)
        const report = this.reports.get(argument.profileId)
        if (report === undefined) {
          throw new AppError({ code: 'NotFound', message: 'No enterprise app is chosen.', hint: 'Choose the application’s enterprise app.' })
        }
        return report
      },
      enterpriseApps: async (argument) => {
        await this.enter('health.enterpriseApps', argument)
        return this.enterpriseApps
      },
      chooseEnterpriseApp: async (argument) => {
        await this.enter('health.chooseEnterpriseApp', argument)
        const choice = this.enterpriseApps.find((app) => app.appId === argument.appId)
        const report = healthReport(argument.profileId)
        const chosen: HealthReport =
          choice === undefined || report.enterpriseApp === null
            ? report
            : { ...report, enterpriseApp: { ...report.enterpriseApp, appId: choice.appId, displayName: choice.displayName } }
        this.reports.set(argument.profileId, chosen)
        return chosen
      },
    },
    rules: {
      get: async (argument) => {
        await this.enter('rules.get', argument)
        return this.rulesStateOf(argument.profileId)
      },
      validate: async (argument) => {
        await this.enter('rules.validate', argument)
        return problemsOfRules(argument.rules)
      },
      save: async (argument) => {
        await this.enter('rules.save', argument)
        const problems = problemsOfRules(argument.rules)
        if (problems.length > 0) {
          throw new AppError({ code: 'InvalidRules', message: `The rules have ${problems.length} problem(s).`, hint: 'Fix the rows marked in red.' })
        }
        const state: RulesState = { rules: argument.rules, savedAt: '2026-11-01T09:00:00Z', fingerprint: `saved-${this.savedRules.size + 1}` }
        this.savedRules.set(argument.profileId, state)
        return state
      },
      reset: async (argument) => {
        await this.enter('rules.reset', argument)
        this.rulesBeforeReset.set(argument.profileId, this.rulesStateOf(argument.profileId).rules)
        this.savedRules.delete(argument.profileId)
        return this.rulesStateOf(argument.profileId)
      },
      exportFile: async (argument) => {
        await this.enter('rules.exportFile', argument)
        const file = { format: 'headcount-rules', version: 1, exportedAt: '2026-11-01T09:00:00Z', profileName: this.profileNamed(argument.profileId).name, rules: this.rulesStateOf(argument.profileId).rules }
        return { fileName: 'headcount-rules.json', text: JSON.stringify(file) }
      },
      importFile: async (argument) => {
        await this.enter('rules.importFile', argument)
        let file: { format?: unknown; version?: unknown; rules?: ProfileRules; profileName?: unknown; exportedAt?: unknown }
        try {
          file = JSON.parse(argument.text) as typeof file
        } catch {
          throw new AppError({ code: 'InvalidArgument', message: 'This file is not a Headcount rules file.' })
        }
        if (file.format !== 'headcount-rules' || file.rules === undefined) throw new AppError({ code: 'InvalidArgument', message: 'This file is not a Headcount rules file.' })
        if (typeof file.version !== 'number' || file.version > 1) {
          throw new AppError({ code: 'InvalidArgument', message: 'This file was written by a newer version of Headcount.', hint: 'Update Headcount, then import it again.' })
        }
        return { rules: file.rules, problems: problemsOfRules(file.rules), profileName: String(file.profileName), exportedAt: String(file.exportedAt) }
      },
      catalogue: async (argument) => {
        await this.enter('rules.catalogue', argument)
        return this.catalogue
      },
      evaluateExpression: async (argument) => {
        await this.enter('rules.evaluateExpression', argument)
        const isBroken = argument.expression.includes('Unknown(')
        const diagnostics = isBroken
          ? [{ code: 'UnknownFunction', severity: 'error' as const, message: 'There is no function “Unknown”.', offset: argument.expression.indexOf('Unknown('), length: 7, hint: 'Did you mean “Join”?' }]
          : []
        const resultFor = (user: UserRow) => ({ userId: user.id, displayName: user.displayName ?? '', value: isBroken ? null : `${argument.expression}:${user.id}`, isIgnored: false, diagnostics: [] })
        const chosen = this.users.find((user) => user.id === argument.userId)
        return {
          tokens: [{ kind: 'name' as const, offset: 0, length: argument.expression.length }],
          diagnostics,
          user: chosen === undefined || isBroken ? null : resultFor(chosen),
          sample: isBroken ? [] : this.users.slice(0, 20).map(resultFor),
        }
      },
      preview: async (argument) => {
        await this.enter('rules.preview', argument)
        return this.previewOf(argument.rules)
      },
      explainUser: async (argument) => {
        await this.enter('rules.explainUser', argument)
        const user = this.users.find((item) => item.id === argument.userId)
        if (user === undefined) throw new AppError({ code: 'NotFound', message: 'No such user.' })
        const isInScope = this.previewOf({ ...argument.rules, scope: argument.rules.scope }).inScope > 0 && argument.rules.scope.filters.every((filter) => filter.clauses.every((clause) => matchesClause(user, clause)))
        return {
          userId: user.id,
          displayName: user.displayName ?? '',
          isInScope,
          scopeReasons: [isInScope ? 'Every clause holds.' : 'A clause does not hold.'],
          attributes: [],
          missingMandatory: [],
          group: { name: isInScope ? 'Everyone' : null, reason: 'All in one group' },
          roles: [],
          approver: { userId: null, displayName: null, reason: 'No manager' },
        }
      },
    },
    settings: {
      get: async (argument) => {
        await this.enter('settings.get', argument)
        return this.settings
      },
    },
    pull: {
      start: async (argument) => {
        this.record('pull.start', argument)
        this.runCount += 1
        return { runId: `run-${this.runCount}` }
      },
      cancel: async (argument) => {
        this.record('pull.cancel', argument)
      },
      status: async (argument) => {
        await this.enter('pull.status', argument)
        return this.pullStatuses.get(argument.profileId) ?? this.pullStatus
      },
      onDidProgress: (listener) => this.progress.subscribe(listener),
      onDidFinish: (listener) => this.finished.subscribe(listener),
    },
    directory: {
      summary: async (argument) => {
        this.record('directory.summary', argument)
        return this.summary
      },
      queryUsers: (query) => {
        const failure = this.recordAndTakeFailure('directory.queryUsers', query)
        if (failure !== undefined) return Promise.reject(failure)
        if (!this.holdQueries) return Promise.resolve(this.page(query))
        return new Promise<UserPage>((resolve, reject) => {
          this.heldQueries.push({ query, resolve: () => resolve(this.page(query)), reject })
        })
      },
      getUser: async (argument) => {
        this.record('directory.getUser', argument)
        const row = this.users.find((user) => user.id === argument.userId)
        if (row === undefined) throw new AppError({ code: 'NotFound', message: 'No such user.' })
        const detail: UserDetail = { row, attributes: [], managerChain: [], directReports: [], groups: [] }
        return detail
      },
    },
  }
}

/** Lets queued promise callbacks run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) await new Promise((resolve) => setTimeout(resolve, 0))
}
