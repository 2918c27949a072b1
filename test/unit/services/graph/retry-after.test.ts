import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '../../../../src-main/services/graph/retry-after'

const now = Date.parse('2025-03-01T12:00:00Z')

describe('parseRetryAfter', () => {
  it.each([
    ['10', 10_000],
    ['0', 0],
    ['2.128', 2_128],
    [' 3 ', 3_000],
    ['Sat, 01 Mar 2025 12:00:05 GMT', 5_000],
    ['Sat, 01 Mar 2025 11:59:00 GMT', 0],
  ])('reads %j as %i ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected)
  })

  it.each([[null], [undefined], [''], ['soon'], ['-1']])('has no wait for %j (the caller backs off)', (value) => {
    expect(parseRetryAfter(value, now)).toBeNull()
  })
})
