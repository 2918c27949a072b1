import { describe, expect, it } from 'vitest'
import { asciiFold, toMailboxPart } from '../../../../src-main/demo/organisation/ascii-fold'

describe('asciiFold', () => {
  it.each([
    ['Søren Mølgaard', 'Soren Molgaard'],
    ['Ærø', 'Aero'],
    ['Åsa Jönsson', 'Asa Jonsson'],
    ['Ólafur Guðmundsson', 'Olafur Gudmundsson'],
    ['Þórður', 'Thordur'],
    ['Müller', 'Muller'],
    ['Groß', 'Gross'],
    ['Zoë', 'Zoe'],
  ])('folds %s to %s', (input, expected) => {
    expect(asciiFold(input)).toBe(expected)
  })
})

describe('toMailboxPart', () => {
  it.each([
    ['van der Berg', 'vanderberg'],
    ["O'Brien", 'obrien'],
    ["van 't Hof", 'vanthof'],
    ['Søren', 'soren'],
    ['Nielsen-Holm', 'nielsen-holm'],
  ])('turns %s into %s', (input, expected) => {
    expect(toMailboxPart(input)).toBe(expected)
  })
})
