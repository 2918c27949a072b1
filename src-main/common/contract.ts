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
import type { AppSettings } from './settings'
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

export interface HeadcountApi {
  app: AppApi
  profiles: ProfilesApi
  pull: PullApi
  directory: DirectoryApi
  connection: ConnectionApi
  health: HealthApi
  settings: SettingsApi
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
