import { describe, expect, it } from 'vitest'
import { initialsOf } from '../../../../src-renderer/components/user-avatar'

describe('avatar initials', () => {
  it.each([
    { name: 'Anna Berg', expected: 'AB' },
    { name: 'Øystein Hagen Dahl', expected: 'ØD' },
    { name: 'anna', expected: 'A' },
    { name: '  Kari   Nordmann  ', expected: 'KN' },
    { name: 'Lars (Contractor) - 2', expected: 'LC' },
    { name: '', expected: '?' },
    { name: null, expected: '?' },
  ])('shows $expected for "$name"', ({ name, expected }) => {
    expect(initialsOf(name)).toBe(expected)
  })
})
