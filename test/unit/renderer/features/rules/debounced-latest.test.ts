import { afterEach, describe, expect, it, vi } from 'vitest'
import { debouncedLatest } from '../../../../../src-renderer/features/rules/debounced-latest'

afterEach(() => {
  vi.useRealTimers()
})

/** A request whose answers the test hands out in any order. */
function controlledRun() {
  const pending: { input: string; resolve(value: string): void; reject(reason: Error): void }[] = []
  const run = (input: string) =>
    new Promise<string>((resolve, reject) => {
      pending.push({ input, resolve, reject })
    })
  return { pending, run }
}

describe('live requests while typing', () => {
  it('runs once, with the last input, after the input has been still for the delay', async () => {
    vi.useFakeTimers()
    const { pending, run } = controlledRun()
    const results: string[] = []
    const live = debouncedLatest({ delayMs: 250, run, onResult: (result) => results.push(result), onError: () => undefined })
    live.schedule('J')
    await vi.advanceTimersByTimeAsync(100)
    live.schedule('Jo')
    await vi.advanceTimersByTimeAsync(249)
    expect(pending).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(pending.map((request) => request.input)).toEqual(['Jo'])
    pending[0]?.resolve('answer to Jo')
    await vi.advanceTimersByTimeAsync(0)
    expect(results).toEqual(['answer to Jo'])
  })

  it('drops an older answer that arrives after a newer one, and one that arrives after new typing', async () => {
    vi.useFakeTimers()
    const { pending, run } = controlledRun()
    const results: string[] = []
    const live = debouncedLatest({ delayMs: 250, run, onResult: (result) => results.push(result), onError: () => undefined })
    void live.runNow('a')
    void live.runNow('ab')
    pending[1]?.resolve('ab')
    pending[0]?.resolve('a')
    await vi.advanceTimersByTimeAsync(0)
    expect(results).toEqual(['ab'])
    void live.runNow('abc')
    live.schedule('abcd')
    pending[2]?.resolve('abc')
    await vi.advanceTimersByTimeAsync(0)
    expect(results).toEqual(['ab'])
  })

  it('reports only the newest request’s failure, and nothing after cancel', async () => {
    const { pending, run } = controlledRun()
    const errors: string[] = []
    const live = debouncedLatest({ delayMs: 250, run, onResult: () => undefined, onError: (reason) => errors.push((reason as Error).message) })
    const first = live.runNow('x')
    const second = live.runNow('y')
    pending[0]?.reject(new Error('old'))
    pending[1]?.reject(new Error('new'))
    await Promise.all([first, second])
    expect(errors).toEqual(['new'])
    const third = live.runNow('z')
    live.cancel()
    pending[2]?.reject(new Error('cancelled'))
    await third
    expect(errors).toEqual(['new'])
  })
})
