import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { assignGroups, validateGroupingRule } from '../../../../src-main/domain/grouping/assign-groups'
import type { GroupingRule } from '../../../../src-main/domain/grouping/grouping-rule'
import { describeGroupingReason } from '../../../../src-main/domain/grouping/grouping-reason'

function user(id: string, properties: Record<string, unknown>): DirectoryUser {
  return { id, properties, managerId: null, isSoftDeleted: false, directGroupIds: new Set(), groupIds: new Set() }
}

const groupNames = (rule: GroupingRule, users: readonly DirectoryUser[]) =>
  assignGroups(rule, users).groups.map((group) => [group.displayName, group.memberIds])

describe('all in one group', () => {
  it('puts every user in the one named group', () => {
    const assignment = assignGroups({ kind: 'allInOne', groupName: 'All cards' }, [user('a', {}), user('b', {})])
    expect(assignment.groups).toEqual([{ key: 'All cards', displayName: 'All cards', memberIds: ['a', 'b'] }])
    expect(describeGroupingReason(assignment.byUser.get('b')!.reasons[0]!)).toBe('Everyone is in one group, “All cards”.')
  })
})

describe('grouping by one field', () => {
  const users = [
    user('1', { department: 'Sales' }),
    user('2', { department: '  sales ' }),
    user('3', { department: 'SALES' }),
    user('4', { department: 'Sales' }),
    user('5', { department: 'Research  and   Development' }),
    user('6', { department: null }),
    user('7', { department: '   ' }),
    user('8', {}),
  ]

  it('merges case and spacing variants, shows the most common casing, and buckets missing values', () => {
    expect(groupNames({ kind: 'byFields', fields: ['department'] }, users)).toEqual([
      ['(no value)', ['6', '7', '8']],
      ['Research and Development', ['5']],
      ['Sales', ['1', '2', '3', '4']],
    ])
  })

  it('uses the chosen label for users without a value', () => {
    expect(groupNames({ kind: 'byFields', fields: ['department'], noValueLabel: 'Unassigned' }, [user('x', {})])).toEqual([['Unassigned', ['x']]])
  })

  it('breaks a casing tie by ordinal order, not by the order users arrive in', () => {
    const forwards = [user('1', { department: 'sales' }), user('2', { department: 'Sales' })]
    expect(groupNames({ kind: 'byFields', fields: ['department'] }, forwards)[0]![0]).toBe('Sales')
    expect(groupNames({ kind: 'byFields', fields: ['department'] }, [...forwards].reverse())[0]![0]).toBe('Sales')
  })

  it('merges composed and decomposed forms of the same letter, but keeps accents apart unless asked', () => {
    const zurich = [user('1', { officeLocation: 'Zürich' }), user('2', { officeLocation: 'Zu\u0308rich' }), user('3', { officeLocation: 'Zurich' })]
    expect(groupNames({ kind: 'byFields', fields: ['officeLocation'] }, zurich)).toEqual([
      ['Zurich', ['3']],
      ['Zürich', ['1', '2']],
    ])
    expect(groupNames({ kind: 'byFields', fields: ['officeLocation'], isDiacriticInsensitive: true }, zurich)).toEqual([['Zürich', ['1', '2', '3']]])
  })

  it('reads Entra attribute names (physicalDeliveryOfficeName, extensionAttribute1)', () => {
    const people = [user('1', { officeLocation: 'Aarhus', onPremisesExtensionAttributes: { extensionAttribute1: 'CC-7' } })]
    expect(groupNames({ kind: 'byFields', fields: ['physicalDeliveryOfficeName', 'extensionAttribute1'] }, people)).toEqual([['Aarhus - CC-7', ['1']]])
  })
})

describe('grouping by two fields with a naming template', () => {
  const users = [
    user('1', { department: 'Sales', officeLocation: 'Copenhagen' }),
    user('2', { department: 'sales', officeLocation: 'copenhagen' }),
    user('3', { department: 'Sales', officeLocation: null }),
    user('4', { department: 'IT', officeLocation: 'Copenhagen' }),
  ]
  const rule: GroupingRule = { kind: 'byFields', fields: ['department', 'officeLocation'], nameTemplate: 'Cards - {department} - {officeLocation}' }

  it('makes one group per combination, named by the template', () => {
    expect(groupNames(rule, users)).toEqual([
      ['Cards - IT - Copenhagen', ['4']],
      ['Cards - Sales - (no value)', ['3']],
      ['Cards - Sales - Copenhagen', ['1', '2']],
    ])
  })

  it('explains each membership with the user’s own values', () => {
    const assignment = assignGroups(rule, users)
    expect(describeGroupingReason(assignment.byUser.get('2')!.reasons[0]!)).toBe('department is “sales” and officeLocation is “copenhagen” → group “Cards - Sales - Copenhagen”.')
    expect(describeGroupingReason(assignment.byUser.get('3')!.reasons[0]!)).toBe('department is “Sales” and officeLocation has no value → group “Cards - Sales - (no value)”.')
  })

  it('keeps group keys stable across casing and order', () => {
    const keys = (people: readonly DirectoryUser[]) => assignGroups(rule, people).groups.map((group) => group.key).sort()
    expect(keys([...users].reverse())).toEqual(keys(users))
    expect(keys([user('9', { department: 'SALES', officeLocation: 'COPENHAGEN' })])).toEqual([assignGroups(rule, users).byUser.get('1')!.groupKeys[0]])
  })

  it('flags a placeholder that names no grouping field', () => {
    expect(validateGroupingRule({ kind: 'byFields', fields: ['department'], nameTemplate: 'Cards - {dept}' })).toEqual([
      expect.objectContaining({ code: 'UnknownPlaceholder', severity: 'error', path: { field: 'dept' }, hint: 'Use one of {department}.' }),
    ])
    expect(validateGroupingRule({ kind: 'byFields', fields: [] })).toContainEqual(expect.objectContaining({ code: 'NoFields' }))
  })
})

describe('grouping by filters', () => {
  const users = [
    user('eng-dk', { department: 'Engineering', country: 'DK' }),
    user('eng-se', { department: 'Engineering', country: 'SE' }),
    user('sales-dk', { department: 'Sales', country: 'DK' }),
    user('none', { department: 'Legal', country: null }),
  ]
  const rule: GroupingRule = {
    kind: 'byFilters',
    groups: [
      { name: 'Engineers', filters: [{ name: 'Engineering', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Engineering' }] }] },
      { name: 'Denmark', filters: [{ name: 'Danes', clauses: [{ attribute: 'country', operator: 'EQUALS', value: 'DK' }] }] },
    ],
    otherwise: 'Everyone else',
  }

  it('puts each user in the first group whose filters match, the rest in “otherwise”', () => {
    expect(groupNames(rule, users)).toEqual([
      ['Engineers', ['eng-dk', 'eng-se']],
      ['Denmark', ['sales-dk']],
      ['Everyone else', ['none']],
    ])
  })

  it('explains which filter matched and which groups were tried before', () => {
    const { byUser } = assignGroups(rule, users)
    expect(describeGroupingReason(byUser.get('sales-dk')!.reasons[0]!)).toBe('Matches filter “Danes” of group “Denmark”, checked after “Engineers”.')
    expect(describeGroupingReason(byUser.get('none')!.reasons[0]!)).toBe('Matches none of the group filters (“Engineers”, “Denmark”), so goes to “Everyone else”.')
  })

  it('leaves unmatched users in no group when there is no “otherwise”', () => {
    const { byUser, groups } = assignGroups({ ...rule, otherwise: null }, users)
    expect(byUser.get('none')!.groupKeys).toEqual([])
    expect(describeGroupingReason(byUser.get('none')!.reasons[0]!)).toBe('Matches none of the group filters (“Engineers”, “Denmark”) and there is no “otherwise” group, so is in no group.')
    expect(groups.map((group) => group.displayName)).toEqual(['Engineers', 'Denmark'])
  })

  it('ORs the filters of one group', () => {
    const either: GroupingRule = {
      kind: 'byFilters',
      groups: [{ name: 'Nordics', filters: [{ name: 'DK', clauses: [{ attribute: 'country', operator: 'EQUALS', value: 'DK' }] }, { name: 'SE', clauses: [{ attribute: 'country', operator: 'EQUALS', value: 'SE' }] }] }],
    }
    expect(groupNames(either, users)).toEqual([['Nordics', ['eng-dk', 'eng-se', 'sales-dk']]])
  })

  it('reports clause errors and duplicate names with the group they belong to', () => {
    const diagnostics = validateGroupingRule({
      kind: 'byFilters',
      groups: [
        { name: 'A', filters: [{ name: 'f', clauses: [{ attribute: 'x', operator: 'REGEX MATCH', value: '(' }] }] },
        { name: 'A', filters: [] },
      ],
    })
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.path])).toEqual([
      ['InvalidRegex', { groupIndex: 0, filterIndex: 0, clauseIndex: 0 }],
      ['DuplicateGroupName', { groupIndex: 1 }],
      ['EmptyFilter', { groupIndex: 1 }],
    ])
  })
})

describe('properties', () => {
  const arbitraryValue = fc.option(fc.constantFrom('Sales', 'sales', ' SALES ', 'Zürich', 'Zu\u0308rich', 'IT', '', '  '), { nil: undefined })
  const arbitraryUsers = fc.uniqueArray(fc.record({ id: fc.uuid(), department: arbitraryValue, officeLocation: arbitraryValue }), { selector: (entry) => entry.id, maxLength: 40 })
    .map((entries) => entries.map(({ id, ...properties }) => user(id, properties)))

  it('puts every user in exactly one byFields group', () => {
    fc.assert(
      fc.property(arbitraryUsers, fc.constantFrom(['department'], ['department', 'officeLocation'], ['officeLocation', 'department']), (users, fields) => {
        const assignment = assignGroups({ kind: 'byFields', fields }, users)
        const memberships = assignment.groups.flatMap((group) => group.memberIds)
        expect([...memberships].sort()).toEqual(users.map((entry) => entry.id).sort())
        for (const entry of users) expect(assignment.byUser.get(entry.id)!.groupKeys).toHaveLength(1)
      }),
    )
  })

  it('gives the same groups whatever order the users come in', () => {
    fc.assert(
      fc.property(arbitraryUsers, (users) => {
        const rule: GroupingRule = { kind: 'byFields', fields: ['department', 'officeLocation'] }
        const summary = (people: readonly DirectoryUser[]) => assignGroups(rule, people).groups.map((group) => [group.key, group.displayName, [...group.memberIds].sort()])
        expect(summary([...users].reverse())).toEqual(summary(users))
      }),
    )
  })
})
