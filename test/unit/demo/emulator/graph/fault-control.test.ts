import { describe, expect, it } from 'vitest'
import { createFaultControl } from '../../../../../src-main/demo/emulator/graph/fault-control'

function kinds(control: ReturnType<typeof createFaultControl>, paths: readonly string[]): string[] {
  return paths.map((path) => control.decide(path).kind)
}

describe('createFaultControl', () => {
  it('lets everything through until configured', () => {
    const control = createFaultControl()
    expect(kinds(control, ['/users', '/users', '/groups'])).toEqual(['none', 'none', 'none'])
  })

  it('throttles every Nth matching request with the configured Retry-After', () => {
    const control = createFaultControl()
    control.configure({ throttle: { everyNth: 3, retryAfterSeconds: 5 } })
    expect(kinds(control, Array(6).fill('/users'))).toEqual(['none', 'none', 'throttle', 'none', 'none', 'throttle'])
    control.configure({ throttle: { everyNth: 1 } })
    expect(control.decide('/users')).toEqual({ kind: 'throttle', retryAfterSeconds: 1 })
  })

  it('fails only the first N requests, and only on the chosen path', () => {
    const control = createFaultControl()
    control.configure({ unavailable: { firstN: 2, pathPrefix: '/groups' } })
    expect(kinds(control, ['/users', '/groups/1', '/Groups', '/groups'])).toEqual(['none', 'unavailable', 'unavailable', 'none'])
    expect(control.counters()).toEqual({ requests: 4, throttled: 0, unavailable: 2 })
  })

  it('repeats the same "random" faults for the same seed', () => {
    const run = () => {
      const control = createFaultControl()
      control.configure({ throttle: { probability: 0.3, seed: 42 } })
      return kinds(control, Array(50).fill('/users'))
    }
    const first = run()
    expect(run()).toEqual(first)
    expect(first.filter((kind) => kind === 'throttle').length).toBeGreaterThan(5)
    expect(first.filter((kind) => kind === 'throttle').length).toBeLessThan(25)
  })

  it('restarts counting when reconfigured and clears to well-behaved', () => {
    const control = createFaultControl()
    control.configure({ throttle: { everyNth: 2 }, delayMs: 30 })
    control.decide('/users')
    control.configure({ throttle: { everyNth: 2 } })
    expect(kinds(control, ['/users', '/users'])).toEqual(['none', 'throttle'])
    control.clear()
    expect(control.delayMs()).toBe(0)
    expect(kinds(control, ['/users', '/users'])).toEqual(['none', 'none'])
  })
})
