import SCIMMY from 'scimmy'
import { describe, expect, it } from 'vitest'
import { matchScimFilter, simpleEqualityValue } from '../../../../src-main/demo/target/match-scim-filter'

const records = [
  { id: 'A1', externalId: 'Alice', userName: 'Alice.Smith@nordlys.dk', active: true, emails: [{ type: 'work', value: 'Alice.Smith@nordlys.dk' }], name: { familyName: 'Smith' } },
  { id: 'b2', externalId: 'bob', userName: 'bob@nordlys.dk', active: false, emails: [{ type: 'other', value: 'BOB@example.com' }], name: { familyName: 'Ærø' } },
]
const match = (expression: string) => matchScimFilter(new SCIMMY.Types.Filter(expression), records).map((record) => record.id)

describe('matchScimFilter', () => {
  it.each([
    ['userName eq "alice.smith@NORDLYS.dk"', ['A1']],
    ['userName sw "ALICE"', ['A1']],
    ['emails[type eq "WORK" and value co "smith"]', ['A1']],
    ['emails.value eq "bob@example.com"', ['b2']],
    ['name.familyName eq "ærø"', ['b2']],
    ['active eq false', ['b2']],
    ['not (userName eq "BOB@nordlys.dk")', ['A1']],
    ['userName eq "nobody@nordlys.dk"', []],
  ])('%s → %j (caseExact false attributes ignore case)', (expression, expected) => {
    expect(match(expression)).toEqual(expected)
  })

  it.each([
    ['externalId eq "alice"', []],
    ['externalId eq "Alice"', ['A1']],
    ['id eq "b2"', ['b2']],
    ['id eq "B2"', []],
  ])('%s → %j (id and externalId are caseExact)', (expression, expected) => {
    expect(match(expression)).toEqual(expected)
  })

  it('returns the original records, not folded copies', () => {
    expect(matchScimFilter(new SCIMMY.Types.Filter('userName eq "ALICE.SMITH@NORDLYS.DK"'), records)[0]).toBe(records[0])
  })
})

describe('simpleEqualityValue', () => {
  it('extracts the value of a lone eq on the attribute, ignoring the attribute name case', () => {
    expect(simpleEqualityValue(new SCIMMY.Types.Filter('userName eq "X@y"'), 'userName')).toBe('X@y')
    expect(simpleEqualityValue(new SCIMMY.Types.Filter('USERNAME eq "X@y"'), 'userName')).toBe('X@y')
  })

  it.each(['userName sw "x"', 'userName eq "x" and active eq true', 'userName eq "x" or userName eq "y"', 'externalId eq "x"'])(
    'declines %s',
    (expression) => {
      expect(simpleEqualityValue(new SCIMMY.Types.Filter(expression), 'userName')).toBeUndefined()
    },
  )

  it('declines a missing filter', () => {
    expect(simpleEqualityValue(undefined, 'userName')).toBeUndefined()
  })
})
