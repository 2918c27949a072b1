/**
 * Counts a pull's progress and hands it to the listener at most every `intervalMs` (about ten
 * times a second by default), plus at every phase change and at the end: enough for a live
 * counter without flooding IPC at 100,000 users.
 */
import type { PullPhase, PullProgress } from '../../common/profiles'

export interface PullProgressReporterOptions {
  readonly profileId: string
  readonly runId: string
  readonly listener?: (progress: PullProgress) => void
  readonly intervalMs?: number
  /** Milliseconds from a monotonic clock. */
  readonly now?: () => number
}

export class PullProgressReporter {
  phase: PullPhase = 'starting'
  pages = 0
  users = 0
  groups = 0
  memberships = 0
  totalUsers: number | null = null
  /** Groups whose members are read, for the memberships phase's estimate. */
  groupsWithMembersRead = 0

  private readonly startedAt: number
  private phaseStartedAt: number
  private lastEmittedAt = Number.NEGATIVE_INFINITY
  private readonly intervalMs: number
  private readonly now: () => number

  constructor(private readonly options: PullProgressReporterOptions) {
    this.now = options.now ?? (() => performance.now())
    this.intervalMs = options.intervalMs ?? 100
    this.startedAt = this.now()
    this.phaseStartedAt = this.startedAt
  }

  /** Moves to the next phase and reports at once. */
  enterPhase(phase: PullPhase): void {
    this.phase = phase
    this.phaseStartedAt = this.now()
    this.report(true)
  }

  /** Like {@link enterPhase}, but only when the phase changes. */
  setPhase(phase: PullPhase): void {
    if (phase !== this.phase) this.enterPhase(phase)
  }

  /** Reports if the last report is older than the interval, or always when `force` is set. */
  report(force = false): void {
    const now = this.now()
    if (this.options.listener === undefined || (!force && now - this.lastEmittedAt < this.intervalMs)) return
    this.lastEmittedAt = now
    this.options.listener(this.snapshot(now))
  }

  /** Milliseconds since the pull started. */
  elapsedMs(): number {
    return this.now() - this.startedAt
  }

  snapshot(now = this.now()): PullProgress {
    const seconds = Math.max((now - this.startedAt) / 1000, 0.001)
    return {
      profileId: this.options.profileId,
      runId: this.options.runId,
      phase: this.phase,
      pages: this.pages,
      users: this.users,
      groups: this.groups,
      totalUsers: this.totalUsers,
      rate: Math.round((this.users + this.groups) / seconds),
      etaSeconds: this.estimateSecondsLeft(now),
    }
  }

  /** Within the phase that has a known total: what is left at the phase's pace so far. */
  private estimateSecondsLeft(now: number): number | null {
    const phaseSeconds = (now - this.phaseStartedAt) / 1000
    if (this.phase === 'users' && this.totalUsers !== null && this.users > 0 && phaseSeconds > 0) {
      return Math.max(0, Math.round(((this.totalUsers - this.users) * phaseSeconds) / this.users))
    }
    if (this.phase === 'memberships' && this.groupsWithMembersRead > 0 && phaseSeconds > 0) {
      return Math.max(0, Math.round(((this.groups - this.groupsWithMembersRead) * phaseSeconds) / this.groupsWithMembersRead))
    }
    if (this.phase === 'finishing') return 0
    return null
  }
}
