import { describe, expect, it } from 'vitest'
import { formatPullProgress, formatSeconds } from '../../../src-main/cli/format-pull-progress'

describe('formatPullProgress', () => {
  it('says phase, counts, rate and time left', () => {
    expect(
      formatPullProgress({ profileId: 'p', runId: 'r', phase: 'users', pages: 12, users: 11_988, groups: 0, totalUsers: 100_000, rate: 3456.4, etaSeconds: 75 }),
    ).toBe('users       11,988 of 100,000 users · 12 pages · 3,456/s · about 1 min 15 s left')
  })

  it('leaves out what is not known yet', () => {
    expect(formatPullProgress({ profileId: 'p', runId: 'r', phase: 'starting', pages: 0, users: 0, groups: 0, totalUsers: null, rate: 0, etaSeconds: null })).toBe(
      'starting    0 users · 0 pages',
    )
  })

  it.each([
    [0, '0 s'],
    [59.4, '59 s'],
    [60, '1 min 00 s'],
    [605, '10 min 05 s'],
    [-3, '0 s'],
  ])('formats %d seconds as %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text)
  })
})
