import { describe, expect, it } from 'vitest'
import { AdaptiveRateLimiter } from '../../../../src-main/services/sync/adaptive-rate-limiter'

/** A clock that only moves when the limiter waits: each acquire's start time is observable exactly. */
function virtualClock() {
  let now = 0
  return {
    now: () => now,
    wait: (milliseconds: number) => {
      now += milliseconds
      return Promise.resolve()
    },
  }
}

async function startTimes(limiter: AdaptiveRateLimiter, clock: { now: () => number }, count: number): Promise<number[]> {
  const times: number[] = []
  for (let index = 0; index < count; index += 1) {
    await limiter.acquire()
    times.push(clock.now())
  }
  return times
}

describe('AdaptiveRateLimiter', () => {
  it('spaces requests at the configured rate', async () => {
    const clock = virtualClock()
    const limiter = new AdaptiveRateLimiter({ perSecond: 10, ...clock })
    expect(await startTimes(limiter, clock, 4)).toEqual([0, 100, 200, 300])
  })

  it('lets a burst through after a quiet spell, then paces', async () => {
    const clock = virtualClock()
    const limiter = new AdaptiveRateLimiter({ perSecond: 10, burst: 3, ...clock })
    expect(await startTimes(limiter, clock, 5)).toEqual([0, 0, 0, 100, 200])
  })

  it('pauses everyone for Retry-After on a 429, halves the rate, and recovers gradually with successes', async () => {
    const clock = virtualClock()
    const limiter = new AdaptiveRateLimiter({ perSecond: 20, ...clock })
    await limiter.acquire()
    limiter.throttled(2_000)
    expect(limiter.currentRate).toBe(10)
    await limiter.acquire()
    expect(clock.now()).toBe(2_000)
    for (let index = 0; index < 5; index += 1) limiter.succeeded()
    expect(limiter.currentRate).toBe(15)
    for (let index = 0; index < 50; index += 1) limiter.succeeded()
    expect(limiter.currentRate).toBe(20)
    expect(limiter.throttledCount).toBe(1)
  })

  it('waits a second when a 429 names no Retry-After, and never drops below a sixteenth of the rate', async () => {
    const clock = virtualClock()
    const limiter = new AdaptiveRateLimiter({ perSecond: 32, ...clock })
    for (let index = 0; index < 10; index += 1) limiter.throttled(null)
    expect(limiter.currentRate).toBe(2)
    await limiter.acquire()
    expect(clock.now()).toBe(1_000)
  })
})
