/**
 * Runs at most one push (or provisioning run) per profile, in the background, and turns its
 * progress and end into contract events. Cancel aborts the run's signal: the executor stops sending
 * and leaves the rest of the run pending in the journal, resumable.
 */
import { AppError, type PushFinished, type PushProgress, type RunSummary } from '../common'
import { EventHub } from './event-hub'

/** One run of the executor: resolves with the run as the journal ends it. */
export type PushRunner = (runId: string, onProgress: (progress: PushProgress) => void, signal: AbortSignal) => Promise<RunSummary>

interface RunningPush {
  readonly runId: string
  readonly controller: AbortController
  done: Promise<RunSummary>
}

export class PushCoordinator {
  readonly progressEvents = new EventHub<PushProgress>()
  readonly finishEvents = new EventHub<PushFinished>()
  private readonly running = new Map<string, RunningPush>()

  /**
   * @param failedRun the run to report when the executor failed before the journal could say (the
   *   target refused the first request, the cache could not be opened …).
   */
  constructor(private readonly failedRun: (profileId: string, runId: string, error: unknown) => RunSummary) {}

  isRunning(profileId: string): boolean {
    return this.running.has(profileId)
  }

  /** Starts the run and returns at once; `done` resolves with the finished run (never rejects). */
  start(profileId: string, runId: string, runner: PushRunner): { runId: string; done: Promise<RunSummary> } {
    if (this.running.has(profileId)) {
      throw new AppError({
        code: 'Busy',
        message: 'A push of this profile is already running.',
        hint: 'Wait for it to finish, or cancel it first.',
      })
    }
    const controller = new AbortController()
    const entry: RunningPush = { runId, controller, done: Promise.resolve(null as unknown as RunSummary) }
    this.running.set(profileId, entry)
    entry.done = runner(runId, (progress) => this.progressEvents.emit(progress), controller.signal)
      .catch((error: unknown) => this.failedRun(profileId, runId, error))
      .then((run) => {
        this.running.delete(profileId)
        this.finishEvents.emit({ profileId, run })
        return run
      })
    return { runId, done: entry.done }
  }

  cancel(profileId: string): void {
    this.running.get(profileId)?.controller.abort()
  }

  /** Resolves when the profile's current run (if any) has ended. */
  async settled(profileId: string): Promise<void> {
    await this.running.get(profileId)?.done
  }

  /** Cancels every run and waits for them to end (app shutdown): their rest stays pending, resumable. */
  async cancelAll(): Promise<void> {
    const all = [...this.running.values()]
    for (const push of all) push.controller.abort()
    await Promise.all(all.map((push) => push.done))
  }
}
