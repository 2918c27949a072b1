import { describe, expect, it } from 'vitest'
import type { ExpiryLevel } from '../../../../src-main/common/health'
import {
  compareExpiryLevels,
  evaluateCredentialExpiry,
  levelForDaysLeft,
  mostUrgentLevel,
} from '../../../../src-main/domain/health/evaluate-credential-expiry'

const NOW = new Date('2026-11-01T09:00:00Z')
const DAY = 86_400_000
const at = (milliseconds: number): string => new Date(NOW.getTime() + milliseconds).toISOString()

describe('evaluateCredentialExpiry', () => {
  // Boundaries: each limit (30/14/7 days, exactly now) and one millisecond either side of it.
  it.each<[string, string, number, ExpiryLevel]>([
    ['a day and a moment ago', at(-DAY - 1), -2, 'expired'],
    ['exactly a day ago', at(-DAY), -1, 'expired'],
    ['a moment ago', at(-1), -1, 'expired'],
    ['exactly now', at(0), 0, 'expired'],
    ['a moment from now', at(1), 1, 'critical7'],
    ['in exactly 1 day', at(DAY), 1, 'critical7'],
    ['in 6 days and 23 hours', at(7 * DAY - 3_600_000), 7, 'critical7'],
    ['in exactly 7 days', at(7 * DAY), 7, 'critical7'],
    ['a moment after 7 days', at(7 * DAY + 1), 8, 'warning14'],
    ['in exactly 10 days', at(10 * DAY), 10, 'warning14'],
    ['in exactly 14 days', at(14 * DAY), 14, 'warning14'],
    ['a moment after 14 days', at(14 * DAY + 1), 15, 'notice30'],
    ['in exactly 25 days', at(25 * DAY), 25, 'notice30'],
    ['in exactly 30 days', at(30 * DAY), 30, 'notice30'],
    ['a moment after 30 days', at(30 * DAY + 1), 31, 'ok'],
    ['in 400 days', at(400 * DAY), 400, 'ok'],
  ])('an end %s (%s) has %i days left: %s', (_label, endDateTime, daysLeft, level) => {
    expect(evaluateCredentialExpiry(endDateTime, NOW)).toEqual({ daysLeft, level })
  })

  it('reads Graph dates without fractions and with an offset', () => {
    expect(evaluateCredentialExpiry('2026-11-08T09:00:00Z', NOW)).toEqual({ daysLeft: 7, level: 'critical7' })
    // 11:00 at +02:00 is 09:00Z: exactly now.
    expect(evaluateCredentialExpiry('2026-11-01T11:00:00+02:00', NOW)).toEqual({ daysLeft: 0, level: 'expired' })
  })

  it('never answers -0 for an end exactly now', () => {
    expect(Object.is(evaluateCredentialExpiry(at(0), NOW).daysLeft, 0)).toBe(true)
  })

  it('refuses a date that does not parse: Graph always sends one, so that is a bug', () => {
    expect(() => evaluateCredentialExpiry('next Tuesday', NOW)).toThrow(RangeError)
  })
})

describe('levels', () => {
  it.each<[number, ExpiryLevel]>([
    [-5, 'expired'],
    [0, 'expired'],
    [1, 'critical7'],
    [7, 'critical7'],
    [8, 'warning14'],
    [14, 'warning14'],
    [15, 'notice30'],
    [30, 'notice30'],
    [31, 'ok'],
  ])('%i started days left is %s', (daysLeft, level) => {
    expect(levelForDaysLeft(daysLeft)).toBe(level)
  })

  it('orders levels from the most urgent', () => {
    const levels: ExpiryLevel[] = ['ok', 'notice30', 'expired', 'warning14', 'critical7']
    expect([...levels].sort(compareExpiryLevels)).toEqual(['expired', 'critical7', 'warning14', 'notice30', 'ok'])
  })

  it('takes the most urgent level, and ok for none', () => {
    expect(mostUrgentLevel(['ok', 'warning14', 'notice30'])).toBe('warning14')
    expect(mostUrgentLevel([])).toBe('ok')
  })
})
