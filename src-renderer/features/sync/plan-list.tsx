/**
 * The virtual list of planned operations. Only the rows in view exist in the DOM; their data
 * comes in 200-row windows (`sync:queryPlan`) as the viewport reaches them, so 100,000 operations
 * scroll as smoothly as 100. WAI-ARIA grid pattern as in the users table: one tab stop, arrows /
 * Page / Home / End move the selection, Enter opens the details, Space includes or excludes.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { EmptyState } from '../../components/empty-state'
import { ErrorNotice } from '../../components/error-notice'
import { isRowNavigationKey } from '../directory/row-navigation'
import { rowAt } from '../directory/row-windows'
import { useAppStore, useAppStoreApi } from '../../stores/app-store-context'
import { PLAN_WINDOW_SIZE } from '../../stores/sync-slice'
import { ActionBadge } from './action-badge'

const ROW_HEIGHT = 40
const HEADER_HEIGHT = 34
const OVERSCAN = 12

function rowElementId(index: number): string {
  return `plan-row-${index}`
}

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
  const scrollRef = useRef<HTMLDivElement>(null)

  const total = rows.total ?? 0
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  })
  const items = virtualizer.getVirtualItems()
  const firstIndex = items[0]?.index ?? 0
  const lastIndex = items[items.length - 1]?.index ?? 40

  useEffect(() => {
    ensurePlanRows(firstIndex, lastIndex)
  }, [rows.key, firstIndex, lastIndex, ensurePlanRows])

  // A new plan, filter or search starts at the top.
  useEffect(() => {
    virtualizer.scrollToOffset(0)
  }, [rows.key, virtualizer])

  useEffect(() => {
    if (selectedIndex !== null && selectedIndex < total) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, total, virtualizer])

  const toggleSelected = (): void => {
    const state = storeApi.getState()
    const index = state.sync.selectedIndex
    if (index === null) return
    const row = rowAt(state.sync.rows.windows, index, PLAN_WINDOW_SIZE)
    if (row !== undefined && row.action !== 'skip') void setOperationsExcluded([row.id], !row.isExcluded)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return
    if (isRowNavigationKey(event.key)) {
      event.preventDefault()
      const viewport = (scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) - HEADER_HEIGHT
      movePlanSelection(event.key, Math.floor(viewport / ROW_HEIGHT) - 1)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (selectedIndex !== null) selectPlanRow(selectedIndex)
    } else if (event.key === ' ') {
      event.preventDefault()
      toggleSelected()
    }
  }

  const isFiltered = search.trim() !== '' || actionFilter.length > 0

  return (
    <div className="plan-list-frame">
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
      <div
        ref={scrollRef}
        className="plan-list"
        role="grid"
        aria-label="Planned operations"
        aria-rowcount={rows.total === null ? -1 : total + 1}
        aria-busy={rows.total === null}
        aria-activedescendant={selectedIndex === null ? undefined : rowElementId(selectedIndex)}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="plan-list-canvas" style={{ height: virtualizer.getTotalSize() }}>
          <div role="rowgroup" className="plan-list-header" style={{ height: HEADER_HEIGHT }}>
            <div role="row" aria-rowindex={1} className="plan-list-header-row">
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
              const position = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }
              const isActive = item.index === selectedIndex
              if (row === undefined) {
                return (
                  <div key={item.key} id={rowElementId(item.index)} role="row" aria-rowindex={item.index + 2} aria-busy="true" className="plan-row is-loading" style={position}>
                    <div role="gridcell" className="plan-cell is-wide">
                      <span className="skeleton is-wide" />
                    </div>
                  </div>
                )
              }
              const isSelected = row.id === selectedOperationId
              const className = `plan-row${isSelected ? ' is-selected' : ''}${isActive ? ' is-active' : ''}${row.isExcluded ? ' is-excluded' : ''}${
                item.index % 2 === 1 ? ' is-odd' : ''
              }`
              return (
                <div
                  key={item.key}
                  id={rowElementId(item.index)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  data-testid="plan-row"
                  data-operation-id={row.id}
                  data-action={row.action}
                  className={className}
                  style={position}
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
