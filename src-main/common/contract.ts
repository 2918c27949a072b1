/**
 * The one contract between the renderer and the main process (STYLE.md habit 3).
 *
 * Every method is `area:method`, takes one object argument and returns a Promise. Every event is
 * `area:onDid…` and its subscriber returns an unsubscribe function. The preload, the Electron IPC
 * wrapper, the browser bridge and the renderer's api module are all derived from {@link CONTRACT};
 * nothing is typed twice. Argument schemas live beside it in `contract-schemas.ts` (main only).
 */
import type { AppInfo } from './app-info'
import type {
  BrowserRequest,
  ConnectionInput,
  ConnectionStatus,
  ConnectionTestResult,
  ConsentLinkStatus,
  PermissionRequest,
} from './connection'
import type { EnterpriseAppChoice, HealthReport } from './health'
import type {
  ExpressionPreview,
  ProfileRules,
  RuleProblem,
  RulesCatalogue,
  RulesPreview,
  RulesState,
  UserRulesExplanation,
} from './rules'
import type { AppSettings } from './settings'
import type {
  PlanPage,
  PlanQuery,
  PlanSummary,
  ProvisionResult,
  PushFinished,
  PushProgress,
  PushStart,
  RunOperationPage,
  RunStatus,
  RunSummary,
  SyncSettings,
  TargetSettingsInput,
  TargetSnapshotProgress,
  TargetStatus,
  TargetTestResult,
} from './sync'
import type { DirectorySummary, UserDetail, UserPage, UserQuery } from './directory'
import type { ProfileSummary, PullFinished, PullProgress, PullStatus } from './profiles'

export type Unsubscribe = () => void
export type Listener<T> = (payload: T) => void

export interface AppApi {
  info(argument: Record<string, never>): Promise<AppInfo>
}

export interface ProfilesApi {
  list(argument: Record<string, never>): Promise<readonly ProfileSummary[]>
  /** Creates (or reopens) the demo profile backed by the built-in demo organisation. */
  openDemo(argument: Record<string, never>): Promise<ProfileSummary>
  /** A new tenant profile, not yet connected. */
  create(argument: { name: string }): Promise<ProfileSummary>
  rename(argument: { profileId: string; name: string }): Promise<ProfileSummary>
  /** Copies the profile's connection settings (not its secrets, cache or sign-in). */
  duplicate(argument: { profileId: string; name: string }): Promise<ProfileSummary>
  /** Removes the profile, its cache and its secrets; `confirmName` must repeat the profile's name. */
  delete(argument: { profileId: string; confirmName: string }): Promise<void>
  onDidChange(listener: Listener<readonly ProfileSummary[]>): Unsubscribe
}

export interface PullApi {
  /** Starts a pull and returns at once; progress and the end arrive as events. */
  start(argument: { profileId: string; full?: boolean }): Promise<{ runId: string }>
  cancel(argument: { profileId: string }): Promise<void>
  status(argument: { profileId: string }): Promise<PullStatus>
  onDidProgress(listener: Listener<PullProgress>): Unsubscribe
  onDidFinish(listener: Listener<PullFinished>): Unsubscribe
}

export interface ConnectionApi {
  /** What will be asked for, and why, before any browser opens. */
  permissions(argument: { profileId: string }): Promise<readonly PermissionRequest[]>
  /** Saves connection settings; secrets go to protected storage and never come back. */
  configure(argument: { profileId: string; connection: ConnectionInput }): Promise<ConnectionStatus>
  status(argument: { profileId: string }): Promise<ConnectionStatus>
  /** Interactive connect-and-consent in the system browser; resolves once signed in (or fails). */
  signIn(argument: { profileId: string }): Promise<ConnectionStatus>
  /** Ends a sign-in whose browser was closed. */
  cancelSignIn(argument: { profileId: string }): Promise<void>
  signOut(argument: { profileId: string }): Promise<ConnectionStatus>
  /** The admin-consent link for a separate Global Admin. */
  consentLink(argument: { profileId: string }): Promise<ConsentLinkStatus>
  /** Checks whether consent through the link has been given. */
  checkConsent(argument: { profileId: string }): Promise<ConsentLinkStatus>
  /** Unattended credentials: acquire a token, read one user, name any missing permission. */
  test(argument: { profileId: string }): Promise<ConnectionTestResult>
  onDidChange(listener: Listener<ConnectionStatus>): Unsubscribe
  /** The browser host cannot open the system browser: the renderer opens this page instead. */
  onDidRequestBrowser(listener: Listener<BrowserRequest>): Unsubscribe
}

export interface HealthApi {
  report(argument: { profileId: string }): Promise<HealthReport>
  /** Enterprise apps of the tenant, to choose the application's one. */
  enterpriseApps(argument: { profileId: string }): Promise<readonly EnterpriseAppChoice[]>
  chooseEnterpriseApp(argument: { profileId: string; appId: string }): Promise<HealthReport>
}

export interface SettingsApi {
  get(argument: Record<string, never>): Promise<AppSettings>
}

export interface DirectoryApi {
  summary(argument: { profileId: string }): Promise<DirectorySummary>
  queryUsers(argument: UserQuery): Promise<UserPage>
  getUser(argument: { profileId: string; userId: string }): Promise<UserDetail>
}

/**
 * A profile's rules (issue 4). Everything works on the local cache; `preview`, `explainUser` and
 * `evaluateExpression` take the rules being edited (not yet saved) so the editors show live results.
 */
export interface RulesApi {
  /** The saved rules, or the default rules while none were saved. */
  get(argument: { profileId: string }): Promise<RulesState>
  /** Problems in rules being edited; an empty list means they can be saved. */
  validate(argument: { profileId: string; rules: ProfileRules }): Promise<readonly RuleProblem[]>
  /** Saves rules without errors (warnings are fine); refuses rules with errors (InvalidRules). */
  save(argument: { profileId: string; rules: ProfileRules }): Promise<RulesState>
  /** Back to the default rules (the previous ones are returned by `get` until then, for undo). */
  reset(argument: { profileId: string }): Promise<RulesState>
  /** The saved rules as a versioned JSON file's text, with a suggested file name. */
  exportFile(argument: { profileId: string }): Promise<{ fileName: string; text: string }>
  /**
   * Reads an exported file's text and returns its rules for review; nothing is saved until `save`.
   * A file from a newer version, or not a rules file, is refused with a message saying so.
   */
  importFile(argument: { profileId: string; text: string }): Promise<{ rules: ProfileRules; problems: readonly RuleProblem[]; profileName: string; exportedAt: string }>
  /** Functions, source attributes seen in the cache, target attributes, operators and groups. */
  catalogue(argument: { profileId: string }): Promise<RulesCatalogue>
  /** Tokens, diagnostics and the live result for one user and a sample of up to 20. */
  evaluateExpression(argument: { profileId: string; expression: string; userId?: string }): Promise<ExpressionPreview>
  /** Live counts for rules being edited: in scope, out of scope and why, group and role sizes. */
  preview(argument: { profileId: string; rules: ProfileRules }): Promise<RulesPreview>
  /** Why one user is in or out of scope, what they get, their group, roles and approver. */
  explainUser(argument: { profileId: string; rules: ProfileRules; userId: string }): Promise<UserRulesExplanation>
}

/** The application's SCIM 2.0 endpoint (issue 5). */
export interface TargetApi {
  status(argument: { profileId: string }): Promise<TargetStatus>
  /** Saves the target settings; the token goes to protected storage and never comes back. */
  configure(argument: { profileId: string; settings: TargetSettingsInput }): Promise<TargetStatus>
  /** What Entra's "Test connection" does, plus the target's features and custom schema attributes. */
  test(argument: { profileId: string }): Promise<TargetTestResult>
  /** Reads the target's users and groups into the cache (progress as events); resolves when done. */
  refresh(argument: { profileId: string }): Promise<TargetStatus>
  onDidProgress(listener: Listener<TargetSnapshotProgress>): Unsubscribe
}

/** Preview-first sync: plan, review, push, provision one user, and the run history (issue 5). */
export interface SyncApi {
  settings(argument: { profileId: string }): Promise<SyncSettings>
  configure(argument: { profileId: string; settings: SyncSettings }): Promise<SyncSettings>
  /** Plans from the cache, the saved rules and the target snapshot (read first when there is none). */
  plan(argument: { profileId: string }): Promise<PlanSummary>
  queryPlan(argument: PlanQuery): Promise<PlanPage>
  /** Leaves operations out of (or back into) the push. */
  setExcluded(argument: { profileId: string; planId: string; operationIds: string[]; isExcluded: boolean }): Promise<PlanSummary>
  exportPlan(argument: { profileId: string; planId: string; format: 'csv' | 'json' }): Promise<{ fileName: string; text: string }>
  /**
   * Pushes exactly the previewed plan. If the cache or the target changed since, it re-plans and
   * returns what changed instead of pushing. Over the deletion threshold, `confirmNumber` must repeat
   * the number of deletes and disables.
   */
  push(argument: { profileId: string; planId: string; confirmNumber?: number }): Promise<PushStart>
  cancel(argument: { profileId: string }): Promise<void>
  /** The run in progress, or the last one. */
  status(argument: { profileId: string }): Promise<RunSummary | null>
  /** Provision on demand: one user, with the step trace; `apply: false` only shows what would happen. */
  provisionUser(argument: { profileId: string; userId: string; apply: boolean }): Promise<ProvisionResult>
  runs(argument: { profileId: string; status?: RunStatus; limit?: number }): Promise<readonly RunSummary[]>
  runOperations(argument: { profileId: string; runId: string; failedOnly?: boolean; offset: number; limit: number }): Promise<RunOperationPage>
  exportRun(argument: { profileId: string; runId: string }): Promise<{ fileName: string; text: string }>
  onDidProgress(listener: Listener<PushProgress>): Unsubscribe
  onDidFinish(listener: Listener<PushFinished>): Unsubscribe
}

export interface HeadcountApi {
  app: AppApi
  profiles: ProfilesApi
  pull: PullApi
  directory: DirectoryApi
  connection: ConnectionApi
  health: HealthApi
  settings: SettingsApi
  rules: RulesApi
  target: TargetApi
  sync: SyncApi
}

export type AreaName = keyof HeadcountApi

type EventKeys<T> = { [K in keyof T]: K extends `onDid${string}` ? K : never }[keyof T]
type MethodKeys<T> = Exclude<keyof T, EventKeys<T>>

export type MethodName<A extends AreaName> = MethodKeys<HeadcountApi[A]> & string
export type EventName<A extends AreaName> = EventKeys<HeadcountApi[A]> & string

/** Runtime lists of every method and event, checked against the interfaces above. */
export const CONTRACT = {
  app: { methods: ['info'], events: [] },
  profiles: { methods: ['list', 'openDemo', 'create', 'rename', 'duplicate', 'delete'], events: ['onDidChange'] },
  pull: { methods: ['start', 'cancel', 'status'], events: ['onDidProgress', 'onDidFinish'] },
  directory: { methods: ['summary', 'queryUsers', 'getUser'], events: [] },
  connection: {
    methods: ['permissions', 'configure', 'status', 'signIn', 'cancelSignIn', 'signOut', 'consentLink', 'checkConsent', 'test'],
    events: ['onDidChange', 'onDidRequestBrowser'],
  },
  health: { methods: ['report', 'enterpriseApps', 'chooseEnterpriseApp'], events: [] },
  settings: { methods: ['get'], events: [] },
  rules: {
    methods: ['get', 'validate', 'save', 'reset', 'exportFile', 'importFile', 'catalogue', 'evaluateExpression', 'preview', 'explainUser'],
    events: [],
  },
  target: { methods: ['status', 'configure', 'test', 'refresh'], events: ['onDidProgress'] },
  sync: {
    methods: ['settings', 'configure', 'plan', 'queryPlan', 'setExcluded', 'exportPlan', 'push', 'cancel', 'status', 'provisionUser', 'runs', 'runOperations', 'exportRun'],
    events: ['onDidProgress', 'onDidFinish'],
  },
} as const satisfies {
  [A in AreaName]: { methods: readonly MethodName<A>[]; events: readonly EventName<A>[] }
}

// Compile-time completeness: a method or event missing from CONTRACT turns `true` into `false` here.
type ListsEverything<A extends AreaName> = [
  Exclude<MethodName<A> | EventName<A>, (typeof CONTRACT)[A]['methods'][number] | (typeof CONTRACT)[A]['events'][number]>,
] extends [never]
  ? true
  : false
const contractIsComplete: { readonly [A in AreaName]: ListsEverything<A> } = {
  app: true,
  profiles: true,
  pull: true,
  directory: true,
  connection: true,
  health: true,
  settings: true,
  rules: true,
  target: true,
  sync: true,
}
void contractIsComplete

/** Wire name of a method or event: `area:name`. */
export function channelOf(area: AreaName, name: string): string {
  return `${area}:${name}`
}

export type MethodArgument<A extends AreaName, M extends MethodName<A>> = HeadcountApi[A][M] extends (
  argument: infer P,
) => Promise<unknown>
  ? P
  : never
export type MethodResult<A extends AreaName, M extends MethodName<A>> = HeadcountApi[A][M] extends (
  argument: never,
) => Promise<infer R>
  ? R
  : never
export type EventPayload<A extends AreaName, E extends EventName<A>> = HeadcountApi[A][E] extends (
  listener: Listener<infer P>,
) => Unsubscribe
  ? P
  : never
