import { describe, expect, it } from 'vitest'
import { isRowNavigationKey, nextRowIndex } from '../../../../../src-renderer/features/directory/row-navigation'

describe('moving the selection with the keyboard', () => {
  it.each([
    { key: 'ArrowDown', current: 5, expected: 6 },
    { key: 'ArrowUp', current: 5, expected: 4 },
    { key: 'ArrowUp', current: 0, expected: 0 },
    { key: 'ArrowDown', current: 99, expected: 99 },
    { key: 'PageDown', current: 5, expected: 25 },
    { key: 'PageDown', current: 90, expected: 99 },
    { key: 'PageUp', current: 25, expected: 5 },
    { key: 'PageUp', current: 3, expected: 0 },
    { key: 'Home', current: 50, expected: 0 },
    { key: 'End', current: 50, expected: 99 },
  ] as const)('$key from row $current of 100 (page of 20) selects row $expected', ({ key, current, expected }) => {
    expect(nextRowIndex(key, current, 100, 20)).toBe(expected)
  })

  it('starts at the first row going down and at the last going up when nothing is selected', () => {
    expect(nextRowIndex('ArrowDown', null, 100, 20)).toBe(0)
    expect(nextRowIndex('Home', null, 100, 20)).toBe(0)
    expect(nextRowIndex('ArrowUp', null, 100, 20)).toBe(99)
    expect(nextRowIndex('End', null, 100, 20)).toBe(99)
  })

  it('selects nothing in an empty table', () => {
    expect(nextRowIndex('ArrowDown', null, 0, 20)).toBeNull()
    expect(nextRowIndex('End', 3, 0, 20)).toBeNull()
  })

  it('still moves a page when the viewport is smaller than one row', () => {
    expect(nextRowIndex('PageDown', 0, 100, 0)).toBe(1)
  })

  it('knows which keys are navigation keys', () => {
    expect(isRowNavigationKey('PageDown')).toBe(true)
    expect(isRowNavigationKey('Enter')).toBe(false)
    expect(isRowNavigationKey('a')).toBe(false)
  })
})
