/**
 * Retries an operation that can fail for a while (throttling, an outage, a dropped connection):
 * the server's own wait when it names one, otherwise exponential back-off with full jitter
 * ("Exponential Backoff And Jitter", AWS Architecture Blog), always bounded in attempts and in the
 * length of any single wait, and cancellable while waiting.
 */
import { abortableDelay } from './abortable-delay'

export interface RetryPolicy {
  /** Attempts after the first. 0 disables retrying. */
  readonly maxRetries: number
  /** The first back-off ceiling; it doubles per attempt. */
  readonly baseDelayMs: number
  /** No single wait is longer than this, whatever the server asks or the back-off reaches. */
  readonly maxDelayMs: number
}

/** What the caller says about one failure. */
export type RetryVerdict =
  /** Give up: the failure is final (or not transient). */
  | { readonly isRetryable: false }
  /** Try again, after `afterMs` when the server named a wait, else after the back-off. */
  | { readonly isRetryable: true; readonly afterMs: number | null }

export interface RetryOptions<T> {
  readonly policy: RetryPolicy
  /** Judges a failure of attempt `attempt` (0 for the first). */
  readonly classify: (error: unknown, attempt: number) => RetryVerdict
  /** Called before each wait, e.g. to count retries or log. */
  readonly onRetry?: (event: { readonly attempt: number; readonly delayMs: number; readonly error: unknown }) => void
  /** [0, 1): injectable for repeatable tests. */
  readonly random?: () => number
  /** Injectable wait (tests); defaults to {@link abortableDelay}. */
  readonly wait?: (milliseconds: number, signal?: AbortSignal) => Promise<void>
  readonly run: (attempt: number) => Promise<T>
}

/** The back-off before retry number `attempt + 1`: uniform in [0, min(max, base · 2^attempt)]. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(random() * ceiling)
}

/**
 * Runs `options.run` until it succeeds, the failure is final, or the retries are spent; rejects
 * with the last failure. An aborted signal ends the wait at once with the abort reason.
 */
export async function retryWithBackoff<T>(options: RetryOptions<T>, signal?: AbortSignal): Promise<T> {
  const random = options.random ?? Math.random
  const wait = options.wait ?? abortableDelay
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await options.run(attempt)
    } catch (error) {
      if (signal?.aborted === true) throw error
      const verdict = options.classify(error, attempt)
      if (!verdict.isRetryable || attempt >= options.policy.maxRetries) throw error
      const delayMs = Math.min(
        options.policy.maxDelayMs,
        verdict.afterMs ?? backoffDelayMs(attempt, options.policy, random),
      )
      options.onRetry?.({ attempt, delayMs, error })
      await wait(delayMs, signal)
    }
  }
}
