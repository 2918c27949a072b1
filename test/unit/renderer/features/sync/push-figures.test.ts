import { describe, expect, it } from 'vitest'
import { formatEta, formatPushCounts, formatRate, pushFraction } from '../../../../../src-renderer/features/sync/push-figures'

const progress = { profileId: 'demo', runId: 'run-1', done: 1200, failed: 3, skipped: 0, total: 5000, perSecond: 24.6, etaSeconds: 150, throttled: 0 }

describe('push figures', () => {
  it.each([
    [null, 'estimating…'],
    [-1, 'estimating…'],
    [12, 'under a minute left'],
    [150, 'about 3 min left'],
    [3600, 'about 1 h left'],
    [4200, 'about 1 h 10 min left'],
  ])('reads an ETA of %s seconds as “%s”', (seconds, text) => {
    expect(formatEta(seconds)).toBe(text)
  })

  it.each([
    [0, 'waiting'],
    [0.4, 'under 1 per second'],
    [2.46, '2.5 per second'],
    [24.6, '25 per second'],
  ])('reads a rate of %s as “%s”', (rate, text) => {
    expect(formatRate(rate)).toBe(text)
  })

  it('counts failed and skipped operations as handled', () => {
    expect(pushFraction(progress)).toBeCloseTo(1203 / 5000)
    expect(pushFraction({ ...progress, total: 0 })).toBeNull()
    expect(pushFraction(null)).toBeNull()
    expect(formatPushCounts(progress)).toBe('1,203 of 5,000 handled · 3 failed')
  })
})
