import { describe, expect, it } from 'vitest'
import { formatDuration, formatRelativeTime } from '../../../../src-renderer/components/format-time'
import { formatCount, formatCountOf } from '../../../../src-renderer/components/format-count'

describe('time wording', () => {
  const now = new Date('2025-03-14T14:30:00Z')
  const options = { locale: 'en-GB', timeZone: 'UTC' }

  it.each([
    { iso: null, expected: 'never' },
    { iso: 'not a date', expected: 'unknown' },
    { iso: '2025-03-14T14:29:40Z', expected: 'just now' },
    { iso: '2025-03-14T14:18:00Z', expected: '12 min ago' },
    { iso: '2025-03-14T09:05:00Z', expected: 'today at 09:05' },
    { iso: '2025-03-12T09:05:00Z', expected: '12 Mar 2025, 09:05' },
  ])('says when $iso happened as "$expected"', ({ iso, expected }) => {
    expect(formatRelativeTime(iso, now, options)).toBe(expected)
  })

  it.each([
    { milliseconds: 300, expected: 'under 1 s' },
    { milliseconds: 8_000, expected: '8 s' },
    { milliseconds: 125_000, expected: '2 min 5 s' },
    { milliseconds: 120_000, expected: '2 min' },
    { milliseconds: 3_840_000, expected: '1 h 4 min' },
    { milliseconds: 7_200_000, expected: '2 h' },
  ])('words $milliseconds ms as "$expected"', ({ milliseconds, expected }) => {
    expect(formatDuration(milliseconds)).toBe(expected)
  })

  it('groups digits and picks the noun by count', () => {
    expect(formatCount(100_000, 'en-US')).toBe('100,000')
    expect(formatCountOf(1, 'user', 'users', 'en-US')).toBe('1 user')
    expect(formatCountOf(2_500, 'user', 'users', 'en-US')).toBe('2,500 users')
  })
})
