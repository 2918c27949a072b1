/**
 * An in-memory HeadcountApi for renderer store tests: real promises and real listeners, with
 * users sorted and searched in memory. Calls can be held back (`holdQueries`) to test races.
 */
import { AppError } from '../../../src-main/common/errors'
import type {
  DirectorySummary,
  HeadcountApi,
  Listener,
  ProfileSummary,
  PullFinished,
  PullProgress,
  PullStatus,
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

class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>()
  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  emit(payload: T): void {
    for (const listener of this.listeners) listener(payload)
  }
  get size(): number {
    return this.listeners.size
  }
}

export const DEMO_PROFILE: ProfileSummary = {
  id: 'demo',
  name: 'Demo organisation',
  kind: 'demo',
  tenantName: 'Nordlys A/S',
  lastPullAt: null,
}

/** The fake itself; tests reach into its public fields to arrange and inspect. */
export class FakeHeadcountApi {
  profiles: ProfileSummary[] = []
  users: UserRow[] = []
  summary: DirectorySummary = { userCount: 0, groupCount: 0, membershipCount: 0, lastPullAt: null }
  pullStatus: PullStatus = { running: false, progress: null, lastFinished: null }
  /** Rejection for the next call of the named method, as lib/api.ts delivers it (an AppError). */
  failures: Partial<Record<string, Error>> = {}
  readonly calls: { method: string; argument: unknown }[] = []
  holdQueries = false
  readonly heldQueries: Deferred[] = []
  readonly profileChanges = new Emitter<readonly ProfileSummary[]>()
  readonly progress = new Emitter<PullProgress>()
  readonly finished = new Emitter<PullFinished>()
  private runCount = 0

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

  readonly api: HeadcountApi = {
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
      onDidChange: (listener) => this.profileChanges.subscribe(listener),
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
        this.record('pull.status', argument)
        return this.pullStatus
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
