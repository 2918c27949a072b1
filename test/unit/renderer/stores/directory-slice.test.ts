import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { createAppStore } from '../../../../src-renderer/stores/app-store'
import { selectCurrentTotal, selectCurrentUserQuery } from '../../../../src-renderer/stores/selectors'
import type { PreferenceStorage } from '../../../../src-renderer/features/directory/column-preferences'
import { DEMO_PROFILE, FakeHeadcountApi, settle, userRow } from '../fake-headcount-api'

async function setUp(options: { users?: number; preferences?: PreferenceStorage } = {}) {
  const fake = new FakeHeadcountApi()
  fake.profiles = [DEMO_PROFILE]
  fake.users = Array.from({ length: options.users ?? 1_000 }, (_, index) => userRow(index))
  fake.summary = { userCount: fake.users.length, groupCount: 1, membershipCount: 1, lastPullAt: null }
  const store = createAppStore({ api: fake.api, hostKind: 'electron', preferences: options.preferences ?? null })
  await store.getState().start()
  return { fake, store }
}

describe('fetching rows on demand', () => {
  it('asks for the 200-row windows the viewport needs, once each', async () => {
    const { fake, store } = await setUp()
    store.getState().ensureUserRows(190, 230)
    store.getState().ensureUserRows(195, 235)
    await settle()
    expect(fake.callsOf('directory.queryUsers')).toEqual([
      { profileId: 'demo', search: undefined, offset: 0, limit: 200, sortBy: 'displayName', sortDirection: 'asc' },
      { profileId: 'demo', search: undefined, offset: 200, limit: 200, sortBy: 'displayName', sortDirection: 'asc' },
    ])
    expect(selectCurrentTotal(store.getState())).toBe(1_000)
    store.getState().ensureUserRows(0, 30)
    expect(fake.callsOf('directory.queryUsers')).toHaveLength(2)
  })

  it('does not ask past the end once the total is known', async () => {
    const { fake, store } = await setUp({ users: 250 })
    store.getState().ensureUserRows(0, 30)
    await settle()
    store.getState().ensureUserRows(180, 600)
    await settle()
    expect(fake.callsOf('directory.queryUsers').map((call) => (call as { offset: number }).offset)).toEqual([0, 200])
  })

  it('drops the reply to an older search that arrives after the newer one', async () => {
    const { fake, store } = await setUp()
    fake.users = [userRow(1, { displayName: 'Anna Berg' }), userRow(2, { displayName: 'Annika Dahl' })]
    fake.holdQueries = true
    store.getState().setSearchText('ann')
    store.getState().applySearch()
    store.getState().ensureUserRows(0, 30)
    store.getState().setSearchText('anni')
    store.getState().applySearch()
    store.getState().ensureUserRows(0, 30)
    fake.releaseQueries([1, 0]) // the newer reply first, then the stale one
    await settle()
    const query = selectCurrentUserQuery(store.getState())
    expect(query.total).toBe(1)
    expect(query.windows[0]?.map((row) => row.displayName)).toEqual(['Annika Dahl'])
  })

  it('returns to an earlier query from the cache without asking again', async () => {
    const { fake, store } = await setUp()
    store.getState().ensureUserRows(0, 30)
    await settle()
    store.getState().sortByColumn('department')
    store.getState().ensureUserRows(0, 30)
    await settle()
    store.getState().sortByColumn('displayName')
    store.getState().ensureUserRows(0, 30)
    expect(fake.callsOf('directory.queryUsers')).toHaveLength(2)
    expect(selectCurrentTotal(store.getState())).toBe(1_000)
  })

  it('sorts ascending by a new column and flips the direction on the same column', async () => {
    const { store } = await setUp()
    store.getState().sortByColumn('department')
    expect(store.getState()).toMatchObject({ sortBy: 'department', sortDirection: 'asc' })
    store.getState().sortByColumn('department')
    expect(store.getState()).toMatchObject({ sortBy: 'department', sortDirection: 'desc' })
  })

  it('forgets every window when the directory changes, and drops replies that were on their way', async () => {
    const { fake, store } = await setUp()
    fake.holdQueries = true
    store.getState().ensureUserRows(0, 30)
    store.getState().invalidateDirectory()
    fake.releaseQueries()
    await settle()
    expect(selectCurrentUserQuery(store.getState()).total).toBeNull()
    fake.holdQueries = false
    store.getState().ensureUserRows(0, 30)
    await settle()
    expect(selectCurrentTotal(store.getState())).toBe(1_000)
  })

  it('shows a failed window once, and fetches again on retry', async () => {
    const { fake, store } = await setUp()
    fake.failures['directory.queryUsers'] = new AppError({ code: 'StoreError', message: 'The cache is locked.' })
    store.getState().ensureUserRows(0, 30)
    await settle()
    expect(selectCurrentUserQuery(store.getState()).error?.code).toBe('StoreError')
    store.getState().ensureUserRows(0, 30)
    expect(fake.callsOf('directory.queryUsers')).toHaveLength(1)
    store.getState().retryUserRows()
    await settle()
    expect(selectCurrentUserQuery(store.getState())).toMatchObject({ total: 1_000, error: null })
  })
})

describe('selection and details', () => {
  it('moves the selection with the keyboard and selects the row under it', async () => {
    const { store } = await setUp()
    store.getState().ensureUserRows(0, 30)
    await settle()
    store.getState().moveSelection('ArrowDown', 20)
    expect(store.getState().selection).toEqual({ index: 0, userId: 'user-000000' })
    store.getState().moveSelection('PageDown', 20)
    expect(store.getState().selection).toEqual({ index: 20, userId: 'user-000020' })
  })

  it('selects a row that has not arrived yet as soon as its window does', async () => {
    const { store } = await setUp()
    store.getState().ensureUserRows(0, 30)
    await settle()
    store.getState().moveSelection('End', 20)
    expect(store.getState().selection).toEqual({ index: 999, userId: null })
    store.getState().ensureUserRows(980, 999)
    await settle()
    expect(store.getState().selection).toEqual({ index: 999, userId: 'user-000999' })
  })

  it('opens the details of the selected user, follows the selection while open, and closes', async () => {
    const { fake, store } = await setUp()
    store.getState().ensureUserRows(0, 30)
    await settle()
    store.getState().selectRow(3)
    store.getState().openDetail()
    await settle()
    expect(store.getState().detail).toMatchObject({ isOpen: true, userId: 'user-000003', isLoading: false })
    expect(store.getState().detail.user?.row.id).toBe('user-000003')
    store.getState().moveSelection('ArrowDown', 20)
    await settle()
    expect(store.getState().detail.user?.row.id).toBe('user-000004')
    store.getState().closeDetail()
    expect(store.getState().detail.isOpen).toBe(false)
    expect(fake.callsOf('directory.getUser')).toEqual([
      { profileId: 'demo', userId: 'user-000003' },
      { profileId: 'demo', userId: 'user-000004' },
    ])
  })

  it('shows only the last of several quickly requested users', async () => {
    const { fake, store } = await setUp()
    const replies: (() => void)[] = []
    const getUser = fake.api.directory.getUser
    fake.api.directory.getUser = (argument) =>
      new Promise((resolve, reject) => replies.push(() => void getUser(argument).then(resolve, reject)))
    store.getState().openDetail('user-000001')
    store.getState().openDetail('user-000002')
    replies[1]?.()
    await settle()
    replies[0]?.()
    await settle()
    expect(store.getState().detail.user?.row.id).toBe('user-000002')
  })

  it('jumps to a manager from the chain and keeps their place when the row is loaded', async () => {
    const { store } = await setUp()
    store.getState().ensureUserRows(0, 30)
    await settle()
    store.getState().jumpToUser('user-000007')
    await settle()
    expect(store.getState().selection).toEqual({ index: 7, userId: 'user-000007' })
    expect(store.getState().detail.user?.row.id).toBe('user-000007')
    store.getState().jumpToUser('user-000900')
    expect(store.getState().selection).toEqual({ index: null, userId: 'user-000900' })
  })

  it('says so when the user cannot be found', async () => {
    const { store } = await setUp()
    store.getState().openDetail('nobody')
    await settle()
    expect(store.getState().detail).toMatchObject({ isOpen: true, user: null, error: { code: 'NotFound' } })
  })
})

describe('search box and columns', () => {
  it('applies the typed text only when asked (after the debounce) and clears both at once', async () => {
    const { store } = await setUp()
    store.getState().setSearchText('anna')
    expect(store.getState().search).toBe('')
    store.getState().applySearch()
    expect(store.getState().search).toBe('anna')
    store.getState().clearSearch()
    expect(store.getState()).toMatchObject({ search: '', searchText: '' })
  })

  it('remembers the chosen columns in the preferences storage', async () => {
    const items = new Map<string, string>()
    const preferences: PreferenceStorage = {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
    }
    const { store } = await setUp({ preferences })
    store.getState().toggleColumn('mail')
    expect(store.getState().visibleColumns).toContain('mail')
    const reopened = createAppStore({ api: new FakeHeadcountApi().api, hostKind: 'electron', preferences })
    expect(reopened.getState().visibleColumns).toEqual(store.getState().visibleColumns)
  })
})
