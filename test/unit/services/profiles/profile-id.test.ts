import { describe, expect, it } from 'vitest'
import { createProfileId, slugOfProfileName } from '../../../../src-main/services/profiles/profile-id'

describe('profile ids', () => {
  it.each([
    ['Contoso Sales', 'contoso-sales'],
    ['  Nordlys Group — Oslo  ', 'nordlys-group-oslo'],
    ['Société Générale', 'societe-generale'],
    ['日本', 'profile'],
    ['../../etc', 'etc'],
    ['A'.repeat(60), 'a'.repeat(40)],
  ])('%j → %j', (name, slug) => {
    expect(slugOfProfileName(name)).toBe(slug)
  })

  it('adds the suffix and always matches the contract’s profile id rule', () => {
    expect(createProfileId('Contoso Sales', '3F9A1C')).toBe('contoso-sales-3f9a1c')
    for (const name of ['x', '!!!', 'Ünïcödé ñame', 'a/b\\c']) expect(createProfileId(name, 'abc123')).toMatch(/^[A-Za-z0-9_-]{1,100}$/)
  })
})
