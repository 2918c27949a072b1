/**
 * The journalled operations of one run, virtualised (200-row windows of `sync:runOperations`), with
 * Entra-style error codes, messages and the request summary (secrets already redacted by main).
 *
 * Test ids: run-operation-row (with data-status), run-operations-failed-only.
 */
import { type ReactNode } from 'react'
import type { OperationStatus } from '../../../src-main/common'
import { EmptyState } from '../../components/empty-state'
import { ErrorNotice } from '../../components/error-notice'
import { formatDuration } from '../../components/format-time'
import { usePagedVirtualRows } from '../../components/use-paged-virtual-rows'
import { useAppStore } from '../../stores/app-store-context'
import { PLAN_WINDOW_SIZE } from '../../stores/sync-slice'
import { rowAt } from '../directory/row-windows'
import { ActionBadge } from './action-badge'

const ROW_HEIGHT = 64
const OVERSCAN = 8

const STATUS_LABELS: Readonly<Record<OperationStatus, string>> = {
  pending: 'Not sent',
  sent: 'Sent, no answer',
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped',
}

/** The list under the selected run. */
export function RunOperationsList(): ReactNode {
  const operations = useAppStore((state) => state.runs.operations)
  const isFailedOnly = useAppStore((state) => state.runs.isFailedOnly)
  const ensureRunOperationRows = useAppStore((state) => state.ensureRunOperationRows)
  const retryRunOperationRows = useAppStore((state) => state.retryRunOperationRows)
  const setRunFailedOnly = useAppStore((state) => state.setRunFailedOnly)
  const { total, scrollRef, virtualizer, items } = usePagedVirtualRows({
    total: operations.total,
    queryKey: operations.key,
    rowHeight: ROW_HEIGHT,
    overscan: OVERSCAN,
    initialLastIndex: 20,
    ensureRows: ensureRunOperationRows,
  })

  return (
    <div className="run-operations">
      <div className="run-operations-toolbar">
        <label className="checkbox-row">
          <input type="checkbox" data-testid="run-operations-failed-only" checked={isFailedOnly} onChange={(event) => setRunFailedOnly(event.target.checked)} />
          Failed only
        </label>
        <span className="sync-muted" aria-live="polite">
          {operations.total === null ? 'Loading…' : `${total.toLocaleString()} ${total === 1 ? 'operation' : 'operations'}`}
        </span>
      </div>
      {operations.error !== null && (
        <ErrorNotice
          title="Could not read the operations"
          error={operations.error}
          actions={
            <button type="button" className="button" onClick={retryRunOperationRows}>
              Retry
            </button>
          }
        />
      )}
      <div ref={scrollRef} className="run-operations-list virtual-table" role="list" aria-label="Operations of the run" aria-busy={operations.total === null} tabIndex={0}>
        <div className="virtual-table-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(operations.windows, item.index, PLAN_WINDOW_SIZE)
            const position = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }
            if (row === undefined) {
              return (
                <div key={item.key} role="listitem" className="run-operation-row is-loading" style={position} aria-busy="true">
                  <span className="skeleton is-wide" />
                </div>
              )
            }
            return (
              <div key={item.key} role="listitem" className={`run-operation-row is-${row.status}`} data-testid="run-operation-row" data-status={row.status} style={position}>
                <div className="run-operation-main">
                  <span className="run-operation-seq sync-muted">#{row.seq}</span>
                  <ActionBadge action={row.action} />
                  <span className="run-operation-user">{row.userName ?? row.targetId ?? row.entraId ?? '—'}</span>
                  <span className={`run-operation-status is-${row.status}`}>{STATUS_LABELS[row.status]}</span>
                  <span className="sync-muted">
                    {row.attempts > 1 ? `${row.attempts} attempts · ` : ''}
                    {row.durationMs === null ? '' : formatDuration(row.durationMs)}
                  </span>
                </div>
                <div className="run-operation-detail">
                  {row.errorCode !== null && <code className="run-operation-code">{row.errorCode}</code>}
                  {row.errorMessage !== null && <span className="run-operation-message">{row.errorMessage}</span>}
                  {row.requestSummary !== null && (
                    <code className="run-operation-request" title={row.requestSummary}>
                      {row.requestSummary}
                    </code>
                  )}
                </div>
              </div>
            )
          })}
        </div>
        {operations.total === 0 && (
          <div className="plan-list-overlay">
            <EmptyState title={isFailedOnly ? 'No failed operations' : 'No operations'}>
              <p>{isFailedOnly ? 'Every operation of this run that was sent succeeded.' : 'This run had nothing to send.'}</p>
            </EmptyState>
          </div>
        )}
      </div>
    </div>
  )
}
