/**
 * Runs: every push and provision with its status, who started it, how long it took, its counts
 * and the rules it ran with; one run's operations with error codes and request summaries; CSV
 * export; and desktop notifications for runs that end with failures.
 *
 * Test ids: runs-screen, runs-status-filter, run-row (with data-run-id, data-status), run-detail,
 * run-export-button, notify-permission-button; and those of run-operations-list.tsx.
 */
import { useEffect, useState, type ReactNode } from 'react'
import type { RunStatus, RunSummary } from '../../../src-main/common'
import { EmptyState } from '../../components/empty-state'
import { ErrorNotice } from '../../components/error-notice'
import { formatCount } from '../../components/format-count'
import { formatDuration, formatRelativeTime } from '../../components/format-time'
import { RunsIcon } from '../../components/icons'
import { useNow } from '../../shell/use-now'
import { useAppStore } from '../../stores/app-store-context'
import { downloadFile } from './download-file'
import { RunOperationsList } from './run-operations-list'
import { askNotificationPermission, notificationPermission, type NotificationPermissionState } from './run-notification'
import { labelOfRunStatus, shownRunStatus } from './run-outcome'

const STATUS_FILTERS: readonly (RunStatus | null)[] = [null, 'running', 'succeeded', 'partial', 'failed', 'cancelled']

/** The Runs screen of the active profile. */
export function RunsScreen(): ReactNode {
  const profileId = useAppStore((state) => state.activeProfileId)
  const list = useAppStore((state) => state.runs.list)
  const statusFilter = useAppStore((state) => state.runs.statusFilter)
  const selectedRunId = useAppStore((state) => state.runs.selectedRunId)
  const loadRuns = useAppStore((state) => state.loadRuns)
  const setRunStatusFilter = useAppStore((state) => state.setRunStatusFilter)
  const navigate = useAppStore((state) => state.navigate)

  useEffect(() => {
    if (profileId !== null) void loadRuns()
  }, [profileId, loadRuns])

  const runs = list.result ?? []
  const selected = runs.find((run) => run.runId === selectedRunId) ?? null

  return (
    <section className="screen runs-screen" data-testid="runs-screen" aria-labelledby="runs-heading">
      <header className="screen-header is-with-actions">
        <div className="screen-header-text">
          <h1 id="runs-heading" tabIndex={-1}>
            Runs
          </h1>
          <p className="screen-lead">Every push and every single-user provision, with each operation’s outcome. Nothing here is ever overwritten.</p>
        </div>
        <div className="screen-header-actions">
          <NotificationPermissionButton />
          <button type="button" className="button" disabled={list.isBusy} onClick={() => void loadRuns()}>
            {list.isBusy ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </header>

      <div className="runs-filter">
        <label htmlFor="runs-status-filter" className="form-label">
          Status
        </label>
        <select
          id="runs-status-filter"
          className="select-input"
          data-testid="runs-status-filter"
          value={statusFilter ?? ''}
          onChange={(event) => setRunStatusFilter(event.target.value === '' ? null : (event.target.value as RunStatus))}
        >
          {STATUS_FILTERS.map((status) => (
            <option key={status ?? 'all'} value={status ?? ''}>
              {status === null ? 'All runs' : labelOfRunStatus(status)}
            </option>
          ))}
        </select>
      </div>

      {list.error !== null && (
        <ErrorNotice
          title="Could not read the runs"
          error={list.error}
          actions={
            <button type="button" className="button" onClick={() => void loadRuns()}>
              Try again
            </button>
          }
        />
      )}

      {list.result !== null && runs.length === 0 ? (
        <EmptyState
          icon={<RunsIcon size={40} />}
          title={statusFilter === null ? 'No runs yet' : `No ${labelOfRunStatus(statusFilter).toLowerCase()} runs`}
          action={
            statusFilter === null ? (
              <button type="button" className="button is-primary" onClick={() => navigate('sync')}>
                Go to Sync
              </button>
            ) : (
              <button type="button" className="button" onClick={() => setRunStatusFilter(null)}>
                Show all runs
              </button>
            )
          }
        >
          <p>{statusFilter === null ? 'A run is recorded each time you push a plan or provision one user.' : 'Other runs are hidden by the filter.'}</p>
        </EmptyState>
      ) : (
        <RunsTable runs={runs} />
      )}

      {selected !== null && <RunDetail run={selected} />}
    </section>
  )
}

function RunsTable(props: { runs: readonly RunSummary[] }): ReactNode {
  const selectedRunId = useAppStore((state) => state.runs.selectedRunId)
  const selectRun = useAppStore((state) => state.selectRun)
  const now = useNow(30_000)
  if (props.runs.length === 0) return null
  return (
    <div className="card runs-table-card">
      <table className="runs-table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
            <th scope="col">Started by</th>
            <th scope="col" className="is-number">
              Succeeded
            </th>
            <th scope="col" className="is-number">
              Failed
            </th>
            <th scope="col" className="is-number">
              Skipped
            </th>
            <th scope="col">Rules</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((run) => {
            const status = shownRunStatus(run)
            const isSelected = run.runId === selectedRunId
            return (
              <tr key={run.runId} className={isSelected ? 'is-selected' : undefined} data-testid="run-row" data-run-id={run.runId} data-status={status} aria-selected={isSelected}>
                <td>
                  <button type="button" className="run-select" aria-label={`Show the operations of the run started ${formatRelativeTime(run.startedAt, now)}`} onClick={() => selectRun(isSelected ? null : run.runId)}>
                    <span className={`badge run-status is-${status}`}>{labelOfRunStatus(status)}</span>
                    {run.kind === 'provision' && <span className="badge">One user</span>}
                  </button>
                </td>
                <td title={new Date(run.startedAt).toLocaleString()}>{formatRelativeTime(run.startedAt, now)}</td>
                <td>{run.durationMs === null ? (run.status === 'running' ? 'running' : '—') : formatDuration(run.durationMs)}</td>
                <td>{run.startedBy}</td>
                <td className="is-number">{formatCount(run.counts.succeeded)}</td>
                <td className={run.counts.failed > 0 ? 'is-number is-failed' : 'is-number'}>{formatCount(run.counts.failed)}</td>
                <td className="is-number">{formatCount(run.counts.skipped)}</td>
                <td>
                  <code title={run.rulesFingerprint}>{run.rulesFingerprint.slice(0, 10)}</code>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function RunDetail(props: { run: RunSummary }): ReactNode {
  const exportState = useAppStore((state) => state.runs.export)
  const exportRunFile = useAppStore((state) => state.exportRunFile)
  const { run } = props
  const download = async (): Promise<void> => {
    const file = await exportRunFile()
    if (file !== null) downloadFile(file.fileName, file.text, 'csv')
  }
  return (
    <section className="card sync-card run-detail" data-testid="run-detail" aria-labelledby="run-detail-heading">
      <div className="sync-card-header card-header">
        <h2 id="run-detail-heading">
          {run.kind === 'push' ? 'Push' : 'Provision'} of {new Date(run.startedAt).toLocaleString()}
        </h2>
        <button type="button" className="button" data-testid="run-export-button" disabled={exportState.isBusy} onClick={() => void download()}>
          {exportState.isBusy ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <p className="sync-muted">
        {formatCount(run.counts.total)} operations: {formatCount(run.counts.succeeded)} succeeded, {formatCount(run.counts.failed)} failed,{' '}
        {formatCount(run.counts.skipped)} skipped, {formatCount(run.counts.pending)} not sent. Rules <code>{run.rulesFingerprint}</code>.
      </p>
      {exportState.error !== null && <ErrorNotice title="Could not export the run" error={exportState.error} />}
      <RunOperationsList />
    </section>
  )
}

/** Asks for desktop-notification permission once, from a button (browsers ignore prompts nobody asked for). */
function NotificationPermissionButton(): ReactNode {
  const [permission, setPermission] = useState<NotificationPermissionState>(() => notificationPermission())
  if (permission === 'unsupported') return null
  if (permission === 'granted') return <span className="screen-header-meta">Desktop notifications on failures: on</span>
  if (permission === 'denied') return <span className="screen-header-meta">Desktop notifications are blocked; failures show here only</span>
  return (
    <button type="button" className="button" data-testid="notify-permission-button" onClick={() => void askNotificationPermission().then(setPermission)}>
      Notify me when a run fails
    </button>
  )
}
