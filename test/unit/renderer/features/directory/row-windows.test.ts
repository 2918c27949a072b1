import { describe, expect, it } from 'vitest'
import {
  rowAt,
  USER_WINDOW_SIZE,
  userQueryKey,
  windowIndexOf,
  windowsCovering,
} from '../../../../../src-renderer/features/directory/row-windows'

describe('windows of the users table', () => {
  it('fetches 200 rows at a time', () => {
    expect(USER_WINDOW_SIZE).toBe(200)
  })

  it('puts rows 0–199 in window 0 and row 200 in window 1', () => {
    expect(windowIndexOf(0)).toBe(0)
    expect(windowIndexOf(199)).toBe(0)
    expect(windowIndexOf(200)).toBe(1)
    expect(windowIndexOf(99_999)).toBe(499)
  })

  it.each([
    { first: 0, last: 30, total: 100_000, expected: [0] },
    { first: 190, last: 215, total: 100_000, expected: [0, 1] },
    { first: 99_980, last: 100_020, total: 100_000, expected: [499] },
    { first: -5, last: 10, total: 100_000, expected: [0] },
    { first: 0, last: 30, total: 0, expected: [] },
    { first: 0, last: 30, total: null, expected: [0] },
    { first: 400, last: 30, total: 100_000, expected: [] },
  ])('rows $first–$last of $total need windows $expected', ({ first, last, total, expected }) => {
    expect(windowsCovering(first, last, total)).toEqual(expected)
  })

  it('finds a row inside its window, and nothing for a window not yet fetched', () => {
    const windows = { 0: ['a', 'b'], 2: ['e', 'f'] }
    expect(rowAt(windows, 1, 2)).toBe('b')
    expect(rowAt(windows, 4, 2)).toBe('e')
    expect(rowAt(windows, 2, 2)).toBeUndefined()
  })
})

describe('the cache key of a users query', () => {
  const base = { profileId: 'demo', search: 'anna', sortBy: 'displayName', sortDirection: 'asc', generation: 0 } as const

  it('shares windows between searches that differ only in case and surrounding spaces', () => {
    expect(userQueryKey({ ...base, search: '  Anna ' })).toBe(userQueryKey(base))
  })

  it('changes with the profile, the sort, the direction and the cache generation', () => {
    const keys = new Set([
      userQueryKey(base),
      userQueryKey({ ...base, profileId: 'other' }),
      userQueryKey({ ...base, sortBy: 'department' }),
      userQueryKey({ ...base, sortDirection: 'desc' }),
      userQueryKey({ ...base, generation: 1 }),
      userQueryKey({ ...base, search: 'anne' }),
    ])
    expect(keys.size).toBe(6)
  })
})
