import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { compileScope, evaluateScope, validateScopeRule } from '../../../../src-main/domain/scoping/compile-scope'
import { describeScopeReason } from '../../../../src-main/domain/scoping/scope-reason'
import type { ScopeContext, ScopeFilter, ScopeRule } from '../../../../src-main/domain/scoping/scope-rule'

function user(id: string, properties: Record<string, unknown>, groups: { direct?: string[]; nested?: string[] } = {}): DirectoryUser {
  const direct = groups.direct ?? []
  return {
    id,
    properties,
    managerId: null,
    isSoftDeleted: false,
    directGroupIds: new Set(direct),
    groupIds: new Set([...direct, ...(groups.nested ?? [])]),
  }
}

const NO_ASSIGNMENTS: ScopeContext = { assignedGroupIds: new Set() }
const allUsers = (filters: ScopeFilter[]): ScopeRule => ({ mode: 'allUsers', filters })

const ada = user('ada', { department: 'Engineering', accountEnabled: true, userType: 'Member', country: 'DK', extensionAttribute: null, onPremisesExtensionAttributes: { extensionAttribute1: 'CC-1001' } })
const bo = user('bo', { department: 'Sales', accountEnabled: true, userType: 'Member', country: 'SE', onPremisesExtensionAttributes: {} })
const cy = user('cy', { department: null, accountEnabled: false, userType: 'Guest', country: 'DK' })

const engineers: ScopeFilter = { name: 'Engineers', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Engineering' }] }
const danes: ScopeFilter = { name: 'Danes', clauses: [{ attribute: 'country', operator: 'EQUALS', value: 'DK' }] }
const enabledDanes: ScopeFilter = {
  name: 'Enabled Danes',
  clauses: [
    { attribute: 'country', operator: 'EQUALS', value: 'DK' },
    { attribute: 'accountEnabled', operator: 'IS TRUE' },
  ],
}

describe('combining clauses and filters (AND inside, OR across)', () => {
  it.each([
    ['no filters', [], ['ada', 'bo', 'cy']],
    ['one filter, one clause', [engineers], ['ada']],
    ['one filter, two clauses (AND)', [enabledDanes], ['ada']],
    ['two filters (OR)', [engineers, danes], ['ada', 'cy']],
    ['AND inside and OR across', [enabledDanes, { name: 'Sales', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] }], ['ada', 'bo']],
    ['extension attributes by their Entra names', [{ name: 'Cost centre', clauses: [{ attribute: 'extensionAttribute1', operator: 'IS NOT NULL' }] }], ['ada']],
    ['IsSoftDeleted (disabled counts as soft-deleted)', [{ name: 'Active', clauses: [{ attribute: 'IsSoftDeleted', operator: 'IS FALSE' }] }], ['ada', 'bo']],
  ] as const)('%s', (_, filters, expected) => {
    const scope = compileScope(allUsers([...filters]))
    expect([ada, bo, cy].filter((candidate) => scope.isInScope(candidate, NO_ASSIGNMENTS)).map((candidate) => candidate.id)).toEqual(expected)
  })
})

describe('assignment and the group filter', () => {
  const direct = user('direct', {}, { direct: ['g-app'] })
  const nested = user('nested', {}, { direct: ['g-child'], nested: ['g-app'] })
  const outsider = user('outsider', {}, { direct: ['g-other'] })
  const context: ScopeContext = { assignedGroupIds: new Set(['g-app']), groupNames: new Map([['g-app', 'Headcount users']]) }
  const inScope = (rule: ScopeRule) => [direct, nested, outsider].filter((candidate) => compileScope(rule).isInScope(candidate, context)).map((candidate) => candidate.id)

  it('counts direct members only by default, as Entra does', () => {
    expect(inScope({ mode: 'assignedOnly', filters: [] })).toEqual(['direct'])
  })

  it('counts nested members when membership is transitive', () => {
    expect(inScope({ mode: 'assignedOnly', assignedMembership: 'transitive', filters: [] })).toEqual(['direct', 'nested'])
  })

  it('lets everyone through the assignment stage with allUsers', () => {
    expect(inScope({ mode: 'allUsers', filters: [] })).toEqual(['direct', 'nested', 'outsider'])
  })

  it('narrows to named groups, directly or transitively', () => {
    expect(inScope({ mode: 'allUsers', groupFilter: { groupIds: ['g-app', 'g-other'], membership: 'direct' }, filters: [] })).toEqual(['direct', 'outsider'])
    expect(inScope({ mode: 'allUsers', groupFilter: { groupIds: ['g-app'], membership: 'transitive' }, filters: [] })).toEqual(['direct', 'nested'])
  })

  it('explains a nested-only member why they are out', () => {
    const evaluation = evaluateScope({ mode: 'assignedOnly', filters: [] }, nested, context)
    expect(evaluation.isInScope).toBe(false)
    expect(evaluation.reasons).toEqual([{ kind: 'notAssigned', nestedOnlyGroupId: 'g-app' }, { kind: 'noFilters' }])
    expect(describeScopeReason(evaluation.reasons[0]!, context.groupNames)).toBe(
      'Only a nested member of the assigned group “Headcount users”; like Entra, assignment counts direct members only unless nested membership is switched on.',
    )
  })

  it('ignores an empty group filter, with a warning', () => {
    const rule: ScopeRule = { mode: 'allUsers', groupFilter: { groupIds: [], membership: 'direct' }, filters: [] }
    expect(inScope(rule)).toEqual(['direct', 'nested', 'outsider'])
    expect(validateScopeRule(rule)).toContainEqual(expect.objectContaining({ code: 'EmptyGroupFilter', severity: 'warning' }))
  })
})

describe('explanations', () => {
  const rule: ScopeRule = { mode: 'allUsers', filters: [engineers, enabledDanes] }

  it('names the filters that let a user in', () => {
    const evaluation = evaluateScope(rule, ada, NO_ASSIGNMENTS)
    expect(evaluation.isInScope).toBe(true)
    expect(evaluation.reasons.map((reason) => describeScopeReason(reason))).toEqual([
      'All users are in scope (no assignment required).',
      'Matches filter “Engineers”.',
      'Matches filter “Enabled Danes”.',
    ])
  })

  it('gives the first failing clause of every filter, with the actual value', () => {
    const evaluation = evaluateScope(rule, bo, NO_ASSIGNMENTS)
    expect(evaluation.isInScope).toBe(false)
    expect(evaluation.reasons.slice(1).map((reason) => describeScopeReason(reason))).toEqual([
      'Filter “Engineers”: department is “Sales”, not EQUALS “Engineering”',
      'Filter “Enabled Danes”: country is “SE”, not EQUALS “DK”',
    ])
  })

  it('says that an empty value fails every clause but IS NULL', () => {
    const evaluation = evaluateScope({ mode: 'allUsers', filters: [{ name: 'Not sales', clauses: [{ attribute: 'department', operator: 'NOT EQUALS', value: 'Sales' }] }] }, cy, NO_ASSIGNMENTS)
    expect(evaluation.isInScope).toBe(false)
    expect(describeScopeReason(evaluation.reasons[1]!)).toBe('Filter “Not sales”: department is empty, and NOT EQUALS “Sales” is false on an empty value (as in Entra)')
  })

  it.each([
    [{ attribute: 'accountEnabled', operator: 'IS TRUE' }, { accountEnabled: false }, 'accountEnabled is “False”, not IS TRUE'],
    [{ attribute: 'employeeId', operator: 'Greater_Than', value: '100' }, { employeeId: 'A-17' }, 'employeeId is “A-17”, not an integer, so Greater_Than “100” is false'],
    [{ attribute: 'department', operator: 'IS TRUE' }, { department: 'Sales' }, 'department is “Sales”, not a Boolean, so IS TRUE is false'],
    [{ attribute: 'proxyAddresses', operator: 'Includes', value: 'x' }, { proxyAddresses: ['a', 'b'] }, 'proxyAddresses has several values, and scoping clauses cannot filter multi-valued attributes (as in Entra)'],
    [{ attribute: 'department', operator: 'REGEX MATCH', value: '([' }, { department: 'x' }, 'clause 1 (department REGEX MATCH “([”) is invalid and matches no one; see the rule\'s diagnostics'],
  ] as const)('%j on %j', (clause, properties, text) => {
    const evaluation = evaluateScope({ mode: 'allUsers', filters: [{ name: 'F', clauses: [clause] }] }, user('u', properties), NO_ASSIGNMENTS)
    expect(describeScopeReason(evaluation.reasons[1]!)).toBe(`Filter “F”: ${text}`)
  })

  it('reports every failing stage at once', () => {
    const evaluation = evaluateScope({ mode: 'assignedOnly', filters: [engineers] }, bo, { assignedGroupIds: new Set(['g-app']) })
    expect(evaluation.reasons.map((reason) => reason.kind)).toEqual(['notAssigned', 'filterFailed'])
  })

  it('agrees with the fast path', () => {
    const scope = compileScope({ mode: 'assignedOnly', filters: [engineers, enabledDanes] })
    const context: ScopeContext = { assignedGroupIds: new Set(['g']) }
    for (const candidate of [ada, bo, cy, user('g1', { department: 'Engineering' }, { direct: ['g'] })]) {
      expect(scope.evaluate(candidate, context).isInScope).toBe(scope.isInScope(candidate, context))
    }
  })
})

describe('properties', () => {
  const departments = ['Engineering', 'engineering', 'Sales', '', 'Sales EMEA']
  const arbitraryUser = fc.record({
    department: fc.option(fc.constantFrom(...departments)),
    country: fc.option(fc.constantFrom('DK', 'SE', 'dk')),
    accountEnabled: fc.option(fc.boolean()),
    employeeId: fc.option(fc.oneof(fc.integer({ min: -50, max: 500 }).map(String), fc.constant('A-1'))),
  }).map((properties) => user('u', properties))
  const arbitraryClause = fc.oneof(
    fc.record({ attribute: fc.constant('department'), operator: fc.constantFrom('EQUALS', 'NOT EQUALS', 'Includes', 'ENDS_WITH', '&', '!&', 'REGEX MATCH', 'NOT REGEX MATCH'), value: fc.constantFrom('Sales', 'Engineering', '^S', 'EMEA') }),
    fc.record({ attribute: fc.constant('country'), operator: fc.constantFrom('EQUALS', 'NOT EQUALS', 'IS NULL', 'IS NOT NULL'), value: fc.constant('DK') }),
    fc.record({ attribute: fc.constant('accountEnabled'), operator: fc.constantFrom('IS TRUE', 'IS FALSE', 'IS NULL') }),
    fc.record({ attribute: fc.constant('employeeId'), operator: fc.constantFrom('Greater_Than', 'Greater_Than_OR_EQUALS'), value: fc.constantFrom('0', '100') }),
  )
  const arbitraryFilter = fc.array(arbitraryClause, { minLength: 1, maxLength: 3 }).map((clauses): ScopeFilter => ({ name: 'F', clauses }))

  it('OR across filters is the union of each filter on its own', () => {
    fc.assert(
      fc.property(fc.array(arbitraryFilter, { minLength: 1, maxLength: 4 }), fc.array(arbitraryUser, { maxLength: 20 }), (filters, users) => {
        const combined = compileScope(allUsers(filters))
        const singles = filters.map((filter) => compileScope(allUsers([filter])))
        for (const candidate of users) {
          expect(combined.isInScope(candidate, NO_ASSIGNMENTS)).toBe(singles.some((single) => single.isInScope(candidate, NO_ASSIGNMENTS)))
        }
      }),
    )
  })

  it('AND inside a filter is the intersection of each clause on its own', () => {
    fc.assert(
      fc.property(arbitraryFilter, fc.array(arbitraryUser, { maxLength: 20 }), (filter, users) => {
        const combined = compileScope(allUsers([filter]))
        const singles = filter.clauses.map((clause) => compileScope(allUsers([{ name: 'one', clauses: [clause] }])))
        for (const candidate of users) {
          expect(combined.isInScope(candidate, NO_ASSIGNMENTS)).toBe(singles.every((single) => single.isInScope(candidate, NO_ASSIGNMENTS)))
        }
      }),
    )
  })

  it('a clause other than IS NULL is never true on an empty value', () => {
    fc.assert(
      fc.property(arbitraryClause, fc.constantFrom(null, '', [] as unknown[]), (clause, empty) => {
        fc.pre(clause.operator !== 'IS NULL')
        const scope = compileScope(allUsers([{ name: 'F', clauses: [clause] }]))
        expect(scope.isInScope(user('u', { [clause.attribute]: empty }), NO_ASSIGNMENTS)).toBe(false)
      }),
    )
  })

  it('never throws, and evaluate agrees with isInScope, whatever the rule', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), clauses: fc.array(fc.record({ attribute: fc.string(), operator: fc.string(), value: fc.option(fc.string()) }), { maxLength: 3 }) }), { maxLength: 3 }),
        arbitraryUser,
        (filters, candidate) => {
          const scope = compileScope(allUsers(filters as never))
          expect(scope.evaluate(candidate, NO_ASSIGNMENTS).isInScope).toBe(scope.isInScope(candidate, NO_ASSIGNMENTS))
        },
      ),
    )
  })
})
