import { describe, expect, it } from 'vitest'
import { backoffDelayMs, retryWithBackoff, type RetryPolicy } from '../../../src-main/base/retry-with-backoff'

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000 }

/** Runs with recorded waits instead of real ones. */
function recorder() {
  const waits: number[] = []
  return { waits, wait: (milliseconds: number) => (waits.push(milliseconds), Promise.resolve()) }
}

describe('backoffDelayMs', () => {
  it('draws from [0, base · 2^attempt], capped by the largest wait', () => {
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, policy, () => 0.999999))).toEqual([100, 200, 400, 800, 1000])
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0)
    expect(backoffDelayMs(2, policy, () => 0.5)).toBe(200)
  })
})

describe('retryWithBackoff', () => {
  it('waits what the server asks when it names a wait, else backs off with jitter', async () => {
    const { waits, wait } = recorder()
    let calls = 0
    const result = await retryWithBackoff({
      policy,
      random: () => 0.5,
      wait,
      classify: (error) => ({ isRetryable: true, afterMs: (error as Error).message === 'throttled' ? 700 : null }),
      run: () => {
        calls += 1
        return calls === 1 ? Promise.reject(new Error('throttled')) : calls === 2 ? Promise.reject(new Error('reset')) : Promise.resolve('done')
      },
    })
    expect(result).toBe('done')
    expect(waits).toEqual([700, 100])
  })

  it('never waits longer than the largest wait, whatever the server asks', async () => {
    const { waits, wait } = recorder()
    let calls = 0
    await retryWithBackoff({
      policy,
      wait,
      classify: () => ({ isRetryable: true, afterMs: 3_600_000 }),
      run: () => (++calls === 1 ? Promise.reject(new Error('429')) : Promise.resolve()),
    })
    expect(waits).toEqual([1_000])
  })

  it('gives up after the retries with the last failure, and at once on a final one', async () => {
    const { waits, wait } = recorder()
    let calls = 0
    await expect(
      retryWithBackoff({ policy, wait, classify: () => ({ isRetryable: true, afterMs: 0 }), run: () => Promise.reject(new Error(`failure ${++calls}`)) }),
    ).rejects.toThrow('failure 4')
    expect(waits).toHaveLength(3)
    calls = 0
    await expect(
      retryWithBackoff({ policy, wait, classify: () => ({ isRetryable: false }), run: () => Promise.reject(new Error(`final ${++calls}`)) }),
    ).rejects.toThrow('final 1')
  })

  it('stops waiting the moment the signal aborts', async () => {
    const controller = new AbortController()
    const started = performance.now()
    const retrying = retryWithBackoff(
      { policy: { ...policy, maxDelayMs: 60_000 }, classify: () => ({ isRetryable: true, afterMs: 60_000 }), run: () => Promise.reject(new Error('503')) },
      controller.signal,
    )
    setTimeout(() => controller.abort(), 20)
    await expect(retrying).rejects.toThrow()
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})
