/** DTOs of the Profiles and Pull areas. */

export type ProfileKind = 'demo' | 'tenant'

export interface ProfileSummary {
  readonly id: string
  readonly name: string
  readonly kind: ProfileKind
  readonly tenantName: string | null
  readonly lastPullAt: string | null
}

export type PullPhase = 'starting' | 'users' | 'groups' | 'memberships' | 'finishing'

export interface PullProgress {
  readonly profileId: string
  readonly runId: string
  readonly phase: PullPhase
  readonly pages: number
  readonly users: number
  readonly groups: number
  /** Best estimate of users in total (from `$count`), or null when unknown. */
  readonly totalUsers: number | null
  /** Objects per second over the run so far. */
  readonly rate: number
  /** Estimated seconds left, or null when unknown. */
  readonly etaSeconds: number | null
}

export type PullOutcome = 'succeeded' | 'cancelled' | 'failed'

export interface PullFinished {
  readonly profileId: string
  readonly runId: string
  readonly outcome: PullOutcome
  readonly users: number
  readonly groups: number
  readonly memberships: number
  readonly durationMs: number
  /** A full read, or changes since the stored delta link. Absent on runs that never started reading. */
  readonly mode?: 'full' | 'delta'
  readonly error?: import('./errors').AppErrorData
}

export interface PullStatus {
  readonly running: boolean
  readonly progress: PullProgress | null
  readonly lastFinished: PullFinished | null
}
