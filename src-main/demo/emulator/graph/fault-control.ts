/**
 * Switchable misbehaviour for the Graph emulator: throttling (429 with `Retry-After`), outages
 * (503), slow answers, and broken delta tokens. Every mode can be deterministic (every Nth request,
 * the first N requests, or a seeded probability) so tests that exercise retries are repeatable.
 * Each `$batch` item is judged on its own, as Graph throttles batch items individually.
 */

export interface FaultTrigger {
  /** Hit requests number N, 2N, 3N … (counting requests that match `pathPrefix`). */
  readonly everyNth?: number
  /** Hit the first N matching requests, then never again. */
  readonly firstN?: number
  /** Hit each matching request with this probability, from a PRNG seeded with `seed`. */
  readonly probability?: number
  readonly seed?: number
  /** Only requests whose path (below `/v1.0`) starts with this, e.g. `/users`. */
  readonly pathPrefix?: string
}

export interface ThrottleFault extends FaultTrigger {
  /** Seconds sent in `Retry-After`; default 1. */
  readonly retryAfterSeconds?: number
}

export interface UnavailableFault extends FaultTrigger {
  /** Seconds sent in `Retry-After`; omitted when absent. */
  readonly retryAfterSeconds?: number
}

export interface FaultSettings {
  readonly throttle?: ThrottleFault | null
  readonly unavailable?: UnavailableFault | null
  /** Added to every answer. */
  readonly delayMs?: number
  /** Every presented delta token (or delta page token) is answered with `syncStateNotFound`. */
  readonly expireDeltaTokens?: boolean
  /** Every presented delta token is answered with 410 Gone and a `Location` to restart from. */
  readonly resetDeltaTokens?: boolean
}

export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'throttle'; readonly retryAfterSeconds: number }
  | { readonly kind: 'unavailable'; readonly retryAfterSeconds: number | null }

export interface FaultCounters {
  readonly requests: number
  readonly throttled: number
  readonly unavailable: number
}

export interface FaultControl {
  /** Replaces all settings and restarts the counters. */
  configure(settings: FaultSettings): void
  /** Back to a well-behaved emulator. */
  clear(): void
  settings(): FaultSettings
  /** Judges one request (or one batch item) and counts it. */
  decide(path: string): FaultDecision
  delayMs(): number
  counters(): FaultCounters
}

/** A tiny seeded PRNG (mulberry32): enough for repeatable "random" faults. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

class TriggerState {
  private matched = 0
  private readonly random: () => number

  constructor(private readonly trigger: FaultTrigger) {
    this.random = seededRandom(trigger.seed ?? 1)
  }

  hits(path: string): boolean {
    const prefix = this.trigger.pathPrefix
    if (prefix !== undefined && !path.toLowerCase().startsWith(prefix.toLowerCase())) return false
    this.matched++
    const { everyNth, firstN, probability } = this.trigger
    if (firstN !== undefined && this.matched <= firstN) return true
    if (everyNth !== undefined && everyNth > 0 && this.matched % everyNth === 0) return true
    if (probability !== undefined && this.random() < probability) return true
    return false
  }
}

/** Creates a fault control with no faults switched on. */
export function createFaultControl(): FaultControl {
  let current: FaultSettings = {}
  let throttle: TriggerState | null = null
  let unavailable: TriggerState | null = null
  let requests = 0
  let throttled = 0
  let unavailableCount = 0
  const control: FaultControl = {
    configure(settings) {
      current = settings
      throttle = settings.throttle ? new TriggerState(settings.throttle) : null
      unavailable = settings.unavailable ? new TriggerState(settings.unavailable) : null
      requests = 0
      throttled = 0
      unavailableCount = 0
    },
    clear() {
      control.configure({})
    },
    settings() {
      return current
    },
    decide(path) {
      requests++
      if (unavailable?.hits(path)) {
        unavailableCount++
        return { kind: 'unavailable', retryAfterSeconds: current.unavailable?.retryAfterSeconds ?? null }
      }
      if (throttle?.hits(path)) {
        throttled++
        return { kind: 'throttle', retryAfterSeconds: current.throttle?.retryAfterSeconds ?? 1 }
      }
      return { kind: 'none' }
    },
    delayMs() {
      return current.delayMs ?? 0
    },
    counters() {
      return { requests, throttled, unavailable: unavailableCount }
    },
  }
  return control
}
