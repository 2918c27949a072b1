import { describe, expect, it } from 'vitest'
import { Limiter } from '../../../src-main/base/limiter'

describe('Limiter', () => {
  it('keeps at most its concurrency in flight and runs every task, in arrival order', async () => {
    const limiter = new Limiter(3)
    let inFlight = 0
    let most = 0
    const started: number[] = []
    const tasks = Array.from({ length: 20 }, (_, index) =>
      limiter.run(async () => {
        started.push(index)
        inFlight += 1
        most = Math.max(most, inFlight)
        await new Promise((resolve) => setTimeout(resolve, index % 3))
        inFlight -= 1
        return index
      }),
    )
    expect(await Promise.all(tasks)).toEqual(Array.from({ length: 20 }, (_, index) => index))
    expect(most).toBe(3)
    expect(started).toEqual(Array.from({ length: 20 }, (_, index) => index))
  })

  it('frees the slot of a failing task', async () => {
    const limiter = new Limiter(1)
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await limiter.run(() => Promise.resolve('next'))).toBe('next')
    expect(limiter.running).toBe(0)
  })

  it('refuses a concurrency that is not a positive integer', () => {
    expect(() => new Limiter(0)).toThrow(RangeError)
  })
})
