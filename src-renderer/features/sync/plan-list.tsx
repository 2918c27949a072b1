/**
 * The virtual list of planned operations. Only the rows in view exist in the DOM; their data
 * comes in 200-row windows (`sync:queryPlan`) as the viewport reaches them, so 100,000 operations
 * scroll as smoothly as 100. WAI-ARIA grid pattern as in the users table: one tab stop, arrows /
 * Page / Home / End move the selection, Enter opens the details, Space includes or excludes.
 */
import { type ReactNode } from 'react'
import { EmptyState } from '../../components/empty-state'
import { ErrorNotice } from '../../components/error-notice'
import { usePagedVirtualRows } from '../../components/use-paged-virtual-rows'
import { rowAt } from '../directory/row-windows'
import { useAppStore, useAppStoreApi } from '../../stores/app-store-context'
import { PLAN_WINDOW_SIZE } from '../../stores/sync-slice'
import { ActionBadge } from './action-badge'

const ROW_HEIGHT = 40
const HEADER_HEIGHT = 34
const OVERSCAN = 12

/** The list with its sticky header. */
export function PlanList(): ReactNode {
  const rows = useAppStore((state) => state.sync.rows)
  const selectedIndex = useAppStore((state) => state.sync.selectedIndex)
  const selectedOperationId = useAppStore((state) => state.sync.selectedOperationId)
  const search = useAppStore((state) => state.sync.search)
  const actionFilter = useAppStore((state) => state.sync.actionFilter)
  const ensurePlanRows = useAppStore((state) => state.ensurePlanRows)
  const retryPlanRows = useAppStore((state) => state.retryPlanRows)
  const selectPlanRow = useAppStore((state) => state.selectPlanRow)
  const movePlanSelection = useAppStore((state) => state.movePlanSelection)
  const setOperationsExcluded = useAppStore((state) => state.setOperationsExcluded)
  const clearPlanSearch = useAppStore((state) => state.clearPlanSearch)
  const showAllPlanActions = useAppStore((state) => state.showAllPlanActions)
  const storeApi = useAppStoreApi()

  const toggleSelected = (): void => {
    const state = storeApi.getState()
    const index = state.sync.selectedIndex
    if (index === null) return
    const row = rowAt(state.sync.rows.windows, index, PLAN_WINDOW_SIZE)
    if (row !== undefined && row.action !== 'skip') void setOperationsExcluded([row.id], !row.isExcluded)
  }

  const { virtualizer, items, gridProps, rowProps } = usePagedVirtualRows({
    total: rows.total,
    queryKey: rows.key,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    overscan: OVERSCAN,
    ensureRows: ensurePlanRows,
    selectedIndex,
    rowIdPrefix: 'plan-row',
    moveSelection: movePlanSelection,
    onOtherKey: (event) => {
      if (event.key === 'Enter') {
        event.preventDefault()
        if (selectedIndex !== null) selectPlanRow(selectedIndex)
      } else if (event.key === ' ') {
        event.preventDefault()
        toggleSelected()
      }
    },
  })

  const isFiltered = search.trim() !== '' || actionFilter.length > 0

  return (
    <div className="virtual-table-frame">
      {rows.error !== null && (
        <ErrorNotice
          title="Some operations could not be read"
          error={rows.error}
          actions={
            <button type="button" className="button" onClick={retryPlanRows}>
              Retry
            </button>
          }
        />
      )}
      <div {...gridProps} className="plan-list virtual-table" aria-label="Planned operations">
        <div className="virtual-table-canvas" style={{ height: virtualizer.getTotalSize() }}>
          <div role="rowgroup" className="virtual-table-header" style={{ height: HEADER_HEIGHT }}>
            <div role="row" aria-rowindex={1} className="plan-list-header-row virtual-table-header-row">
              <div role="columnheader" className="plan-cell is-check">
                <span className="visually-hidden">Included</span>
              </div>
              <div role="columnheader" className="plan-cell is-action">Action</div>
              <div role="columnheader" className="plan-cell is-user">User name</div>
              <div role="columnheader" className="plan-cell is-name">Display name</div>
              <div role="columnheader" className="plan-cell is-reason">Reason</div>
            </div>
          </div>
          <div role="rowgroup">
            {items.map((item) => {
              const row = rowAt(rows.windows, item.index, PLAN_WINDOW_SIZE)
              const isActive = item.index === selectedIndex
              if (row === undefined) {
                return (
                  <div key={item.key} {...rowProps(item)} aria-busy="true" className="plan-row virtual-table-row is-loading">
                    <div role="gridcell" className="plan-cell is-wide">
                      <span className="skeleton is-wide" />
                    </div>
                  </div>
                )
              }
              const isSelected = row.id === selectedOperationId
              const className = `plan-row virtual-table-row${isSelected ? ' is-selected' : ''}${isActive ? ' is-active' : ''}${row.isExcluded ? ' is-excluded' : ''}${
                item.index % 2 === 1 ? ' is-odd' : ''
              }`
              return (
                <div
                  key={item.key}
                  {...rowProps(item)}
                  aria-selected={isSelected}
                  data-testid="plan-row"
                  data-operation-id={row.id}
                  data-action={row.action}
                  className={className}
                  onClick={() => selectPlanRow(item.index)}
                >
                  <div role="gridcell" className="plan-cell is-check">
                    {row.action !== 'skip' && (
                      <input
                        type="checkbox"
                        tabIndex={-1}
                        data-testid="plan-row-include"
                        aria-label={`Include ${row.userName ?? row.displayName} in the push`}
                        checked={!row.isExcluded}
                        onClick={(event) => event.stopPropagation()}
                        onChange={(event) => void setOperationsExcluded([row.id], !event.target.checked)}
                      />
                    )}
                  </div>
                  <div role="gridcell" className="plan-cell is-action">
                    <ActionBadge action={row.action} />
                  </div>
                  <div role="gridcell" className="plan-cell is-user" title={row.userName ?? undefined}>
                    {row.userName ?? <span className="is-missing">—</span>}
                  </div>
                  <div role="gridcell" className="plan-cell is-name" title={row.displayName}>
                    {row.displayName}
                  </div>
                  <div role="gridcell" className="plan-cell is-reason" title={row.reason.text}>
                    {row.reason.text}
                  </div>
                </div>
              )
            })}
          </div>
        </div>
        {rows.total === 0 && (
          <div className="plan-list-overlay">
            <EmptyState
              title={isFiltered ? 'No operations match' : 'Nothing to do'}
              action={
                isFiltered ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      clearPlanSearch()
                      showAllPlanActions()
                    }}
                  >
                    Show every operation
                  </button>
                ) : undefined
              }
            >
              <p>
                {isFiltered
                  ? 'Search looks at user name, display name, Entra id and target id, within the chosen actions.'
                  : 'The application already matches Entra for everyone in scope.'}
              </p>
            </EmptyState>
          </div>
        )}
      </div>
    </div>
  )
}
