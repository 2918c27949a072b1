/**
 * The virtual users table. Only the rows in view (plus a margin) exist in the DOM; their data
 * comes in 200-row windows fetched as the viewport reaches them, so 100,000 rows scroll as smoothly
 * as 100. Follows the WAI-ARIA grid pattern: one tab stop, arrows/Page/Home/End move the selection
 * (`aria-activedescendant`), Enter opens the details (Escape, handled by the screen, closes them).
 */
import { type ReactNode } from 'react'
import type { UserColumn } from '../../../src-main/common'
import { EmptyState } from '../../components/empty-state'
import { ErrorNotice } from '../../components/error-notice'
import { SortIcon } from '../../components/icons'
import { usePagedVirtualRows } from '../../components/use-paged-virtual-rows'
import { useAppStore } from '../../stores/app-store-context'
import { selectCurrentUserQuery, selectCurrentUserQueryKey } from '../../stores/selectors'
import { rowAt } from './row-windows'
import { UserCell } from './user-cell'
import { USER_COLUMN_PRESENTATION, labelOfColumn, widthOfColumns } from './user-columns'

const ROW_HEIGHT = 36
const HEADER_HEIGHT = 38
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank band. */
const OVERSCAN = 12

/** The users table with its sticky, sortable header. */
export function UsersTable(): ReactNode {
  const columns = useAppStore((state) => state.visibleColumns)
  const query = useAppStore(selectCurrentUserQuery)
  const queryKey = useAppStore(selectCurrentUserQueryKey)
  const selection = useAppStore((state) => state.selection)
  const search = useAppStore((state) => state.search)
  const ensureUserRows = useAppStore((state) => state.ensureUserRows)
  const retryUserRows = useAppStore((state) => state.retryUserRows)
  const selectRow = useAppStore((state) => state.selectRow)
  const moveSelection = useAppStore((state) => state.moveSelection)
  const openDetail = useAppStore((state) => state.openDetail)
  const clearSearch = useAppStore((state) => state.clearSearch)

  const { virtualizer, items, gridProps, rowProps } = usePagedVirtualRows({
    total: query.total,
    queryKey,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    overscan: OVERSCAN,
    ensureRows: ensureUserRows,
    selectedIndex: selection.index,
    rowIdPrefix: 'user-row',
    moveSelection,
    onOtherKey: (event) => {
      if (event.key === 'Enter') {
        event.preventDefault()
        openDetail()
      }
    },
  })

  const tableWidth = widthOfColumns(columns)
  const isEmptySearch = query.total === 0 && search.trim() !== ''

  return (
    <div className="virtual-table-frame">
      {query.error !== null && (
        <div className="users-table-error">
          <ErrorNotice
            title="Some users could not be read from the cache"
            error={query.error}
            actions={
              <button type="button" className="button" onClick={retryUserRows}>
                Retry
              </button>
            }
          />
        </div>
      )}
      <div {...gridProps} className="users-table virtual-table" aria-label="Users" aria-colcount={columns.length}>
        <div
          className="virtual-table-canvas"
          style={{ height: virtualizer.getTotalSize(), minWidth: tableWidth }}
        >
          <TableHeader columns={columns} />
          <div role="rowgroup">
            {items.map((item) => {
              const row = rowAt(query.windows, item.index)
              const isSelected = row !== undefined && row.id === selection.userId
              const isActive = item.index === selection.index
              const className = `users-table-row virtual-table-row${isSelected ? ' is-selected' : ''}${isActive ? ' is-active' : ''}${
                item.index % 2 === 1 ? ' is-odd' : ''
              }`
              if (row === undefined) {
                return (
                  <div
                    key={item.key}
                    {...rowProps(item)}
                    aria-busy="true"
                    className={`${className} is-loading`}
                  >
                    {columns.map((column) => (
                      <div key={column} role="gridcell" className="users-table-cell" style={cellStyle(column)}>
                        <span className="skeleton" />
                      </div>
                    ))}
                  </div>
                )
              }
              return (
                <div
                  key={item.key}
                  {...rowProps(item)}
                  aria-selected={isSelected}
                  data-testid="user-row"
                  data-user-id={row.id}
                  className={className}
                  onClick={() => {
                    selectRow(item.index)
                    openDetail(row.id)
                  }}
                >
                  {columns.map((column) => (
                    <div key={column} role="gridcell" className="users-table-cell" style={cellStyle(column)}>
                      <UserCell row={row} column={column} />
                    </div>
                  ))}
                </div>
              )
            })}
          </div>
        </div>
        {isEmptySearch && (
          <div className="users-table-overlay">
            <EmptyState
              title={`No users match ‘${search.trim()}’`}
              action={
                <button type="button" className="button" onClick={clearSearch}>
                  Clear search
                </button>
              }
            >
              <p>Search looks at display name, mail, user principal name, department and job title.</p>
            </EmptyState>
          </div>
        )}
      </div>
    </div>
  )
}

function cellStyle(column: UserColumn): { flexBasis: number; minWidth: number } {
  const width = USER_COLUMN_PRESENTATION[column].width
  return { flexBasis: width, minWidth: width }
}

/** The sticky header row: one sort button per column, with `aria-sort` on the sorted one. */
function TableHeader(props: { columns: readonly UserColumn[] }): ReactNode {
  const sortBy = useAppStore((state) => state.sortBy)
  const sortDirection = useAppStore((state) => state.sortDirection)
  const sortByColumn = useAppStore((state) => state.sortByColumn)
  return (
    <div role="rowgroup" className="virtual-table-header" style={{ height: HEADER_HEIGHT }}>
      <div role="row" aria-rowindex={1} className="virtual-table-header-row">
        {props.columns.map((column) => {
          const isSorted = column === sortBy
          return (
            <div
              key={column}
              role="columnheader"
              className={isSorted ? 'users-table-column is-sorted' : 'users-table-column'}
              aria-sort={isSorted ? (sortDirection === 'asc' ? 'ascending' : 'descending') : 'none'}
              style={cellStyle(column)}
            >
              <button
                type="button"
                className="users-table-sort"
                title={`Sort by ${labelOfColumn(column).toLowerCase()}`}
                onClick={() => sortByColumn(column)}
              >
                <span>{labelOfColumn(column)}</span>
                <SortIcon direction={isSorted ? sortDirection : null} />
              </button>
            </div>
          )
        })}
      </div>
    </div>
  )
}
