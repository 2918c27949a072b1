import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DirectoryStore } from '../../../../src-main/services/store/directory-store'
import { DirectoryWriter } from '../../../../src-main/services/store/directory-writer'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import {
  groupMember,
  makeGroup,
  makeUser,
  managedBy,
  pullInto,
  temporaryDataDir,
  userMember,
} from './directory-fixtures'

const ceo = makeUser({ id: 'u-ceo', displayName: 'Ingrid Dahl', jobTitle: 'Chief Executive', department: 'Board' })
const cfo = makeUser({
  id: 'u-cfo',
  displayName: 'Zoë Berg',
  givenName: 'Zoë',
  surname: 'Berg',
  jobTitle: 'Finance Director',
  department: 'Finance',
  mail: 'zoe.berg@contoso.example',
  manager: managedBy(ceo),
})
const analyst = makeUser({
  id: 'u-analyst',
  displayName: 'Åsa Lövgren',
  jobTitle: 'Analyst',
  department: 'Finance',
  manager: managedBy(cfo),
})
const contractor = makeUser({
  id: 'u-contractor',
  userPrincipalName: 'bjorn_aero@contoso.example',
  displayName: 'Bjørn Ærø', department: null, manager: managedBy(cfo) })
const loopA = makeUser({ id: 'u-loop-a', displayName: 'Loop A', department: 'Ops', manager: { id: 'u-loop-b', displayName: 'Loop B' } })
const loopB = makeUser({ id: 'u-loop-b', displayName: 'Loop B', department: 'Ops', manager: { id: 'u-loop-a', displayName: 'Loop A' } })
const orphan = makeUser({ id: 'u-orphan', displayName: 'Orphan', manager: { id: 'u-gone', displayName: 'Former Boss' } })

const allStaff = makeGroup('g-all', 'All Staff', { groupTypes: ['Unified'], mailEnabled: true })
const finance = makeGroup('g-finance', 'Finance')
const analysts = makeGroup('g-analysts', 'Finance Analysts')
const cycleX = makeGroup('g-cycle-x', 'Cycle X')
const cycleY = makeGroup('g-cycle-y', 'Cycle Y')

const directory = {
  users: [ceo, cfo, analyst, contractor, loopA, loopB, orphan],
  groups: [allStaff, finance, analysts, cycleX, cycleY],
  members: {
    'g-all': [groupMember('g-finance'), userMember('u-cfo'), userMember('u-ceo')],
    'g-finance': [groupMember('g-analysts'), userMember('u-cfo')],
    'g-analysts': [userMember('u-analyst')],
    'g-cycle-x': [groupMember('g-cycle-y'), userMember('u-loop-a')],
    'g-cycle-y': [groupMember('g-cycle-x')],
  },
}

let dataDir: ReturnType<typeof temporaryDataDir>
let database: ProfileDatabase
let store: DirectoryStore

beforeEach(() => {
  dataDir = temporaryDataDir()
  database = openProfileDatabase(dataDir.path, 'test')
  pullInto(new DirectoryWriter(database, () => new Date('2026-03-01T08:00:00Z')), directory)
  store = new DirectoryStore(database)
})
afterEach(() => {
  database.close()
  dataDir.remove()
})

function names(page: { rows: readonly { displayName: string | null }[] }): (string | null)[] {
  return page.rows.map((row) => row.displayName)
}

describe('DirectoryStore.queryUsers', () => {
  it('finds a name with diacritics from an ASCII search', () => {
    expect(names(store.queryUsers({ search: 'zoe', offset: 0, limit: 10 }))).toEqual(['Zoë Berg'])
    expect(names(store.queryUsers({ search: 'asa lovgren', offset: 0, limit: 10 }))).toEqual(['Åsa Lövgren'])
    expect(names(store.queryUsers({ search: 'bjorn aero', offset: 0, limit: 10 }))).toEqual(['Bjørn Ærø'])
  })

  it('finds an ASCII name from a search typed with diacritics', () => {
    expect(names(store.queryUsers({ search: 'ÍNGRÎD', offset: 0, limit: 10 }))).toEqual(['Ingrid Dahl'])
  })

  it('requires every term to match, each in any searchable field', () => {
    expect(names(store.queryUsers({ search: 'finance analyst', offset: 0, limit: 10 }))).toEqual(['Åsa Lövgren'])
    expect(names(store.queryUsers({ search: 'finance', offset: 0, limit: 10 }))).toEqual(['Zoë Berg', 'Åsa Lövgren'])
    expect(store.queryUsers({ search: 'finance nobody', offset: 0, limit: 10 }).total).toBe(0)
  })

  it('searches mail and user principal name', () => {
    expect(names(store.queryUsers({ search: 'zoe.berg@', offset: 0, limit: 10 }))).toEqual(['Zoë Berg'])
    expect(names(store.queryUsers({ search: 'u-orphan@contoso', offset: 0, limit: 10 }))).toEqual(['Orphan'])
  })

  it('treats % and _ in the search box as plain characters', () => {
    expect(store.queryUsers({ search: '%', offset: 0, limit: 10 }).total).toBe(0)
    expect(names(store.queryUsers({ search: '_', offset: 0, limit: 10 }))).toEqual(['Bjørn Ærø'])
    expect(names(store.queryUsers({ search: 'n_a', offset: 0, limit: 10 }))).toEqual(['Bjørn Ærø'])
  })

  it('reports the total of a search even for a page past the end', () => {
    const page = store.queryUsers({ search: 'finance', offset: 50, limit: 10 })
    expect(page).toEqual({ total: 2, offset: 50, rows: [] })
  })

  it('sorts by display name, ignoring case, when no sort is given', () => {
    expect(names(store.queryUsers({ offset: 0, limit: 10 }))).toEqual([
      'Bjørn Ærø',
      'Ingrid Dahl',
      'Loop A',
      'Loop B',
      'Orphan',
      'Zoë Berg',
      'Åsa Lövgren',
    ])
  })

  it('puts empty values last in both directions', () => {
    const ascending = store.queryUsers({ offset: 0, limit: 10, sortBy: 'department' })
    expect(ascending.rows.map((row) => row.department)).toEqual(['Board', 'Finance', 'Finance', 'Ops', 'Ops', null, null])
    const descending = store.queryUsers({ offset: 0, limit: 10, sortBy: 'department', sortDirection: 'desc' })
    expect(descending.rows.map((row) => row.department)).toEqual(['Ops', 'Ops', 'Finance', 'Finance', 'Board', null, null])
  })

  it('sorts by the manager display name', () => {
    const page = store.queryUsers({ offset: 0, limit: 3, sortBy: 'managerDisplayName' })
    expect(page.rows.map((row) => row.managerDisplayName)).toEqual(['Former Boss', 'Ingrid Dahl', 'Loop A'])
  })

  it('pages with a stable order and reports the total before paging', () => {
    const first = store.queryUsers({ offset: 0, limit: 3, sortBy: 'department' })
    const second = store.queryUsers({ offset: 3, limit: 3, sortBy: 'department' })
    const third = store.queryUsers({ offset: 6, limit: 3, sortBy: 'department' })
    expect(first.total).toBe(7)
    expect(second.offset).toBe(3)
    const ids = [...first.rows, ...second.rows, ...third.rows].map((row) => row.id)
    expect(new Set(ids).size).toBe(7)
  })

  it('returns rows with every UserRow field filled from the pull', () => {
    const [row] = store.queryUsers({ search: 'zoe', offset: 0, limit: 1 }).rows
    expect(row).toEqual({
      id: 'u-cfo',
      displayName: 'Zoë Berg',
      userPrincipalName: 'u-cfo@contoso.example',
      mail: 'zoe.berg@contoso.example',
      givenName: 'Zoë',
      surname: 'Berg',
      jobTitle: 'Finance Director',
      department: 'Finance',
      companyName: null,
      officeLocation: null,
      city: null,
      country: null,
      mobilePhone: null,
      employeeId: null,
      employeeType: null,
      userType: 'Member',
      accountEnabled: true,
      managerId: 'u-ceo',
      managerDisplayName: 'Ingrid Dahl',
      isSoftDeleted: false,
    })
  })
})

describe('DirectoryStore.getUser', () => {
  it('returns null for a user not in the cache', () => {
    expect(store.getUser('nobody')).toBeNull()
  })

  it('lists every pulled Graph property sorted by name', () => {
    const detail = store.getUser('u-cfo')!
    const attributeNames = detail.attributes.map((attribute) => attribute.name)
    expect(attributeNames).toEqual([...attributeNames].sort((left, right) => left.localeCompare(right, 'en')))
    expect(attributeNames).toContain('onPremisesExtensionAttributes')
    expect(attributeNames).toContain('businessPhones')
    expect(detail.attributes.find((attribute) => attribute.name === 'givenName')?.value).toBe('Zoë')
  })

  it('walks the manager chain to the top', () => {
    expect(store.getUser('u-analyst')!.managerChain.map((link) => link.displayName)).toEqual(['Zoë Berg', 'Ingrid Dahl'])
    expect(store.getUser('u-ceo')!.managerChain).toEqual([])
  })

  it('stops a manager loop at the first person seen twice', () => {
    expect(store.getUser('u-loop-a')!.managerChain.map((link) => link.id)).toEqual(['u-loop-b'])
  })

  it('shows a manager outside the cache by the name Graph gave', () => {
    expect(store.getUser('u-orphan')!.managerChain).toEqual([{ id: 'u-gone', displayName: 'Former Boss', jobTitle: null }])
  })

  it('lists direct reports by name', () => {
    expect(store.getUser('u-cfo')!.directReports).toEqual([
      { id: 'u-contractor', displayName: 'Bjørn Ærø', jobTitle: null },
      { id: 'u-analyst', displayName: 'Åsa Lövgren', jobTitle: 'Analyst' },
    ])
  })

  it('lists direct groups then nested ones with the path that explains them', () => {
    expect(store.getUser('u-analyst')!.groups).toEqual([
      { groupId: 'g-analysts', displayName: 'Finance Analysts', kind: 'direct', path: ['Finance Analysts'] },
      { groupId: 'g-finance', displayName: 'Finance', kind: 'transitive', path: ['Finance Analysts', 'Finance'] },
      { groupId: 'g-all', displayName: 'All Staff', kind: 'transitive', path: ['Finance Analysts', 'Finance', 'All Staff'] },
    ])
  })

  it('does not list a group as nested when the user is also a direct member', () => {
    expect(store.getUser('u-cfo')!.groups).toEqual([
      { groupId: 'g-all', displayName: 'All Staff', kind: 'direct', path: ['All Staff'] },
      { groupId: 'g-finance', displayName: 'Finance', kind: 'direct', path: ['Finance'] },
    ])
  })

  it('survives nested groups that contain each other', () => {
    expect(store.getUser('u-loop-a')!.groups).toEqual([
      { groupId: 'g-cycle-x', displayName: 'Cycle X', kind: 'direct', path: ['Cycle X'] },
      { groupId: 'g-cycle-y', displayName: 'Cycle Y', kind: 'transitive', path: ['Cycle X', 'Cycle Y'] },
    ])
  })
})

describe('DirectoryStore.summary', () => {
  it('counts users, groups and direct memberships and gives the last completed pull time', () => {
    expect(store.summary()).toEqual({
      userCount: 7,
      groupCount: 5,
      membershipCount: 9,
      lastPullAt: '2026-03-01T08:00:00.000Z',
    })
  })

  it('has no last pull time before the first pull completes', () => {
    const empty = openProfileDatabase(dataDir.path, 'empty')
    try {
      expect(new DirectoryStore(empty).summary()).toEqual({ userCount: 0, groupCount: 0, membershipCount: 0, lastPullAt: null })
    } finally {
      empty.close()
    }
  })
})
