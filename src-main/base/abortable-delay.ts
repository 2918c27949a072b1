/**
 * Waiting that a cancel can end: a retry's back-off or a throttling pause must not keep a stopped
 * pull alive for the rest of a `Retry-After`.
 */

/** Resolves after `milliseconds`, or rejects with the signal's reason as soon as it aborts. */
export function abortableDelay(milliseconds: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted === true) return Promise.reject(abortReason(signal))
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortReason(signal))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, Math.max(0, milliseconds))
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Lets the event loop run pending I/O and timers before the caller continues: long synchronous
 * work (a large SQLite merge) split into steps with this between them keeps the host responsive.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve))
}

/** The error an aborted signal carries, as an Error (a bare `abort()` leaves a DOMException). */
export function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason
  if (reason instanceof Error) return reason
  const error = new Error('The operation was cancelled.')
  error.name = 'AbortError'
  return error
}
