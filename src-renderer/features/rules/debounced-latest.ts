/**
 * Live results while the admin types: a request runs once the input has been still for a moment, and
 * only the answer to the newest request is delivered — an older answer that arrives late is dropped,
 * so the counts on screen always describe the rules on screen.
 */

/** Timer functions, injectable so tests can drive time. */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown
  clearTimeout(handle: unknown): void
}

const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface DebouncedLatest<Input> {
  /** Schedules a run with `input`, replacing any run not started yet. */
  schedule(input: Input): void
  /** Runs now (cancelling a scheduled run) and resolves once that run's answer is handled. */
  runNow(input: Input): Promise<void>
  /** Forgets scheduled runs and drops answers still on their way. */
  cancel(): void
}

export interface DebouncedLatestOptions<Input, Result> {
  readonly delayMs: number
  run(input: Input): Promise<Result>
  /** Called with the newest request's answer only. */
  onResult(result: Result, input: Input): void
  /** Called with the newest request's failure only. */
  onError(reason: unknown, input: Input): void
  readonly timers?: Timers
}

/** Debounces and drops stale answers (see the module comment). */
export function debouncedLatest<Input, Result>(options: DebouncedLatestOptions<Input, Result>): DebouncedLatest<Input> {
  const timers = options.timers ?? GLOBAL_TIMERS
  let pending: unknown = null
  let latest = 0

  const clear = (): void => {
    if (pending !== null) timers.clearTimeout(pending)
    pending = null
  }

  const start = async (input: Input): Promise<void> => {
    const request = ++latest
    try {
      const result = await options.run(input)
      if (request === latest) options.onResult(result, input)
    } catch (reason) {
      if (request === latest) options.onError(reason, input)
    }
  }

  return {
    schedule(input) {
      clear()
      // A request scheduled now makes any answer still on its way stale.
      latest++
      pending = timers.setTimeout(() => {
        pending = null
        void start(input)
      }, options.delayMs)
    },
    runNow(input) {
      clear()
      return start(input)
    },
    cancel() {
      clear()
      latest++
    },
  }
}
