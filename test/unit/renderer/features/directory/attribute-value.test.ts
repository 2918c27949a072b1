import { describe, expect, it } from 'vitest'
import { describeAttributeValue, describeInline } from '../../../../../src-renderer/features/directory/attribute-value'

describe('attribute values in the detail panel', () => {
  it.each([
    { value: null, expected: { kind: 'empty' } },
    { value: '', expected: { kind: 'empty' } },
    { value: [], expected: { kind: 'empty' } },
    { value: 'Oslo', expected: { kind: 'text', text: 'Oslo' } },
    { value: true, expected: { kind: 'text', text: 'Yes' } },
    { value: 0, expected: { kind: 'text', text: '0' } },
    { value: ['+47 22 00 00 00', '+47 900 00 000'], expected: { kind: 'list', items: ['+47 22 00 00 00', '+47 900 00 000'] } },
  ])('shows $value as $expected.kind', ({ value, expected }) => {
    expect(describeAttributeValue(value)).toEqual(expected)
  })

  it('shows an object as its filled-in entries only (extension attribute bags are mostly null)', () => {
    expect(
      describeAttributeValue({ extensionAttribute1: 'Cost centre 4410', extensionAttribute2: null, extensionAttribute3: '' }),
    ).toEqual({ kind: 'record', entries: [['extensionAttribute1', 'Cost centre 4410']] })
    expect(describeAttributeValue({ extensionAttribute1: null })).toEqual({ kind: 'empty' })
  })

  it('writes each object in a list on one line', () => {
    expect(
      describeAttributeValue([{ skuId: 'c7df2760', disabledPlans: [] }, { skuId: '4b9405b0', disabledPlans: ['a', 'b'] }]),
    ).toEqual({ kind: 'list', items: ['skuId: c7df2760 · disabledPlans: (none)', 'skuId: 4b9405b0 · disabledPlans: a, b'] })
  })

  it('makes an empty text visible rather than blank when it sits inside a structure', () => {
    expect(describeInline({ note: '' })).toBe('note: (empty text)')
  })
})
