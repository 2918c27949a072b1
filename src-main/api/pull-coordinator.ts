/**
 * Runs at most one pull per profile, in the background, and turns its progress and end into
 * contract events. Cancel aborts the run's signal; the runner leaves the cache consistent.
 */
import { AppError, toAppErrorData, type PullFinished, type PullProgress, type PullStatus } from '../common'
import type { ProfileRecord } from '../services/profiles/profile-registry'
import type { PullRunner } from './api-dependencies'
import { EventHub } from './event-hub'

interface RunningPull {
  readonly runId: string
  readonly controller: AbortController
  progress: PullProgress | null
  done: Promise<void>
}

export class PullCoordinator {
  readonly progressEvents = new EventHub<PullProgress>()
  readonly finishEvents = new EventHub<PullFinished>()
  private readonly running = new Map<string, RunningPull>()
  private readonly lastFinished = new Map<string, PullFinished>()

  constructor(
    private readonly runner: PullRunner,
    private readonly newId: () => string,
    private readonly now: () => Date,
  ) {}

  start(profile: ProfileRecord, options: { readonly full?: boolean } = {}): { runId: string } {
    if (this.running.has(profile.id)) {
      throw new AppError({
        code: 'Busy',
        message: 'A pull of this profile is already running.',
        hint: 'Wait for it to finish, or cancel it first.',
      })
    }
    const runId = this.newId()
    const controller = new AbortController()
    const startedAt = this.now().getTime()
    const entry: RunningPull = { runId, controller, progress: null, done: Promise.resolve() }
    this.running.set(profile.id, entry)
    entry.done = this.runner
      .run(
        profile,
        runId,
        (progress) => {
          entry.progress = progress
          this.progressEvents.emit(progress)
        },
        controller.signal,
        options,
      )
      .catch(
        (error: unknown): PullFinished => ({
          profileId: profile.id,
          runId,
          outcome: controller.signal.aborted ? 'cancelled' : 'failed',
          users: entry.progress?.users ?? 0,
          groups: entry.progress?.groups ?? 0,
          memberships: 0,
          durationMs: this.now().getTime() - startedAt,
          ...(controller.signal.aborted ? {} : { error: toAppErrorData(error) }),
        }),
      )
      .then((finished) => {
        this.running.delete(profile.id)
        this.lastFinished.set(profile.id, finished)
        this.finishEvents.emit(finished)
      })
    return { runId }
  }

  cancel(profileId: string): void {
    this.running.get(profileId)?.controller.abort()
  }

  status(profileId: string): PullStatus {
    const running = this.running.get(profileId)
    return {
      running: running !== undefined,
      progress: running?.progress ?? null,
      lastFinished: this.lastFinished.get(profileId) ?? null,
    }
  }

  /** Resolves when the profile's current pull (if any) has ended. */
  async settled(profileId: string): Promise<void> {
    await this.running.get(profileId)?.done
  }

  /** Cancels every running pull and waits for them to end (app shutdown). */
  async cancelAll(): Promise<void> {
    const all = [...this.running.values()]
    for (const pull of all) pull.controller.abort()
    await Promise.all(all.map((pull) => pull.done))
  }
}
