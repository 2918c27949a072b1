/**
 * Directory slice: the users table's query, the windows of rows fetched for each query, the
 * selection and the detail panel.
 *
 * Rows arrive in windows of {@link USER_WINDOW_SIZE}, cached per query key (profile, search, sort,
 * cache generation). A reply is stored under the key it was asked for, so a slow reply to an older
 * search can never show up under the current one; replies for keys that were evicted or
 * invalidated are dropped.
 */
import type { AppErrorData, UserColumn, UserDetail, UserRow } from '../../src-main/common'
import {
  loadVisibleColumns,
  saveVisibleColumns,
  toggleColumn,
  DEFAULT_VISIBLE_COLUMNS,
} from '../features/directory/column-preferences'
import { nextRowIndex, type RowNavigationKey } from '../features/directory/row-navigation'
import { rowAt, USER_WINDOW_SIZE, userQueryKey, windowsCovering } from '../features/directory/row-windows'
import { appErrorOf } from './app-error-of'
import type { AppState, SliceCreator } from './app-state'

/** The rows known for one query. */
export interface UserQueryCache {
  /** Rows matching the query; null until the first window arrives. */
  readonly total: number | null
  readonly windows: Readonly<Record<number, readonly UserRow[]>>
  readonly error: AppErrorData | null
}

export interface RowSelection {
  /** Position in the current query, when known (a user reached through the manager chain has none). */
  readonly index: number | null
  readonly userId: string | null
}

export interface UserDetailView {
  readonly isOpen: boolean
  readonly userId: string | null
  readonly user: UserDetail | null
  readonly isLoading: boolean
  readonly error: AppErrorData | null
}

export type SortDirection = 'asc' | 'desc'

export interface DirectorySlice {
  /** What the search box shows, updated on every keystroke. */
  readonly searchText: string
  /** The search the table is showing, applied after the debounce. */
  readonly search: string
  readonly sortBy: UserColumn
  readonly sortDirection: SortDirection
  readonly visibleColumns: readonly UserColumn[]
  /** Bumped whenever the cache in main changes, which retires every cached window. */
  readonly directoryGeneration: number
  readonly userQueries: Readonly<Record<string, UserQueryCache>>
  readonly selection: RowSelection
  readonly detail: UserDetailView
  setSearchText(text: string): void
  /** Applies the search box text to the table (the search box calls this after its debounce). */
  applySearch(): void
  clearSearch(): void
  /** Sorts by a column; the same column again flips the direction. */
  sortByColumn(column: UserColumn): void
  toggleColumn(column: UserColumn): void
  resetColumns(): void
  /** Fetches whatever windows rows `firstRow..lastRow` need and are not cached or on their way. */
  ensureUserRows(firstRow: number, lastRow: number): void
  /** Clears a failed query and fetches its visible rows again. */
  retryUserRows(): void
  selectRow(index: number): void
  moveSelection(key: RowNavigationKey, pageSize: number): void
  openDetail(userId?: string): void
  closeDetail(): void
  /** Selects a user by id (from the manager chain or direct reports) and shows their details. */
  jumpToUser(userId: string): void
  invalidateDirectory(): void
}

/** Queries kept besides the current one, so going back to a recent search or sort is instant. */
const RETAINED_QUERIES = 8

const EMPTY_QUERY: UserQueryCache = { total: null, windows: {}, error: null }

const CLOSED_DETAIL: UserDetailView = { isOpen: false, userId: null, user: null, isLoading: false, error: null }

/** The cache key of the query the table shows now. */
export function currentUserQueryKey(state: AppState): string {
  return userQueryKey({
    profileId: state.activeProfileId ?? '',
    search: state.search,
    sortBy: state.sortBy,
    sortDirection: state.sortDirection,
    generation: state.directoryGeneration,
  })
}

/** The rows known for the query the table shows now (a stable empty value before any arrive). */
export function currentUserQuery(state: AppState): UserQueryCache {
  return state.userQueries[currentUserQueryKey(state)] ?? EMPTY_QUERY
}

/** Where a user sits among the rows already fetched for the current query, if there. */
function loadedIndexOf(query: UserQueryCache, userId: string): number | null {
  for (const [windowIndex, rows] of Object.entries(query.windows)) {
    const offset = rows.findIndex((row) => row.id === userId)
    if (offset >= 0) return Number(windowIndex) * USER_WINDOW_SIZE + offset
  }
  return null
}

export const createDirectorySlice: SliceCreator<DirectorySlice> = (dependencies) => (set, get) => {
  /** Windows asked for and not yet answered, as `key#window`. Not state: nothing renders it. */
  const pendingWindows = new Set<string>()
  /** Oldest first; the current key is touched on every use so it is never the one evicted. */
  let queryOrder: string[] = []
  let lastRange: readonly [number, number] = [0, 0]
  let detailRequest = 0

  const touchQuery = (key: string): void => {
    queryOrder = [...queryOrder.filter((item) => item !== key), key]
    if (queryOrder.length <= RETAINED_QUERIES + 1) return
    const evicted = queryOrder.slice(0, queryOrder.length - RETAINED_QUERIES - 1)
    queryOrder = queryOrder.slice(evicted.length)
    const userQueries = { ...get().userQueries }
    for (const key of evicted) delete userQueries[key]
    set({ userQueries })
  }

  const updateQuery = (key: string, change: (query: UserQueryCache) => UserQueryCache): void => {
    const query = get().userQueries[key]
    if (query === undefined) return // evicted or invalidated while the request was out: drop it
    set({ userQueries: { ...get().userQueries, [key]: change(query) } })
  }

  const fetchWindow = async (key: string, profileId: string, windowIndex: number): Promise<void> => {
    const pendingKey = `${key}#${windowIndex}`
    pendingWindows.add(pendingKey)
    const { search, sortBy, sortDirection } = get()
    try {
      const page = await dependencies.api.directory.queryUsers({
        profileId,
        search: search.trim() === '' ? undefined : search.trim(),
        offset: windowIndex * USER_WINDOW_SIZE,
        limit: USER_WINDOW_SIZE,
        sortBy,
        sortDirection,
      })
      updateQuery(key, (query) => ({
        ...query,
        total: page.total,
        windows: { ...query.windows, [windowIndex]: page.rows },
      }))
      fillSelectionFromRows(key)
    } catch (reason) {
      updateQuery(key, (query) => ({ ...query, error: appErrorOf(reason) }))
    } finally {
      pendingWindows.delete(pendingKey)
    }
  }

  /** A keyboard move into rows that had not arrived selects the user once they do. */
  const fillSelectionFromRows = (key: string): void => {
    const state = get()
    if (key !== currentUserQueryKey(state)) return
    const { index, userId } = state.selection
    if (index === null || userId !== null) return
    const row = rowAt(currentUserQuery(state).windows, index)
    if (row === undefined) return
    set({ selection: { index, userId: row.id } })
    if (state.detail.isOpen) get().openDetail(row.id)
  }

  const changeQuery = (change: Partial<Pick<DirectorySlice, 'search' | 'sortBy' | 'sortDirection'>>): void => {
    // The selected user stays selected (and highlighted if they appear); their position is unknown.
    set({ ...change, selection: { index: null, userId: get().selection.userId } })
  }

  return {
    searchText: '',
    search: '',
    sortBy: 'displayName',
    sortDirection: 'asc',
    visibleColumns: loadVisibleColumns(dependencies.preferences),
    directoryGeneration: 0,
    userQueries: {},
    selection: { index: null, userId: null },
    detail: CLOSED_DETAIL,

    setSearchText(text) {
      set({ searchText: text })
    },

    applySearch() {
      if (get().searchText !== get().search) changeQuery({ search: get().searchText })
    },

    clearSearch() {
      set({ searchText: '' })
      if (get().search !== '') changeQuery({ search: '' })
    },

    sortByColumn(column) {
      const { sortBy, sortDirection } = get()
      changeQuery(
        column === sortBy
          ? { sortDirection: sortDirection === 'asc' ? 'desc' : 'asc' }
          : { sortBy: column, sortDirection: 'asc' },
      )
    },

    toggleColumn(column) {
      const visibleColumns = toggleColumn(get().visibleColumns, column)
      saveVisibleColumns(dependencies.preferences, visibleColumns)
      set({ visibleColumns })
    },

    resetColumns() {
      saveVisibleColumns(dependencies.preferences, DEFAULT_VISIBLE_COLUMNS)
      set({ visibleColumns: DEFAULT_VISIBLE_COLUMNS })
    },

    ensureUserRows(firstRow, lastRow) {
      const state = get()
      const profileId = state.activeProfileId
      if (profileId === null) return
      lastRange = [firstRow, lastRow]
      const key = currentUserQueryKey(state)
      if (state.userQueries[key] === undefined) {
        set({ userQueries: { ...state.userQueries, [key]: EMPTY_QUERY } })
      }
      touchQuery(key)
      const query = get().userQueries[key] ?? EMPTY_QUERY
      if (query.error !== null) return // shown with a Retry button; no request storm behind it
      for (const windowIndex of windowsCovering(firstRow, lastRow, query.total)) {
        if (query.windows[windowIndex] !== undefined || pendingWindows.has(`${key}#${windowIndex}`)) continue
        void fetchWindow(key, profileId, windowIndex)
      }
    },

    retryUserRows() {
      const key = currentUserQueryKey(get())
      updateQuery(key, (query) => ({ ...query, error: null }))
      get().ensureUserRows(lastRange[0], lastRange[1])
    },

    selectRow(index) {
      const row = rowAt(currentUserQuery(get()).windows, index)
      set({ selection: { index, userId: row?.id ?? null } })
      if (row !== undefined && get().detail.isOpen) get().openDetail(row.id)
    },

    moveSelection(key, pageSize) {
      const state = get()
      const query = currentUserQuery(state)
      const { index, userId } = state.selection
      const current = index ?? (userId === null ? null : loadedIndexOf(query, userId))
      const next = nextRowIndex(key, current, query.total ?? 0, pageSize)
      if (next !== null) get().selectRow(next)
    },

    openDetail(userId) {
      const profileId = get().activeProfileId
      const id = userId ?? get().selection.userId
      if (profileId === null || id === null) return
      const request = ++detailRequest
      const previous = get().detail
      set({
        detail: {
          isOpen: true,
          userId: id,
          // Keep showing the previous user until the next arrives, so the panel does not flash.
          user: previous.user,
          isLoading: true,
          error: null,
        },
      })
      dependencies.api.directory.getUser({ profileId, userId: id }).then(
        (user) => {
          if (request !== detailRequest) return
          set({ detail: { isOpen: true, userId: id, user, isLoading: false, error: null } })
        },
        (reason: unknown) => {
          if (request !== detailRequest) return
          set({ detail: { isOpen: true, userId: id, user: null, isLoading: false, error: appErrorOf(reason) } })
        },
      )
    },

    closeDetail() {
      detailRequest++
      set({ detail: CLOSED_DETAIL })
    },

    jumpToUser(userId) {
      set({ selection: { index: loadedIndexOf(currentUserQuery(get()), userId), userId } })
      get().openDetail(userId)
    },

    invalidateDirectory() {
      pendingWindows.clear()
      queryOrder = []
      set({ directoryGeneration: get().directoryGeneration + 1, userQueries: {} })
      const { detail } = get()
      if (detail.isOpen && detail.userId !== null) get().openDetail(detail.userId)
    },
  }
}
