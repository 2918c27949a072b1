import { describe, expect, it } from 'vitest'
import { formatEta, formatRate, pullFraction } from '../../../../../src-renderer/features/connect/pull-figures'

describe('pull progress figures', () => {
  it('measures progress by users read against the expected total', () => {
    expect(pullFraction({ phase: 'users', users: 25_000, totalUsers: 100_000 })).toBe(0.25)
  })

  it('has no fraction while the total is unknown, so the bar shows "busy" instead', () => {
    expect(pullFraction({ phase: 'users', users: 25_000, totalUsers: null })).toBeNull()
    expect(pullFraction({ phase: 'starting', users: 0, totalUsers: 0 })).toBeNull()
  })

  it('never passes the end when Graph returns more users than $count estimated', () => {
    expect(pullFraction({ phase: 'users', users: 100_050, totalUsers: 100_000 })).toBe(1)
  })

  it('stays full once users are read and groups follow', () => {
    expect(pullFraction({ phase: 'groups', users: 99_000, totalUsers: 100_000 })).toBe(1)
  })

  it('words the rate and the time left', () => {
    expect(formatRate(12_345.6, 'en-US')).toBe('12,346 per second')
    expect(formatRate(0.2, 'en-US')).toBe('measuring…')
    expect(formatEta(null)).toBe('estimating…')
    expect(formatEta(125)).toBe('about 2 min 5 s left')
    expect(formatEta(0.4)).toBe('almost done')
  })
})
