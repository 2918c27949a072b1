import { describe, expect, it } from 'vitest'
import { renderNameTemplate, validateNameTemplate } from '../../../../src-main/domain/grouping/naming-template'
import { normaliseGroupValue, pickDisplayForm } from '../../../../src-main/domain/grouping/normalise-group-value'

describe('normaliseGroupValue', () => {
  it.each([
    ['Sales', { key: 'sales', text: 'Sales' }],
    ['  Inside \t  Sales\n', { key: 'inside sales', text: 'Inside Sales' }],
    ['Zu\u0308rich', { key: 'zürich', text: 'Zürich' }],
    ['A\u0000B', { key: 'a b', text: 'A B' }],
    [['Aarhus', 'Odense'], { key: 'aarhus', text: 'Aarhus' }],
    [true, { key: 'true', text: 'True' }],
    [42, { key: '42', text: '42' }],
    [null, null],
    ['', null],
    ['   ', null],
    [[], null],
    [{ city: 'Aarhus' }, null],
  ] as const)('%j → %j', (value, expected) => {
    expect(normaliseGroupValue(value)).toEqual(expected)
  })

  it('drops accents from the key only when asked', () => {
    expect(normaliseGroupValue('Müller', true)).toEqual({ key: 'muller', text: 'Müller' })
    expect(normaliseGroupValue('Müller')?.key).toBe('müller')
  })
})

describe('pickDisplayForm', () => {
  it('takes the most common form, and the ordinally first on a tie', () => {
    expect(pickDisplayForm(new Map([['sales', 1], ['Sales', 3], ['SALES', 2]]))).toBe('Sales')
    expect(pickDisplayForm(new Map([['sales', 2], ['Sales', 2]]))).toBe('Sales')
    expect(pickDisplayForm(new Map([['Sales', 2], ['sales', 2]]))).toBe('Sales')
  })
})

describe('naming templates', () => {
  it('replaces each placeholder and leaves other text alone', () => {
    expect(renderNameTemplate('Cards - {department} - {officeLocation}', { department: 'Sales', officeLocation: '(no value)' })).toBe('Cards - Sales - (no value)')
    expect(renderNameTemplate('{department}/{department}', { department: 'IT' })).toBe('IT/IT')
    expect(renderNameTemplate('{unknown} team', {})).toBe('{unknown} team')
  })

  it('accepts placeholders that name grouping fields and flags the others', () => {
    expect(validateNameTemplate('Cards - {department}', ['department'])).toEqual([])
    expect(validateNameTemplate('{city} {Department}', ['department']).map((diagnostic) => diagnostic.path.field)).toEqual(['city', 'Department'])
  })
})
