import { describe, expect, it } from 'vitest'
import { buildUserSearchText, foldSearchText, searchTerms } from '../../../../src-main/services/store/fold-search-text'

describe('foldSearchText', () => {
  it.each([
    ['Zoë Ångström', 'zoe angstrom'],
    ['Bjørn Ærø', 'bjorn aero'],
    ['Straße', 'strasse'],
    ['Þórður Guðmundsson', 'thordur gudmundsson'],
    ['Łukasz Đorđević', 'lukasz dordevic'],
    ['François Müller-Lüdenscheidt', 'francois muller-ludenscheidt'],
    ['ÅSA  LÖVGREN', 'asa lovgren'],
    ['  tabs\tand\nnewlines  ', 'tabs and newlines'],
    ['José', 'jose'],
    ['Jose\u0301', 'jose'], // already decomposed
    ['Ørsted å', 'orsted a'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldSearchText(input)).toBe(expected)
  })
})

describe('searchTerms', () => {
  it('splits on whitespace and folds every term', () => {
    expect(searchTerms('  Zoë   SALES ')).toEqual(['zoe', 'sales'])
  })

  it('returns no terms for an empty or missing search', () => {
    expect(searchTerms(undefined)).toEqual([])
    expect(searchTerms('   ')).toEqual([])
  })
})

describe('buildUserSearchText', () => {
  it('joins the present fields and skips null and empty ones', () => {
    expect(buildUserSearchText(['Zoë Berg', null, '', 'zoe.berg@contoso.example', undefined])).toBe(
      'zoe berg zoe.berg@contoso.example',
    )
  })
})
