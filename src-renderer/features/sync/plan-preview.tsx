/**
 * The preview, the heart of the product: plan, then see every operation, filter by action, search,
 * open one to see why, leave some out, export, and push exactly that.
 *
 * Test ids: sync-plan-button, plan-summary, plan-count-<action> (one chip per PlanAction), plan-search,
 * plan-exclude-shown, plan-include-shown, plan-export-csv, plan-export-json, provision-open-button,
 * plan-row (with data-operation-id, data-action), plan-detail; and those of push-panel.tsx.
 */
import { useEffect, type ReactNode } from 'react'
import { EmptyState } from '../../components/empty-state'
import { ErrorNotice } from '../../components/error-notice'
import { formatCount } from '../../components/format-count'
import { formatDuration, formatRelativeTime } from '../../components/format-time'
import { CloseIcon, SearchIcon, SyncIcon } from '../../components/icons'
import { useNow } from '../../shell/use-now'
import { useAppStore } from '../../stores/app-store-context'
import { SEARCH_DEBOUNCE_MS } from '../directory/directory-search'
import { downloadFile } from './download-file'
import { ACTION_ORDER, labelOfAction, toneOfAction } from './plan-actions'
import { PlanDetailPanel } from './plan-detail-panel'
import { PlanList } from './plan-list'
import { PushPanel } from './push-panel'

/** The preview card: toolbar, chips, list and detail, push. */
export function PlanPreview(): ReactNode {
  const plan = useAppStore((state) => state.sync.plan)
  const makePlan = useAppStore((state) => state.makePlan)
  const openProvision = useAppStore((state) => state.openProvision)
  const isDetailOpen = useAppStore((state) => state.sync.isDetailOpen)
  const summary = plan.result

  return (
    <section className="card sync-card plan-preview" aria-labelledby="preview-heading">
      <div className="sync-card-header card-header">
        <h2 id="preview-heading">Preview</h2>
        <div className="sync-card-actions">
          <button type="button" className="button" data-testid="provision-open-button" onClick={() => openProvision()}>
            Provision one user…
          </button>
          <button type="button" className="button is-primary" data-testid="sync-plan-button" disabled={plan.isBusy} onClick={() => void makePlan()}>
            {plan.isBusy ? 'Planning…' : summary === null ? 'Plan' : 'Plan again'}
          </button>
        </div>
      </div>
      {plan.error !== null && <ErrorNotice title="Could not make a plan" error={plan.error} />}
      {summary === null ? (
        plan.isBusy ? (
          <div className="plan-planning" role="status">
            <span className="spinner" aria-hidden="true" />
            Comparing the cache, the rules and the application…
          </div>
        ) : (
          <EmptyState
            icon={<SyncIcon size={40} />}
            title="No plan yet"
            action={
              <button type="button" className="button is-primary" onClick={() => void makePlan()}>
                Make a plan
              </button>
            }
          >
            <p>
              A plan lists every create, update, disable and delete Headcount would send, and every user it would skip and why.
              Nothing is sent while you review it.
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <PlanSummaryLine />
          <ActionChips />
          <PlanToolbar />
          <div className={isDetailOpen ? 'plan-body has-detail' : 'plan-body'}>
            <PlanList />
            {isDetailOpen && <PlanDetailPanel />}
          </div>
          <PushPanel />
        </>
      )}
    </section>
  )
}

function PlanSummaryLine(): ReactNode {
  const summary = useAppStore((state) => state.sync.plan.result)
  const now = useNow(30_000)
  if (summary === null) return null
  const parts = [
    `Planned ${formatRelativeTime(summary.createdAt, now)} in ${formatDuration(summary.durationMs)}`,
    `${formatCount(summary.totalOperations)} operations`,
  ]
  if (summary.excludedOperations > 0) parts.push(`${formatCount(summary.excludedOperations)} left out`)
  if (summary.unmatchedTargetUsers > 0) parts.push(`${formatCount(summary.unmatchedTargetUsers)} application users match no Entra user`)
  parts.push(`target read ${formatRelativeTime(summary.snapshotTakenAt, now)}`)
  return (
    <p className="plan-summary sync-muted" data-testid="plan-summary" data-plan-id={summary.planId}>
      {parts.join(' · ')}
    </p>
  )
}

/** One toggle chip per action with its count; none pressed shows everything. */
function ActionChips(): ReactNode {
  const counts = useAppStore((state) => state.sync.plan.result?.counts)
  const actionFilter = useAppStore((state) => state.sync.actionFilter)
  const togglePlanAction = useAppStore((state) => state.togglePlanAction)
  const showAllPlanActions = useAppStore((state) => state.showAllPlanActions)
  if (counts === undefined) return null
  return (
    <div className="plan-chips" role="group" aria-label="Show operations by action">
      <button type="button" className="plan-chip is-all" aria-pressed={actionFilter.length === 0} onClick={showAllPlanActions}>
        All
      </button>
      {ACTION_ORDER.map((action) => {
        const count = counts[action]
        return (
          <button
            key={action}
            type="button"
            className={`plan-chip is-${toneOfAction(action)}${count === 0 ? ' is-empty' : ''}`}
            data-testid={`plan-count-${action}`}
            data-count={count}
            aria-pressed={actionFilter.includes(action)}
            disabled={count === 0 && !actionFilter.includes(action)}
            onClick={() => togglePlanAction(action)}
          >
            {labelOfAction(action)} <span className="plan-chip-count">{formatCount(count)}</span>
          </button>
        )
      })}
    </div>
  )
}

function PlanToolbar(): ReactNode {
  const searchText = useAppStore((state) => state.sync.searchText)
  const total = useAppStore((state) => state.sync.rows.total)
  const exclusion = useAppStore((state) => state.sync.exclusion)
  const exportPlan = useAppStore((state) => state.sync.exportPlan)
  const setPlanSearchText = useAppStore((state) => state.setPlanSearchText)
  const applyPlanSearch = useAppStore((state) => state.applyPlanSearch)
  const clearPlanSearch = useAppStore((state) => state.clearPlanSearch)
  const setShownExcluded = useAppStore((state) => state.setShownExcluded)
  const exportPlanFile = useAppStore((state) => state.exportPlanFile)

  useEffect(() => {
    const timer = window.setTimeout(applyPlanSearch, SEARCH_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [searchText, applyPlanSearch])

  const download = async (format: 'csv' | 'json'): Promise<void> => {
    const file = await exportPlanFile(format)
    if (file !== null) downloadFile(file.fileName, file.text, format)
  }

  return (
    <>
      <div className="plan-toolbar">
        <div className="search-field" role="search">
          <SearchIcon />
          <label className="visually-hidden" htmlFor="plan-search">
            Search operations
          </label>
          <input
            id="plan-search"
            type="search"
            data-testid="plan-search"
            placeholder="Search by user name, display name or id"
            autoComplete="off"
            spellCheck={false}
            value={searchText}
            onChange={(event) => setPlanSearchText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && searchText !== '') {
                event.preventDefault()
                clearPlanSearch()
              } else if (event.key === 'Enter') applyPlanSearch()
            }}
          />
          {searchText !== '' && (
            <button type="button" className="icon-button is-small" aria-label="Clear search" onClick={clearPlanSearch}>
              <CloseIcon size={14} />
            </button>
          )}
        </div>
        <span className="plan-shown sync-muted" aria-live="polite">
          {total === null ? 'Loading…' : `${formatCount(total)} shown`}
        </span>
        <div className="plan-toolbar-actions">
          <button type="button" className="button is-subtle" data-testid="plan-exclude-shown" disabled={exclusion.isBusy || total === 0} onClick={() => void setShownExcluded(true)}>
            Leave out all shown
          </button>
          <button type="button" className="button is-subtle" data-testid="plan-include-shown" disabled={exclusion.isBusy || total === 0} onClick={() => void setShownExcluded(false)}>
            Include all shown
          </button>
          <button type="button" className="button" data-testid="plan-export-csv" disabled={exportPlan.isBusy} onClick={() => void download('csv')}>
            Export CSV
          </button>
          <button type="button" className="button" data-testid="plan-export-json" disabled={exportPlan.isBusy} onClick={() => void download('json')}>
            Export JSON
          </button>
        </div>
      </div>
      {exclusion.error !== null && <ErrorNotice title="Could not change what is left out" error={exclusion.error} />}
      {exportPlan.error !== null && <ErrorNotice title="Could not export the plan" error={exportPlan.error} />}
    </>
  )
}
