/**
 * The request rate of one SCIM target, shared by every call of its client. Requests are spaced at
 * the configured rate (a token bucket holding a small burst, implemented as a virtual schedule so
 * timer lateness never lowers the long-run rate). A 429 pauses everyone until the `Retry-After` has
 * passed and halves the rate; each later success gives a little back until the configured rate is
 * reached again (additive increase, multiplicative decrease, as TCP does).
 */
import { abortableDelay } from '../../base/abortable-delay'

export interface AdaptiveRateLimiterOptions {
  /** Requests per second when the target is happy. */
  readonly perSecond: number
  /** Requests that may go at once after a quiet spell (default 1: strictly paced). */
  readonly burst?: number
  /** Monotonic milliseconds (injectable for tests). */
  readonly now?: () => number
  readonly wait?: (milliseconds: number, signal?: AbortSignal) => Promise<void>
}

export class AdaptiveRateLimiter {
  private rate: number
  private readonly burst: number
  private readonly now: () => number
  private readonly wait: (milliseconds: number, signal?: AbortSignal) => Promise<void>
  /** The virtual time at which the next request may go (GCRA's "theoretical arrival time"). */
  private nextAt = Number.NEGATIVE_INFINITY
  private pausedUntil = Number.NEGATIVE_INFINITY
  private throttles = 0

  constructor(private readonly options: AdaptiveRateLimiterOptions) {
    if (!(options.perSecond > 0)) throw new RangeError(`perSecond must be positive, got ${options.perSecond}`)
    this.rate = options.perSecond
    this.burst = Math.max(1, options.burst ?? 1)
    this.now = options.now ?? (() => performance.now())
    this.wait = options.wait ?? abortableDelay
  }

  /** The rate in force now (requests per second). */
  get currentRate(): number {
    return this.rate
  }

  /** 429 answers reported so far. */
  get throttledCount(): number {
    return this.throttles
  }

  /** Waits until a request may be sent, then claims its slot. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const current = this.now()
      const interval = 1000 / this.rate
      const start = Math.max(this.nextAt, current - (this.burst - 1) * interval, this.pausedUntil)
      if (start <= current) {
        this.nextAt = Math.max(this.nextAt, current - (this.burst - 1) * interval) + interval
        return
      }
      // Someone else may claim the slot while we sleep; look again after waking.
      await this.wait(start - current, signal)
    }
  }

  /** The target answered 429: pause everyone for `retryAfterMs` (or one second) and halve the rate. */
  throttled(retryAfterMs: number | null): void {
    this.throttles += 1
    const current = this.now()
    this.pausedUntil = Math.max(this.pausedUntil, current + (retryAfterMs ?? 1000))
    this.rate = Math.max(this.options.perSecond / 16, this.rate / 2)
  }

  /** A request succeeded: give back a twentieth of the configured rate. */
  succeeded(): void {
    if (this.rate < this.options.perSecond) this.rate = Math.min(this.options.perSecond, this.rate + this.options.perSecond / 20)
  }
}
